"""What a conformance run found, as data, as readable text, as JUnit XML and as JSON.

Pure and stdlib-only (plus attrs): nothing here sends a request or imports schemathesis, so the
report can be built, rendered and tested without the conformance extra.

The JSON report (``kling conformance --json FILE``, :func:`write_json`) is stable: its shape is
:data:`JSON_SCHEMA` (a JSON Schema), and ``schema_version`` changes only when a field is removed
or changes meaning (new fields may appear at any time).
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Literal

import attrs

__all__ = [
    "EXIT_CONFORMS",
    "EXIT_COULD_NOT_RUN",
    "EXIT_USAGE",
    "EXIT_VIOLATIONS",
    "JSON_SCHEMA",
    "CheckResult",
    "ConformanceReport",
    "Finding",
    "write_json",
    "write_junit",
]

Kind = Literal["failure", "leniency"]

EXIT_CONFORMS = 0
"""The gateway answered every probe as the spec says."""
EXIT_VIOLATIONS = 1
"""Findings: answers that break the spec (or, with ``--strict``, forbidden input accepted)."""
EXIT_USAGE = 2
"""Bad usage: no key, a bad URL or option, the extra not installed. Nothing was sent."""
EXIT_COULD_NOT_RUN = 3
"""The run could not check the gateway: key refused, gateway unreachable, or the time budget
spent before the essential probes."""
JSON_SCHEMA_VERSION = 1


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
        rule: The rule broken: a JSON pointer into the bundled spec (``""`` for the whole API,
            when the request got no answer).
        answer: The answer that showed it: status, Content-Type and the start of the body.
        consequence: What a client calling the gateway suffers from it.
        task_id: The task a probe may have created by accident (a create that should have been
            refused but was answered 2xx), so the user can find it and its cost.
        occurrences: How many requests showed the same problem; the first one is summarised.
    """

    operation: str
    check: str
    request_summary: str
    detail: str
    rule: str = ""
    answer: str = ""
    consequence: str = ""
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


@attrs.define(kw_only=True)
class EndpointSummary:
    """What a run checked of one endpoint (a task endpoint's create, query and list, or a call).

    Attributes:
        name: The endpoint's name, as the CLI's command (``text2video``, ``lip-sync``).
        path: Its collection path in the spec.
        operations: The operations probed (``GET /v1/videos/text2video/{id}`` ...).
        checks: Checks run on them.
        failures: Checks that found answers breaking the spec.
        leniency: Checks that found forbidden input accepted.
    """

    name: str
    path: str
    operations: set[str] = attrs.field(factory=set)
    checks: int = 0
    failures: int = 0
    leniency: int = 0

    def line(self) -> str:
        """One line of the text report."""
        verdict = "ok" if not self.failures else f"{self.failures} failing check(s)"
        verdict += f", {self.leniency} lenient" if self.leniency else ""
        roles = ", ".join(sorted({_role(op, self.path) for op in self.operations}))
        return f"{self.name} ({self.path}: {roles}): {self.checks} checks, {verdict}"

    def to_json(self) -> dict[str, Any]:
        """The endpoint's entry of the JSON report."""
        return {
            "name": self.name,
            "path": self.path,
            "operations": sorted(self.operations),
            "checks": self.checks,
            "failures": self.failures,
            "leniency": self.leniency,
        }


def _role(operation: str, collection: str) -> str:
    from kling_ext._spec import endpoints

    method, _, path = operation.partition(" ")
    if all(ep.path != collection for ep in endpoints().values()):
        return f"call ({method})"  # a synchronous endpoint: no task to query or list
    if path != collection:
        return "query"
    return {"POST": "create", "GET": "list"}.get(method, method.lower())


