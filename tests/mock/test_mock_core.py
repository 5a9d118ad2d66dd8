"""The mock gateway's pure core: MockGateway.handle, request in, response out."""

from __future__ import annotations

import json
import re
import time
from typing import Any

import attrs
import pytest

from kling_ext._auth import JWTAuth
from kling_ext._spec import endpoints, load_spec
from kling_ext.mock import (
    FAIL_MARKER,
    MOCK_JWT_ACCESS_KEY,
    MOCK_JWT_SECRET,
    Fault,
    MockGateway,
    MockRequest,
    MockResponse,
)

AUTH = {"Authorization": "Bearer sk-mock", "Host": "gw.test"}
T2V = "/klingai/v1/videos/text2video"
BODY = {"model_name": "kling-v2-6", "prompt": "a red fox", "duration": "5"}


def send(
    gateway: MockGateway,
    method: str,
    path: str,
    body: Any = None,
    *,
    headers: dict[str, str] | None = None,
    query: dict[str, str] | None = None,
) -> MockResponse:
    raw = body if isinstance(body, bytes) else b"" if body is None else json.dumps(body).encode()
    request = MockRequest(method, path, query or {}, AUTH if headers is None else headers, raw)
    return gateway.handle(request)


def answer(response: MockResponse) -> dict[str, Any]:
    parsed: dict[str, Any] = json.loads(response.body)
    return parsed


def create(gateway: MockGateway, body: dict[str, Any] = BODY, path: str = T2V) -> dict[str, Any]:
    response = send(gateway, "POST", path, body)
    assert response.status == 200, response.body
    data: dict[str, Any] = answer(response)["data"]
    return data


def query(gateway: MockGateway, ident: str, kind: str = "text2video") -> dict[str, Any]:
    response = send(gateway, "GET", f"/klingai{endpoints()[kind].path}/{ident}")
    assert response.status == 200, response.body
    data: dict[str, Any] = answer(response)["data"]
    return data


def assert_error(response: MockResponse, status: int, code: int, message: str = "") -> None:
    body = answer(response)
    assert (response.status, body["code"]) == (status, code), body
    assert set(body) == {"code", "message", "request_id"}
    assert response.headers["Content-Type"] == "application/json"
    assert message in body["message"]


def spec_examples() -> list[Any]:
    found = []
    for kind in endpoints():
        post = load_spec()["paths"][endpoints()[kind].path]["post"]
        examples = post["requestBody"]["content"]["application/json"]["examples"]
        found += [
            pytest.param(kind, ex["value"], id=f"{kind}-{name}") for name, ex in examples.items()
        ]
    return found


# ------------------------------------------------------------------ routes and envelopes


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/klingai/v1/tasks/1"),
        ("GET", "/v1/videos/no-such-endpoint"),
        ("GET", "/"),
        ("GET", "/klingai"),
    ],
)
def test_unknown_route_is_404_1202(method: str, path: str) -> None:
    assert_error(send(MockGateway(), method, path), 404, 1202)


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("DELETE", T2V, "POST, GET"),
        ("POST", T2V + "/123", "GET"),
        ("PUT", "/mock/videos/1.mp4", "GET, HEAD"),
    ],
)
def test_wrong_method_on_a_known_path_is_405_1202(method: str, path: str, allow: str) -> None:
    response = send(MockGateway(), method, path)
    assert_error(response, 405, 1202, f"Requested method is invalid: {method} {path}")
    assert response.headers["Allow"] == allow


