"""The key's value never alters data: redaction is for what is shown, never for what is read."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from hostile_clients import KEY, kling, no_traceback, run, task_data
from hostile_server import Action, HostileServer, Seen, envelope

Start = Callable[[Callable[[Seen], Action]], HostileServer]

# Keys that spell what every answer holds: envelope and task field names, a digit of the ids.
WORDS = ["task", "data", "code", "0", "task_id", "succeed", "request_id"]


def _gateway(seen: Seen) -> Action:
    if seen.method == "POST":
        return envelope(task_data("8001", "submitted"))
    if seen.path.endswith("/text2video"):
        return envelope([task_data("8001", "succeed"), task_data("8002", "failed")])
    return envelope(task_data("8001", "succeed", task_info={"external_task_id": "ext-100"}))


@pytest.mark.parametrize("key", WORDS)
def test_a_key_spelling_a_field_name_reads_every_answer_intact(
    hostile: Start, flavor: str, key: str
) -> None:
    server = hostile(_gateway)

    async def go_async(c: object) -> tuple[object, ...]:
        client: object = c
        return (
            await client.text2video.create(prompt="a rabbit"),  # type: ignore[attr-defined]
            await client.text2video.get("8001"),  # type: ignore[attr-defined]
            await client.text2video.wait("8001", timeout=30),  # type: ignore[attr-defined]
            await client.text2video.list(),  # type: ignore[attr-defined]
        )

    def go_sync(c: object) -> tuple[object, ...]:
        client: object = c
        return (
            client.text2video.create(prompt="a rabbit"),  # type: ignore[attr-defined]
            client.text2video.get("8001"),  # type: ignore[attr-defined]
            client.text2video.wait("8001", timeout=30),  # type: ignore[attr-defined]
            client.text2video.list(),  # type: ignore[attr-defined]
        )

    created, got, done, listed = run(
        flavor, server, go_sync if flavor == "sync" else go_async, api_key=key
    )
    assert created.task_id == "8001"
    assert got.task_id == "8001"
    assert got.external_task_id == "ext-100"
    assert got.request_id == "req-hostile"
    assert got.data["task_result"]["videos"][0]["url"] == "https://cdn.example.test/v.mp4"
    assert done.succeeded
    assert [task.task_id for task in listed] == ["8001", "8002"]
    assert len(server.requests_to("POST")) == 1


@pytest.mark.parametrize("key", ["task", "data", "code"])
def test_cli_json_with_such_a_key_is_the_answer_as_sent(hostile: Start, key: str) -> None:
    server = hostile(_gateway)
    result = kling(server, "status", "text2video", "8001", "--json", key=key)
    assert result.code == 0, result.stderr
    shown = json.loads(result.stdout)
    assert shown["task_status"] == "succeed"
    assert shown["external_task_id"] == "ext-100"
    assert no_traceback([result.stderr])


def test_an_echoed_key_stays_in_the_data_but_is_never_shown(hostile: Start, flavor: str) -> None:
    message = f"quota for Bearer {KEY} used up"

    def handler(seen: Seen) -> Action:
        return envelope(task_data("8003", "processing", task_status_msg=message))

    server = hostile(handler)
    task = run(flavor, server, lambda c: c.text2video.get("8003"))
    assert task.status_message == message, "the data is what the server sent"
    assert KEY not in repr(task)
    assert "quota for" in repr(task)


@pytest.mark.parametrize("json_flag", [[], ["--json"]], ids=["human", "json"])
def test_cli_never_prints_a_key_echoed_into_a_task(hostile: Start, json_flag: list[str]) -> None:
    def handler(seen: Seen) -> Action:
        return envelope(task_data("8004", "processing", task_status_msg=f"quota for {KEY} used up"))

    server = hostile(handler)
    result = kling(server, "status", "text2video", "8004", *json_flag)
    assert result.code == 0, result.stderr
    assert "quota for" in result.stdout
    assert KEY not in result.stdout + result.stderr
