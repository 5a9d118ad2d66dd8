"""`kling_ext_openapi`, the generated low-level client, as the README presents it: against the mock.

It speaks the spec and nothing more: bodies are the generated models, answers are parsed into
them, and a documented error status comes back as a parsed `ErrorEnvelope`. It does not
validate, retry, poll or protect a create from being paid twice; that is what `kling_ext` adds.
"""

from __future__ import annotations

import httpx
from kling_ext_openapi import AuthenticatedClient
from kling_ext_openapi.api.text2video import (
    create_text2video,
    get_text2video_task,
    list_text2video_tasks,
)
from kling_ext_openapi.models import (
    CreateTaskEnvelope,
    ErrorEnvelope,
    TaskEnvelope,
    TaskListEnvelope,
    Text2VideoRequest,
)

from kling_ext.mock import Fault, MockGateway

BASE = "http://localhost/klingai"


def _client(gateway: MockGateway) -> AuthenticatedClient:
    return AuthenticatedClient(
        base_url=BASE,
        token=gateway.api_key,
        timeout=httpx.Timeout(10.0),
        httpx_args={"transport": gateway.transport()},
    )


def test_the_readme_example_runs_against_the_mock() -> None:
    gateway = MockGateway()
    with _client(gateway) as client:
        body = Text2VideoRequest(prompt="a calm sea at dawn", model_name="kling-v1", duration="5")
        created = create_text2video.sync(client=client, body=body)
        assert isinstance(created, CreateTaskEnvelope)
        task_id = created.data.task_id
        queried = get_text2video_task.sync(task_id, client=client)
        assert isinstance(queried, TaskEnvelope)
        assert queried.data.task_id == task_id
        assert queried.data.task_status == "processing"  # the mock moves one step per query
        listed = list_text2video_tasks.sync(client=client, page_num=1, page_size=10)
        assert isinstance(listed, TaskListEnvelope)
        assert [task.task_id for task in listed.data] == [task_id]
    assert gateway.tasks[0].body["prompt"] == "a calm sea at dawn"


async def test_async_is_the_same() -> None:
    gateway = MockGateway()
    async with _client(gateway) as client:
        created = await create_text2video.asyncio(
            client=client,
            body=Text2VideoRequest(prompt="a fox", model_name="kling-v1", duration="5"),
        )
        assert isinstance(created, CreateTaskEnvelope)
        queried = await get_text2video_task.asyncio(created.data.task_id, client=client)
        assert isinstance(queried, TaskEnvelope)


def test_no_validation_the_gateway_refuses_and_the_answer_is_parsed() -> None:
    gateway = MockGateway()
    with _client(gateway) as client:
        # kling_ext would refuse this before sending: the spec caps a prompt at 2500 characters.
        answer = create_text2video.sync_detailed(
            client=client,
            body=Text2VideoRequest(prompt="x" * 2501, model_name="kling-v1", duration="5"),
        )
    assert gateway.creates_count == 1, "it was sent"
    assert answer.status_code == 400
    assert isinstance(answer.parsed, ErrorEnvelope)
    assert answer.parsed.code == 1201


def test_no_retries_a_rate_limit_comes_back_as_it_came() -> None:
    gateway = MockGateway()
    gateway.inject(Fault(operation="create", kind="rate_limit", retry_after=0))
    with _client(gateway) as client:
        answer = create_text2video.sync_detailed(
            client=client,
            body=Text2VideoRequest(prompt="a fox", model_name="kling-v1", duration="5"),
        )
    assert answer.status_code == 429, "kling_ext would wait Retry-After and send it again"
    assert isinstance(answer.parsed, ErrorEnvelope)
    assert answer.parsed.code == 1303
    assert gateway.tasks == []


def test_no_safety_a_lost_create_answer_hides_a_task_that_exists() -> None:
    gateway = MockGateway()
    gateway.inject(Fault(operation="create", kind="stored_then_error"))
    with _client(gateway) as client:
        answer = create_text2video.sync_detailed(
            client=client,
            body=Text2VideoRequest(prompt="a fox", model_name="kling-v1", duration="5"),
        )
    assert answer.status_code == 502
    assert isinstance(answer.parsed, ErrorEnvelope)
    assert len(gateway.tasks) == 1, "kling_ext would find this task by its external_task_id"


def test_an_unknown_id_is_a_parsed_error_envelope_not_an_exception() -> None:
    gateway = MockGateway()
    with _client(gateway) as client:
        answer = get_text2video_task.sync_detailed("no-such-task", client=client)
    assert answer.status_code == 400
    assert isinstance(answer.parsed, ErrorEnvelope)
    assert answer.parsed.code == 1201
