"""Never pays twice when the gateway is slow to store a create: "not found" must hold a while."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import attrs
from hostile_clients import run, task_data
from hostile_server import Action, Hang, HostileServer, Seen, envelope

Start = Callable[[Callable[[Seen], Action]], HostileServer]

# Scaled down from the case seen (3 s to store, 2 s client timeout) to keep the test short.
CLIENT_TIMEOUT = 0.5
STORE_SECONDS = 1.5
GRACE = 2.0  # injected; the library's own window is CREATE_GRACE_SECONDS (30 s)


class SlowStore:
    """A gateway that answers a create only after its client gave up, and stores it slowly."""

    def __init__(self) -> None:
        self.stored_at: float | None = None
        self.lock = threading.Lock()

    def __call__(self, seen: Seen) -> Action:
        now = time.monotonic()
        if seen.method == "POST":
            with self.lock:
                self.stored_at = self.stored_at or now + STORE_SECONDS
            return Hang(STORE_SECONDS + 0.5)
        ident = seen.path.rsplit("/", 1)[-1]
        if self.stored_at is None or now < self.stored_at:
            return envelope(
                None, code=1201, message=f"Task not found by id/external id: {ident}", status=400
            )
        return envelope(task_data("slow-1", task_info={"external_task_id": ident}))


def _short_grace(client: Any) -> None:
    context = client._context
    client._context = attrs.evolve(context, policy=attrs.evolve(context.policy, create_grace=GRACE))


def test_a_create_still_being_stored_is_looked_up_again_not_sent_again(
    hostile: Start, flavor: str
) -> None:
    server = hostile(SlowStore())

    def create(client: Any) -> Any:
        _short_grace(client)
        return client.text2video.create(prompt="a rabbit")

    task = run(flavor, server, create, real_sleep=True, timeout=CLIENT_TIMEOUT)
    assert task.task_id == "slow-1"
    assert len(server.requests_to("POST")) == 1, "one create: the task was found, not paid twice"
    assert len(server.requests_to("GET")) >= 2, "the first 'not found' was not believed"
