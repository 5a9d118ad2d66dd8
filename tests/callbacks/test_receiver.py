"""The receiver as WSGI, as ASGI and as its own server; the inbox it writes."""

from __future__ import annotations

import asyncio
import io
import json
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from kling_ext import CallbackInbox, CallbackReceiver
from kling_ext.callbacks import sign_webhook

SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
URL = "https://hooks.example.test/kling"


def _body(status: str = "processing", updated: int = 1, external: str = "ext-1") -> bytes:
    return json.dumps(
        {
            "task_id": "t1",
            "task_status": status,
            "updated_at": updated,
            "task_info": {"external_task_id": external},
        }
    ).encode()


def _query(receiver: CallbackReceiver, external: str = "ext-1") -> str:
    return urlsplit(receiver.callback_url(external)).query


def _signed(body: bytes, msg_id: str = "msg_1", secret: str = SECRET) -> dict[str, str]:
    stamp = int(time.time())
    return {
        "webhook-id": msg_id,
        "webhook-timestamp": str(stamp),
        "webhook-signature": sign_webhook(secret, msg_id, stamp, body),
    }


# ------------------------------------------------------------------ WSGI, called directly


def _wsgi(
    receiver: CallbackReceiver,
    body: bytes,
    query: str,
    headers: dict[str, str] | None = None,
    method: str = "POST",
    length: str | None = None,
) -> tuple[int, Any]:
    environ: dict[str, Any] = {
        "REQUEST_METHOD": method,
        "QUERY_STRING": query,
        "CONTENT_LENGTH": str(len(body)) if length is None else length,
        "wsgi.input": io.BytesIO(body),
    }
    for name, value in (headers or {}).items():
        environ["HTTP_" + name.upper().replace("-", "_")] = value
    status: list[str] = []
    chunks = receiver.wsgi_app(environ, lambda s, h: status.append(s))
    return int(status[0].split()[0]), json.loads(b"".join(chunks))


def test_wsgi_stores_a_callback_with_its_token_then_answers_200() -> None:
    receiver = CallbackReceiver(URL)
    status, answer = _wsgi(receiver, _body(), _query(receiver))
    assert (status, answer) == (200, {"received": "stored"})
    (event,) = receiver.inbox.events(["ext-1"])
    assert (event.task_id, event.status, event.key) == ("t1", "processing", "ext-1")


@pytest.mark.parametrize(
    "query",
    ["", "task=ext-1", "task=ext-1&token=" + "A" * 43, "task=ext-2&token={token}"],
    ids=["no-token", "no-token-value", "forged-token", "token-of-another-task"],
)
def test_wsgi_refuses_a_url_it_did_not_mint_and_stores_nothing(query: str) -> None:
    receiver = CallbackReceiver(URL)
    query = query.format(token=receiver.token("ext-1"))
    status, _ = _wsgi(receiver, _body(external="ext-2"), query)
    assert status == 401
    assert receiver.inbox.events(["ext-1", "ext-2"]) == ()


def test_a_body_about_another_task_than_its_url_is_refused() -> None:
    receiver = CallbackReceiver(URL)
    status, answer = _wsgi(receiver, _body(external="someone-else"), _query(receiver))
    assert status == 401
    assert "another task" in answer["error"]
    assert receiver.inbox.events(["ext-1", "t1"]) == ()


def test_a_repeated_status_is_stored_once_and_answered_200() -> None:
    receiver = CallbackReceiver(URL)
    for _ in range(3):
        assert _wsgi(receiver, _body(), _query(receiver))[0] == 200
    assert _wsgi(receiver, _body(), _query(receiver))[1] == {"received": "duplicate"}
    assert len(receiver.inbox.events(["ext-1"])) == 1


def test_events_come_back_in_the_order_stored_after_a_cursor() -> None:
    receiver = CallbackReceiver(URL)
    for status, updated in (("submitted", 1), ("processing", 2), ("succeed", 3)):
        _wsgi(receiver, _body(status, updated), _query(receiver))
    events = receiver.inbox.events(["ext-1"])
    assert [e.status for e in events] == ["submitted", "processing", "succeed"]
    assert [e.status for e in receiver.inbox.events(["t1"], after=events[0].seq)] == [
        "processing",
        "succeed",
    ]