@pytest.mark.parametrize(("kind", "body"), spec_examples())
def test_documented_examples_create_submitted_tasks(kind: str, body: dict[str, Any]) -> None:
    gateway = MockGateway()
    response = send(gateway, "POST", endpoints()[kind].path, body)
    envelope = answer(response)
    assert response.headers["Content-Type"] == "application/json"
    assert set(envelope) == {"code", "message", "request_id", "data"}
    assert (envelope["code"], envelope["message"]) == (0, "SUCCEED")
    data = envelope["data"]
    assert re.fullmatch(r"\d{18}", data["task_id"])
    assert data["task_status"] == "submitted"
    assert data["task_info"] == {"external_task_id": body.get("external_task_id", "")}
    assert data["created_at"] == data["updated_at"]
    assert abs(data["created_at"] - time.time() * 1000) < 60_000  # milliseconds, not seconds
    assert [(t.kind, t.task_id, t.body) for t in gateway.tasks] == [(kind, data["task_id"], body)]


def test_spec_is_served_for_schema_tools() -> None:
    response = send(MockGateway(), "GET", "/openapi.json", headers={})
    assert response.status == 200
    assert json.loads(response.body)["paths"].keys() == load_spec()["paths"].keys()


def test_seed_makes_ids_reproducible() -> None:
    first, second = MockGateway(seed=7), MockGateway(seed=7)
    assert create(first)["task_id"] == create(second)["task_id"]
    assert create(MockGateway(seed=8))["task_id"] != create(MockGateway(seed=7))["task_id"]


# ------------------------------------------------------------------ auth


def token(now: float, *, secret: str = MOCK_JWT_SECRET, access: str = MOCK_JWT_ACCESS_KEY) -> str:
    return JWTAuth(access, secret, clock=lambda: now).token()


@pytest.mark.parametrize(
    ("authorization", "code", "message"),
    [
        (None, 1001, "Authorization is empty"),
        ("", 1001, "Authorization is empty"),
        ("Bearer sk-wrong", 1002, "Authorization is invalid"),
        ("Basic sk-mock", 1002, "Authorization is invalid"),
        ("Bearer", 1002, "Authorization is invalid"),
        ("Bearer a.b.c", 1002, "Authorization is invalid"),
        (f"Bearer {token(time.time(), secret='other-secret')}", 1002, "invalid"),
        (f"Bearer {token(time.time(), access='someone-else')}", 1002, "invalid"),
        (f"Bearer {token(time.time() - 4000)}", 1004, "Authorization has expired"),
        (f"Bearer {token(time.time() + 600)}", 1003, "Authorization is not yet valid"),
    ],
    ids=["missing", "empty", "wrong-key", "basic", "no-token", "garbage-jwt", "bad-signature",
         "wrong-iss", "expired", "not-yet-valid"],
)  # fmt: skip
def test_auth_refusals_are_401(authorization: str | None, code: int, message: str) -> None:
    gateway = MockGateway()
    headers = {} if authorization is None else {"Authorization": authorization}
    for method, path in [("POST", T2V), ("GET", T2V), ("GET", T2V + "/1")]:
        assert_error(send(gateway, method, path, BODY, headers=headers), 401, code, message)
    assert gateway.tasks == []


def test_official_jwt_is_accepted_until_it_expires() -> None:
    gateway = MockGateway()
    headers = {"Authorization": f"Bearer {token(time.time())}"}
    assert send(gateway, "POST", "/v1/videos/text2video", BODY, headers=headers).status == 200
    gateway.advance(1801)  # JWTAuth signs tokens valid for 30 minutes (official AK/SK docs)
    assert_error(send(gateway, "GET", "/v1/videos/text2video", headers=headers), 401, 1004)


# ------------------------------------------------------------------ validation


