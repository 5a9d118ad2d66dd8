"""Ctrl-C at any moment of a command's start exits 130 with a message, never a traceback.

The interrupt is delivered exactly while a given module is being imported (the CLI's own
modules, loaded on demand), the moments a real Ctrl-C in the first fraction of a second lands in.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

# Sends SIGINT to itself when the named module is first looked up, then runs `kling ARGS`.
_SCRIPT = """
import os, signal, sys

MODULE = sys.argv[1]

class Interrupt:
    def find_spec(self, name, path=None, target=None):
        if name == MODULE:
            sys.meta_path.remove(self)
            os.kill(os.getpid(), signal.SIGINT)
        return None

sys.meta_path.insert(0, Interrupt())
sys.argv = ["kling", *sys.argv[2:]]

from _kling_cli import main  # what the installed `kling` script runs first

main()
"""

CASES = {
    "while the package loads": ("kling_ext._sync_client", ["list", "text2video"]),
    "while httpx loads": ("httpx", ["list", "text2video"]),
    "while the exit table loads": ("kling_ext.cli._exit", ["list", "text2video"]),
    "while the output helpers load": ("kling_ext.cli._output", ["status", "text2video", "1"]),
    "while the command group loads": ("kling_ext.cli._app", ["--help"]),
    "while a create command loads": ("kling_ext.cli._tasks", ["text2video", "--prompt=x"]),
    "while mock-server loads": ("kling_ext.cli._mock_server", ["mock-server"]),
    "while conformance loads": ("kling_ext.cli._conformance", ["conformance", "--max-time=1"]),
}


@pytest.mark.parametrize(("module", "args"), CASES.values(), ids=CASES.keys())
def test_ctrl_c_at_start_exits_130_without_traceback(module: str, args: list[str]) -> None:
    # Nothing listens on port 9: a command the interrupt missed fails at once, it cannot hang.
    env = {"KLING_API_KEY": "sk-x", "KLING_BASE_URL": "http://127.0.0.1:9/klingai"}
    done = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", _SCRIPT, module, *args],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
        env={**_base_env(), **env},
    )

    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 128 + signal.SIGINT, done.stderr
    assert "interrupted" in done.stderr
    assert done.stdout == ""


def _base_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith(("KLING_", "API_KEY"))}
