"""Run the library (sync or async) and the `kling` CLI against a hostile server."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

import attrs
from hostile_server import HostileServer

from kling_ext import AsyncKling, Kling
from kling_ext.testing import FAST_POLLING

KEY = "sk-hostile-test-key-0123456789abcdef"

Action = Callable[[Any], Any]
"""Given a client, do something with it: return a value (sync) or an awaitable (async)."""


def run(
    flavor: str,
    server: HostileServer,
    action: Action,
    *,
    real_sleep: bool = False,
    **options: Any,
) -> Any:
    """`action(client)` with a fresh `Kling` or `AsyncKling` on `server`; its result or error.

    Retries and polls do not really sleep unless `real_sleep` (deadline tests need real time).
    """
    options = {
        "api_key": KEY,
        "base_url": server.base_url,
        "poll_schedule": FAST_POLLING,
        **options,
    }
    if flavor == "sync":
        with Kling(**options) as client:
            if not real_sleep:
                client._sleep = lambda seconds: None
            return action(client)

    async def no_sleep(seconds: float) -> None:
        await asyncio.sleep(0)

    async def go() -> Any:
        async with AsyncKling(**options) as client:
            if not real_sleep:
                client._sleep = no_sleep
            return await action(client)

    return asyncio.run(go())


@attrs.frozen
class Result:
    """What a finished `kling` process left behind, and how long it took."""

    code: int
    stdout: str
    stderr: str
    seconds: float


def kling(server: HostileServer, *args: str, timeout: float = 60, key: str = KEY) -> Result:
    """Run `kling ARGS` as a user with KLING_API_KEY (`key`) and KLING_BASE_URL set for `server`."""
    cleared = ("KLING_API_KEY", "API_KEY", "KLING_BASE_URL", "KLING_ACCESS_KEY", "KLING_SECRET_KEY")
    env = {name: value for name, value in os.environ.items() if name not in cleared}
    env.update(KLING_API_KEY=key, KLING_BASE_URL=server.base_url, NO_COLOR="1")
    started = time.monotonic()
    done = subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, "-c", "from kling_ext.cli import main; main()", *args],
        env=env,
        capture_output=True,
        timeout=timeout,
        check=False,
    )
    return Result(
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
        time.monotonic() - started,
    )


def task_data(task_id: str = "8001", status: str = "submitted", **extra: Any) -> dict[str, Any]:
    """A task object as the API writes it."""
    data: dict[str, Any] = {"task_id": task_id, "task_status": status, "task_result": {}}
    if status == "succeed":
        data["task_result"] = {"videos": [{"id": "v1", "url": "https://cdn.example.test/v.mp4"}]}
    data.update(extra)
    return data


def no_traceback(texts: Sequence[str]) -> bool:
    """True when none of the texts shows a Python traceback."""
    return not any("Traceback (most recent call last)" in text for text in texts)
