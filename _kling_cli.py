"""The `kling` console script's first step: nothing but the standard library.

Importing `kling_ext.cli` imports the `kling_ext` package first (httpx, the spec, the client), a
fifth of a second in which a Ctrl-C would otherwise end in a traceback before any of the CLI's
own handlers exist. This module lives outside the package so that it runs before that import.
"""

from __future__ import annotations

import sys

__all__ = ["main"]

# 128 + SIGINT, as kling_ext.cli's own handler exits.
_EXIT_INTERRUPTED = 130


def main() -> None:
    """Entry point of the `kling` console script: load the CLI, then run it."""
    try:
        from kling_ext.cli import main as run
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)  # noqa: T201
        raise SystemExit(_EXIT_INTERRUPTED) from None
    run()
