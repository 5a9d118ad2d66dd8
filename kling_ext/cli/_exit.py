"""The exit statuses of `kling`, and the one table that maps an error class to its status.

A new error class needs no entry when its parent's status fits: the lookup walks the class's MRO,
so ``TaskStateError(TaskError)`` exits like ``TaskError``. Keep the README's table in step.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from kling_ext import (
    APIConnectionError,
    APIError,
    ConfigurationError,
    KlingError,
    TaskError,
    TaskMayExistError,
    ValidationError,
)

__all__ = [
    "EXIT_BROKEN_PIPE",
    "EXIT_CODES",
    "EXIT_CONNECTION",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_REFUSED",
    "EXIT_TASK",
    "EXIT_USAGE",
    "exit_code_for",
]

EXIT_OK = 0
EXIT_TASK = 1
"""The task failed, or was still running when the wait timed out; for `kling batch`, a job
failed or `--max-time` ran out, and for `kling batch-status`, the ledger holds failed jobs."""
EXIT_USAGE = 2
"""Bad input or configuration: nothing was sent (click uses 2 for usage errors too)."""
EXIT_REFUSED = 3
"""The API answered with an error (or a create's outcome could not be confirmed)."""
EXIT_CONNECTION = 4
"""The API could not be reached, or did not answer in time."""
EXIT_INTERRUPTED = 130
"""Ctrl-C: 128 + SIGINT, as shells report a process stopped by it."""
EXIT_BROKEN_PIPE = 141
"""stdout was closed early (`| head`): 128 + SIGPIPE, what a Unix tool killed by it reports."""

EXIT_CODES: Mapping[type[BaseException], int] = MappingProxyType(
    {
        TaskError: EXIT_TASK,
        ValidationError: EXIT_USAGE,
        ConfigurationError: EXIT_USAGE,
        APIError: EXIT_REFUSED,
        TaskMayExistError: EXIT_REFUSED,
        APIConnectionError: EXIT_CONNECTION,
        KlingError: EXIT_REFUSED,
    }
)


def exit_code_for(error: BaseException | type[BaseException]) -> int:
    """The exit status for an error: the entry of its nearest class in `EXIT_CODES`.

    Args:
        error: The error that ended the command, or its class.

    Returns:
        The status; `EXIT_REFUSED` for a `KlingError` subclass without its own entry.
    """
    for cls in (error if isinstance(error, type) else type(error)).__mro__:
        if cls in EXIT_CODES:
            return EXIT_CODES[cls]
    return EXIT_REFUSED
