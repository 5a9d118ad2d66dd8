"""The `kling` command line (install `kling-ext[cli]`).

Importing this package costs nothing: click and rich live in the `cli` extra and are imported only
when the command runs, so a library-only install gets a one-line install hint, not a traceback.
"""

from __future__ import annotations

import os
import sys
from typing import Any

__all__ = ["INSTALL_HINT", "main"]

INSTALL_HINT = "the kling command needs the cli extra: pip install 'kling-ext[cli]'"


# 128 + SIGINT; the same value as _exit.EXIT_INTERRUPTED, which needs click to import.
_EXIT_INTERRUPTED = 130


def main() -> None:
    """Entry point of the `kling` console script."""
    try:
        _main()
    except KeyboardInterrupt:
        # Ctrl-C before a command's own handler runs (while click, rich or the command load):
        # nothing was started, so there is nothing to say but that, and no traceback.
        print("\ninterrupted", file=sys.stderr)  # noqa: T201
        raise SystemExit(_EXIT_INTERRUPTED) from None


def _main() -> None:
    try:
        import click  # noqa: F401
        import rich  # noqa: F401
    except ImportError as exc:
        print(f"error: {INSTALL_HINT} ({exc.name} is missing)", file=sys.stderr)  # noqa: T201
        raise SystemExit(2) from None
    from ._app import cli
    from ._exit import EXIT_BROKEN_PIPE

    try:
        try:
            cli(prog_name="kling")
        finally:
            # Buffered output meets a closed pipe here rather than at interpreter exit, where
            # Python would print "Exception ignored ... BrokenPipeError".
            sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (`kling list ... | head -1`): stop quietly, as Unix tools do.
        # Python would report the failed flush of stdout at exit; point it at /dev/null instead.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise SystemExit(EXIT_BROKEN_PIPE) from None


def __getattr__(name: str) -> Any:
    # `from kling_ext.cli import cli` (the click group) for tests and embedding; needs the extra.
    if name == "cli":
        from ._app import cli

        return cli
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
