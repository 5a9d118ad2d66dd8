"""Ctrl-C and asyncio cancellation stop a wait at once, leaving the client usable."""

from __future__ import annotations

import asyncio

import httpx
import pytest
import respx
from client_support import BASE, KEY, envelope, task

from kling_ext import AsyncKling, Kling

PATH = "/v1/videos/text2video/t"


def test_ctrl_c_stops_a_sync_wait(router: respx.Router) -> None:
    route = router.get(PATH).respond(200, json=envelope(task("processing")))
    client = Kling(
        KEY, BASE, http_client=httpx.Client(transport=httpx.MockTransport(router.handler))
    )

    def interrupted(_: float) -> None:
        raise KeyboardInterrupt

    client._sleep = interrupted
    with pytest.raises(KeyboardInterrupt):
        client.text2video.wait("t")
    assert route.call_count == 1, "no query after the interrupt"
    assert client.text2video.get("t").task_id, "the client still works"


async def test_cancellation_stops_an_async_wait(router: respx.Router) -> None:
    route = router.get(PATH).respond(200, json=envelope(task("processing")))
    client = AsyncKling(
        KEY, BASE, http_client=httpx.AsyncClient(transport=httpx.MockTransport(router.handler))
    )
    slept = asyncio.Event()

    async def long_sleep(_: float) -> None:
        slept.set()
        await asyncio.sleep(3600)

    client._sleep = long_sleep
    waiting = asyncio.create_task(client.text2video.wait("t"))
    await asyncio.wait_for(slept.wait(), 5)
    waiting.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiting
    assert route.call_count == 1
    assert (await client.text2video.get("t")).task_id
