"""``kling conformance``: check that a gateway answers as the bundled OpenAPI spec says.

schemathesis is an optional extra, so it is imported only when the command runs: ``kling --help``
works without it, and a missing extra gets an install hint instead of a traceback.

Exit status: 0 when the gateway conforms, 1 when the run found failures (or leniency with
``--strict``), 2 for a usage problem (no key, bad URL, the extra not installed).
"""

from __future__ import annotations

import sys

import click

from kling_ext._auth import redact
from kling_ext._constants import DEFAULT_BASE_URL
from kling_ext._settings import ENV_API_KEY, ENV_BASE_URL

__all__ = ["conformance"]

INSTALL_HINT = "kling conformance needs the conformance extra: pip install 'kling-ext[conformance]'"
# Modules of the extra; an ImportError naming anything else is a real bug and must surface.
_EXTRA_MODULES = ("schemathesis", "hypothesis", "requests", "werkzeug", "jsonschema")
EXIT_USAGE = 2
EXIT_NONCONFORMANT = 1


@click.command(
    "conformance",
    epilog="\b\nExamples:\n  kling conformance\n"
    "  kling conformance --base-url https://my-gateway.example/klingai --junit report.xml",
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
    help="Also create ONE real text2video task (default model, std, 5 s; costs credits) and "
    "follow it to its video.",
)
@click.option(
    "--max-examples",
    type=click.IntRange(min=0),
    default=20,
    show_default=True,
    help="Generated requests per query/list operation (0: only the fixed probes).",
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
    "--timeout",
    type=click.FloatRange(min=1),
    default=900.0,
    show_default=True,
    help="Seconds the --allow-create task may take.",
)
def conformance(
    base_url: str,
    api_key: str | None,
    allow_create: bool,
    max_examples: int,
    strict: bool,
    junit: str | None,
    timeout: float,
) -> None:
    """Check a Kling gateway against the bundled OpenAPI spec.

    By default no credits are spent: it queries unknown ids and list pages, probes a missing and
    a bad key, and sends creates any gateway must refuse. Every answer is validated against the
    spec; accepting forbidden input is reported as leniency (a failure only with --strict).
    """
    if not api_key:
        click.echo(f"error: no API key: pass --api-key or set {' or '.join(ENV_API_KEY)}", err=True)
        sys.exit(EXIT_USAGE)
    if not base_url.startswith(("http://", "https://")):
        click.echo(
            f"error: --base-url must start with http:// or https://, not {base_url!r}", err=True
        )
        sys.exit(EXIT_USAGE)
    try:
        from kling_ext.conformance import run_conformance
    except ImportError as exc:
        if (exc.name or "").split(".")[0] not in _EXTRA_MODULES:
            raise
        click.echo(INSTALL_HINT, err=True)
        sys.exit(EXIT_USAGE)

    def progress(line: str) -> None:
        click.echo(click.style(redact(line, [api_key]), dim=True), err=True)

    # Progress helps at a terminal; in CI logs the report alone is easier to read.
    show_progress = sys.stderr.isatty()
    if allow_create:
        click.echo("--allow-create: creating one real text2video task (costs credits)", err=True)
    report = run_conformance(
        base_url=base_url,
        api_key=api_key,
        allow_create=allow_create,
        max_examples=max_examples,
        strict=strict,
        junit_path=junit,
        on_progress=progress if show_progress else None,
        timeout=timeout,
    )
    # The report never carries the key; redacting again guards against a gateway echoing it.
    click.echo(redact(report.render(), [api_key]))
    if junit:
        click.echo(f"JUnit report written to {junit}", err=True)
    sys.exit(0 if report.ok else EXIT_NONCONFORMANT)