@pytest.mark.parametrize(
    ("raw", "code", "message"),
    [
        (b"{not json", 1200, "not valid JSON"),
        (b"", 1200, "not valid JSON"),
        (b"[1, 2]", 1200, "must be a JSON object"),
        (b'{"prompt": NaN}', 1200, "not valid JSON"),
        (
            json.dumps({"model_name": "kling-v2-6", "prompt": "x", "duration": "7"}).encode(),
            1201,
            "duration: '7' is not allowed: models before kling-v3 make 5 or 10 s videos; "
            "allowed: '5', '10'",
        ),
        (
            json.dumps({**BODY, "colour": "red"}).encode(),
            1201,
            "colour: is not a field",
        ),
        (
            json.dumps({"model_name": "kling-v3", "duration": "5"}).encode(),
            1201,
            "prompt: prompt is required",
        ),
        # Required on the wire (the default gateway requires them); only kling-ext fills them.
        (json.dumps({"prompt": "x", "duration": "5"}).encode(), 1201, "model_name: is required"),
        (json.dumps({"model_name": "kling-v3", "prompt": "x"}).encode(), 1201, "duration: is"),
    ],
    ids=[
        "broken",
        "empty",
        "array",
        "nan",
        "model-duration",
        "extra-field",
        "missing-prompt",
        "missing-model",
        "missing-duration",
    ],
)
def test_invalid_bodies_are_400_and_create_nothing(raw: bytes, code: int, message: str) -> None:
    gateway = MockGateway()
    assert_error(send(gateway, "POST", T2V, raw), 400, code, message)
    assert gateway.tasks == []
    assert gateway.creates_count == 1  # it reached the gateway all the same


def test_duplicate_external_task_id_is_refused_on_any_endpoint() -> None:
    gateway = MockGateway()
    create(gateway, {**BODY, "external_task_id": "order-42"})
    again = send(gateway, "POST", T2V, {**BODY, "external_task_id": "order-42"})
    assert_error(again, 400, 1201, "external_task_id already exists: order-42")
    other = {
        "model_name": "kling-v1-6",
        "prompt": "x",
        "duration": "5",
        "external_task_id": "order-42",
    }
    assert_error(send(gateway, "POST", "/v1/videos/text2video", other), 400, 1201, "exists")
    create(gateway, {**BODY, "external_task_id": ""})
    create(gateway, {**BODY, "external_task_id": ""})  # empty means none, so never a clash
    assert len(gateway.tasks) == 3


# ------------------------------------------------------------------ lifecycle


def test_steps_clock_moves_one_status_per_query() -> None:
    gateway = MockGateway()
    task_id = create(gateway, {**BODY, "external_task_id": "ext-1"})["task_id"]
    seen = [query(gateway, ident) for ident in (task_id, "ext-1", task_id, "ext-1")]
    assert [t["task_status"] for t in seen] == ["processing", "succeed", "succeed", "succeed"]
    running, done = seen[0], seen[1]
    assert running["task_result"] == {}
    assert "final_unit_deduction" not in running
    assert done["final_unit_deduction"] == "1"
    assert done["task_info"] == {"external_task_id": "ext-1"}
    assert done["task_status_msg"] == ""
    assert done["updated_at"] >= done["created_at"]
    [video] = done["task_result"]["videos"]
    assert video["url"] == f"http://gw.test/klingai/mock/videos/{task_id}.mp4"
    assert video["duration"] == "5.0"
    assert "watermark_url" not in video
    assert "watermark_info" not in done
    assert gateway.tasks[0].queries == 4


def test_steps_sets_queries_per_status_change() -> None:
    gateway = MockGateway(steps=3)
    task_id = create(gateway)["task_id"]
    statuses = [query(gateway, task_id)["task_status"] for _ in range(6)]
    assert statuses == [
        "submitted",
        "submitted",
        "processing",
        "processing",
        "processing",
        "succeed",
    ]


def test_real_clock_moves_with_time() -> None:
    now = [100.0]
    gateway = MockGateway(clock="real", processing_seconds=10, monotonic=lambda: now[0])
    task_id = create(gateway)["task_id"]
    assert query(gateway, task_id)["task_status"] == "submitted"
    now[0] += 1
    assert query(gateway, task_id)["task_status"] == "processing"
    gateway.advance(9.4)
    assert query(gateway, task_id)["task_status"] == "processing"
    gateway.advance(0.2)
    done = query(gateway, task_id)
    assert done["task_status"] == "succeed"
    # updated_at is when the task finished (0.5 s submitted + 10 s processing), not when asked.
    assert done["updated_at"] - done["created_at"] == 10_500
    assert gateway.tasks[0].status == "succeed"


