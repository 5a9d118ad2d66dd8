"""Helpers of the CLI tests: run the real `kling` script, read what it left behind.

The command line is run in-process by the `kling` fixture (tests/cli/conftest.py), or as a
subprocess (`start`: `python -c "from kling_ext.cli import main; main()"`, exactly as the
console script runs it), with only the environment a user would set.
"""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import zlib
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import attrs

KEY = "sk-mock-cli-test-key-0123456789"
# Variables that would let the user's own setup leak into a test run.
# Rich's overrides would turn on the live display where these tests expect plain lines.
_CLEARED = (
    *("KLING_API_KEY", "API_KEY", "KLING_BASE_URL", "KLING_ACCESS_KEY", "KLING_SECRET_KEY"),
    *("FORCE_COLOR", "TTY_INTERACTIVE", "TTY_COMPATIBLE"),
)
# Generous: a stuck command must fail the test, not hang the suite.
_PROCESS_TIMEOUT = 60


@attrs.frozen
class Result:
    """What a finished `kling` process left behind."""

    code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


PYTHON_WORDING = ("client.", "api_key=", "allow_insecure=", "base_url=", "access_key and")
"""What only a Python caller can do; none of it may reach a shell user."""

RunKling = Callable[..., Result]
"""The `kling` fixture: run `kling ARGS` and return its Result."""


def cli_env(base_url: str | None, key: str | None = KEY) -> dict[str, str]:
    """The environment of a user who set KLING_API_KEY and KLING_BASE_URL (or not)."""
    env = {name: value for name, value in os.environ.items() if name not in _CLEARED}
    if key is not None:
        env["KLING_API_KEY"] = key
    if base_url is not None:
        env["KLING_BASE_URL"] = base_url
    return env


def runner_env(base_url: str) -> dict[str, str | None]:
    """`cli_env` for click's CliRunner, which overlays the variables (None removes one)."""
    return {**dict.fromkeys(_CLEARED), "KLING_API_KEY": KEY, "KLING_BASE_URL": base_url}


def invoke(args: Sequence[str], env: Mapping[str, str], cwd: Path | None = None) -> Result:
    """Run `kling ARGS` in this process (click's CliRunner) with exactly the environment `env`.

    Half a CPU-second cheaper than `start` + `finish` (no interpreter to start, nothing to
    import); the same checks: neither the key nor a traceback printed.
    """
    from click.testing import CliRunner

    from kling_ext.cli import cli

    # The runner overlays its env on os.environ: remove what the user did not set.
    overlay: dict[str, str | None] = dict.fromkeys(set(os.environ) - set(env))
    overlay.update(env)
    here = Path.cwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        outcome = CliRunner().invoke(cli, list(args), env=overlay, prog_name="kling")
    finally:
        os.chdir(here)
    if not isinstance(outcome.exception, SystemExit | None):
        raise AssertionError(f"kling {' '.join(args)} raised") from outcome.exception
    result = Result(outcome.exit_code, outcome.stdout, outcome.stderr)
    assert KEY not in result.output, "the API key was printed"
    assert "Traceback" not in result.output, result.stderr
    return result


def start(
    args: Sequence[str], env: Mapping[str, str], cwd: Path | None = None
) -> subprocess.Popen[str]:
    """Start `kling ARGS` the way the console script runs it."""
    return subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, "-c", "from kling_ext.cli import main; main()", *args],
        env=dict(env),
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process: subprocess.Popen[str], *, secret: str = KEY) -> Result:
    """Wait for a started process; check that it printed neither the key nor a traceback."""
    try:
        stdout, stderr = process.communicate(timeout=_PROCESS_TIMEOUT)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    result = Result(process.returncode, stdout, stderr)
    assert secret not in result.output, "the API key was printed"
    assert "Traceback" not in result.output, result.stderr
    return result


def make_png(width: int, height: int) -> bytes:
    """A valid grey PNG of the given size."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    raw = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )
