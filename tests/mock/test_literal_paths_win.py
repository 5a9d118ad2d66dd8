"""A call whose path lies below a task endpoint's is that call, not a task id.

`POST /v1/videos/multi-elements/init-selection` (a multi-elements session step) was read by the
mock as a query of the task `init-selection` of `/v1/videos/multi-elements` and answered 405.
As in OpenAPI, a literal spec path wins over `{path}/{id}`: the mock answers the call, and a
task of the endpoint is still queried at `{path}/{task_id}`. The calls are found in the spec,
so one added later is covered without touching this file.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

import kling_ext
from kling_ext._spec import Call, calls, endpoints, load_spec
from kling_ext.mock import MockGateway, MockRequest

AUTH = {"Authorization": "Bearer sk-mock", "Host": "gw.test"}
BASE = "https://gw.test/klingai"
TASK_PATHS = {ep.path: ep for ep in endpoints().values()}
BELOW_TASKS = [c for c in calls().values() if c.path.rsplit("/", 1)[0] in TASK_PATHS]


def _example(target: Call) -> dict[str, Any]:
    operation = load_spec()["paths"][target.path][target.method.lower()]
    content = operation.get("requestBody", {}).get("content", {}).get("application/json", {})
    examples = content.get("examples") or {}
    chosen = examples.get("official") or next(iter(examples.values()))
    return dict(chosen["value"])


def _send(gateway: MockGateway, method: str, path: str, body: Any = None) -> tuple[int, Any]:
    raw = b"" if body is None else json.dumps(body).encode()
    response = gateway.handle(MockRequest(method, f"/klingai{path}", {}, AUTH, raw))
    return response.status, json.loads(response.body)


def test_the_spec_has_calls_below_a_task_endpoint() -> None:
    # The multi-elements session steps at least: no vacuous pass.
    assert {c.path for c in BELOW_TASKS} >= {
        f"/v1/videos/multi-elements/{step}-selection"
        for step in ("init", "add", "delete", "clear", "preview")
    }


@pytest.mark.parametrize("target", BELOW_TASKS, ids=lambda c: c.kind)
def test_mock_answers_the_call_not_a_task_query(target: Call) -> None:
    gateway = MockGateway(api_key="sk-mock")
    status, answer = _send(gateway, target.method, target.path, _example(target))
    assert (status, answer["code"]) == (200, 0), answer
    assert gateway.calls_count == 1
    # A broken body is refused as that call's (400 naming a field), not as a wrong method.
    status, answer = _send(gateway, target.method, target.path, {"no_such_field": 1})
    assert (status, answer["code"]) == (400, 1201), answer
    # Any other method is answered 405 allowing the call's methods, not a task query's GET.
    other = "PUT" if target.method != "PUT" else "PATCH"
    response = gateway.handle(MockRequest(other, f"/klingai{target.path}", {}, AUTH))
    assert response.status == 405
    assert response.headers["Allow"] == ", ".join(
        c.method for c in calls().values() if c.path == target.path
    )


@pytest.mark.parametrize("target", BELOW_TASKS, ids=lambda c: c.kind)
def test_the_client_call_reaches_it(target: Call) -> None:
    gateway = MockGateway(api_key="sk-mock")
    with (
        httpx.Client(transport=gateway.transport()) as http,
        kling_ext.Kling(api_key="sk-mock", base_url=BASE, http_client=http) as client,
    ):
        arguments = {k: v for k, v in _example(target).items() if v != ""}
        result = getattr(client, target.attr)(**arguments)
    assert result.kind == target.kind
    assert gateway.calls_count == 1


@pytest.mark.parametrize(
    "path", sorted({c.path.rsplit("/", 1)[0] for c in BELOW_TASKS}), ids=lambda p: p
)
def test_the_endpoint_s_tasks_are_still_queried_by_id(path: str) -> None:
    gateway = MockGateway(api_key="sk-mock")
    ep = TASK_PATHS[path]
    content = load_spec()["paths"][path]["post"]["requestBody"]["content"]["application/json"]
    examples = content.get("examples") or {}
    body = {**ep.defaults, **(examples.get("official") or next(iter(examples.values())))["value"]}
    status, created = _send(gateway, "POST", path, body)
    assert status == 200, created
    task_id = created["data"]["task_id"]
    status, found = _send(gateway, "GET", f"{path}/{task_id}")
    assert (status, found["data"]["task_id"]) == (200, task_id), found