def endpoint_of(operation: str) -> tuple[str, str]:
    """The endpoint an operation (``GET /v1/videos/text2video/{id}``) belongs to: name, path.

    A path ending in a parameter (``/{id}``) belongs to its collection; the name is the one the
    CLI uses (``x-kling-name``, else made from the path).
    """
    from kling_ext._spec import endpoint_name, load_spec

    _, _, path = operation.partition(" ")
    collection = path.rsplit("/", 1)[0] if path.endswith("}") else path
    item = load_spec()["paths"].get(collection) or load_spec()["paths"].get(path) or {}
    named = next(
        (item[m] for m in ("post", "get", "delete") if "x-kling-name" in item.get(m, {})),
        item.get("post") or item.get("get") or {},
    )
    return endpoint_name(collection, named), collection


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
        stopped: Why the run ended before its plan did (key refused, gateway unreachable, time
            budget spent, follow-through stopped), or ``None``.
        not_reached: The planned probes the run did not get to.
        could_not_run: The run could not check the gateway (key refused, gateway unreachable, or
            the budget spent before the essential probes): its findings say nothing about it.
        key_refused: The gateway refused the key; ``stopped`` says so, naming where the key came
            from and its masked form.
        selected_endpoints: The endpoints the run was limited to (``endpoints=``,
            ``--endpoint``), or ``None``: every endpoint of the spec was planned.
        endpoints_not_probed: With ``selected_endpoints``, the spec's other endpoints, which
            the run did not probe (so its verdict says nothing about them).
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
    stopped: str | None = None
    not_reached: list[str] = attrs.field(factory=list)
    could_not_run: bool = False
    key_refused: bool = False
    selected_endpoints: list[str] | None = None
    endpoints_not_probed: list[str] = attrs.field(factory=list)

    @property
    def ok(self) -> bool:
        """The run checked the gateway and found no failures (nor leniency, when strict)."""
        return not self.could_not_run and not self.failures and not (self.strict and self.leniency)

    @property
    def exit_code(self) -> int:
        """:data:`EXIT_CONFORMS`, :data:`EXIT_VIOLATIONS` or :data:`EXIT_COULD_NOT_RUN`."""
        if self.could_not_run:
            return EXIT_COULD_NOT_RUN
        return EXIT_CONFORMS if self.ok else EXIT_VIOLATIONS

    @property
    def result(self) -> Literal["passed", "failed", "could_not_run"]:
        """The verdict as one word, as the JSON report states it."""
        if self.could_not_run:
            return "could_not_run"
        return "passed" if self.ok else "failed"

    def by_rule(self) -> dict[str, list[Finding]]:
        """Every finding grouped by the rule it breaks, rules in order of first appearance."""
        grouped: dict[str, list[Finding]] = {}
        for finding in [*self.failures, *self.leniency]:
            grouped.setdefault(finding.rule, []).append(finding)
        return grouped

    def endpoints(self) -> list[EndpointSummary]:
        """Each endpoint of the spec the run probed, in the order first probed."""
        found: dict[str, EndpointSummary] = {}
        for result in self.results:
            name, path = endpoint_of(result.operation)
            summary = found.setdefault(path, EndpointSummary(name=name, path=path))
            summary.operations.add(result.operation)
            summary.checks += 1
            if result.findings:
                summary.failures += result.kind == "failure"
                summary.leniency += result.kind == "leniency"
        return list(found.values())

    def to_json(self) -> dict[str, Any]:
        """The report as :data:`JSON_SCHEMA` describes it (keys never appear in it)."""
        findings = [_finding_json(f, "failure") for f in self.failures]
        findings += [_finding_json(f, "leniency") for f in self.leniency]
        return {
            "schema_version": JSON_SCHEMA_VERSION,
            "base_url": self.base_url,
            "result": self.result,
            "exit_code": self.exit_code,
            "strict": self.strict,
            "seconds": round(self.seconds, 3),
            "requests": self.requests,
            "checks": self.checked,
            "stopped": self.stopped,
            "not_reached": list(self.not_reached),
            "created_tasks": list(self.created_tasks),
            "findings": findings,
            "rules": [
                {
                    "rule": rule,
                    "findings": len(found),
                    "operations": sorted({f.operation for f in found}),
                }
                for rule, found in self.by_rule().items()
            ],
            "endpoints": [summary.to_json() for summary in self.endpoints()],
            "selected_endpoints": (
                list(self.selected_endpoints) if self.selected_endpoints is not None else None
            ),
            "endpoints_not_probed": list(self.endpoints_not_probed),
        }

    def render(self) -> str:
        """The report as plain text, for a terminal or a CI log.

        Returns:
            A summary line, then each failure and leniency finding with its operation, check,
            request and the offending part of the answer. Keys are never part of it.
        """
        verdict = {"passed": "PASSED", "failed": "FAILED", "could_not_run": "COULD NOT RUN"}[
            self.result
        ]
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
        if self.failures or self.leniency:
            lines += ["", "SUMMARY by rule broken (JSON pointer into the bundled spec):"]
            for rule, found in self.by_rule().items():
                operations = ", ".join(sorted({f.operation for f in found}))
                lines.append(f"  {rule or '(no answer)'}: {len(found)} finding(s) -- {operations}")
        if self.selected_endpoints is not None:
            lines += [
                "",
                f"ONLY these endpoints were asked for: {', '.join(self.selected_endpoints)}; "
                f"the other {len(self.endpoints_not_probed)} endpoint(s) of the spec were NOT "
                "probed, and this verdict says nothing about them.",
            ]
        probed = self.endpoints()
        if probed:
            lines += ["", f"ENDPOINTS probed ({len(probed)}):"]
            lines += [f"  {summary.line()}" for summary in probed]
        if self.stopped:
            lines += ["", f"STOPPED: {self.stopped}"]
        if self.not_reached:
            lines += ["", "NOT CHECKED (the run did not get to these):"]
            lines += [f"  - {name}" for name in self.not_reached]
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
        if finding.answer:
            lines.append(f"   answer:  {_indent(finding.answer)}")
        lines.append(f"   problem: {_indent(finding.detail)}")
        lines.append(f"   rule:    {finding.rule or '(no answer: no single rule)'}")
        lines.append(f"   impact:  {finding.consequence}")
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
                f"request: {f.request_summary}\nanswer: {f.answer}\nproblem: {f.detail}\n"
                f"rule: {f.rule}\nimpact: {f.consequence}"
                for f in result.findings
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


