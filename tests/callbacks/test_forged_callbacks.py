"""Forged callbacks never change what a wait by callback reports (mock sender, fake time)."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest
from callback_support import World, call

from kling_ext import TaskStatus
from kling_ext.mock import CallbackFaults

PROMPT = "a lighthouse at dusk"
FORGED = "https://forged.invalid/video.mp4"


@pytest.fixture(params=["sync", "async"])
def flavor(request: pytest.FixtureRequest) -> str:
    return str(request.param)


# An unsigned receiver reads no signature: a badly signed "succeed" at the right URL is let in
# there (test_an_accepted_forgery_costs_one_query_and_changes_nothing).
REFUSED = [
    *[
        (forgery, True)
        for forgery in ("bad_signature", "wrong_token", "other_task", "unknown_task")
    ],
    *[(forgery, False) for forgery in ("wrong_token", "other_task", "unknown_task")],
]


@pytest.mark.parametrize(
    ("forgery", "sign"),
    REFUSED,
    ids=[f"{f}-{'signed' if s else 'unsigned'}" for f, s in REFUSED],
)
def test_a_refused_forgery_is_never_stored_and_never_reported(
    flavor: str, forgery: str, sign: bool
) -> None:
    world = World(faults=CallbackFaults(forge=(forgery,)), sign=sign, processing_seconds=120.0)
    client = world.client(flavor)
    seen: list[str] = []
    task = call(
        flavor,
        client.text2video.run,
        prompt=PROMPT,
        callbacks=world.receiver,
        on_update=lambda t: seen.append(t.status.value),
    )
    forged = [d for d in world.gateway.callback_log if d.kind == forgery]
    assert forged
    assert all(d.answer == 401 for d in forged)
    assert task.status is TaskStatus.SUCCEED
    assert FORGED not in json.dumps(dict(task.data))
    assert world.time.now >= 120.0  # not ended early by the forged "succeed"
    assert world.queries() == 1
    assert seen == ["submitted", "processing", "succeed"]
    stored = world.receiver.inbox.events([task.external_task_id, task.task_id])
    assert all(FORGED not in json.dumps(dict(e.data)) for e in stored)


def test_a_replayed_signed_message_is_refused(flavor: str) -> None:
    world = World(faults=CallbackFaults(forge=("replay",)), sign=True, processing_seconds=120.0)
    client = world.client(flavor)
    task = call(flavor, client.text2video.run, prompt=PROMPT, callbacks=world.receiver)
    replays = [d for d in world.gateway.callback_log if d.kind == "replay"]
    assert [d.answer for d in replays] == [409]
    assert task.status is TaskStatus.SUCCEED
    assert world.queries() == 1


def test_an_accepted_forgery_costs_one_query_and_changes_nothing(flavor: str) -> None:
    # Unsigned sender: whoever learns the capability URL can post a "succeed" for that task.
    # The wait reads the task before reporting it: still processing, so it waits on.
    world = World(faults=CallbackFaults(forge=("bad_signature",)), processing_seconds=120.0)
    client = world.client(flavor)
    seen: list[str] = []
    task = call(
        flavor,
        client.text2video.run,
        prompt=PROMPT,
        callbacks=world.receiver,
        on_update=lambda t: seen.append(t.status.value),
    )
    assert task.status is TaskStatus.SUCCEED
    assert FORGED not in json.dumps(dict(task.data))
    assert world.time.now >= 120.0
    assert world.queries() == 2  # one for the forged "succeed", one for the true one
    assert seen == ["submitted", "processing", "succeed"]


def test_a_flood_of_forged_finals_is_one_query_per_shortest_delay(flavor: str) -> None:
    world = World(faults=CallbackFaults(drop="all"), processing_seconds=120.0)
    client = world.client(flavor)
    created = call(
        flavor,
        client.text2video.create,
        prompt=PROMPT,
        callback_url=world.receiver.callback_url("flooded"),
        external_task_id="flooded",
    )
    query = urlsplit(world.receiver.callback_url("flooded")).query
    for stamp in range(200):  # 200 distinct "succeed" claims, all accepted by the receiver
        body = {
            "task_id": created.task_id,
            "task_status": "succeed",
            "updated_at": stamp,
            "task_info": {"external_task_id": "flooded"},
        }
        world.receiver.handle("POST", query, {}, json.dumps(body).encode())
    world.time.sleep(10.0)
    task = call(flavor, client.text2video.wait, created, callbacks=world.receiver)
    assert task.status is TaskStatus.SUCCEED
    # Read all at once: one query for the 200 claims, then the safety net's query at the
    # expected end (300 s) finds the real end.
    assert world.queries() == 2
