"""Creates cost money: a create is re-sent only when it provably made no task."""

from __future__ import annotations

import json

import httpx
import pytest
import respx
from client_support import Harness, envelope, error, task

from kling_ext import (
    APIConnectionError,
    ExternalTaskIdInUseError,
    InsufficientBalanceError,
    InvalidRequestError,
    ServerError,
    TaskMayExistError,
)
from kling_ext._constants import CREATE_GRACE_LOOKUPS, CREATE_GRACE_SECONDS

CREATE = "/v1/videos/text2video"
NOT_FOUND = httpx.Response(400, json=error(1201, "Task not found by id/external id: x"))


def _sent_external_id(route: respx.Route) -> str:
    return str(json.loads(route.calls[0].request.content)["external_task_id"])


def _lookup(router: respx.Router) -> respx.Route:
    return router.route(method="GET", path__regex=r"/v1/videos/text2video/kling-ext-.+")


@pytest.mark.parametrize(
    "failure",
    [
        httpx.Response(502, json=error(5000, "upstream error")),
        httpx.Response(502, text="<html>502 Bad Gateway</html>"),
        httpx.Response(504, json=error(5002, "Server internal timeout")),
        httpx.ReadTimeout("read timed out"),
        httpx.RemoteProtocolError("Server disconnected without sending a response."),
    ],
    ids=["502-envelope", "502-html", "504", "read-timeout", "dropped"],
)
async def test_ambiguous_create_finds_the_task_instead_of_paying_twice(
    h: Harness, router: respx.Router, failure: httpx.Response | Exception
) -> None:
    create = router.post(CREATE).mock(side_effect=[failure])
    lookup = _lookup(router).respond(200, json=envelope(task("processing", task_id="t-found")))
    got = await h(h.client.text2video.create, prompt="a calm sea")
    assert got.task_id == "t-found"
    assert create.call_count == 1, "the create was not sent again"
    assert lookup.calls[0].request.url.path.endswith(_sent_external_id(create))


async def test_confirmed_absent_task_is_created_once_more(h: Harness, router: respx.Router) -> None:
    create = router.post(CREATE).mock(
        side_effect=[
            httpx.Response(503, json=error(5001, "maintenance")),
            httpx.Response(200, json=envelope(task("submitted", task_id="t-new"))),
        ]
    )
    _lookup(router).mock(return_value=NOT_FOUND)
    got = await h(h.client.text2video.create, prompt="a calm sea")
    assert got.task_id == "t-new"
    assert create.call_count == 2
    first, second = (json.loads(c.request.content) for c in create.calls)
    assert first["external_task_id"] == second["external_task_id"], "same id: a second guard"


async def test_a_create_still_being_stored_is_found_not_paid_twice(
    h: Harness, router: respx.Router
) -> None:
    # The gateway takes 3 s to store a create; the client gave up on its answer before that.
    create = router.post(CREATE).mock(side_effect=[httpx.ReadTimeout("slow gateway")])

    def lookup(request: httpx.Request) -> httpx.Response:
        if h.clock.now < 3.0:
            return NOT_FOUND  # still being stored
        return httpx.Response(200, json=envelope(task(task_id="t-slow")))

    _lookup(router).mock(side_effect=lookup)
    got = await h(h.client.text2video.create, prompt="a calm sea")
    assert got.task_id == "t-slow"
    assert create.call_count == 1, "not found right after the failure was not taken as proof"


async def test_not_found_is_proof_only_once_it_held_for_the_grace_window(
    h: Harness, router: respx.Router
) -> None:
    sent_at: list[float] = []

    def create_answer(request: httpx.Request) -> httpx.Response:
        sent_at.append(h.clock.now)
        if len(sent_at) == 1:
            raise httpx.ReadTimeout("slow")
        return httpx.Response(200, json=envelope(task("submitted", task_id="t-new")))

    create = router.post(CREATE).mock(side_effect=create_answer)
    lookup = _lookup(router).mock(return_value=NOT_FOUND)
    got = await h(h.client.text2video.create, prompt="a calm sea")
    assert got.task_id == "t-new"
    assert lookup.call_count == 1 + CREATE_GRACE_LOOKUPS
    assert sent_at[1] - sent_at[0] >= CREATE_GRACE_SECONDS, "re-sent only after the window"
    first, second = (json.loads(c.request.content) for c in create.calls)
    assert first == second, "re-sent as it was, under the same external_task_id"


async def test_unconfirmable_create_raises_task_may_exist(h: Harness, router: respx.Router) -> None:
    create = router.post(CREATE).mock(side_effect=[httpx.ReadTimeout("slow")])
    _lookup(router).mock(side_effect=httpx.ConnectError("network down"))
    with pytest.raises(TaskMayExistError) as caught:
        await h(h.client.text2video.create, prompt="a calm sea")
    assert caught.value.external_task_id == _sent_external_id(create)
    assert caught.value.external_task_id in str(caught.value), "says how to look it up"
    assert create.call_count == 1


async def test_connect_error_means_not_sent_and_is_retried(
    h: Harness, router: respx.Router
) -> None:
    create = router.post(CREATE).mock(
        side_effect=[
            httpx.ConnectError("refused"),
            httpx.Response(200, json=envelope(task("submitted", task_id="t1"))),
        ]
    )
    lookup = _lookup(router)
    assert (await h(h.client.text2video.create, prompt="x")).task_id == "t1"
    assert create.call_count == 2
    assert not lookup.called


