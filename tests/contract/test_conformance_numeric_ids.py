"""A task_id sent as a bare JSON integer is read, not reported (issue 19, item 2).

Official ids are numeric-looking strings; gateways have sent them as JSON numbers of 15+ digits.
The spec reads both, so the conformance suite follows such a task and the client's `Task` holds
the id as text without loss.
"""

from __future__ import annotations

import json
from typing import Any

import httpx

from kling_ext import Task
from kling_ext.conformance import run_conformance
from kling_ext.mock import MockGateway

KEY = "sk-numeric-ids-0123456789abcdef"
URL = "http://mock.invalid/klingai"


def _numeric(task: Any) -> None:
    if isinstance(task, dict) and str(task.get("task_id", "")).isdigit():
        task["task_id"] = int(task["task_id"])


def numeric_id_transport(gateway: MockGateway) -> httpx.MockTransport:
    """The mock gateway, with every task_id in its JSON answers written as a JSON integer."""
    inner = gateway.transport()

    def handle(request: httpx.Request) -> httpx.Response:
        response = inner.handle_request(request)
        if not response.headers.get("Content-Type", "").startswith("application/json"):
            return response  # a video: passed through as a stream
        answer = json.loads(response.read())
        data = answer.get("data") if isinstance(answer, dict) else None
        for task in data if isinstance(data, list) else [data]:
            _numeric(task)
        headers = {k: v for k, v in response.headers.items() if k.lower() != "content-length"}
        return httpx.Response(response.status_code, headers=headers, json=answer)

    return httpx.MockTransport(handle)


def test_the_transport_sends_integer_ids() -> None:
    transport = numeric_id_transport(MockGateway(api_key=KEY))
    headers = {"Authorization": f"Bearer {KEY}"}
    with httpx.Client(transport=transport, base_url=URL, headers=headers) as http:
        body = {"model_name": "kling-v1", "prompt": "x", "duration": "5"}
        created = http.post("/v1/videos/text2video", json=body).json()["data"]
    assert isinstance(created["task_id"], int)
    task = Task.from_data(created, kind="text2video", schema="CreatedTask")
    assert task.task_id == str(created["task_id"])
    assert str(task.raw.task_id) == task.task_id


def test_conformance_follows_a_task_whose_id_is_a_json_integer() -> None:
    gateway = MockGateway(api_key=KEY)
    report = run_conformance(
        base_url=URL,
        api_key=KEY,
        transport=numeric_id_transport(gateway),
        max_examples=2,
        allow_create=True,
        sleep=lambda _: None,
    )
    assert report.exit_code == 0, report.render()
    (task,) = gateway.tasks
    assert any(task.task_id in line for line in report.created_tasks)
