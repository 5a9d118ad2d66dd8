"""Waits by callback against a lying API, and the callback receiver against hostile senders.

A callback is a hint: whatever the inbox holds, a wait reports only what the API says. And
the receiver's own server survives what a stranger can send it.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable
from urllib.parse import urlsplit

import httpx
import pytest
from hostile_clients import run, task_data
from hostile_server import Action, HostileServer, Seen, envelope

from kling_ext import (
    CallbackReceiver,
    CallbackSchedule,
    ResponseValidationError,
    Task,
    TaskStatus,
    TaskTimeoutError,
)

Start = Callable[[Callable[[Seen], Action]], HostileServer]
FORGED = "https://forged.invalid/video.mp4"
# A short real-clock safety net, so a wait that no true callback ends stays brief.
QUICK = CallbackSchedule(expected=0.05, min_silence=0.05, max_silence=0.1)


def _mine() -> Task:
    return Task(
        task_id="t1", kind="text2video", status=TaskStatus.SUBMITTED, external_task_id="ext-1"
    )


def _forge_succeed(receiver: CallbackReceiver, external: str = "ext-1") -> None:
    """A "succeed" posted at the task's own capability URL: the receiver must take it."""
    body = task_data("t1", "succeed", task_info={"external_task_id": external})
    body["task_result"] = {"videos": [{"id": "forged", "url": FORGED}]}
    body["updated_at"] = 99
    query = urlsplit(receiver.callback_url(external)).query
    status, _ = receiver.handle("POST", query, {}, json.dumps(body).encode())
    assert status == 200


@pytest.mark.slow  # waits out a real-clock deadline
def test_a_forged_final_callback_never_ends_a_wait_the_api_says_is_running(
    hostile: Start, flavor: str
) -> None:
    server = hostile(lambda seen: envelope(task_data("t1", "processing")))
    receiver = CallbackReceiver("https://hooks.example.test/k", schedule=QUICK)
    _forge_succeed(receiver)
    with pytest.raises(TaskTimeoutError):
        run(flavor, server, lambda c: c.text2video.wait(_mine(), timeout=0.5, callbacks=receiver))
    queries = server.requests_to("GET", "/text2video/t1")
    assert queries  # the forged "succeed" was checked with the API ...
    assert len(queries) < 30  # ... and the safety net kept to its schedule


def test_the_result_is_the_apis_not_the_callbacks(hostile: Start, flavor: str) -> None:
    server = hostile(lambda seen: envelope(task_data("t1", "succeed")))
    receiver = CallbackReceiver("https://hooks.example.test/k", schedule=QUICK)
    _forge_succeed(receiver)
    task = run(flavor, server, lambda c: c.text2video.wait(_mine(), callbacks=receiver))
    assert [v.url for v in task.videos] == ["https://cdn.example.test/v.mp4"]
    assert len(server.requests_to("GET", "/text2video/t1")) == 1


def test_an_api_answering_about_another_task_is_refused(hostile: Start, flavor: str) -> None:
    server = hostile(lambda seen: envelope(task_data("t2", "succeed")))
    receiver = CallbackReceiver("https://hooks.example.test/k", schedule=QUICK)
    _forge_succeed(receiver)
    with pytest.raises(ResponseValidationError, match="t2"):
        run(flavor, server, lambda c: c.text2video.wait(_mine(), callbacks=receiver))


# ------------------------------------------------------------------ hostile senders


def _raw(port: int, data: bytes, *, read: bool = True) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=5) as conn:
        conn.sendall(data)
        if not read:
            return b""
        chunks = []
        while chunk := conn.recv(65536):
            chunks.append(chunk)
        return b"".join(chunks)


def test_a_huge_declared_body_is_refused_unread() -> None:
    receiver = CallbackReceiver()
    with receiver.serve() as server:
        path = "/?" + urlsplit(receiver.callback_url("ext-1")).query
        started = time.monotonic()
        answer = _raw(
            server.port,
            f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000000\r\n\r\n".encode(),
        )
        assert answer.startswith((b"HTTP/1.0 413", b"HTTP/1.1 413"))
        assert time.monotonic() - started < 3
    assert receiver.inbox.events(["ext-1"]) == ()


def test_a_chunked_body_is_refused_with_411() -> None:
    receiver = CallbackReceiver()
    with receiver.serve() as server:
        path = "/?" + urlsplit(receiver.callback_url("ext-1")).query
        answer = _raw(
            server.port,
            f"POST {path} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
            "5\r\nhello\r\n0\r\n\r\n".encode(),
        )
        assert b" 411 " in answer.split(b"\r\n")[0]
    assert receiver.inbox.events(["ext-1"]) == ()


def test_a_stalled_sender_does_not_hold_up_a_true_callback() -> None:
    receiver = CallbackReceiver()
    with receiver.serve() as server:
        query = urlsplit(receiver.callback_url("ext-1")).query
        stalled = socket.create_connection(("127.0.0.1", server.port), timeout=5)
        try:
            # Declares 100 bytes, sends 3, then nothing.
            stalled.sendall(
                f"POST /?{query} HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc".encode()
            )
            body = json.dumps(task_data("t1", "processing")).encode()
            done = threading.Event()
            answers: list[int] = []

            def post() -> None:
                answers.append(httpx.post(receiver.callback_url("ext-1"), content=body).status_code)
                done.set()

            threading.Thread(target=post, daemon=True).start()
            assert done.wait(5)
            assert answers == [200]
        finally:
            stalled.close()
    assert [e.status for e in receiver.inbox.events(["ext-1"])] == ["processing"]
