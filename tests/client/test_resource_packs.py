"""`resource_packs()`: the account's packs and what remains, from `GET /account/costs`."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import httpx
import pytest
import respx
from client_support import BASE, Harness, envelope

from kling_ext import AsyncKling, Kling, ResourcePack, ValidationError
from kling_ext._spec import calls
from kling_ext.mock import MockGateway

pytestmark = pytest.mark.skipif(
    "account-costs" not in calls(), reason="the spec has no account-costs call"
)

PACK = {
    "resource_pack_name": "Video Generation - 10,000 entries",
    "resource_pack_id": "p-1",
    "resource_pack_type": "decreasing_total",
    "total_quantity": 200.0,
    "remaining_quantity": 118.0,
    "purchase_time": 1726124664368,
    "effective_time": 1726124664368,
    "invalid_time": 1727366400000,
    "status": "online",
}


async def test_packs_are_read_with_what_remains(h: Harness, router: respx.Router) -> None:
    route = router.get("/account/costs").respond(
        json=envelope(
            {
                "code": 0,
                "resource_pack_subscribe_infos": [
                    PACK,
                    {"total_quantity": "lots", "purchase_time": "x"},
                ],
            }
        )
    )
    since = datetime(2024, 9, 1, tzinfo=UTC)

    packs = await h(h.client.resource_packs, since=since, until=1727366400, name="Video")

    assert packs[0] == ResourcePack(
        name="Video Generation - 10,000 entries",
        id="p-1",
        type="decreasing_total",
        total=200.0,
        remaining=118.0,
        status="online",
        purchased_at=datetime(2024, 9, 12, 7, 4, 24, 368000, tzinfo=UTC),
        effective_at=datetime(2024, 9, 12, 7, 4, 24, 368000, tzinfo=UTC),
        expires_at=datetime(2024, 9, 26, 16, 0, tzinfo=UTC),
    )
    assert packs[0].usable
    assert packs[1] == ResourcePack(), "a malformed pack is read leniently"
    sent = route.calls.last.request.url.params
    assert dict(sent) == {
        "start_time": str(int(since.timestamp() * 1000)),
        "end_time": "1727366400000",
        "resource_pack_name": "Video",
    }


async def test_by_default_the_last_year_is_asked_for(h: Harness, router: respx.Router) -> None:
    route = router.get("/account/costs").respond(json=envelope({"code": 0}))
    assert await h(h.client.resource_packs) == []
    params = route.calls.last.request.url.params
    window = int(params["end_time"]) - int(params["start_time"])
    assert window == 365 * 86_400_000


def test_a_naive_time_is_refused_before_sending() -> None:
    gateway = MockGateway()
    http = httpx.Client(transport=gateway.transport())
    with (
        Kling(api_key="sk-mock", base_url=BASE, http_client=http) as client,
        pytest.raises(ValidationError, match="since: is a naive datetime"),
    ):
        client.resource_packs(since=datetime(2024, 1, 1))
    assert gateway.calls_count == 0


def test_the_mock_answers_its_documented_packs() -> None:
    gateway = MockGateway()

    async def go() -> list[ResourcePack]:
        http = httpx.AsyncClient(transport=gateway.transport())
        async with AsyncKling(api_key="sk-mock", base_url=BASE, http_client=http) as client:
            return await client.resource_packs()

    packs = asyncio.run(go())
    assert packs
    assert all(pack.remaining is not None for pack in packs)
