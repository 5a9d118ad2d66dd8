"""What a conformance run found, as data, as readable text and as JUnit XML.

Pure and stdlib-only (plus attrs): nothing here sends a request or imports schemathesis, so the
report can be built, rendered and tested without the conformance extra.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

import attrs

__all__ = ["CheckResult", "ConformanceReport", "Finding", "write_junit"]

Kind = Literal["failure", "leniency"]


@attrs.frozen(kw_only=True)
class Finding:
    """One way the gateway broke the contract (a failure) or accepted forbidden input (leniency).

    Attributes:
        operation: The spec's operation, e.g. ``GET /v1/videos/text2video/{id}``.
        check: What was checked, e.g. ``response_schema_conformance`` or ``auth_rejected``.
        request_summary: The request that showed it: method, URL and body. It never carries the
            ``Authorization`` header or the key.
        detail: The part of the answer that broke the contract: the status, and for a schema
            violation the JSON path, the offending value and the schema's message.
        task_id: The task a probe may have created by accident (a create that should have been
            refused but was answered 2xx), so the user can find it and its cost.
        occurrences: How many requests showed the same problem; the first one is summarised.
    """

    operation: str
    check: str
    request_summary: str
    detail: str
    task_id: str | None = None
    occurrences: int = 1


@attrs.frozen(kw_only=True)
class CheckResult:
    """One check of one probe: a JUnit testcase.

    Attributes:
        operation: The spec's operation the probe exercised.
        probe: What the probe sent, e.g. ``unknown id`` or ``generated cases``.
        check: The check's name.
        findings: What it found; empty when it passed.
        kind: Whether its findings are contract failures or leniency.
        seconds: Time spent on the probe's requests and checks.
    """

    operation: str
    probe: str
    check: str
    findings: tuple[Finding, ...] = ()
    kind: Kind = "failure"
    seconds: float = 0.0


@attrs.frozen(kw_only=True)
class ConformanceReport:
    """The outcome of :func:`kling_ext.conformance.run_conformance`.

    Attributes:
        base_url: The gateway that was checked.
        failures: Answers that break the spec. Any failure makes the run fail.
        leniency: Forbidden input the gateway accepted instead of refusing. These fail the run
            only when ``strict`` is set.
        checked: How many checks ran (one per probe and check; also the JUnit testcase count).
        requests: How many requests were sent.
        strict: Whether leniency findings fail the run.
        created_tasks: Tasks the run created or may have created (task ids), so none goes unseen.
        seconds: Wall time of the run.
        results: Every check with its findings, in the order they ran.
    """

    base_url: str
    failures: list[Finding] = attrs.field(factory=list)
    leniency: list[Finding] = attrs.field(factory=list)
    checked: int = 0
    requests: int = 0
    strict: bool = False
    created_tasks: list[str] = attrs.field(factory=list)
    seconds: float = 0.0
    results: list[CheckResult] = attrs.field(factory=list, repr=False)

    @property
    def ok(self) -> bool:
        """No failures, and no leniency findings either when the run was strict."""
        return not self.failures and not (self.strict and self.leniency)

    def render(self) -> str:
        """The report as plain text, for a terminal or a CI log.

        Returns:
            A summary line, then each failure and leniency finding with its operation, check,
            request and the offending part of the answer. Keys are never part of it.
        """
        verdict = "PASSED" if self.ok else "FAILED"
        lines = [
            f"kling-ext conformance report for {self.base_url}",
            f"{self.checked} checks on {self.requests} requests in {self.seconds:.1f} s: "
            f"{len(self.failures)} failure(s), {len(self.leniency)} leniency finding(s)"
            f"{' (strict: leniency fails the run)' if self.strict else ''}. Result: {verdict}",
        ]
        if self.failures:
            lines += ["", "FAILURES: answers that break the spec", *_render(self.failures)]
        if self.leniency:
            lines += [
                "",
                "LENIENCY: forbidden input the gateway accepted instead of refusing"
                + ("" if self.strict else " (reported only; fails with --strict)"),
                *_render(self.leniency),
            ]
        if self.created_tasks:
            lines += [
                "",
                "Tasks this run created or may have created (check them in your account):",
                *(f"  - task_id {task_id}" for task_id in self.created_tasks),
            ]
        return "\n".join(lines)


def _render(findings: Iterable[Finding]) -> list[str]:
    lines: list[str] = []
    for number, finding in enumerate(findings, 1):
        lines.append(f"{number}. {finding.operation} -- {finding.check}")
        lines.append(f"   request: {_indent(finding.request_summary)}")
        lines.append(f"   problem: {_indent(finding.detail)}")
        if finding.task_id is not None:
            lines.append(f"   A TASK MAY HAVE BEEN CREATED: task_id {finding.task_id}")
        if finding.occurrences > 1:
            lines.append(f"   (the same problem on {finding.occurrences} requests)")
    return lines


def _indent(text: str) -> str:
    # Continuation lines line up under the text after "request: " / "problem: ".
    return text.replace("\n", "\n            ")


def write_junit(report: ConformanceReport, path: str | Path) -> None:
    """Write the report as JUnit XML: one testsuite per operation, one testcase per check.

    Leniency findings are ``<failure type="leniency">`` in a strict run; otherwise the testcase
    passes and carries them in ``<system-out>``, since JUnit has no notion of a warning.

    Args:
        report: The report to write.
        path: Where to write it; parent folders must exist.
    """
    by_operation: dict[str, list[CheckResult]] = {}
    for result in report.results:
        by_operation.setdefault(result.operation, []).append(result)
    root = ET.Element(
        "testsuites",
        name="kling-ext conformance",
        tests=str(len(report.results)),
        failures=str(sum(_fails(r, strict=report.strict) for r in report.results)),
        errors="0",
        time=f"{report.seconds:.3f}",
    )
    for operation, results in by_operation.items():
        suite = ET.SubElement(
            root,
            "testsuite",
            name=operation,
            tests=str(len(results)),
            failures=str(sum(_fails(r, strict=report.strict) for r in results)),
            errors="0",
            skipped="0",
            time=f"{sum(r.seconds for r in results):.3f}",
        )
        for result in results:
            case = ET.SubElement(
                suite,
                "testcase",
                classname=operation,
                name=f"{result.probe}: {result.check}",
                time=f"{result.seconds:.3f}",
            )
            if not result.findings:
                continue
            text = "\n\n".join(
                f"request: {f.request_summary}\nproblem: {f.detail}" for f in result.findings
            )
            if _fails(result, strict=report.strict):
                failure = ET.SubElement(
                    case, "failure", type=result.kind, message=result.findings[0].detail[:200]
                )
                failure.text = text
            else:
                ET.SubElement(case, "system-out").text = f"LENIENCY (not failing):\n{text}"
    tree = ET.ElementTree(root)
    ET.indent(tree)
    tree.write(path, encoding="utf-8", xml_declaration=True)


def _fails(result: CheckResult, *, strict: bool) -> bool:
    return bool(result.findings) and (result.kind == "failure" or strict)