@pytest.mark.parametrize(
    ("body", "status"),
    [(b"not json", 400), (b"[1, 2]", 400), (b'{"task_id": "t1"}', 400)],
    ids=["not-json", "not-object", "no-status"],
)
def test_a_body_that_is_no_task_is_refused(body: bytes, status: int) -> None:
    receiver = CallbackReceiver(URL)
    assert _wsgi(receiver, body, _query(receiver))[0] == status
    assert receiver.inbox.events(["ext-1"]) == ()


def test_an_oversized_body_is_refused_unread() -> None:
    receiver = CallbackReceiver(URL, max_body_bytes=1000)
    status, _ = _wsgi(receiver, b"", _query(receiver), length="100000000")
    assert status == 413


def test_only_post_is_taken() -> None:
    receiver = CallbackReceiver(URL)
    assert _wsgi(receiver, b"", _query(receiver), method="GET")[0] == 405


def test_with_a_secret_an_unsigned_callback_is_refused_even_at_the_right_url() -> None:
    receiver = CallbackReceiver(URL, webhook_secret=SECRET)
    status, answer = _wsgi(receiver, _body(), _query(receiver))
    assert status == 401
    assert "not signed" in answer["error"]
    assert receiver.inbox.events(["ext-1"]) == ()


def test_with_a_secret_a_wrong_signature_is_refused() -> None:
    receiver = CallbackReceiver(URL, webhook_secret=SECRET)
    other = "whsec_" + "b3RoZXItc2VjcmV0LW9mLXRoaXJ0eS10d28tYnl0ZXM="
    headers = _signed(_body(), secret=other)
    assert _wsgi(receiver, _body(), _query(receiver), headers)[0] == 401
    assert receiver.inbox.events(["ext-1"]) == ()


def test_with_a_secret_a_signed_callback_is_stored_and_its_replay_refused() -> None:
    receiver = CallbackReceiver(URL, webhook_secret=["whsec_" + "b2xkLXNlY3JldA==", SECRET])
    headers = _signed(_body())
    assert _wsgi(receiver, _body(), _query(receiver), headers) == (200, {"received": "stored"})
    status, answer = _wsgi(receiver, _body(), _query(receiver), headers)
    assert status == 409
    assert "received before" in answer["error"]
    assert len(receiver.inbox.events(["ext-1"])) == 1


def test_the_receivers_repr_shows_no_secret() -> None:
    receiver = CallbackReceiver(URL, webhook_secret=SECRET)
    assert SECRET[6:] not in repr(receiver)
    assert "signed" in repr(receiver)


def test_a_bad_public_url_or_secret_is_refused_at_construction() -> None:
    with pytest.raises(ValueError, match="public_url"):
        CallbackReceiver("ftp://example.com/hook")
    with pytest.raises(ValueError, match="Standard Webhooks secret"):
        CallbackReceiver(URL, webhook_secret="whsec_???")


def test_a_public_url_with_a_query_keeps_it() -> None:
    receiver = CallbackReceiver(URL + "?route=kling")
    minted = receiver.callback_url("ext-1")
    assert minted.startswith(URL + "?route=kling&task=ext-1&token=")
    assert _wsgi(receiver, _body(), urlsplit(minted).query)[0] == 200


# ------------------------------------------------------------------ ASGI, called directly


async def _asgi(
    receiver: CallbackReceiver, chunks: list[bytes], query: str, headers: dict[str, str]
) -> tuple[int, Any]:
    incoming = [
        {"type": "http.request", "body": chunk, "more_body": i < len(chunks) - 1}
        for i, chunk in enumerate(chunks)
    ]
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return incoming.pop(0)

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "method": "POST",
        "path": "/kling",
        "query_string": query.encode(),
        "headers": [(k.encode(), v.encode()) for k, v in headers.items()],
    }
    await receiver.asgi_app(scope, receive, send)
    return sent[0]["status"], json.loads(sent[1]["body"])


def test_asgi_stores_a_signed_callback_sent_in_pieces() -> None:
    receiver = CallbackReceiver(URL, webhook_secret=SECRET)
    body = _body()
    headers = {k.title(): v for k, v in _signed(body).items()}
    pieces = [body[:10], body[10:20], body[20:]]
    status, answer = asyncio.run(_asgi(receiver, pieces, _query(receiver), headers))
    assert (status, answer) == (200, {"received": "stored"})
    assert len(receiver.inbox.events(["ext-1"])) == 1