def test_duration_and_watermark_follow_the_request() -> None:
    gateway = MockGateway()
    body = {**BODY, "duration": "10", "watermark_info": {"enabled": True}}
    task_id = create(gateway, body)["task_id"]
    query(gateway, task_id)
    done = query(gateway, task_id)
    [video] = done["task_result"]["videos"]
    assert video["duration"] == "10.0"
    assert video["watermark_url"].endswith(f"/mock/videos/{task_id}-watermark.mp4")
    assert done["watermark_info"] == {"enabled": True}


@pytest.mark.parametrize(
    ("prompt", "message"),
    [
        (f"a fox {FAIL_MARKER}", "Failure requested by the prompt marker [mock:fail]"),
        ("a fox [mock:fail:Image pixel is invalid]", "Image pixel is invalid"),
    ],
)
def test_prompt_marker_fails_the_task(prompt: str, message: str) -> None:
    gateway = MockGateway()
    task_id = create(gateway, {**BODY, "prompt": prompt})["task_id"]
    assert query(gateway, task_id)["task_status"] == "processing"
    failed = query(gateway, task_id)
    assert failed["task_status"] == "failed"
    assert failed["task_status_msg"] == message
    assert failed["task_result"] == {}
    assert failed["final_unit_deduction"] == "0"
    assert_error(send(gateway, "GET", f"/klingai/mock/videos/{task_id}.mp4", headers={}), 404, 1203)


def test_unknown_or_foreign_task_is_400_1201_not_found() -> None:
    gateway = MockGateway()
    task_id = create(gateway, {**BODY, "external_task_id": "ext-9"})["task_id"]
    for path in [
        f"{T2V}/999",
        f"/klingai/v1/videos/image2video/{task_id}",  # created as text2video
        "/v1/videos/omni-video/ext-9",
    ]:
        ident = path.rsplit("/", 1)[1]
        assert_error(
            send(gateway, "GET", path), 400, 1201, f"Task not found by id/external id: {ident}"
        )


def test_listing_is_newest_first_paged_and_not_a_query() -> None:
    gateway = MockGateway()
    ids = [create(gateway)["task_id"] for _ in range(5)]
    other_kind = {
        "model_name": "kling-v1-6",
        "image": "https://example.com/a.png",
        "prompt": "x",
        "duration": "5",
    }
    create(gateway, other_kind, path="/v1/videos/image2video")

    def page(**params: str) -> list[str]:
        response = send(gateway, "GET", T2V, query=params)
        assert response.status == 200
        return [task["task_id"] for task in answer(response)["data"]]

    assert page() == ids[::-1]
    assert page(pageSize="2") == [ids[4], ids[3]]
    assert page(pageNum="2", pageSize="2") == [ids[2], ids[1]]
    assert page(pageNum="3", pageSize="2") == [ids[0]]
    assert page(pageNum="1000", pageSize="500") == []
    assert all(task.queries == 0 and task.status == "submitted" for task in gateway.tasks)


@pytest.mark.parametrize(
    "params",
    [{"pageNum": "0"}, {"pageNum": "1001"}, {"pageSize": "0"}, {"pageSize": "501"},
     {"pageNum": "abc"}, {"pageSize": "1.5"}, {"pageNum": ""}],
)  # fmt: skip
def test_list_rejects_pages_out_of_range(params: dict[str, str]) -> None:
    [(name, value)] = params.items()
    response = send(MockGateway(), "GET", T2V, query=params)
    assert_error(response, 400, 1201, f"{name}: {value!r} is not allowed")


def test_both_prefixes_serve_the_same_tasks() -> None:
    gateway = MockGateway()
    task_id = create(gateway, path="/v1/videos/text2video")["task_id"]
    assert query(gateway, task_id)["task_status"] == "processing"
    official = send(gateway, "GET", f"/v1/videos/text2video/{task_id}")
    [video] = answer(official)["data"]["task_result"]["videos"]
    assert video["url"] == f"http://gw.test/mock/videos/{task_id}.mp4"


