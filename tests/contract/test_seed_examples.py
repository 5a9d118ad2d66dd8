"""The gateway document's own examples, served by respx, drive both clients end to end.

The request bodies are the gateway document's, kept verbatim as data in
`tests/data/gateway_document.json`; the answers are the spec's named examples (`seed` ones are
the gateway document's, checked against the same data; `official` ones the official API's), so
what the gateway shows and what the clients send and read cannot drift apart. Routes are matched
on the gateway's full path (`/klingai/v1/videos/...`), so the base URL's prefix is checked too.
"""

from __future__ import annotations

import importlib
import inspect
import json
import re
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx
from kling_ext_openapi import models
from kling_ext_openapi.client import AuthenticatedClient

from kling_ext import AsyncKling, Kling
from kling_ext._spec import load_spec
from kling_ext._task import TaskStatus

BASE_URL = "https://api.agentsflare.com/klingai"
GATEWAY_PREFIX = "/klingai"
API_KEY = "sk-test"
KINDS = ("text2video", "image2video", "motion-control", "omni-video", "multi-image2video")
SPEC: dict[str, Any] = dict(load_spec())
EXTERNAL_ID = re.compile(r"kling-ext-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _answers(response: str) -> dict[str, Any]:
    """The named examples of a `components/responses` entry."""
    content = SPEC["components"]["responses"][response]["content"]["application/json"]
    return {name: example["value"] for name, example in content["examples"].items()}


def _create_op(kind: str) -> dict[str, Any]:
    return dict(SPEC["paths"][f"/v1/videos/{kind}"]["post"])


def _requests(kind: str) -> dict[str, Any]:
    examples = _create_op(kind)["requestBody"]["content"]["application/json"]["examples"]
    return {name: example["value"] for name, example in examples.items()}


CREATED = {
    name: example["value"]
    for name, example in _create_op("text2video")["responses"]["200"]["content"][
        "application/json"
    ]["examples"].items()
}
QUERIED = _answers("TaskQueried")
LISTED = _answers("TaskList")
SEED_TASK_ID = CREATED["seed"]["data"]["task_id"]
SEED_VIDEO = QUERIED["seed"]["data"]["task_result"]["videos"][0]
GATEWAY: dict[str, Any] = json.loads(
    (Path(__file__).resolve().parents[1] / "data" / "gateway_document.json").read_text("utf-8")
)
# The gateway's multi-image body names its images "<image_1>", placeholders no client can send.
PLACEHOLDERS = {"multi-image2video-body1"}
SEED_BODIES = {body["label"]: body["body"] for body in GATEWAY["bodies"]}
SEED_CASES = [
    pytest.param(body["kind"], body["label"], id=body["label"]) for body in GATEWAY["bodies"]
]
# kling_ext checks images before sending, so it gets the bodies that name real ones.
KLING_CASES = [param for param in SEED_CASES if param.values[1] not in PLACEHOLDERS]


def test_the_seed_answers_are_the_documents() -> None:
    assert CREATED["seed"] == GATEWAY["answers"]["create"]
    assert QUERIED["seed"] == GATEWAY["answers"]["query"]
    assert SEED_VIDEO == {"url": "https://cdn.example.com/video.mp4", "duration": "5"}
    assert {param.values[0] for param in SEED_CASES} == set(KINDS)


# ------------------------------------------------------------------ fixtures


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("KLING_API_KEY", "API_KEY", "KLING_BASE_URL", "KLING_ACCESS_KEY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("KLING_SECRET_KEY", raising=False)


@pytest.fixture
def router() -> Iterator[respx.Router]:
    router = respx.Router(base_url=BASE_URL, assert_all_mocked=True)
    yield router
    router.assert_all_called()


@pytest.fixture
def generated(router: respx.Router) -> AuthenticatedClient:
    """The generated low-level client, answering from `router`."""
    return AuthenticatedClient(
        base_url=BASE_URL,
        token=API_KEY,
        raise_on_unexpected_status=True,
        httpx_args={"transport": httpx.MockTransport(router.handler)},
    )


@pytest.fixture(params=["sync", "async"])
async def kling(request: pytest.FixtureRequest, router: respx.Router) -> AsyncIterator[Any]:
    """`Kling` or `AsyncKling` (call through `_done`), answering from `router`."""
    if request.param == "sync":
        with (
            httpx.Client(transport=httpx.MockTransport(router.handler)) as http,
            Kling(api_key=API_KEY, base_url=BASE_URL, http_client=http) as client,
        ):
            yield client
    else:
        async with (
            httpx.AsyncClient(transport=httpx.MockTransport(router.async_handler)) as http,
            AsyncKling(api_key=API_KEY, base_url=BASE_URL, http_client=http) as client,
        ):
            yield client


async def _done(result: Any) -> Any:
    """The result of a `Kling` call, or of an `AsyncKling` one once awaited."""
    return await result if inspect.isawaitable(result) else result


def _check_sent(route: respx.Route, method: str, path: str) -> httpx.Request:
    request: httpx.Request = route.calls.last.request
    assert request.method == method
    assert request.url.host == "api.agentsflare.com"
    assert request.url.path == GATEWAY_PREFIX + path
    assert request.headers["Authorization"] == f"Bearer {API_KEY}"
    return request


def _api(kind: str, operation_id: str) -> Any:
    return importlib.import_module(f"kling_ext_openapi.api.{kind.replace('-', '_')}.{operation_id}")


def _ms(value: int) -> datetime:
    return EPOCH + timedelta(milliseconds=value)


# ------------------------------------------------------------------ the generated client


@pytest.mark.parametrize(("kind", "name"), SEED_CASES)
def test_generated_client_creates_and_queries_the_seed(
    kind: str, name: str, router: respx.Router, generated: AuthenticatedClient
) -> None:
    seed = SEED_BODIES[name]
    create_route = router.post(f"/v1/videos/{kind}").respond(200, json=CREATED["seed"])
    get_route = router.get(f"/v1/videos/{kind}/{SEED_TASK_ID}").respond(200, json=QUERIED["seed"])
    op = _create_op(kind)
    body_model = getattr(
        models,
        op["requestBody"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1],
    )
    get_op = SPEC["paths"][f"/v1/videos/{kind}/{{id}}"]["get"]["operationId"]

    created = _api(kind, op["operationId"]).sync(client=generated, body=body_model.from_dict(seed))

    assert isinstance(created, models.CreateTaskEnvelope)
    assert created.to_dict() == CREATED["seed"]
    request = _check_sent(create_route, "POST", f"/v1/videos/{kind}")
    assert request.headers["Content-Type"] == "application/json"
    assert json.loads(request.content) == seed  # sent as the seed has it, empty strings included

    queried = _api(kind, get_op).sync(created.data.task_id, client=generated)

    _check_sent(get_route, "GET", f"/v1/videos/{kind}/{SEED_TASK_ID}")
    assert isinstance(queried, models.TaskEnvelope)
    assert queried.data.task_status == "succeed"
    (video,) = queried.data.task_result.videos
    assert (video.url, video.duration) == (SEED_VIDEO["url"], "5")
    assert queried.to_dict() == QUERIED["seed"]


@pytest.mark.parametrize("name", list(CREATED))
def test_generated_client_reads_every_create_answer(
    name: str, router: respx.Router, generated: AuthenticatedClient
) -> None:
    route = router.post("/v1/videos/text2video").respond(200, json=CREATED[name])
    body = models.Text2VideoRequest.from_dict(_requests("text2video")["seed"])
    answer = _api("text2video", "create_text2video").sync(client=generated, body=body)
    assert route.called
    assert isinstance(answer, models.CreateTaskEnvelope)
    assert answer.to_dict() == CREATED[name]


@pytest.mark.parametrize("name", list(QUERIED))
def test_generated_client_reads_every_query_answer(
    name: str, router: respx.Router, generated: AuthenticatedClient
) -> None:
    task_id = QUERIED[name]["data"]["task_id"]
    router.get(f"/v1/videos/omni-video/{task_id}").respond(200, json=QUERIED[name])
    answer = _api("omni-video", "get_omni_video_task").sync(task_id, client=generated)
    assert isinstance(answer, models.TaskEnvelope)
    assert answer.to_dict() == QUERIED[name]


def test_generated_client_lists_tasks(router: respx.Router, generated: AuthenticatedClient) -> None:
    route = router.get("/v1/videos/image2video").respond(200, json=LISTED["official"])
    answer = _api("image2video", "list_image2video_tasks").sync(
        client=generated, page_num=2, page_size=10
    )
    request = _check_sent(route, "GET", "/v1/videos/image2video")
    assert dict(request.url.params) == {"pageNum": "2", "pageSize": "10"}
    assert isinstance(answer, models.TaskListEnvelope)
    assert answer.to_dict() == LISTED["official"]


ERROR_RESPONSES = {
    int(status): ref["$ref"].rsplit("/", 1)[-1]
    for status, ref in SPEC["paths"]["/v1/videos/text2video/{id}"]["get"]["responses"].items()
    if status.isdigit() and status != "200"
}
ERROR_CASES = [
    pytest.param(status, name, value, id=f"{status}-{name}")
    for status, response in ERROR_RESPONSES.items()
    for name, value in _answers(response).items()
]


@pytest.mark.parametrize(("status", "name", "value"), ERROR_CASES)
def test_generated_client_reads_every_error_answer(
    status: int, name: str, value: Any, router: respx.Router, generated: AuthenticatedClient
) -> None:
    headers = {"Retry-After": "2"} if status == 429 else {}
    router.get("/v1/videos/text2video/t-1").respond(status, json=value, headers=headers)
    answer = _api("text2video", "get_text2video_task").sync_detailed("t-1", client=generated)
    assert answer.status_code == status
    assert isinstance(answer.parsed, models.ErrorEnvelope)
    assert answer.parsed.to_dict() == value
    if status == 429:
        assert answer.headers["Retry-After"] == "2"


def test_error_cases_cover_every_documented_status() -> None:
    assert {param.values[0] for param in ERROR_CASES} == {
        400,
        401,
        403,
        404,
        429,
        500,
        502,
        503,
        504,
    }


# ------------------------------------------------------------------ kling_ext


@pytest.mark.parametrize(("kind", "name"), KLING_CASES)
async def test_kling_creates_and_gets_the_seed(
    kind: str, name: str, router: respx.Router, kling: Any
) -> None:
    seed = SEED_BODIES[name]
    create_route = router.post(f"/v1/videos/{kind}").respond(200, json=CREATED["seed"])
    get_route = router.get(f"/v1/videos/{kind}/{SEED_TASK_ID}").respond(200, json=QUERIED["seed"])
    resource = getattr(kling, kind.replace("-", "_"))

    task = await _done(resource.create(**seed))

    request = _check_sent(create_route, "POST", f"/v1/videos/{kind}")
    sent = json.loads(request.content)
    expected = json.loads(json.dumps(seed))  # a deep copy
    seed_external = expected.pop("external_task_id", "")
    external = sent.pop("external_task_id")
    if seed_external:
        assert external == seed_external  # the caller's own id is kept
    else:
        assert EXTERNAL_ID.fullmatch(external), external  # "" (or none) gets a fresh one
    # Every other seed field goes out with the seed's value, except gateway-style empty
    # strings ("not given"), which are left out as the official API documents, and shot
    # durations, which are strings on the wire; nothing is added.
    for shot in expected.get("multi_prompt", ()):
        shot["duration"] = str(shot["duration"])
    assert sent == {k: v for k, v in expected.items() if v != ""}
    assert task.task_id == SEED_TASK_ID
    assert task.kind == kind
    assert task.status is TaskStatus.SUBMITTED
    assert task.external_task_id == external

    done = await _done(resource.get(task.task_id))

    _check_sent(get_route, "GET", f"/v1/videos/{kind}/{SEED_TASK_ID}")
    assert done.status is TaskStatus.SUCCEED
    assert done.succeeded
    assert done.task_id == QUERIED["seed"]["data"]["task_id"]
    (video,) = done.videos
    assert (video.url, video.duration) == (SEED_VIDEO["url"], 5.0)


async def test_kling_sends_the_default_model(router: respx.Router, kling: Any) -> None:
    route = router.post("/v1/videos/text2video").respond(200, json=CREATED["seed"])
    await _done(kling.text2video.create(prompt="A cat"))
    sent = json.loads(_check_sent(route, "POST", "/v1/videos/text2video").content)
    assert EXTERNAL_ID.fullmatch(sent.pop("external_task_id"))
    # x-kling-default: the gateway requires model_name; the official default is kling-v1.
    assert sent == {"prompt": "A cat", "model_name": "kling-v1", "duration": "5"}


async def test_kling_reads_the_official_create_answer(router: respx.Router, kling: Any) -> None:
    official = CREATED["official"]
    router.post("/v1/videos/text2video").respond(200, json=official)
    task = await _done(kling.text2video.create(**_requests("text2video")["seed"]))
    assert task.task_id == official["data"]["task_id"]
    assert task.status is TaskStatus.SUBMITTED
    assert task.request_id == official["request_id"]
    assert task.external_task_id == official["data"]["task_info"]["external_task_id"]
    assert task.created_at == _ms(official["data"]["created_at"])


async def test_kling_reads_the_official_finished_task(router: respx.Router, kling: Any) -> None:
    official = QUERIED["official_succeed"]
    data = official["data"]
    router.get(f"/v1/videos/image2video/{data['task_id']}").respond(200, json=official)
    task = await _done(kling.image2video.get(data["task_id"]))
    assert task.status is TaskStatus.SUCCEED
    assert task.request_id == official["request_id"]
    assert task.external_task_id == "order-42"
    (video,) = task.videos
    expected = data["task_result"]["videos"][0]
    assert (video.id, video.url, video.watermark_url) == (
        expected["id"],
        expected["url"],
        expected["watermark_url"],
    )
    assert video.duration == 5.042
    assert task.created_at == _ms(data["created_at"])
    assert task.updated_at == _ms(data["updated_at"])


async def test_kling_reads_the_official_failed_task(router: respx.Router, kling: Any) -> None:
    failed = QUERIED["official_failed"]
    task_id = failed["data"]["task_id"]
    router.get(f"/v1/videos/text2video/{task_id}").respond(200, json=failed)
    task = await _done(kling.text2video.get(task_id))
    assert task.status is TaskStatus.FAILED
    assert task.status_message == "Image pixel is invalid"
    assert task.videos == ()


async def test_kling_reads_gateway_seconds_as_ms_would_read(
    router: respx.Router, kling: Any
) -> None:
    seconds = QUERIED["gateway_seconds"]
    data = seconds["data"]
    as_ms = {
        **seconds,
        "data": {
            **data,
            "created_at": data["created_at"] * 1000,
            "updated_at": data["updated_at"] * 1000,
        },
    }
    router.get(f"/v1/videos/text2video/{data['task_id']}").mock(
        side_effect=[httpx.Response(200, json=seconds), httpx.Response(200, json=as_ms)]
    )
    in_seconds = await _done(kling.text2video.get(data["task_id"]))
    in_ms = await _done(kling.text2video.get(data["task_id"]))
    assert in_seconds.status is TaskStatus.PROCESSING
    assert (
        in_seconds.created_at == in_ms.created_at == EPOCH + timedelta(seconds=data["created_at"])
    )
    assert (
        in_seconds.updated_at == in_ms.updated_at == EPOCH + timedelta(seconds=data["updated_at"])
    )
    assert in_seconds.created_at.year == 2026
    assert in_seconds.external_task_id is None  # the gateway echoes "" for none
    assert in_seconds.request_id == seconds["request_id"]


async def test_kling_gets_by_external_task_id(router: respx.Router, kling: Any) -> None:
    # The TaskId parameter's example of an external_task_id.
    examples = SPEC["components"]["parameters"]["TaskId"]["examples"]
    external = examples["external_task_id"]["value"]
    answer = {**QUERIED["official_succeed"]}
    answer["data"] = {**answer["data"], "task_info": {"external_task_id": external}}
    route = router.get(f"/v1/videos/motion-control/{external}").respond(200, json=answer)
    task = await _done(kling.motion_control.get(external))
    _check_sent(route, "GET", f"/v1/videos/motion-control/{external}")
    assert task.external_task_id == external
    assert task.status is TaskStatus.SUCCEED


async def test_kling_lists_tasks(router: respx.Router, kling: Any) -> None:
    route = router.get("/v1/videos/omni-video").respond(200, json=LISTED["official"])
    tasks = await _done(kling.omni_video.list(page=2, page_size=10))
    request = _check_sent(route, "GET", "/v1/videos/omni-video")
    assert dict(request.url.params) == {"pageNum": "2", "pageSize": "10"}
    (task,) = tasks
    assert task.status is TaskStatus.PROCESSING
    assert task.external_task_id == "order-42"
    assert task.created_at == _ms(LISTED["official"]["data"][0]["created_at"])


async def test_kling_reads_a_made_up_status(router: respx.Router, kling: Any) -> None:
    answer = {**QUERIED["seed"], "data": {**QUERIED["seed"]["data"], "task_status": "queued"}}
    router.get(f"/v1/videos/text2video/{SEED_TASK_ID}").respond(200, json=answer)
    task = await _done(kling.text2video.get(SEED_TASK_ID))
    assert task.status is TaskStatus.UNKNOWN
    assert task.raw_status == "queued"
    assert isinstance(task.raw, models.Task)
