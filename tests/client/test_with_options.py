"""`with_options`: a copy with other per-request defaults, sharing the original's connections."""

from __future__ import annotations

import logging
from typing import Any

import httpx
import pytest
import respx
from client_support import BASE, KEY, Harness, envelope, error, task

from kling_ext import AsyncKling, InvalidRequestError, Kling, ServerError, TaskTimeoutError
from kling_ext._resources_generated import AsyncKlingResources, KlingResources
from kling_ext._spec import calls, endpoints

TASK_ID = "867283741759111202"
# Every typed task attribute the spec generates, so that an endpoint added later is covered too.
ATTRIBUTES = sorted(ep.attr for ep in endpoints().values())
# The synchronous calls that are safe to retry (GET): a copy's max_retries must hold for them.
GET_CALLS = sorted(c.attr for c in calls().values() if c.method == "GET")


def _get_path(client: Any, attribute: str) -> str:
    return f"{getattr(client, attribute)._ep.path}/{TASK_ID}"


def test_the_typed_attributes_are_the_same_for_both_clients() -> None:
    assert sorted(AsyncKlingResources.__annotations__) == sorted(KlingResources.__annotations__)
    assert set(ATTRIBUTES) | {c.attr for c in calls().values()} == set(
        KlingResources.__annotations__
    )


@pytest.mark.parametrize("attribute", GET_CALLS)
async def test_every_call_of_the_copy_uses_its_options(
    h: Harness, router: respx.Router, attribute: str
) -> None:
    quick = h.client.with_options(timeout=3, max_retries=0)
    target = getattr(quick, attribute)._target
    route = router.get(target.path).respond(500, json=error(5000, "boom"))
    required = {p.name: 1 for p in target.query if p.required}

    with pytest.raises(ServerError):
        await h(getattr(quick, attribute), **required)

    assert route.call_count == 1, "max_retries=0: no retry"
    assert route.calls.last.request.extensions["timeout"]["read"] == 3


@pytest.mark.parametrize("attribute", [*ATTRIBUTES, "resource"])
async def test_every_resource_of_the_copy_uses_its_options(
    h: Harness, router: respx.Router, attribute: str
) -> None:
    quick = h.client.with_options(timeout=3, max_retries=0)
    if attribute == "resource":  # the by-name escape hatch is bound to the copy as well
        resource, path = quick.resource("text2video"), _get_path(quick, "text2video")
    else:
        resource, path = getattr(quick, attribute), _get_path(quick, attribute)
    route = router.get(path).respond(500, json=error(5000, "boom"))

    with pytest.raises(ServerError):
        await h(resource.get, TASK_ID)

    assert route.call_count == 1, "max_retries=0: no retry"
    assert route.calls.last.request.extensions["timeout"]["read"] == 3


@pytest.mark.parametrize("attribute", ATTRIBUTES)
async def test_the_original_keeps_its_options_and_its_resources(
    h: Harness, router: respx.Router, attribute: str
) -> None:
    before = getattr(h.client, attribute)
    h.client.with_options(timeout=3, max_retries=0)
    route = router.get(_get_path(h.client, attribute)).respond(500, json=error(5000, "boom"))

    with pytest.raises(ServerError):
        await h(getattr(h.client, attribute).get, TASK_ID)

    assert getattr(h.client, attribute) is before
    assert route.call_count == 3, "the original still retries twice"
    assert route.calls.last.request.extensions["timeout"]["read"] == 60


async def test_a_copy_of_a_copy_changes_only_what_it_names(
    h: Harness, router: respx.Router
) -> None:
    route = router.get(_get_path(h.client, "text2video")).respond(500, json=error(5000, "x"))
    twice = h.client.with_options(timeout=3).with_options(max_retries=1)

    with pytest.raises(ServerError):
        await h(twice.text2video.get, TASK_ID)

    assert type(twice) is type(h.client)
    assert route.call_count == 2, "max_retries=1 from the second copy"
    assert route.calls.last.request.extensions["timeout"]["read"] == 3, "timeout from the first"


async def test_the_copy_waits_on_the_clients_clock(h: Harness, router: respx.Router) -> None:
    # The harness's fake clock and sleep are the client's: a copy that lost them would sleep
    # for real, or never see its deadline pass.
    polls = 0

    def processing(request: httpx.Request) -> httpx.Response:
        nonlocal polls
        polls += 1
        assert polls < 100, "the copy never saw its deadline pass: it lost the client's clock"
        return httpx.Response(200, json=envelope(task("processing")))

    router.get(_get_path(h.client, "text2video")).mock(side_effect=processing)
    quick = h.client.with_options(timeout=5)
    assert quick._sleep is h.client._sleep, "else the wait below would sleep for real"

    with pytest.raises(TaskTimeoutError):
        await h(quick.text2video.wait, TASK_ID, timeout=600)

    assert 600 <= sum(h.clock.sleeps) < 700, "slept on the fake clock until the deadline"


async def test_the_copy_keeps_secrets_out_of_what_it_shows(
    h: Harness, router: respx.Router, caplog: pytest.LogCaptureFixture
) -> None:
    router.get(_get_path(h.client, "text2video")).respond(
        400, json=error(1200, f"bad key {KEY} in request")
    )
    quick = h.client.with_options(max_retries=0)

    with (
        caplog.at_level(logging.DEBUG, logger="kling_ext"),
        pytest.raises(InvalidRequestError) as caught,
    ):
        await h(quick.text2video.get, TASK_ID)

    assert KEY not in str(caught.value)
    assert KEY not in repr(quick)
    assert KEY[-4:] in repr(quick), "the masked key, as the original shows it"
    assert caplog.records, "the copy logs its exchanges"
    assert not [r for r in caplog.records if KEY in r.getMessage()]


def test_the_copy_shares_the_connections_and_closing_it_closes_nothing() -> None:
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        router.get(f"/v1/videos/text2video/{TASK_ID}").respond(200, json=envelope(task()))
        client = Kling(KEY, BASE)  # its own connections, which it closes
        with client.with_options(timeout=5) as quick:
            assert quick._http is client._http
            quick.text2video.get(TASK_ID)

        assert client.text2video.get(TASK_ID).task_id == TASK_ID, "still open"
        client.close()
        with pytest.raises(RuntimeError, match="closed"):
            quick.text2video.get(TASK_ID)  # the original closed the shared connections


async def test_the_async_copy_shares_the_connections_and_closing_it_closes_nothing() -> None:
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        router.get(f"/v1/videos/text2video/{TASK_ID}").respond(200, json=envelope(task()))
        client = AsyncKling(KEY, BASE)
        async with client.with_options(timeout=5) as quick:
            assert quick._http is client._http
            await quick.text2video.get(TASK_ID)

        assert (await client.text2video.get(TASK_ID)).task_id == TASK_ID, "still open"
        await client.close()
        with pytest.raises(RuntimeError, match="closed"):
            await quick.text2video.get(TASK_ID)