# ------------------------------------------------------------------ faults


@pytest.mark.parametrize(
    ("fault", "status", "code", "message"),
    [
        (Fault(operation="create", kind="rate_limit"), 429, 1303, "parallel task"),
        (Fault(operation="create", kind="balance"), 429, 1102, "Resource pack"),
        (Fault(operation="create", kind="server_error"), 503, 5001, "temporarily unavailable"),
        (Fault(operation="create", kind="server_error", status=500), 500, 5000, "internal error"),
        (Fault(operation="create", kind="server_error", status=502), 502, 5000, "upstream error"),
        (Fault(operation="create", kind="server_error", status=504), 504, 5002, "timeout"),
    ],
    ids=["rate", "balance", "503", "500", "502", "504"],
)
def test_error_faults_answer_with_the_documented_code(
    fault: Fault, status: int, code: int, message: str
) -> None:
    gateway = MockGateway()
    gateway.inject(fault)
    assert_error(send(gateway, "POST", T2V, BODY), status, code, message)
    assert gateway.tasks == []
    assert gateway.creates_count == 1
    create(gateway)  # one-shot: the next create goes through
    assert gateway.pending_faults == ()


@pytest.mark.parametrize(("retry_after", "header"), [(None, "1"), (3, "3"), (2.5, "2.5")])
def test_rate_limit_sends_retry_after(retry_after: float | None, header: str) -> None:
    gateway = MockGateway()
    gateway.inject(Fault(operation="list", kind="rate_limit", retry_after=retry_after))
    assert send(gateway, "GET", T2V).headers["Retry-After"] == header


def test_stored_then_error_stores_the_task_but_answers_502() -> None:
    gateway = MockGateway()
    gateway.inject(Fault(operation="create", kind="stored_then_error"))
    lost = send(gateway, "POST", T2V, {**BODY, "external_task_id": "order-7"})
    assert_error(lost, 502, 5000, "upstream error")
    [task] = gateway.tasks
    assert query(gateway, "order-7")["task_id"] == task.task_id  # how a client recovers


def test_stored_then_drop_stores_the_task_and_gives_no_answer() -> None:
    gateway = MockGateway()
    gateway.inject(Fault(operation="create", kind="stored_then_drop"))
    response = send(gateway, "POST", T2V, BODY)
    assert (response.drop, response.refused) == (True, False)
    assert len(gateway.tasks) == 1


def test_drop_never_arrives() -> None:
    gateway = MockGateway()
    gateway.inject(Fault(operation="any", kind="drop"))
    response = send(gateway, "POST", T2V, BODY)
    assert (response.drop, response.refused) == (True, True)
    assert (gateway.tasks, gateway.creates_count) == ([], 0)


def test_non_json_answers_an_html_page() -> None:
    gateway = MockGateway()
    gateway.inject(Fault(operation="query", kind="non_json"))
    response = send(gateway, "GET", T2V + "/1")
    assert response.status == 502
    assert response.headers["Content-Type"] == "text/html"
    assert response.body == b"<html><body>502 Bad Gateway</body></html>"


def test_cut_download_marks_the_body_to_be_cut() -> None:
    gateway = MockGateway()
    task_id = create(gateway)["task_id"]
    query(gateway, task_id)
    query(gateway, task_id)
    gateway.inject(Fault(operation="any", kind="cut_download", after_bytes=100))
    assert query(gateway, task_id)["task_status"] == "succeed"  # not a download: untouched
    response = send(gateway, "GET", f"/mock/videos/{task_id}.mp4", headers={})
    assert response.cut_after == 100
    assert response.headers["Content-Length"] == str(len(response.body))  # declares it all


