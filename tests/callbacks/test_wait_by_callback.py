"""Waiting by callback on the mock gateway, sync and async, on fake time."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

import pytest
from callback_support import POLLING, World, call

from kling_ext import TaskFailedError, TaskStatus, TaskTimeoutError, ValidationError
from kling_ext._polling import simulate
from kling_ext.mock import CallbackFaults, Fault

PROMPT = "a lighthouse at dusk"


@pytest.fixture(params=["sync", "async"])
def flavor(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def _run(world: World, flavor: str, **kwargs: Any) -> tuple[Any, list[str]]:
    client = world.client(flavor)
    seen: list[str] = []
    kwargs.setdefault("prompt", PROMPT)
    task = call(
        flavor,
        client.text2video.run,
        callbacks=world.receiver,
        on_update=lambda t: seen.append(t.status.value),
        **kwargs,
    )
    return task, seen


def test_a_300_s_task_ends_with_one_query_and_every_status_shown(flavor: str) -> None:
    world = World()
    task, seen = _run(world, flavor)
    assert task.status is TaskStatus.SUCCEED
    assert task.videos  # what the API says, not the callback
    # The safety net's query near the expected end (300 s), and one for the final callback.
    assert world.queries() <= 2
    assert seen == ["submitted", "processing", "succeed"]
    # Ended as the final callback came (no waiting for a poll).
    assert world.time.now == pytest.approx(300.5, abs=1.0)


def test_a_task_shorter_than_expected_ends_with_one_query(flavor: str) -> None:
    world = World(processing_seconds=120.0)
    task, seen = _run(world, flavor)
    assert task.status is TaskStatus.SUCCEED
    assert world.queries() == 1
    assert seen == ["submitted", "processing", "succeed"]
    assert world.time.now == pytest.approx(120.5, abs=1.0)


def test_the_create_carries_the_minted_capability_url(flavor: str) -> None:
    world = World()
    task, _ = _run(world, flavor)
    sent = world.gateway.tasks[0].body["callback_url"]
    assert sent == world.receiver.callback_url(task.external_task_id)
    assert "token=" in sent


def test_polling_the_same_task_asks_many_times(flavor: str) -> None:
    # The comparison the callbacks are for: the same 300 s task, polled.
    world = World()
    client = world.client(flavor)
    task = call(flavor, client.text2video.run, prompt=PROMPT)
    assert task.status is TaskStatus.SUCCEED
    assert world.queries() == simulate(POLLING, 300.5)[0]
    assert world.queries() > 20


def test_a_signed_sender_is_waited_for_the_same_way(flavor: str) -> None:
    world = World(sign=True, processing_seconds=120.0)
    task, seen = _run(world, flavor)
    assert task.status is TaskStatus.SUCCEED
    assert world.queries() == 1
    assert seen == ["submitted", "processing", "succeed"]


def test_a_failed_task_is_reported_failed_after_one_query(flavor: str) -> None:
    world = World(processing_seconds=120.0)
    with pytest.raises(TaskFailedError, match="out of foxes"):
        _run(world, flavor, prompt="a fox [mock:fail:out of foxes]")
    assert world.queries() == 1


def test_duplicated_delayed_and_reordered_callbacks_change_nothing(flavor: str) -> None:
    world = World(
        faults=CallbackFaults(duplicate=True, reorder=True, delay=3.0), processing_seconds=120.0
    )
    task, seen = _run(world, flavor)
    assert task.status is TaskStatus.SUCCEED
    assert world.queries() == 1
    # The stale "submitted" after "processing" is not shown; each status once.
    assert seen == ["submitted", "processing", "succeed"]


def test_a_receiver_down_for_a_while_gets_the_retries(flavor: str) -> None:
    world = World(faults=CallbackFaults(down_for=10.0), processing_seconds=120.0)
    task, seen = _run(world, flavor)
    assert task.status is TaskStatus.SUCCEED
    assert any(d.answer is None for d in world.gateway.callback_log)  # it was down
    # Until the retries got through the wait polled (5 s, then every 5.6 s), then stopped.
    assert world.queries() <= 4
    assert seen == ["submitted", "processing", "succeed"]


def test_every_callback_dropped_ends_like_polling(flavor: str) -> None:
    world = World(faults=CallbackFaults(drop="all"))
    task, seen = _run(world, flavor)
    assert task.status is TaskStatus.SUCCEED
    queries, noticing = simulate(POLLING, 300.5)
    # The same queries as polling, and the end noticed as soon.
    assert world.queries() == queries
    assert world.time.now <= 300.5 + noticing + 1.0
    assert seen == ["submitted", "processing", "succeed"]


def test_only_the_final_callback_dropped_costs_a_safety_query(flavor: str) -> None:
    world = World(faults=CallbackFaults(drop="final"))
    task, _ = _run(world, flavor)
    assert task.status is TaskStatus.SUCCEED
    # Heard "processing", then silence: the query near the expected end (300 s) and the next
    # after a silence; never more than polling.
    assert world.queries() <= 3
    assert world.queries() < simulate(POLLING, 300.5)[0]


def test_a_deadline_ends_a_wait_by_callback_like_a_polling_one(flavor: str) -> None:
    world = World(faults=CallbackFaults(drop="final"))
    with pytest.raises(TaskTimeoutError):
        _run(world, flavor, timeout=100.0)
    assert world.time.now == pytest.approx(100.0, abs=1.0)


def test_a_callback_url_given_with_callbacks_is_refused_before_sending(flavor: str) -> None:
    world = World()
    with pytest.raises(ValidationError, match="callback_url"):
        _run(world, flavor, callback_url="https://elsewhere.example/hook")
    assert world.gateway.creates_count == 0


def test_a_restarted_waiter_reads_what_came_while_it_was_gone(flavor: str) -> None:
    world = World()
    client = world.client(flavor)
    task = call(
        flavor,
        client.text2video.create,
        prompt=PROMPT,
        callback_url=world.receiver.callback_url("resume-me"),
        external_task_id="resume-me",
    )
    world.time.sleep(400.0)  # the waiter was gone; the callbacks went into the inbox
    assert world.queries() == 0
    done = call(flavor, client.text2video.wait, task.task_id, callbacks=world.receiver)
    assert done.status is TaskStatus.SUCCEED
    assert world.queries() == 1


def test_cancelling_an_async_wait_by_callback_stops_cleanly() -> None:
    world = World(faults=CallbackFaults(drop="all"))
    client = world.client("async")

    async def main() -> None:
        created = await client.text2video.create(
            prompt=PROMPT, callback_url=world.receiver.callback_url("x1"), external_task_id="x1"
        )
        client._idle = _real_idle
        waiting = asyncio.create_task(client.text2video.wait(created, callbacks=world.receiver))
        await asyncio.sleep(0.05)
        waiting.cancel()
        with pytest.raises(asyncio.CancelledError):
            await waiting

    asyncio.run(main())


async def _real_idle(seconds: float, wake: asyncio.Event) -> None:
    await asyncio.wait_for(wake.wait(), seconds)


@pytest.mark.parametrize("prompt", [PROMPT, "a fox [mock:fail:no fox]"], ids=["succeed", "fail"])
def test_on_update_sees_the_same_statuses_as_a_polled_wait(flavor: str, prompt: str) -> None:
    def statuses(callbacks: bool) -> list[str]:
        world = World(processing_seconds=120.0)
        client = world.client(flavor)
        seen: list[str] = []
        extra = {"callbacks": world.receiver} if callbacks else {}
        with contextlib.suppress(TaskFailedError):
            call(
                flavor,
                client.text2video.run,
                prompt=prompt,
                on_update=lambda t: seen.append(t.status.value),
                **extra,
            )
        return seen

    assert statuses(callbacks=True) == statuses(callbacks=False)


def test_a_failed_read_after_the_final_callback_is_tried_again_after_the_shortest_delay(
    flavor: str,
) -> None:
    world = World(processing_seconds=120.0, faults=CallbackFaults(drop="intermediate"))
    client = world.client(flavor)
    created = call(
        flavor,
        client.text2video.create,
        prompt=PROMPT,
        callback_url=world.receiver.callback_url("flaky"),
        external_task_id="flaky",
    )
    world.time.sleep(121.0)  # the final callback is in the inbox
    # Every attempt of the first read fails (the client's own retries included).
    world.gateway.inject(Fault(operation="query", kind="server_error", times=3))
    task = call(flavor, client.text2video.wait, created, callbacks=world.receiver)
    assert task.status is TaskStatus.SUCCEED
    assert world.queries() == 1  # the one answered
    # Tried again after the polling schedule's shortest delay (5.6 s), not at the safety net's
    # next query (the expected end, 300 s).
    assert world.time.now < 121.0 + 30.0
