"""Helpers for the client tests: canned answers, a fake clock, a sync/async harness."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import httpx
import respx

from kling_ext import AsyncKling, Kling

BASE = "https://gw.example.test/klingai"
KEY = "sk-test-0123456789abcdef"


def envelope(data: Any, *, code: int = 0, message: str = "SUCCEED") -> dict[str, Any]:
    """A success envelope as the official API writes it."""
    return {"code": code, "message": message, "request_id": "req-1", "data": data}


def error(code: int, message: str) -> dict[str, Any]:
    """An error envelope (no data), as the official API writes it."""
    return {"code": code, "message": message, "request_id": "req-err"}


def task(
    status: str = "submitted", task_id: str = "867283741759111202", **extra: Any
) -> dict[str, Any]:
    """A task object; a succeed task carries one video.

    `task_info` echoes an `external_task_id` only when one is given: a canned answer to a query
    by some other id would otherwise be about another task (which the client refuses).
    """
    external = extra.pop("external_task_id", None)
    data: dict[str, Any] = {
        "task_id": task_id,
        "task_status": status,
        "task_info": {"external_task_id": external} if external is not None else {},
        "created_at": 1722769557708,
        "updated_at": 1722769557708,
        "task_result": {},
    }
    if status == "succeed":
        data["task_result"] = {
            "videos": [{"id": "v1", "url": "https://cdn.example.test/v1.mp4", "duration": "5.042"}]
        }
    data.update(extra)
    return data


class FakeClock:
    """Virtual time: sleeping advances it instantly, and records every delay."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    async def asleep(self, seconds: float) -> None:
        self.sleep(seconds)


class Harness:
    """One client (sync or async) on a respx router, with a fake clock; `await h(...)` calls it."""

    def __init__(
        self,
        flavor: str,
        router: respx.Router,
        cdn: Callable[[httpx.Request], httpx.Response] | None = None,
        **kwargs: Any,
    ) -> None:
        self.flavor = flavor
        self.clock = FakeClock()

        def handler(request: httpx.Request) -> httpx.Response:
            # respx reads bodies eagerly; a CDN handler can stream (and break off) for real.
            if cdn is not None and request.url.host.startswith("cdn."):
                return cdn(request)
            return router.handler(request)

        transport = httpx.MockTransport(handler)
        client: Kling | AsyncKling
        if flavor == "sync":
            client = Kling(KEY, BASE, http_client=httpx.Client(transport=transport), **kwargs)
            client._sleep = self.clock.sleep
        else:
            client = AsyncKling(
                KEY, BASE, http_client=httpx.AsyncClient(transport=transport), **kwargs
            )
            client._sleep = self.clock.asleep
        client._clock = self.clock
        self.client: Any = client

    async def __call__(self, method: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        result = method(*args, **kwargs)
        return await result if inspect.isawaitable(result) else result
