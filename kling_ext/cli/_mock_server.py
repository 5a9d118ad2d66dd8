"""``kling mock-server``: run the mock Kling gateway over HTTP until Ctrl-C.

The first line on stdout is the base URL alone; hints go to stderr. A script that runs the server
in the background reads the URL from ``--url-file``, written (whole, at once) once it listens:
``$(kling mock-server | head -n 1)`` would wait for the server to end, which it never does.
"""

from __future__ import annotations

import contextlib
import ipaddress
import os
import sys
from pathlib import Path
from typing import Literal

import click

from kling_ext.mock import BREAKS, MOCK_JWT_ACCESS_KEY, MOCK_JWT_SECRET, MockCallbacks, MockGateway

from ._exit import EXIT_USAGE

__all__ = ["mock_server"]


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@click.command(
    "mock-server",
    epilog="\b\nExamples:\n  kling mock-server\n  kling mock-server --port 8000 --clock real\n"
    "  kling mock-server --url-file mock.url &\n"
    "  until [ -s mock.url ]; do sleep 0.1; done; url=$(cat mock.url)",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    default=0,
    type=click.IntRange(0, 65535),
    show_default=True,
    help="Port to listen on; 0 picks a free one.",
)
@click.option("--api-key", default="sk-mock", show_default=True, help="Bearer key to accept.")
@click.option(
    "--clock",
    type=click.Choice(["steps", "real"]),
    default="steps",
    show_default=True,
    help="steps: each query moves a task one status on; real: tasks move with time.",
)
@click.option(
    "--processing-seconds",
    type=click.FloatRange(min=0),
    default=2.0,
    show_default=True,
    help="How long a task processes with --clock real.",
)
@click.option(
    "--break",
    "breaks",
    multiple=True,
    type=click.Choice(list(BREAKS)),
    help="Break the API contract on purpose this way (repeatable), to test your tooling.",
)
@click.option(
    "--url-file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the base URL to this file once listening (for a server run in the "
    "background: wait until the file is not empty, then read it).",
)
@click.option(
    "--callbacks",
    "send_callbacks",
    is_flag=True,
    help="POST each task to its callback_url at every status (needs --clock real).",
)
@click.option(
    "--callback-secret",
    metavar="whsec_...",
    help="With --callbacks: sign them with this Standard Webhooks secret (else unsigned).",
)
@click.option(
    "--allow-remote",
    is_flag=True,
    help="Allow a non-loopback --host (the mock has no real security).",
)
def mock_server(
    host: str,
    port: int,
    api_key: str,
    clock: Literal["steps", "real"],
    processing_seconds: float,
    breaks: tuple[str, ...],
    url_file: Path | None,
    send_callbacks: bool,
    callback_secret: str | None,
    allow_remote: bool,
) -> None:
    """Serve the mock Kling gateway on HTTP until Ctrl-C.

    Prints the base URL (e.g. http://127.0.0.1:54321/klingai) as the first stdout line. A prompt
    containing [mock:fail] makes a task fail; [mock:fail:reason] sets the failure message.
    """
    if not _is_loopback(host) and not allow_remote:
        msg = f"{host} is not a loopback address; pass --allow-remote to listen on it anyway"
        raise click.UsageError(msg)
    if send_callbacks and clock != "real":
        raise click.UsageError("--callbacks needs --clock real: waits by callback make no queries")
    if callback_secret is not None and not send_callbacks:
        raise click.UsageError("--callback-secret needs --callbacks")
    if callback_secret is not None:
        from kling_ext._webhooks import webhook_key

        try:
            webhook_key(callback_secret)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--callback-secret") from None
    gateway = MockGateway(
        api_key=api_key,
        clock=clock,
        processing_seconds=processing_seconds,
        violations=breaks,
        callbacks=MockCallbacks(secret=callback_secret) if send_callbacks else None,
    )

    def ready(base_url: str) -> None:
        if url_file is not None:
            # Renamed into place, so a reader polling for a non-empty file reads the whole URL.
            partial = url_file.with_name(f".{url_file.name}.{os.getpid()}.tmp")
            partial.write_text(base_url + "\n", encoding="utf-8")
            partial.replace(url_file)
        click.echo(base_url)
        sys.stdout.flush()  # a script reading the URL must not wait for a full buffer
        click.echo(
            f"Mock Kling gateway ready. Send 'Authorization: Bearer {api_key}' (or an HS256 JWT "
            f"with iss {MOCK_JWT_ACCESS_KEY!r} signed with {MOCK_JWT_SECRET!r}). "
            "The official-style paths work without the /klingai prefix too. Ctrl-C stops.",
            err=True,
        )

    try:
        with gateway.run_callbacks() if send_callbacks else contextlib.nullcontext():
            gateway.serve_forever(host, port, on_ready=ready)
    except KeyboardInterrupt:
        click.echo("Mock gateway stopped.", err=True)
    except OSError as error:
        # Taken port, unknown address, unwritable --url-file: bad configuration, nothing served
        # (exit 1 would read as "the task failed", as everywhere else in the CLI).
        click.echo(f"error: cannot serve on {host}:{port}: {error.strerror or error}", err=True)
        sys.exit(EXIT_USAGE)
