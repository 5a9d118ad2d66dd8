"""``kling conformance``: check that a gateway answers as the bundled OpenAPI spec says.

schemathesis is an optional extra, so it is imported only when the command runs: ``kling --help``
works without it, and a missing extra gets an install hint instead of a traceback.

Exit status: 0 the gateway conforms; 1 the run found violations (or leniency with ``--strict``);
2 bad usage (no key, bad URL, the extra not installed: nothing was sent); 3 the run could not check
the gateway (key refused, gateway unreachable, time budget spent before the essential probes).
"""

from __future__ import annotations

import json
import os
import sys
from typing import NoReturn

import click
from click.core import ParameterSource

from kling_ext import ConfigurationError
from kling_ext._auth import redact
from kling_ext._constants import DEFAULT_BASE_URL
from kling_ext._settings import ENV_API_KEY, ENV_BASE_URL, checked_host

from ._output import echo_json, safe_text

__all__ = ["conformance"]

INSTALL_HINT = "kling conformance needs the conformance extra: pip install 'kling-ext[conformance]'"
# Modules of the extra; an ImportError naming anything else is a real bug and must surface.
_EXTRA_MODULES = ("schemathesis", "hypothesis", "requests", "werkzeug", "jsonschema")
# The same values as kling_ext.conformance._report's, which needs the extra to import.
EXIT_USAGE = 2
EXIT_COULD_NOT_RUN = 3