def test_asgi_refuses_forged_and_oversized_callbacks() -> None:
    receiver = CallbackReceiver(URL, max_body_bytes=200)
    forged = "task=ext-1&token=" + "B" * 43
    assert asyncio.run(_asgi(receiver, [_body()], forged, {}))[0] == 401
    assert asyncio.run(_asgi(receiver, [b"x" * 120, b"x" * 120], _query(receiver), {}))[0] == 413
    assert receiver.inbox.events(["ext-1"]) == ()


def test_asgi_answers_the_lifespan_protocol() -> None:
    receiver = CallbackReceiver(URL)
    messages = [{"type": "lifespan.startup"}, {"type": "lifespan.shutdown"}]
    sent: list[str] = []

    async def receive() -> dict[str, Any]:
        return messages.pop(0)

    async def send(message: dict[str, Any]) -> None:
        sent.append(message["type"])

    asyncio.run(receiver.asgi_app({"type": "lifespan"}, receive, send))
    assert sent == ["lifespan.startup.complete", "lifespan.shutdown.complete"]


# ------------------------------------------------------------------ the built-in server


def test_the_built_in_server_takes_callbacks_on_127_0_0_1() -> None:
    receiver = CallbackReceiver()
    with receiver.serve("127.0.0.1", 0) as server:
        assert receiver.public_url == server.url
        assert server.url.startswith("http://127.0.0.1:")
        url = receiver.callback_url("ext-1")
        answer = httpx.post(url, content=_body(), timeout=5)
        assert answer.status_code == 200
        forged = httpx.post(url.replace("ext-1", "ext-2"), content=_body(), timeout=5)
        assert forged.status_code == 401
    assert len(receiver.inbox.events(["ext-1"])) == 1


# ------------------------------------------------------------------ the inbox on disk


def test_a_file_inbox_survives_a_restart_and_keeps_its_key(tmp_path: Path) -> None:
    path = tmp_path / "inbox.sqlite3"
    first = CallbackReceiver(URL, inbox=path)
    minted = first.callback_url("ext-1")
    assert _wsgi(first, _body("processing", 2), urlsplit(minted).query)[0] == 200
    first.inbox.close()
    assert path.stat().st_mode & 0o077 == 0  # the file holds the token key: owner only

    again = CallbackReceiver(URL, inbox=CallbackInbox(path))
    # A task created before the restart still gets its callbacks in.
    assert again.callback_url("ext-1") == minted
    assert _wsgi(again, _body("succeed", 3), urlsplit(minted).query)[0] == 200
    assert [e.status for e in again.inbox.events(["ext-1"])] == ["processing", "succeed"]
    again.inbox.close()


def test_a_callback_that_cannot_be_stored_is_not_answered_2xx() -> None:
    receiver = CallbackReceiver(URL)
    query = _query(receiver)
    receiver.inbox.close()  # as good as a full disk: nothing can be written
    status, _ = _wsgi(receiver, _body(), query)
    assert status == 503  # the sender keeps it and tries again


def test_old_events_can_be_pruned() -> None:
    now = [1000.0]
    inbox = CallbackInbox(clock=lambda: now[0])
    receiver = CallbackReceiver(URL, inbox=inbox)
    _wsgi(receiver, _body("processing", 1), _query(receiver))
    now[0] += 3600
    _wsgi(receiver, _body("succeed", 2), _query(receiver))
    assert inbox.prune(older_than=1800) == 1
    assert [e.status for e in inbox.events(["ext-1"])] == ["succeed"]


def test_a_bad_webhook_secret_is_refused_before_the_inbox_file_is_made(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox.sqlite3"
    with pytest.raises(ValueError, match="webhook secret") as caught:
        CallbackReceiver(inbox=inbox, webhook_secret="whsec_not-base64!!")
    assert "not-base64" not in str(caught.value)
    assert not inbox.exists()  # bad input leaves nothing behind


def test_serving_on_a_wildcard_host_needs_a_public_url() -> None:
    receiver = CallbackReceiver()
    with pytest.raises(ValueError, match="public_url"):
        receiver.serve("0.0.0.0", 0)  # noqa: S104 - refused before it binds
    with CallbackReceiver("https://hooks.example.test/").serve("0.0.0.0", 0) as running:  # noqa: S104
        assert running.port > 0
