"""`Task.raw`: the generated model, filled the same lazy way after create, get, wait and list."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import respx
from client_support import Harness, envelope, task
from kling_ext_openapi import models

import kling_ext._task
from kling_ext import Task, TaskStatus

TASK_ID = "867283741759111202"


def _routes(router: respx.Router) -> None:
    router.post("/v1/videos/text2video").respond(
        200, json=envelope({"task_id": TASK_ID, "task_status": "submitted"})
    )
    states = iter(["processing", "succeed", "succeed", "succeed"])
    router.get(f"/v1/videos/text2video/{TASK_ID}").mock(
        side_effect=lambda _: httpx.Response(200, json=envelope(task(next(states))))
    )
    router.get("/v1/videos/text2video").respond(200, json=envelope([task("succeed")]))


async def test_raw_is_the_generated_model_after_every_call_parsed_only_when_read(
    h: Harness, router: respx.Router, monkeypatch: pytest.MonkeyPatch
) -> None:
    _routes(router)
    parsed: list[str] = []
    real = kling_ext._task.parse_task_model

    def counting(data: Any, schema: Any = "Task") -> Any:
        parsed.append(schema)
        return real(data, schema)

    monkeypatch.setattr(kling_ext._task, "parse_task_model", counting)
    client = h.client.text2video
    created = await h(client.create, prompt="a rabbit")
    waited = await h(client.wait, created)
    got = await h(client.get, TASK_ID)
    (listed,) = await h(client.list)
    assert parsed == [], "no call parses the generated model unless asked"

    assert isinstance(created.raw, models.CreatedTask)
    assert created.raw.task_id == TASK_ID
    for seen in (waited, got, listed):
        assert isinstance(seen.raw, models.Task)
        assert seen.raw.task_result.videos[0].url == "https://cdn.example.test/v1.mp4"
    assert got.raw is got.raw, "parsed once, then kept"
    assert parsed == ["CreatedTask", "Task", "Task", "Task"]
    assert got.data["task_status"] == "succeed", "the JSON as sent is there too"


def test_raw_is_none_when_the_answer_does_not_fit_the_spec() -> None:
    view = Task.from_data({"task_id": "t"}, kind="text2video")  # the spec's Task needs a status
    assert view.status is TaskStatus.SUBMITTED, "the view reads what it can"
    assert view.raw is None