@click.command(
    "conformance",
    epilog="\b\nExamples:\n  kling conformance\n"
    "  kling conformance --base-url https://my-gateway.example/klingai --junit report.xml\n"
    "  kling conformance --endpoint text2video --endpoint identify-face",
)
@click.option(
    "--base-url",
    envvar=ENV_BASE_URL,
    default=DEFAULT_BASE_URL,
    show_default=True,
    show_envvar=True,
    help="The gateway to check; the spec's /v1/videos/... paths are appended.",
)
@click.option(
    "--api-key",
    envvar=list(ENV_API_KEY),
    show_envvar=True,
    help="Bearer key for the gateway (never printed).",
)
@click.option(
    "--allow-create",
    is_flag=True,
    help="Also create exactly ONE real text2video task (default model, std, 5 s: the price of "
    "one short video) and follow it to its video.",
)
@click.option(
    "--probe-creates",
    is_flag=True,
    help="Also send each task endpoint bodies it must refuse. MAY COST up to one task: a "
    "lenient gateway can run one as a paid video; the probes stop at the first accepted.",
)
@click.option(
    "--probe-duplicate-id",
    is_flag=True,
    help="With --allow-create: send that task's create again under the same external_task_id "
    "and report whether the gateway refuses it (code 1201), as it must for 'never pays twice' "
    "to be absolute. A gateway that does not refuse it MAKES A SECOND PAID TASK (the report "
    "lists its id).",
)
@click.option(
    "--max-examples",
    type=click.IntRange(min=0),
    default=20,
    show_default=True,
    help="Generated requests per query/list operation (0: only the fixed probes).",
)
@click.option(
    "--endpoint",
    "only_endpoints",
    multiple=True,
    metavar="NAME_OR_PATH",
    help="Probe only this endpoint (repeatable): a name as `kling --help` lists it "
    "(text2video, identify-face) or a spec path (/v1/videos/text2video). Default: every "
    "endpoint of the spec. The report says which were probed and that the others were not.",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Fail on leniency too (forbidden input the gateway accepted).",
)
@click.option(
    "--junit",
    "junit",
    type=click.Path(dir_okay=False, writable=True),
    help="Also write a JUnit XML report here, one testcase per check.",
)
@click.option(
    "--json",
    "json_path",
    type=click.Path(dir_okay=False, writable=True, allow_dash=True),
    help="Also write the report as JSON here (stable schema: kling_ext.conformance.JSON_SCHEMA); "
    "'-' prints it on stdout instead of the text report, which then goes to stderr.",
)
@click.option(
    "--max-time",
    type=click.FloatRange(min=1),
    default=300.0,
    show_default=True,
    help="Seconds the run may take; the report lists what it did not get to.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=1),
    default=900.0,
    show_default=True,
    help="Seconds the --allow-create task may take, on top of --max-time.",
)
def conformance(
    base_url: str,
    api_key: str | None,
    allow_create: bool,
    probe_creates: bool,
    probe_duplicate_id: bool,
    max_examples: int,
    only_endpoints: tuple[str, ...],
    strict: bool,
    junit: str | None,
    json_path: str | None,
    max_time: float,
    timeout: float,
) -> None:
    """Check a Kling gateway against the bundled OpenAPI spec.

    By default no credits are spent: no create body is sent to a task endpoint. It queries
    unknown ids and list pages, sends synchronous calls bodies they must refuse ({}, not JSON),
    and probes a missing and a bad key; every answer is validated against the spec, and the
    report names each endpoint.
    A refused key stops the run at once. Exit: 0 conforms, 1 violations, 2 bad usage, 3 could
    not run (key refused, gateway unreachable, time spent before the essentials).
    """
    to_stdout = json_path == "-"

    def refuse(kind: str, text: str) -> NoReturn:
        # With `--json -` stdout carries JSON only: the error object, as every command's --json.
        if to_stdout:
            error = {"type": kind, "code": None, "message": text, "request_id": None}
            echo_json({"error": error})
        click.echo(f"error: {text}" if kind != "ImportError" else text, err=True)
        sys.exit(EXIT_USAGE)

    if not api_key:
        names = " or ".join(ENV_API_KEY)
        refuse("ConfigurationError", f"no API key: pass --api-key or set {names}")
    if probe_duplicate_id and not allow_create:
        refuse("UsageError", "--probe-duplicate-id repeats the --allow-create task: pass both")
    try:
        checked_host(base_url.rstrip("/"), base_url)
    except ConfigurationError as exc:
        refuse("ConfigurationError", f"--base-url: {safe_text(exc.problem)}")
    try:
        from kling_ext.conformance import run_conformance, select_endpoints
    except ImportError as exc:
        if (exc.name or "").split(".")[0] not in _EXTRA_MODULES:
            raise
        refuse("ImportError", INSTALL_HINT)
    if only_endpoints:
        try:
            selected = select_endpoints(only_endpoints)
        except ValueError as exc:
            refuse("UsageError", f"--endpoint: {safe_text(str(exc))}")
        if allow_create and "text2video" not in selected.values():
            refuse(
                "UsageError", "--allow-create creates a text2video task: add --endpoint text2video"
            )

    def progress(line: str) -> None:
        click.echo(click.style(redact(line, [api_key]), dim=True), err=True)

    # Progress helps at a terminal; in CI logs the report alone is easier to read.
    show_progress = sys.stderr.isatty()
    if allow_create:
        click.echo("--allow-create: creating one real text2video task (costs credits)", err=True)
    if probe_creates:
        click.echo("--probe-creates: a lenient gateway may run one probe as a paid task", err=True)
    if probe_duplicate_id:
        click.echo(
            "--probe-duplicate-id: a gateway that accepts the repeated create makes a second "
            "paid task",
            err=True,
        )
    report = run_conformance(
        base_url=base_url,
        api_key=api_key,
        allow_create=allow_create,
        probe_creates=probe_creates,
        probe_duplicate_id=probe_duplicate_id,
        max_examples=max_examples,
        endpoints=only_endpoints or None,
        strict=strict,
        junit_path=junit,
        json_path=None if to_stdout else json_path,
        on_progress=progress if show_progress else None,
        max_time=max_time,
        timeout=timeout,
        key_source=_key_source(),
    )
    if to_stdout:
        # The JSON report carries no key; as the text report, redacted against an echoing gateway.
        text = json.dumps(report.to_json(), ensure_ascii=False, indent=2)
        click.echo(redact(text, [api_key]))
    if report.key_refused and report.stopped:
        # The one message says all there is to say: no finding is about the gateway.
        click.echo(f"error: {redact(report.stopped, [api_key])}", err=True)
    else:
        # The report never carries the key; redacting again guards against a gateway echoing it.
        click.echo(redact(report.render(), [api_key]), err=to_stdout)
    for path, kind in ((junit, "JUnit"), (None if to_stdout else json_path, "JSON")):
        if path:
            click.echo(f"{kind} report written to {path}", err=True)
    sys.exit(report.exit_code)


def _key_source() -> str:
    """Which option or variable the key came from, for the message if the gateway refuses it."""
    context = click.get_current_context()
    if context.get_parameter_source("api_key") is not ParameterSource.ENVIRONMENT:
        return "--api-key"
    return next((name for name in ENV_API_KEY if os.environ.get(name)), ENV_API_KEY[0])
