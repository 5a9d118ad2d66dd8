"""The callback receiver: one pure handler, served as WSGI, as ASGI and by a small server.

Each request is checked, then stored, then answered: 2xx only once the event is in the inbox.
Nothing here calls the API; a waiter reads the inbox and confirms with the API itself.

Checks, in order (a refusal stores nothing):

1. POST only (405); a body over `max_body_bytes` is refused unread (413).
2. The capability token of the URL (`?task=<external_task_id>&token=<HMAC>`): missing, forged,
   or minted for another task: 401.
3. With webhook secrets configured: a Standard Webhooks signature made with one of them,
   within ±5 minutes (401 otherwise, even at the right URL).
4. The body: a JSON task object with a status (400); if it names an external_task_id, it must
   be the URL's (401: a callback about another task).
5. A signed message's `webhook-id` seen before: 409, nothing stored.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Awaitable, Callable, Iterable, Mapping, MutableMapping, Sequence
from os import PathLike
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from .._callback_flow import callback_fields
from .._callback_schedule import DEFAULT_CALLBACK_SCHEDULE, CallbackSchedule
from .._webhooks import (
    WebhookVerificationError,
    capability_token,
    check_capability,
    verify_webhook,
    webhook_key,
)
from ._inbox import CallbackInbox

if TYPE_CHECKING:
    from ._server import RunningReceiver

__all__ = ["MAX_CALLBACK_BYTES", "CallbackReceiver"]

WILDCARD_HOSTS = frozenset({"0.0.0.0", "::", ""})  # noqa: S104 - names them, binds nothing
"""Listening addresses that stand for every address of the machine."""

MAX_CALLBACK_BYTES = 256 * 1024
"""The largest callback body read: a task object is a few kilobytes."""

Answer = tuple[int, dict[str, Any]]
ASGIReceive = Callable[[], Awaitable[MutableMapping[str, Any]]]
ASGISend = Callable[[MutableMapping[str, Any]], Awaitable[None]]

_PHRASES = {
    200: "OK",
    400: "Bad Request",
    401: "Unauthorized",
    405: "Method Not Allowed",
    409: "Conflict",
    411: "Length Required",
    413: "Content Too Large",
    503: "Service Unavailable",
    500: "Internal Server Error",
}


def _check_public_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.fragment:
        raise ValueError(
            f"public_url must be an absolute http(s) URL with a host and no #fragment, not {url!r}"
        )
    return url


class CallbackReceiver:
    """Receives Kling callbacks into an inbox, for waits by callback.

    Args:
        public_url: Where the API can reach this receiver (`https://example.com/kling/hook`);
            each task's callback URL is it plus `?task=…&token=…`. The built-in server sets it
            to its own address when none is given.
        inbox: A `CallbackInbox`, or the path of its SQLite file; default in memory.
        webhook_secret: The Standard Webhooks secret(s) (`whsec_…`) set in Kling's console:
            when given, only callbacks signed with one of them are accepted. Several while a
            secret rotates.
        schedule: When a wait by callback queries the API anyway (`CallbackSchedule`).
        max_body_bytes: Larger bodies are refused (413).
        clock: Unix time, for the signature tolerance (injectable for tests).

    Raises:
        ValueError: a public_url that is not an absolute http(s) URL, or a webhook secret that
            is not a Standard Webhooks secret.

    Mount it anywhere: `receiver.wsgi_app` (Flask, Django), `receiver.asgi_app` (FastAPI,
    Starlette), or `receiver.serve(host, port)` for a script. Its path does not matter: the
    task and its token travel in the query string.
    """

    def __init__(
        self,
        public_url: str | None = None,
        *,
        inbox: CallbackInbox | str | PathLike[str] | None = None,
        webhook_secret: str | Sequence[str] | None = None,
        schedule: CallbackSchedule = DEFAULT_CALLBACK_SCHEDULE,
        max_body_bytes: int = MAX_CALLBACK_BYTES,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._public_url = None if public_url is None else _check_public_url(public_url)
        secrets = (
            [webhook_secret] if isinstance(webhook_secret, str) else list(webhook_secret or ())
        )
        # Decoded now: a malformed secret fails here, not on the first callback, and before
        # an inbox file is made, so bad input leaves nothing behind.
        self._keys = tuple(webhook_key(secret) for secret in secrets if secret)
        self.inbox: CallbackInbox = (
            inbox if isinstance(inbox, CallbackInbox) else CallbackInbox(inbox or ":memory:")
        )
        self._token_key = self.inbox.token_key()
        self.schedule: CallbackSchedule = schedule
        self.max_body_bytes: int = max_body_bytes
        self._clock = clock

    def __repr__(self) -> str:
        signed = "signed" if self._keys else "unsigned"
        return f"<CallbackReceiver {self._public_url!r} {signed} {self.inbox!r}>"

    @property
    def public_url(self) -> str | None:
        """Where the API reaches this receiver; None until set (or a server started)."""
        return self._public_url

    @public_url.setter
    def public_url(self, url: str) -> None:
        self._public_url = _check_public_url(url)

    @property
    def verifies_signatures(self) -> bool:
        """Whether callbacks must carry a Standard Webhooks signature."""
        return bool(self._keys)

    def callback_url(self, external_task_id: str) -> str:
        """The `callback_url` to create the task `external_task_id` with (a capability URL).

        Raises:
            ValueError: no public URL is known yet.
        """
        if self._public_url is None:
            raise ValueError("the receiver has no public_url: give one, or start its server")
        query = urlencode({"task": external_task_id, "token": self.token(external_task_id)})
        joiner = "&" if urlsplit(self._public_url).query else "?"
        return f"{self._public_url}{joiner}{query}"

    def token(self, external_task_id: str) -> str:
        """The capability token of one task (what `callback_url` carries)."""
        return capability_token(self._token_key, external_task_id)

    # ------------------------------------------------------------------ the pure handler

    def handle(self, method: str, query: str, headers: Mapping[str, str], body: bytes) -> Answer:
        """Check, store and answer one callback request; `(HTTP status, JSON answer)`.

        Args:
            method: The HTTP method.
            query: The raw query string of the request URL.
            headers: The request headers, any case.
            body: The raw body (at most `max_body_bytes`: the servers cut it off before).
        """
        if method.upper() != "POST":
            return 405, {"error": "callbacks are POSTed"}
        if len(body) > self.max_body_bytes:
            return 413, {"error": f"the body is larger than {self.max_body_bytes} bytes"}
        params = dict(parse_qsl(query, keep_blank_values=True))
        key, token = params.get("task", ""), params.get("token", "")
        if not key or not token or not check_capability(self._token_key, key, token):
            return 401, {"error": "this callback URL was not minted by this receiver"}
        webhook_id: str | None = None
        if self._keys:
            try:
                webhook_id = verify_webhook(self._keys, headers, body, now=self._clock())
            except WebhookVerificationError as exc:
                return 401, {"error": str(exc)}
        try:
            data = json.loads(body)
        except (ValueError, RecursionError):
            return 400, {"error": "the body is not JSON"}
        if isinstance(data, dict) and isinstance(data.get("data"), dict) and "code" in data:
            data = data["data"]  # a gateway that wraps callbacks in the API's envelope
        if not isinstance(data, dict):
            return 400, {"error": "the body is not a JSON object"}
        _task_id, status, _updated, external = callback_fields(data)
        if status is None:
            return 400, {"error": "the body names no task status"}
        if external is not None and external != key:
            return 401, {"error": "the callback is about another task than its URL's"}
        try:
            outcome = self.inbox.record(key, data, webhook_id=webhook_id)
        except sqlite3.Error:
            # Not stored (a full disk, a locked file): not 2xx, so the sender tries again.
            return 503, {"error": "the callback could not be stored; try again"}
        if outcome == "replayed":
            return 409, {"error": "this webhook-id was received before"}
        return 200, {"received": outcome}

    # ------------------------------------------------------------------ WSGI

    def wsgi_app(
        self, environ: Mapping[str, Any], start_response: Callable[..., object]
    ) -> Iterable[bytes]:
        """The receiver as a WSGI application (Flask, Django, any WSGI server)."""
        headers = {
            key[5:].replace("_", "-").lower(): str(value)
            for key, value in environ.items()
            if key.startswith("HTTP_")
        }
        method = str(environ.get("REQUEST_METHOD", "GET"))
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = -1
        if length > self.max_body_bytes:
            status, answer = self.handle(method, "", headers, b"\0" * (self.max_body_bytes + 1))
        elif length < 0:
            status, answer = 411, {"error": "send the body with a Content-Length"}
        else:
            body = environ["wsgi.input"].read(length) if length else b""
            status, answer = self.handle(
                method, str(environ.get("QUERY_STRING", "")), headers, body
            )
        content = json.dumps(answer).encode()
        start_response(
            f"{status} {_PHRASES.get(status, 'Error')}",
            [("Content-Type", "application/json"), ("Content-Length", str(len(content)))],
        )
        return [content]

    # ------------------------------------------------------------------ ASGI

    async def asgi_app(
        self, scope: Mapping[str, Any], receive: ASGIReceive, send: ASGISend
    ) -> None:
        """The receiver as an ASGI application (FastAPI, Starlette, any ASGI server).

        The body is read up to the cap; storing runs in a worker thread, off the event loop.
        """
        if scope.get("type") == "lifespan":
            while (await receive())["type"] != "lifespan.shutdown":
                await send({"type": "lifespan.startup.complete"})
            await send({"type": "lifespan.shutdown.complete"})
            return
        if scope.get("type") != "http":
            return
        import asyncio  # here: a sync user of the receiver never needs it

        headers = {
            bytes(name).decode("latin-1").lower(): bytes(value).decode("latin-1")
            for name, value in scope.get("headers", ())
        }
        method = str(scope.get("method", "GET"))
        query = bytes(scope.get("query_string", b"")).decode("latin-1")
        chunks: list[bytes] = []
        size, too_large = 0, False
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = bytes(message.get("body", b""))
            size += len(chunk)
            if size > self.max_body_bytes:
                too_large = True
                break
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"\0" * (self.max_body_bytes + 1) if too_large else b"".join(chunks)
        status, answer = await asyncio.to_thread(self.handle, method, query, headers, body)
        content = json.dumps(answer).encode()
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(content)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": content})

    # ------------------------------------------------------------------ the built-in server

    def serve(self, host: str = "127.0.0.1", port: int = 0) -> RunningReceiver:
        """Start a small threaded HTTP server for this receiver in the background.

        Sets `public_url` to the server's own address when none was given (right for a test
        or a machine the API can reach directly; behind a tunnel or proxy give `public_url`).

        Returns:
            The running server; a context manager, or call `close()`.

        Raises:
            ValueError: a wildcard host (`0.0.0.0`, `::`) and no `public_url`: every address
                of the machine, but none that a callback URL could name.
        """
        from ._server import RunningReceiver  # deferred: it imports this module

        if self._public_url is None and host.strip("[]") in WILDCARD_HOSTS:
            raise ValueError(
                f"host {host!r} listens on every address, which no callback URL can name: "
                "give public_url (where the API reaches this server)"
            )
        return RunningReceiver.start(self, host, port)
