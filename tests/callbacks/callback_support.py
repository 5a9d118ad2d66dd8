"""A fake-time world for waits by callback: a mock gateway that sends callbacks, a receiver,
and a client whose sleeps and idles move one fake clock and pump the gateway's callbacks."""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any

import httpx

from kling_ext import AsyncKling, Kling, PollSchedule
from kling_ext.callbacks import CallbackReceiver, CallbackSchedule
from kling_ext.mock import CallbackFaults, MockCallbacks, MockGateway

SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
PUBLIC_URL = "https://hooks.example.test/kling"
# The real schedule, without jitter, so query counts are exact.
POLLING = PollSchedule(jitter=0.0)
TICK = 0.5  # how far the fake clock moves per step of an idle wait


class FakeTime:
    """One clock for the gateway, the receiver and the client."""

    def __init__(self) -> None:
        self.now = 0.0
        self.wall0 = time.time()
        self.gateway: MockGateway | None = None

    def monotonic(self) -> float:
        return self.now

    def wall(self) -> float:
        return self.wall0 + self.now

    def _advance(self, seconds: float, wake: Any = None) -> None:
        end = self.now + max(seconds, 0.0)
        while True:
            assert self.gateway is not None
            self.gateway.pump_callbacks()
            if wake is not None and wake.is_set():
                return
            if self.now >= end:
                return
            self.now = min(end, self.now + TICK)

    def sleep(self, seconds: float) -> None:
        self._advance(seconds)

    async def asleep(self, seconds: float) -> None:
        self._advance(seconds)

    def idle(self, seconds: float, wake: threading.Event) -> None:
        self._advance(seconds, wake)

    async def aidle(self, seconds: float, wake: asyncio.Event) -> None:
        # The receiver's wake arrives through call_soon_threadsafe: let it run first.
        await asyncio.sleep(0)
        end = self.now + seconds
        while True:
            assert self.gateway is not None
            self.gateway.pump_callbacks()
            await asyncio.sleep(0)
            if wake.is_set() or self.now >= end:
                return
            self.now = min(end, self.now + TICK)


class World:
    """A gateway sending callbacks into a receiver, on fake time, and a client of each kind."""

    def __init__(
        self,
        *,
        faults: CallbackFaults | None = None,
        sign: bool = False,
        receiver_secret: str | None = None,
        processing_seconds: float = 300.0,
        schedule: CallbackSchedule | None = None,
    ) -> None:
        self.time = FakeTime()
        self.receiver = CallbackReceiver(
            PUBLIC_URL,
            webhook_secret=receiver_secret
            if receiver_secret is not None
            else (SECRET if sign else None),
            schedule=schedule or CallbackSchedule(),
            clock=self.time.wall,
        )
        to_receiver = httpx.Client(
            transport=httpx.WSGITransport(app=self.receiver.wsgi_app),  # type: ignore[arg-type]
        )
        self.gateway = MockGateway(
            clock="real",
            processing_seconds=processing_seconds,
            monotonic=self.time.monotonic,
            seed=1,
            callbacks=MockCallbacks(
                secret=SECRET if sign else None,
                faults=faults or CallbackFaults(),
                http=to_receiver,
            ),
        )
        self.time.gateway = self.gateway

    def client(self, flavor: str) -> Any:
        if flavor == "sync":
            client: Any = Kling(
                api_key="sk-mock",
                base_url="https://mock.invalid/klingai",
                http_client=httpx.Client(transport=self.gateway.transport()),
                poll_schedule=POLLING,
            )
            client._sleep = self.time.sleep
            client._idle = self.time.idle
        else:
            client = AsyncKling(
                api_key="sk-mock",
                base_url="https://mock.invalid/klingai",
                http_client=httpx.AsyncClient(transport=self.gateway.transport()),
                poll_schedule=POLLING,
            )
            client._sleep = self.time.asleep
            client._idle = self.time.aidle
        client._clock = self.time.monotonic
        client._context = _with_rand(client._context)
        return client

    def queries(self) -> int:
        return sum(task.queries for task in self.gateway.tasks)


def _with_rand(context: Any) -> Any:
    import attrs

    return attrs.evolve(context, rand=lambda: 0.5)


def call(flavor: str, fn: Any, *args: Any, **kwargs: Any) -> Any:
    """Call a client method of either flavour and return its result."""
    if flavor == "sync":
        return fn(*args, **kwargs)
    return asyncio.run(fn(*args, **kwargs))
