"""7. Waiting by callback on a virtual clock: queries per task, callbacks against polling.

One 300 s task runs through the REAL client loop (`Kling.text2video.run(callbacks=...)`): the
mock gateway (`real` clock on a fake time source) POSTs its callbacks, in-process, to a
`CallbackReceiver`'s WSGI app; the client's sleeps and idle waits advance the fake clock in
half-second steps and let the gateway send what is due. The gateway counts the queries. The
same task is then waited for with every callback dropped, and by plain polling.

A batch of 1,000 tasks (durations spread over 150-450 s, seeded) is measured with the pure
schedules (`_callback_schedule.simulate_callbacks` against `_polling.simulate`), which the real
loop above is checked against.
"""

from __future__ import annotations

import random
import threading
import time
from typing import Any

import attrs
import httpx

from ._common import API_KEY, BASE_URL, Result, Section, mock_gateway

TASK_SECONDS = 300.0
BATCH = 1000
STEP = 0.5
PER_TASK_TARGET = 2  # queries per task with callbacks


class _World:
    """A fake clock shared by the gateway, the receiver and the client; sleeping pumps
    the gateway's callbacks."""

    def __init__(self) -> None:
        self.now = 0.0
        self.wall0 = time.time()
        self.gateway: Any = None

    def monotonic(self) -> float:
        return self.now

    def wall(self) -> float:
        return self.wall0 + self.now

    def advance(self, seconds: float, wake: threading.Event | None = None) -> None:
        end = self.now + max(seconds, 0.0)
        while True:
            self.gateway.pump_callbacks()
            if (wake is not None and wake.is_set()) or self.now >= end:
                return
            self.now = min(end, self.now + STEP)


def wait_once(duration: float, *, callbacks: bool, drop: str = "none") -> int:
    """Create a task lasting `duration` s and wait for it; the queries the wait made."""
    from kling_ext import Kling, PollSchedule
    from kling_ext.callbacks import CallbackReceiver
    from kling_ext.mock import CallbackFaults, MockCallbacks

    world = _World()
    receiver = CallbackReceiver("https://hooks.example.test/kling", clock=world.wall)
    to_receiver = httpx.Client(transport=httpx.WSGITransport(app=receiver.wsgi_app))  # type: ignore[arg-type]
    submitted = min(0.5, duration / 5)
    world.gateway = mock_gateway(
        clock="real",
        processing_seconds=duration - submitted,
        monotonic=world.monotonic,
        seed=1,
        callbacks=MockCallbacks(faults=CallbackFaults(drop=drop), http=to_receiver),  # type: ignore[arg-type]
    )
    http = httpx.Client(transport=world.gateway.transport())
    client = Kling(api_key=API_KEY, base_url=BASE_URL, http_client=http)
    client._clock = world.monotonic
    client._sleep = world.advance
    client._idle = world.advance
    # No jitter: the figures are exact and match the pure simulations.
    client._context = attrs.evolve(client._context, schedule=PollSchedule(jitter=0.0))
    task = client.text2video.run(
        prompt="callbacks benchmark", callbacks=receiver if callbacks else None, timeout=3600
    )
    if not task.succeeded:
        raise RuntimeError(f"the mock task ended {task.status}")
    (stored,) = world.gateway.tasks
    http.close()
    to_receiver.close()
    return int(stored.queries)


def _batch(count: int) -> tuple[float, float, float]:
    """Mean queries per task over `count` tasks: (polling, callbacks, every callback lost)."""
    from kling_ext._callback_schedule import CallbackSchedule, simulate_callbacks
    from kling_ext._polling import PollSchedule, simulate

    poll = PollSchedule(jitter=0.0)
    schedule = CallbackSchedule(poll=poll)
    rng = random.Random(0)
    durations = [rng.uniform(150.0, 450.0) for _ in range(count)]
    polled = [simulate(poll, d)[0] for d in durations]
    called = [simulate_callbacks(schedule, d, callbacks_at=(0.0, 0.5))[0] for d in durations]
    lost = [simulate_callbacks(schedule, d, final_callback=False)[0] for d in durations]
    return sum(polled) / count, sum(called) / count, sum(lost) / count


def run(quick: bool = False) -> Section:
    """One 300 s task through the real loop (three ways), and a batch by the pure schedules."""
    from kling_ext._callback_schedule import CallbackSchedule, simulate_callbacks
    from kling_ext._polling import PollSchedule, simulate

    duration = 30.0 if quick else TASK_SECONDS
    count = 20 if quick else BATCH
    section = Section("callbacks")
    polled = wait_once(duration, callbacks=False)
    called = wait_once(duration, callbacks=True)
    lost = wait_once(duration, callbacks=True, drop="all")
    final_lost = wait_once(duration, callbacks=True, drop="final")
    name = f"callbacks/{duration:g}s task"
    section.results += [
        Result(
            name=f"{name}: queries with callbacks vs polling",
            value=called,
            baseline=polled,
            ratio=called / polled,
            target=f"<= {PER_TASK_TARGET} q",
            met=called <= PER_TASK_TARGET,
            unit="q",
        ),
        Result(
            name=f"{name}, every callback lost: queries vs polling",
            value=lost,
            baseline=polled,
            ratio=lost / polled,
            target="<= 1x",
            met=lost <= polled,
            unit="q",
        ),
        Result(
            name=f"{name}, final callback lost: queries vs polling",
            value=final_lost,
            baseline=polled,
            ratio=final_lost / polled,
            target="<= 1x",
            met=final_lost <= polled,
            unit="q",
        ),
    ]
    per_poll, per_call, per_lost = _batch(count)
    section.results += [
        Result(
            name=f"callbacks/batch {count}: queries per task with callbacks vs polling",
            value=per_call,
            baseline=per_poll,
            ratio=per_call / per_poll,
            target=f"<= {PER_TASK_TARGET} q",
            met=per_call <= PER_TASK_TARGET,
            unit="q",
        ),
        Result(
            name=f"callbacks/batch {count}, every callback lost: queries per task vs polling",
            value=per_lost,
            baseline=per_poll,
            ratio=per_lost / per_poll,
            target="<= 1x",
            met=per_lost <= per_poll,
            unit="q",
        ),
    ]
    schedule = CallbackSchedule(poll=PollSchedule(jitter=0.0))
    expected = (
        simulate(PollSchedule(jitter=0.0), duration)[0],
        simulate_callbacks(schedule, duration, callbacks_at=(0.0, 0.5))[0],
        simulate_callbacks(schedule, duration, final_callback=False)[0],
    )
    agree = (polled, called, lost) == expected
    section.notes.append(
        f"callbacks: a {duration:g} s task, real client loop on a virtual clock: polling "
        f"{polled} q, by callback {called} q, every callback lost {lost} q (the polling "
        f"schedule, as nothing was heard), final one lost {final_lost} q (the safety net's "
        f"query at the expected end, 300 s). The batch rows ({count} tasks, 150-450 s) come "
        "from the pure "
        "schedules, which "
        + ("agree with the real loop." if agree else f"DISAGREE with it: {expected}.")
    )
    return section