def _finding_json(finding: Finding, kind: Kind) -> dict[str, Any]:
    return {
        "kind": kind,
        "operation": finding.operation,
        "check": finding.check,
        "rule": finding.rule,
        "request": finding.request_summary,
        "answer": finding.answer,
        "problem": finding.detail,
        "consequence": finding.consequence,
        "occurrences": finding.occurrences,
        "task_id": finding.task_id,
    }


def write_json(report: ConformanceReport, path: str | Path) -> None:
    """Write the report as JSON in the documented shape :data:`JSON_SCHEMA`.

    Args:
        report: The report to write.
        path: Where to write it; parent folders must exist.
    """
    text = json.dumps(report.to_json(), ensure_ascii=False, indent=2)
    Path(path).write_text(text + "\n", encoding="utf-8")


_STRING = {"type": "string"}
_STRINGS = {"type": "array", "items": _STRING}
JSON_SCHEMA: Mapping[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "kling-ext conformance report",
    "type": "object",
    "required": [
        "schema_version",
        "base_url",
        "result",
        "exit_code",
        "strict",
        "seconds",
        "requests",
        "checks",
        "stopped",
        "not_reached",
        "created_tasks",
        "findings",
        "rules",
    ],
    "properties": {
        "schema_version": {"const": JSON_SCHEMA_VERSION},
        "base_url": _STRING,
        "result": {"enum": ["passed", "failed", "could_not_run"]},
        "exit_code": {"enum": [EXIT_CONFORMS, EXIT_VIOLATIONS, EXIT_COULD_NOT_RUN]},
        "strict": {"type": "boolean"},
        "seconds": {"type": "number", "minimum": 0},
        "requests": {"type": "integer", "minimum": 0},
        "checks": {"type": "integer", "minimum": 0},
        "stopped": {"type": ["string", "null"]},
        "not_reached": _STRINGS,
        "created_tasks": _STRINGS,
        # Added after version 1 (optional, so earlier reports still validate).
        "selected_endpoints": {"type": ["array", "null"], "items": _STRING},
        "endpoints_not_probed": _STRINGS,
        "findings": {
            "type": "array",
            "items": {
                "type": "object",
                "required": [
                    "kind",
                    "operation",
                    "check",
                    "rule",
                    "request",
                    "answer",
                    "problem",
                    "consequence",
                    "occurrences",
                    "task_id",
                ],
                "properties": {
                    "kind": {"enum": ["failure", "leniency"]},
                    "operation": _STRING,
                    "check": _STRING,
                    "rule": {"type": "string", "description": "JSON pointer into the bundled spec"},
                    "request": _STRING,
                    "answer": _STRING,
                    "problem": _STRING,
                    "consequence": _STRING,
                    "occurrences": {"type": "integer", "minimum": 1},
                    "task_id": {"type": ["string", "null"]},
                },
            },
        },
        "endpoints": {
            "description": "Each endpoint probed, by its name and collection path",
            "type": "array",
            "items": {
                "type": "object",
                "required": ["name", "path", "operations", "checks", "failures", "leniency"],
                "properties": {
                    "name": _STRING,
                    "path": _STRING,
                    "operations": _STRINGS,
                    "checks": {"type": "integer", "minimum": 0},
                    "failures": {"type": "integer", "minimum": 0},
                    "leniency": {"type": "integer", "minimum": 0},
                },
            },
        },
        "rules": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["rule", "findings", "operations"],
                "properties": {
                    "rule": _STRING,
                    "findings": {"type": "integer", "minimum": 1},
                    "operations": _STRINGS,
                },
            },
        },
    },
}
"""The shape of :meth:`ConformanceReport.to_json` and of ``--json FILE``, as a JSON Schema."""