async def test_rate_limit_1303_is_retried_after_retry_after(
    h: Harness, router: respx.Router
) -> None:
    create = router.post(CREATE).mock(
        side_effect=[
            httpx.Response(
                429,
                json=error(1303, "parallel task over resource pack limit"),
                headers={"Retry-After": "3"},
            ),
            httpx.Response(200, json=envelope(task("submitted", task_id="t1"))),
        ]
    )
    assert (await h(h.client.text2video.create, prompt="x")).task_id == "t1"
    assert create.call_count == 2
    assert h.clock.sleeps == [3.0], "Retry-After is honoured"


async def test_balance_429_is_never_retried(h: Harness, router: respx.Router) -> None:
    create = router.post(CREATE).respond(429, json=error(1102, "resource pack exhausted"))
    with pytest.raises(InsufficientBalanceError) as caught:
        await h(h.client.text2video.create, prompt="x")
    assert create.call_count == 1
    assert h.clock.sleeps == []
    assert caught.value.code == 1102
    assert caught.value.status_code == 429


async def test_a_taken_external_id_is_an_error_carrying_the_other_task(
    h: Harness, router: respx.Router
) -> None:
    # "mine" belongs to an earlier task (a cat): this create (a dog) made none, and says so.
    create = router.post(CREATE).respond(
        400, json=error(1201, "external_task_id already exists: mine")
    )
    router.get("/v1/videos/text2video/mine").respond(
        200, json=envelope(task(task_id="t-cat", external_task_id="mine"))
    )
    with pytest.raises(ExternalTaskIdInUseError) as caught:
        await h(h.client.text2video.create, prompt="a dog", external_task_id="mine")
    assert caught.value.external_task_id == "mine"
    assert caught.value.task is not None
    assert caught.value.task.task_id == "t-cat"
    assert "'mine'" in str(caught.value)
    assert "t-cat" in str(caught.value)
    assert caught.value.code == 1201
    assert isinstance(caught.value, InvalidRequestError), "still the API's refusal"
    assert create.call_count == 1


async def test_already_exists_after_a_lost_answer_is_our_own_task(
    h: Harness, router: respx.Router
) -> None:
    # The first create timed out but was stored; the look-up lagged; the re-send was refused as
    # a repeat. The repeat proves the first attempt made the task: that task is the answer.
    create = router.post(CREATE).mock(
        side_effect=[
            httpx.ReadTimeout("slow"),
            httpx.Response(400, json=error(1201, "external_task_id already exists: mine")),
        ]
    )
    router.get("/v1/videos/text2video/mine").mock(
        side_effect=[NOT_FOUND] * 5
        + [httpx.Response(200, json=envelope(task(task_id="t-ours", external_task_id="mine")))]
    )
    got = await h(h.client.text2video.create, prompt="x", external_task_id="mine")
    assert got.task_id == "t-ours"
    assert create.call_count == 2


async def test_non_zero_code_under_http_200_is_an_error_not_a_task(
    h: Harness, router: respx.Router
) -> None:
    router.post(CREATE).respond(200, json=error(1201, "model_name is invalid"))
    with pytest.raises(InvalidRequestError, match="model_name is invalid"):
        await h(h.client.text2video.create, prompt="x")


async def test_exhausted_server_errors_after_confirmed_absence(
    h: Harness, router: respx.Router
) -> None:
    create = router.post(CREATE).respond(500, json=error(5000, "Server internal error"))
    lookup = _lookup(router).mock(return_value=NOT_FOUND)
    with pytest.raises(ServerError):
        await h(h.client.text2video.create, prompt="x")
    assert create.call_count == 3, "1 + max_retries, each after a confirmed absence"
    # Absence is confirmed by a look-up and 4 more over the 30 s grace window, for each create.
    assert lookup.call_count == 3 * 5, "every failed create was looked up, the last one too"


@pytest.mark.parametrize(
    "unclear",
    [
        httpx.Response(400, json=error(1201, "invalid parameter: id")),
        httpx.Response(404, json=error(1202, "Requested method invalid")),
        httpx.Response(404, text="Not Found"),
        httpx.Response(401, json=error(1002, "Authorization is invalid")),
    ],
    ids=["1201-other", "1202-route", "bare-404", "401"],
)
async def test_unclear_lookup_never_resends(
    h: Harness, router: respx.Router, unclear: httpx.Response
) -> None:
    create = router.post(CREATE).mock(
        side_effect=[httpx.Response(502, json=error(5000, "upstream"))]
    )
    _lookup(router).mock(return_value=unclear)
    with pytest.raises(TaskMayExistError):
        await h(h.client.text2video.create, prompt="x")
    assert create.call_count == 1


async def test_query_retries_connection_errors_then_raises(
    h: Harness, router: respx.Router
) -> None:
    route = router.get("/v1/videos/text2video/t").mock(side_effect=httpx.ConnectError("down"))
    with pytest.raises(APIConnectionError):
        await h(h.client.text2video.get, "t")
    assert route.call_count == 3
    assert len(h.clock.sleeps) == 2
    assert all(0 < s <= 8 for s in h.clock.sleeps)
