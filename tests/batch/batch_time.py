"""A fake clock for batch tests: the batch's own waits (backoff, grace window, time limit) and
the client's retry sleeps advance it at once instead of taking real time."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import pytest

import kling_ext._batch


class FakeTime:
    """Seconds that pass only when someone sleeps; `slept` lists every wait asked for."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []
        self._lock = threading.Lock()

    def clock(self) -> float:
        return self.now

    def _advance(self, seconds: float) -> None:
        with self._lock:
            self.slept.append(seconds)
            self.now += max(seconds, 0.0)

    async def sleep(self, seconds: float) -> None:
        self._advance(seconds)
        await asyncio.sleep(0)  # still let the other jobs run

    def install(self, monkeypatch: pytest.MonkeyPatch, *clients: Any) -> FakeTime:
        """Put this clock under the batch and under each client (`Kling` or `AsyncKling`)."""
        monkeypatch.setattr(kling_ext._batch, "_clock", self.clock, raising=False)
        monkeypatch.setattr(kling_ext._batch, "_sleep", self.sleep, raising=False)
        for client in clients:
            client._clock = self.clock
            if isinstance(client, kling_ext.AsyncKling):
                client._sleep = self.sleep
            else:
                client._sleep = self._advance
        return self
