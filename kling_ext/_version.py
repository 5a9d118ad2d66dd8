"""The installed distribution's version, and the User-Agent every request carries."""

from __future__ import annotations

import functools

import httpx

DISTRIBUTION = "kling-ext"


@functools.cache
def version() -> str:
    """The version of the installed `kling-ext` distribution (`0+unknown` when not installed).

    Read on first use: importlib.metadata costs tens of milliseconds to import.
    """
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed(DISTRIBUTION)
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "0+unknown"


@functools.cache
def user_agent() -> str:
    """For example `kling-ext/0.1.0 python/3.11.7 httpx/0.28.1`."""
    import platform  # here: ~1.5 ms of `import kling_ext` otherwise

    return (
        f"{DISTRIBUTION}/{version()} python/{platform.python_version()} httpx/{httpx.__version__}"
    )
