"""`client.resource(kind)` keeps the README's promise of never paying twice, on a hostile server."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from hostile_server import Drop, HostileServer, Seen, envelope

from kling_ext import AsyncKling, Kling
from kling_ext.testing import FAST_POLLING

Start = Callable[[Callable[[Seen], object]], HostileServer]
TASK_ID = "867283741759111202"


def _gateway(seen: Seen) -> object:
    """Takes the create, then drops the connection before answering; finds the task by its id."""
    if seen.method == "POST":
        return Drop()
    external = seen.path.rsplit("/", 1)[-1]
    return envelope(
        {
            "task_id": TASK_ID,
            "task_status": "processing",
            "task_info": {"external_task_id": external},
        }
    )


def _create(flavor: str, base_url: str) -> Any:
    options: dict[str, Any] = {"api_key": "sk-test", "base_url": base_url}
    if flavor == "sync":
        with Kling(**options, poll_schedule=FAST_POLLING) as client:
            return client.resource("motion-control").create(
                image_url="https://x.test/a.png", video_url="https://x.test/m.mp4"
            )

    async def main() -> Any:
        async with AsyncKling(**options, poll_schedule=FAST_POLLING) as client:
            return await client.resource("motion-control").create(
                image_url="https://x.test/a.png", video_url="https://x.test/m.mp4"
            )

    return asyncio.run(main())


def test_a_lost_create_answer_is_looked_up_not_paid_again(hostile: Start, flavor: str) -> None:
    server = hostile(_gateway)
    task = _create(flavor, server.base_url)
    assert task.task_id == TASK_ID, "the task the lost answer made was found"
    (create,) = server.requests_to("POST", "/v1/videos/motion-control")
    lookups = server.requests_to("GET", "/v1/videos/motion-control/")
    assert lookups, "looked up by external_task_id"
    assert lookups[0].path.endswith(create.json()["external_task_id"])