def test_faults_match_operations_in_order_and_count_times() -> None:
    gateway = MockGateway()
    gateway.inject(Fault(operation="query", kind="server_error", times=2))
    gateway.inject(Fault(operation="create", kind="balance"))
    gateway.inject(Fault(operation="create", kind="rate_limit"))
    assert answer(send(gateway, "POST", T2V, BODY))["code"] == 1102
    assert answer(send(gateway, "POST", T2V, BODY))["code"] == 1303
    task_id = create(gateway)["task_id"]
    assert send(gateway, "GET", f"{T2V}/{task_id}").status == 503
    assert send(gateway, "GET", f"{T2V}/{task_id}").status == 503
    assert query(gateway, task_id)["task_status"] == "processing"


@pytest.mark.parametrize(
    ("kwargs", "problem"),
    [
        ({"operation": "upload", "kind": "drop"}, "operation"),
        ({"operation": "any", "kind": "explode"}, "kind"),
        ({"operation": "any", "kind": "drop", "times": 0}, "times"),
    ],
)
def test_fault_rejects_nonsense(kwargs: dict[str, Any], problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        Fault(**kwargs)


def test_fault_status_defaults_by_kind() -> None:
    statuses = {kind: Fault(operation="any", kind=kind).status for kind in (
        "rate_limit", "balance", "server_error", "stored_then_error", "non_json")}  # fmt: skip
    assert statuses == {
        "rate_limit": 429,
        "balance": 429,
        "server_error": 503,
        "stored_then_error": 502,
        "non_json": 502,
    }


# ------------------------------------------------------------------ violations


def finished_task(gateway: MockGateway) -> tuple[str, MockResponse]:
    task_id = create(gateway)["task_id"]
    send(gateway, "GET", f"{T2V}/{task_id}")
    return task_id, send(gateway, "GET", f"{T2V}/{task_id}")


def test_a_clean_gateway_keeps_the_contract() -> None:
    _, response = finished_task(MockGateway())
    data = answer(response)["data"]
    assert response.headers["Content-Type"] == "application/json"
    assert (data["task_status"], type(data["created_at"])) == ("succeed", int)
    assert isinstance(data["task_result"]["videos"], list)


def test_unknown_violation_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown violations"):
        MockGateway(violations=["bad_vibes"])


def test_task_snapshots_are_read_only() -> None:
    gateway = MockGateway()
    create(gateway)
    snapshot = gateway.tasks[0]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        snapshot.status = "succeed"  # type: ignore[misc]
    gateway.tasks.clear()
    assert len(gateway.tasks) == 1


# A storyboard whose shots (2 s + 2 s) do not add up to the 5 s asked for.
SHORT_STORYBOARD = [
    {"index": 1, "prompt": "a fox runs", "duration": "2"},
    {"index": 2, "prompt": "it stops", "duration": "2"},
]


@pytest.mark.parametrize(
    "body",
    [
        {"model_name": "kling-v2-5-turbo", "prompt": "x", "multi_prompt": SHORT_STORYBOARD},
        {"model_name": "kling-v3", "prompt": "x", "multi_shot": False},
        {"model_name": "kling-v3", "prompt": "x", "multi_shot": True, "shot_type": "intelligence"},
    ],
    ids=["no-multi-shot-model", "multi-shot-off", "intelligence"],
)
def test_storyboard_durations_bind_only_in_multi_shot_customize(body: dict[str, Any]) -> None:
    # Outside multi-shot customize mode the API ignores multi_prompt, so its sum is no reason
    # to refuse the create.
    create(MockGateway(), {"duration": "5", "multi_prompt": SHORT_STORYBOARD, **body})


def test_storyboard_durations_must_add_up_in_multi_shot_customize() -> None:
    gateway = MockGateway()
    body = {"model_name": "kling-v3", "multi_shot": True, "shot_type": "customize"}
    wrong = send(gateway, "POST", T2V, {**body, "duration": "5", "multi_prompt": SHORT_STORYBOARD})
    assert_error(wrong, 400, 1201, "must add up to duration (4 != 5)")
    create(gateway, {**body, "duration": "4", "multi_prompt": SHORT_STORYBOARD})
