"""The mock gateway's core: one pure function from a request to a response.

:meth:`MockGateway.handle` takes a :class:`MockRequest` and returns a :class:`MockResponse`; it
opens no socket and starts no thread. The httpx transport (``_transport.py``) and the WSGI app and
server (``_server.py``) only translate to and from these two classes, so all three serve exactly
the same behaviour.

What the core answers (the spec and its error table; paths with or without the ``/klingai`` prefix):

* ``POST {path}`` of each task endpoint of the spec (``/v1/videos/text2video``, ...) creates a
  task after checking the bearer key and the body against the spec
  (:func:`kling_ext._validation.check_request`); ``GET {path}/{id}`` queries it by ``task_id`` or
  ``external_task_id``; ``GET {path}?pageNum=&pageSize=`` lists the kind's tasks, newest first.
* Each synchronous call of the spec (``POST /v1/videos/identify-face``, ``GET /account/costs``,
  ...) checks its body or query parameters against the spec and answers the data of its spec's
  success example (``official`` first), or data built from its answer schema; the files such an
  answer names (speech audio) are the mock's own.
* ``GET /mock/videos/{task_id}.mp4`` serves the sample MP4 of a finished task, without auth (like
  a CDN URL), with ``Range`` support; ``/mock/images/{task_id}-{n}.png`` (or with no suffix: a
  JPEG) and ``/mock/audios/{task_id}.mp3`` / ``.wav`` the samples of image and audio tasks,
  made by the task endpoint's ``x-kling-output``; ``GET /openapi.json`` serves the spec (for
  schemathesis).
* A prompt containing ``[mock:fail]`` makes the task end ``failed`` with ``task_status_msg``
  "Failure requested by the prompt marker [mock:fail]"; ``[mock:fail:some reason]`` fails it
  with "some reason".
* Faults (:class:`~kling_ext.mock._state.Fault`) and contract violations (:data:`VIOLATIONS`)
  make it misbehave on purpose.
"""

from __future__ import annotations

import copy
import functools
import http
import json
import re
import time
from collections.abc import Callable, Iterable, Mapping
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any, Literal

import attrs
import jwt
from jwt.algorithms import HMACAlgorithm
from jwt.utils import base64url_decode

from kling_ext._exceptions import CODE_MESSAGES
from kling_ext._media import (
    sample_audio_bytes,
    sample_image_bytes,
    sample_media_type,
    sample_video_bytes,
)
from kling_ext._spec import Call, calls, endpoints, load_spec, resolve
from kling_ext._validation import Violation, check_list_query, check_query, check_request

from ._breaks import VIOLATIONS, apply_breaks, check_breaks
from ._callbacks import CallbackDelivery, CallbackSender, MockCallbacks, pumping
from ._state import Fault, GatewayState, MockTask, StoredTask

if TYPE_CHECKING:
    from wsgiref.types import WSGIApplication

    from ._server import RunningServer
    from ._transport import MockTransport

__all__ = [
    "FAIL_MARKER",
    "MAX_BODY_BYTES",
    "MOCK_JWT_ACCESS_KEY",
    "MOCK_JWT_SECRET",
    "VIOLATIONS",
    "MockGateway",
    "MockRequest",
    "MockResponse",
]

FAIL_MARKER = "[mock:fail]"
"""Put this in a prompt to make the task fail; ``[mock:fail:reason]`` sets the failure message."""

MOCK_JWT_SECRET = "mock-secret"  # noqa: S105 - a published test credential, not a secret
"""The SecretKey the mock checks official-style HS256 JWTs against."""

MOCK_JWT_ACCESS_KEY = "mock-access"
"""The AccessKey (JWT ``iss``) the mock accepts."""

MAX_BODY_BYTES = 128 * 1024 * 1024
"""The largest request body the mock accepts (413 past it): the biggest legitimate create, seven
10 MB images as Base64 (about 94 MB), fits; a runaway or hostile client cannot fill memory."""

GATEWAY_PREFIX = "/klingai"
"""The default gateway's path prefix; the mock serves paths with and without it."""

_FAIL_RE = re.compile(r"\[mock:fail(?::([^\]]*))?\]")
_DEFAULT_FAIL_MESSAGE = f"Failure requested by the prompt marker {FAIL_MARKER}"
_VIDEO_RE = re.compile(r"^/mock/videos/(?P<task_id>[^/]+?)(?P<wm>-watermark)?\.mp4$")
# An image (`<task_id>-<n>.png`, or `<task_id>-<n>` served as a JPEG) or an audio track.
_FILE_RE = re.compile(
    r"^/mock/(?P<what>images|audios)/(?P<name>[^/.]+?)(?P<ext>\.png|\.mp3|\.wav)?$"
)
# Answer fields that name a file, rewritten to the mock's own files in a call's answer.
_FILE_FIELDS = ("url", "url_mp3", "url_wav", "watermark_url")
_RANGE_RE = re.compile(r"^bytes=(\d*)-(\d*)$")
_JSON = "application/json"
_SUCCESS_MESSAGE = "SUCCEED"  # what the official host says (see the spec's envelope)
# (business code, message) of each server-side status; 502 is a gateway that lost its upstream.
_SERVER_ERRORS: Mapping[int, tuple[int, str]] = {
    500: (5000, "Server internal error"),
    502: (5000, "upstream error"),
    503: (5001, "Server temporarily unavailable"),
    504: (5002, "Server internal timeout"),
}
# Kinds whose request is carried out before the fault replaces (or cuts) the answer.
_AFTER_FAULTS = frozenset({"stored_then_error", "stored_then_drop", "cut_download"})
_HS256 = HMACAlgorithm(HMACAlgorithm.SHA256)

RequestKind = Literal["create", "query", "list", "download", "call", "spec", "wrong_method"]
"""What a request asks of the gateway, read from its method and path (`_route`).

Not the endpoint: that is `kind` (`text2video`, ...). A `Fault` names the requests it hits by a
`FaultTarget`: one of these, or `any`."""


def _lower_keys(headers: Mapping[str, str]) -> Mapping[str, str]:
    return {key.lower(): value for key, value in headers.items()}


@attrs.frozen
class MockRequest:
    """An HTTP request as the core sees it.

    Attributes:
        method: ``GET``, ``POST``, ...
        path: The decoded URL path, e.g. ``/klingai/v1/videos/text2video``.
        query: Query parameters (one value each).
        headers: Request headers; keys are lower-cased on construction.
        body: The raw request body.
        scheme: ``http`` or ``https``, for the video URLs the mock hands out.
    """

    method: str
    path: str
    query: Mapping[str, str] = attrs.field(factory=dict)
    headers: Mapping[str, str] = attrs.field(factory=dict, converter=_lower_keys)
    body: bytes = b""
    scheme: str = "http"


@attrs.frozen
class MockResponse:
    """An HTTP answer of the core, or an instruction to fail the connection instead.

    Attributes:
        status: The HTTP status (meaningless when ``drop`` is set).
        headers: Response headers, including ``Content-Length``.
        body: The full body.
        drop: Close the connection without answering.
        cut_after: Send the headers (declaring the full length) and only this many body
            bytes, then close the connection.
        refused: With ``drop``: the request never reached the gateway (a connect error), so
            nothing was carried out.
    """

    status: int
    headers: Mapping[str, str]
    body: bytes
    drop: bool = False
    cut_after: int | None = None
    refused: bool = False


@attrs.frozen
class _Route:
    request_kind: RequestKind
    prefix: str
    kind: str = ""  # the endpoint, e.g. text2video
    ident: str = ""
    watermark: bool = False
    allow: str = ""


def _task_route(path: str) -> tuple[str, str] | None:
    """(endpoint name, task id or "") of a task endpoint's collection or task path, else None."""
    for ep in endpoints().values():
        if path == ep.path:
            return ep.kind, ""
        ident = path.removeprefix(ep.path + "/")
        if ident != path and ident and "/" not in ident:
            return ep.kind, ident
    return None


def _calls_at(path: str) -> list[Call]:
    """The synchronous calls of the spec at exactly `path` (one per method)."""
    return [c for c in calls().values() if c.path == path]


def _route(request: MockRequest) -> _Route | None:
    """What a request asks for, or ``None`` for an unknown path (404, code 1202)."""
    path, prefix = request.path, ""
    if path.startswith(GATEWAY_PREFIX + "/"):
        path, prefix = path[len(GATEWAY_PREFIX) :], GATEWAY_PREFIX
    kind = ident = ""
    watermark = False
    allowed: dict[str, RequestKind]
    if path == "/openapi.json":
        allowed = {"GET": "spec"}
    elif video := _VIDEO_RE.match(path):
        allowed = {"GET": "download", "HEAD": "download"}
        ident, watermark = video["task_id"], bool(video["wm"])
    elif _FILE_RE.match(path):
        allowed = {"GET": "download", "HEAD": "download"}
        ident = path  # the whole path: `_file` reads it again
    elif found := _calls_at(path):
        # Before task ids: a literal spec path wins over `{path}/{id}`, as in OpenAPI, so
        # `/v1/videos/multi-elements/init-selection` is that call, not a task id of
        # `/v1/videos/multi-elements`.
        kind = found[0].kind
        allowed = {c.method: "call" for c in found}
    elif (tasks := _task_route(path)) is not None:
        kind, ident = tasks
        allowed = {"GET": "query"} if ident else {"POST": "create", "GET": "list"}
    else:
        return None
    request_kind = allowed.get(request.method.upper(), "wrong_method")
    return _Route(request_kind, prefix, kind, ident, watermark, allow=", ".join(allowed))


def body_too_large(size: int | None) -> str:
    """The 413 message for a request body over :data:`MAX_BODY_BYTES` (``size`` if known)."""
    told = f" ({size} bytes)" if size is not None else ""
    return f"{_message(1200)}: the request body{told} is over the mock's {MAX_BODY_BYTES} bytes"


def _message(code: int) -> str:
    text = CODE_MESSAGES[code]
    return text[0].upper() + text[1:]


def _describe(violation: Violation) -> str:
    text = f"{violation.field}: {violation.message}"
    return f"{text}; allowed: {violation.allowed}" if violation.allowed else text


def _fail_reason(body: Mapping[str, Any]) -> str | None:
    """The failure the prompt marker asks for, or ``None`` if no prompt carries it."""
    prompts = [body.get("prompt")]
    shots = body.get("multi_prompt")
    if isinstance(shots, list):
        prompts.extend(shot.get("prompt") for shot in shots if isinstance(shot, Mapping))
    for prompt in prompts:
        if isinstance(prompt, str) and (marker := _FAIL_RE.search(prompt)):
            return (marker[1] or "").strip() or _DEFAULT_FAIL_MESSAGE
    return None


def _reject_constant(name: str) -> Any:
    msg = f"{name} is not JSON"
    raise ValueError(msg)


def _seconds(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


@functools.cache
def _spec_bytes() -> bytes:
    return json.dumps(load_spec()).encode()


class MockGateway:
    """A stateful, in-memory Kling video API: the whole spec, for tests and demos.

    Serve it through :meth:`transport` (httpx, in-process), :meth:`wsgi_app` (any WSGI server or
    schemathesis) or :meth:`serve` (a real HTTP server on 127.0.0.1); all share this state.

    Tasks move ``submitted`` → ``processing`` → ``succeed`` (or ``failed`` when the prompt holds
    ``[mock:fail]`` / ``[mock:fail:reason]``). Under the ``steps`` clock every ``steps`` queries of
    a task move it one status on (listing does not); under the ``real`` clock a task is
    ``submitted`` for a moment, ``processing`` for ``processing_seconds``, then finished.

    Auth: ``Authorization: Bearer <api_key>``, or an HS256 JWT signed with
    :data:`MOCK_JWT_SECRET` whose ``iss`` is :data:`MOCK_JWT_ACCESS_KEY` (the official AK/SK
    scheme; ``exp`` and ``nbf`` are checked against the mock's clock).

    Example:
        >>> gateway = MockGateway()
        >>> client = httpx.Client(transport=gateway.transport(),
        ...                       base_url="https://mock.invalid/klingai",
        ...                       headers={"Authorization": "Bearer sk-mock"})
        >>> client.post("/v1/videos/text2video", json={"prompt": "a cat"}).json()["code"]
        0
    """

    def __init__(
        self,
        *,
        api_key: str = "sk-mock",
        clock: Literal["steps", "real"] = "steps",
        steps: int = 1,
        processing_seconds: float = 2.0,
        seed: int | None = None,
        violations: Iterable[str] = (),
        monotonic: Callable[[], float] = time.monotonic,
        callbacks: MockCallbacks | None = None,
    ) -> None:
        """Initialise a gateway with no tasks.

        Args:
            api_key: The bearer key it accepts.
            clock: ``steps``: queries move tasks on; ``real``: time does.
            steps: Queries per status change under the ``steps`` clock.
            processing_seconds: Time a task spends ``processing`` under the ``real`` clock.
            seed: Makes task ids and request ids reproducible.
            violations: Names from :data:`VIOLATIONS` to break the contract with (see
                ``kling_ext.mock.BREAKS`` for what each does).
            monotonic: The time source, in seconds (see also :meth:`advance`).
            callbacks: Send callbacks to each task's ``callback_url`` (off by default; needs
                ``clock="real"``, since waiting by callback makes no queries to move tasks);
                see :meth:`pump_callbacks`.

        Raises:
            ValueError: An unknown clock or violation, ``steps`` < 1, a negative
                ``processing_seconds``, or callbacks without the ``real`` clock.
        """
        chosen = check_breaks(violations)
        if clock not in ("steps", "real"):
            msg = f"clock must be 'steps' or 'real', not {clock!r}"
            raise ValueError(msg)
        if steps < 1 or processing_seconds < 0:
            msg = "steps must be at least 1 and processing_seconds not negative"
            raise ValueError(msg)
        if callbacks is not None and clock != "real":
            msg = "callbacks need clock='real': a wait by callback makes no queries to move tasks"
            raise ValueError(msg)
        self.api_key = api_key
        self.violations = chosen
        self._state = GatewayState(
            clock=clock,
            steps=steps,
            processing_seconds=processing_seconds,
            seed=seed,
            monotonic=monotonic,
        )
        self._callbacks = None if callbacks is None else CallbackSender(callbacks, self._state)
        self._callback_base: dict[str, str] = {}

    # ------------------------------------------------------------------ callbacks

    def pump_callbacks(self) -> int:
        """Send the callbacks now due (status changes, retries, faults); the number sent.

        Does nothing unless the gateway was made with ``callbacks=``. A test with a fake clock
        calls it from its fake sleep; :meth:`run_callbacks` calls it on a thread.
        """
        if self._callbacks is None:
            return 0
        with self._state.lock:
            self._callbacks.collect(
                lambda task: self._task_object(
                    task, self._callback_base.get(task.task_id, "http://localhost/klingai")
                )
            )
            batch = self._callbacks.due()
        self._callbacks.send(batch)  # outside the lock: the receiver may be slow or down
        return len(batch)

    def run_callbacks(self, interval: float = 0.05) -> AbstractContextManager[None]:
        """Send callbacks from a background thread while the ``with`` block runs.

        Args:
            interval: Seconds between two looks at what is due.
        """
        return pumping(self.pump_callbacks, interval)

    @property
    def callback_log(self) -> list[CallbackDelivery]:
        """Every callback delivery attempt so far, in order (empty without ``callbacks=``)."""
        if self._callbacks is None:
            return []
        with self._state.lock:
            return list(self._callbacks.log)

    @property
    def callbacks_pending(self) -> int:
        """Callbacks not delivered yet: due later, or waiting for a retry."""
        if self._callbacks is None:
            return 0
        with self._state.lock:
            return self._callbacks.pending

    # ------------------------------------------------------------------ public surface

    @property
    def tasks(self) -> list[MockTask]:
        """Snapshots of every stored task, oldest first (reading them is not a query)."""
        with self._state.lock:
            return self._state.snapshots()

    @property
    def creates_count(self) -> int:
        """Create requests that reached the gateway, whatever their answer.

        A ``drop`` fault's request never arrived and is not counted; a ``stored_then_error``
        one is. Compare with ``len(tasks)`` to see whether a client re-sent a create.
        """
        with self._state.lock:
            return self._state.creates_count

    @property
    def calls_count(self) -> int:
        """Synchronous call requests that reached the gateway, whatever their answer (like
        ``creates_count``): a client that re-sent a `POST` call shows here."""
        with self._state.lock:
            return self._state.calls_count

    @property
    def pending_faults(self) -> tuple[Fault, ...]:
        """Injected faults not used up yet, in order."""
        with self._state.lock:
            return self._state.pending_faults()

    def inject(self, fault: Fault) -> None:
        """Queue a fault; faults hit matching requests in the order they were injected.

        Args:
            fault: The fault.
        """
        with self._state.lock:
            self._state.inject([fault])

    def advance(self, seconds: float) -> None:
        """Move the mock's clock forward: ages ``real``-clock tasks, timestamps and JWTs.

        Args:
            seconds: How far.

        Raises:
            ValueError: If ``seconds`` is negative.
        """
        with self._state.lock:
            self._state.advance(seconds)

    def transport(self) -> MockTransport:
        """An httpx transport for ``httpx.Client`` and ``httpx.AsyncClient`` alike.

        Returns:
            A transport calling :meth:`handle` in-process.
        """
        from ._transport import MockTransport  # deferred: it imports this module

        return MockTransport(self.handle)

    def wsgi_app(self) -> WSGIApplication:
        """A WSGI application, e.g. for ``schemathesis.openapi.from_wsgi("/openapi.json", app)``.

        Returns:
            The application.
        """
        from ._server import make_wsgi_app  # deferred: it imports this module

        return make_wsgi_app(self.handle)

    def serve(self, host: str = "127.0.0.1", port: int = 0) -> RunningServer:
        """Start a threaded HTTP server in the background.

        Args:
            host: The address to listen on.
            port: The port; 0 picks a free one.

        Returns:
            The running server; use it as a context manager or call ``close()``.
        """
        from ._server import RunningServer  # deferred: it imports this module

        return RunningServer.start(self, host, port)

    def serve_forever(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        on_ready: Callable[[str], None] | None = None,
    ) -> None:
        """Serve HTTP in the calling thread until interrupted (``KeyboardInterrupt`` propagates).

        Args:
            host: The address to listen on.
            port: The port; 0 picks a free one.
            on_ready: Called with the base URL (``http://host:port/klingai``) once listening.
        """
        from ._server import serve_forever  # deferred: it imports this module

        serve_forever(self, host, port, on_ready=on_ready)

    def handle(self, request: MockRequest) -> MockResponse:
        """Answer one request: the pure core every way of serving the mock goes through.

        Args:
            request: The request.

        Returns:
            The answer, or an instruction to drop or cut the connection.
        """
        if len(request.body) > MAX_BODY_BYTES:
            return self._error(413, 1200, body_too_large(len(request.body)))
        route = _route(request)
        if route is None:
            return self._error(404, 1202, f"{_message(1202)}: {request.method} {request.path}")
        if route.request_kind == "wrong_method":
            # 405 with Allow, as HTTP asks for a known path; the body keeps Kling's code 1202.
            message = f"{_message(1202)}: {request.method} {request.path}"
            return self._error(405, 1202, message, {"Allow": route.allow})
        if route.request_kind == "spec":
            return MockResponse(200, self._headers(_JSON, len(_spec_bytes())), _spec_bytes())
        with self._state.lock:
            fault = self._state.take_fault(route.request_kind)
            if route.request_kind == "create" and not (fault and fault.kind == "drop"):
                self._state.creates_count += 1
            if route.request_kind == "call" and not (fault and fault.kind == "drop"):
                self._state.calls_count += 1
            if fault is not None and fault.kind not in _AFTER_FAULTS:
                return self._fault_answer(fault)
            response = apply_breaks(
                self.violations, route.request_kind, self._dispatch(route, request)
            )
            return response if fault is None else self._after_fault(fault, response)

    # ------------------------------------------------------------------ requests

    def _dispatch(self, route: _Route, request: MockRequest) -> MockResponse:
        if route.request_kind == "download":
            if route.ident.startswith("/mock/"):
                return self._file(route, request)
            return self._download(route, request)
        if refusal := self._check_auth(request.headers.get("authorization", "")):
            return refusal
        base_url = self._base_url(route, request)
        if route.request_kind == "create":
            return self._create(route.kind, request.body, base_url)
        if route.request_kind == "call":
            return self._call(route, request, base_url)
        if route.request_kind == "query":
            return self._query(route.kind, route.ident, base_url)
        return self._list(route.kind, request.query, base_url)

    def _json_body(self, raw: bytes) -> dict[str, Any] | MockResponse:
        try:
            body = json.loads(raw, parse_constant=_reject_constant)
        except (ValueError, RecursionError):
            return self._error(400, 1200, f"{_message(1200)}: the body is not valid JSON")
        if not isinstance(body, dict):
            return self._error(400, 1200, f"{_message(1200)}: the body must be a JSON object")
        return body

    def _call(self, route: _Route, request: MockRequest, base_url: str) -> MockResponse:
        target = calls()[route.kind]
        if request.method.upper() == "POST" and target.schema_name is not None:
            body = self._json_body(request.body)
            if isinstance(body, MockResponse):
                return body
            violations = check_request(target.kind, body)
        else:
            violations = check_query(target.kind, request.query)
        if violations:
            more = f" (and {len(violations) - 1} more)" if len(violations) > 1 else ""
            return self._error(400, 1201, _describe(violations[0]) + more)
        data = _answer_data(target)
        if target.output in ("images", "audios"):
            data = _own_files(
                data, f"{base_url}/mock/{target.output}/call-{self._state.new_uuid()}"
            )
        return self._success(data)

    def _file(self, route: _Route, request: MockRequest) -> MockResponse:
        """An image or audio file of a finished task (or of a call's answer)."""
        match = _FILE_RE.match(route.ident)
        assert match is not None  # routed by the same pattern
        what, name, ext = match["what"], match["name"], match["ext"] or ""
        if what == "images":
            fmt = "png" if ext == ".png" else "jpeg" if ext == "" else ""
        else:
            fmt = {".mp3": "mp3", ".wav": "wav"}.get(ext, "")
        task_id = name if what == "audios" else name.rpartition("-")[0]
        task = None if name.startswith("call-") else self._state.find(task_id, external=False)
        if task is not None:
            self._state.refresh(task)
        ours = name.startswith("call-") or (
            task is not None and task.status == "succeed" and endpoints()[task.kind].output == what
        )
        if not fmt or not ours:
            return self._error(404, 1203, f"{_message(1203)}: no file {name}{ext}")
        content = sample_image_bytes(fmt) if what == "images" else sample_audio_bytes(fmt)
        return _ranged(content, sample_media_type(fmt), request)

    def _create(self, kind: str, raw: bytes, base_url: str = "") -> MockResponse:
        body = self._json_body(raw)
        if isinstance(body, MockResponse):
            return body
        if violations := check_request(kind, body):
            more = f" (and {len(violations) - 1} more)" if len(violations) > 1 else ""
            return self._error(400, 1201, _describe(violations[0]) + more)
        external = body.get("external_task_id") or None
        if external is not None and self._state.has_external_id(external):
            return self._error(400, 1201, f"external_task_id already exists: {external}")
        task = self._state.add_task(kind, copy.deepcopy(body), external, _fail_reason(body))
        if self._callbacks is not None:
            self._callback_base[task.task_id] = base_url
        data = {
            "task_id": task.task_id,
            "task_status": task.status,
            "task_info": {"external_task_id": external or ""},
            "created_at": task.created_at,
            "updated_at": task.updated_at,
        }
        return self._success(data)

    def _query(self, kind: str, ident: str, base_url: str) -> MockResponse:
        task = self._state.find(ident)
        if task is None or task.kind != kind:
            return self._error(400, 1201, f"Task not found by id/external id: {ident}")
        self._state.refresh(task, queried=True)
        return self._success(self._task_object(task, base_url))

    def _list(self, kind: str, query: Mapping[str, str], base_url: str) -> MockResponse:
        page, violations = check_list_query(kind, query)
        if violations:
            return self._error(400, 1201, _describe(violations[0]))
        newest_first = [task for task in reversed(self._state.tasks) if task.kind == kind]
        start = (page["pageNum"] - 1) * page["pageSize"]
        chosen = newest_first[start : start + page["pageSize"]]
        for task in chosen:
            self._state.refresh(task)
        return self._success([self._task_object(task, base_url) for task in chosen])

    def _download(self, route: _Route, request: MockRequest) -> MockResponse:
        task = self._state.find(route.ident, external=False)  # video URLs carry the task_id
        if task is not None:
            self._state.refresh(task)
        if task is None or task.status != "succeed":
            return self._error(404, 1203, f"{_message(1203)}: no video {route.ident}")
        if route.watermark and not _watermarked(task):
            return self._error(404, 1203, f"{_message(1203)}: no watermarked video {route.ident}")
        return _ranged(sample_video_bytes(), "video/mp4", request)

    # ------------------------------------------------------------------ auth

    def _check_auth(self, header: str) -> MockResponse | None:
        scheme, _, token = header.strip().partition(" ")
        token = token.strip()
        if not header.strip():
            return self._error(401, 1001, _message(1001))
        if scheme.lower() != "bearer" or not token:
            return self._error(401, 1002, _message(1002))
        if token == self.api_key:
            return None
        code = self._jwt_problem(token)
        return None if code is None else self._error(401, code, _message(code))

    def _jwt_problem(self, token: str) -> int | None:
        """The auth error code of an official-style JWT (official AK/SK docs), ``None`` if valid."""
        try:
            header = jwt.get_unverified_header(token)
            claims = jwt.decode(token, options={"verify_signature": False})
            signing_input, _, signature = token.encode().rpartition(b".")
            # PyJWT's own verification warns about the short published secret on every call,
            # and silencing warnings is not thread-safe, so the signature is checked directly.
            signed = header.get("alg") == "HS256" and _HS256.verify(
                signing_input, _HS256.prepare_key(MOCK_JWT_SECRET), base64url_decode(signature)
            )
        except (jwt.InvalidTokenError, ValueError):
            return 1002
        exp, nbf = claims.get("exp"), claims.get("nbf")
        if not signed or claims.get("iss") != MOCK_JWT_ACCESS_KEY:
            return 1002
        if not isinstance(exp, int | float) or not isinstance(nbf, int | float | None):
            return 1002
        now = self._state.wall()
        if now >= exp:
            return 1004
        if nbf is not None and now < nbf:
            return 1003
        return None

    # ------------------------------------------------------------------ faults

    def _fault_answer(self, fault: Fault) -> MockResponse:
        if fault.kind == "drop":
            return MockResponse(0, {}, b"", drop=True, refused=True)
        if fault.kind == "rate_limit":
            wait = _seconds(1 if fault.retry_after is None else fault.retry_after)
            return self._error(
                fault.status, 1303, "parallel task over resource pack limit", {"Retry-After": wait}
            )
        if fault.kind == "balance":
            return self._error(fault.status, 1102, _message(1102))
        if fault.kind == "non_json":
            phrase = _phrase(fault.status)
            body = f"<html><body>{fault.status} {phrase}</body></html>".encode()
            return MockResponse(fault.status, self._headers("text/html", len(body)), body)
        code, message = _SERVER_ERRORS.get(fault.status, _SERVER_ERRORS[500])
        return self._error(fault.status, code, message)

    def _after_fault(self, fault: Fault, response: MockResponse) -> MockResponse:
        if fault.kind == "stored_then_drop":
            return MockResponse(0, {}, b"", drop=True)
        if not 200 <= response.status < 300:
            return response  # nothing was carried out, so there is nothing to lose
        if fault.kind == "stored_then_error":
            code, message = _SERVER_ERRORS.get(fault.status, _SERVER_ERRORS[500])
            return self._error(fault.status, code, message)
        if fault.after_bytes < len(response.body):  # cut_download
            return attrs.evolve(response, cut_after=fault.after_bytes)
        return response

    # ------------------------------------------------------------------ rendering

    def _base_url(self, route: _Route, request: MockRequest) -> str:
        host = request.headers.get("host") or "localhost"
        return f"{request.scheme}://{host}{route.prefix}"

    def _task_object(self, task: StoredTask, base_url: str) -> dict[str, Any]:
        data: dict[str, Any] = {
            "task_id": task.task_id,
            "task_status": task.status,
            "task_status_msg": task.fail_reason if task.status == "failed" else "",
            "task_info": {"external_task_id": task.external_task_id or ""},
            "task_result": {},
            "created_at": task.created_at,
            "updated_at": task.updated_at,
        }
        if isinstance(task.body.get("watermark_info"), Mapping):
            data["watermark_info"] = {"enabled": _watermarked(task)}
        if task.status == "succeed":
            data["task_result"] = _result(task, base_url)
        if task.finished:
            # A failed task is not charged (observed failed answers carry no deduction).
            data["final_unit_deduction"] = "1" if task.status == "succeed" else "0"
        return data

    def _success(self, data: Any) -> MockResponse:
        envelope: dict[str, Any] = {
            "code": 0,
            "message": _SUCCESS_MESSAGE,
            "request_id": self._state.new_uuid(),
            "data": data,
        }
        body = json.dumps(envelope, ensure_ascii=False).encode()
        return MockResponse(200, self._headers(_JSON, len(body)), body)

    def _error(
        self, status: int, code: int, message: str, extra: Mapping[str, str] | None = None
    ) -> MockResponse:
        with self._state.lock:
            request_id = self._state.new_uuid()
        envelope = {"code": code, "message": message, "request_id": request_id}
        body = json.dumps(envelope, ensure_ascii=False).encode()
        return MockResponse(status, {**self._headers(_JSON, len(body)), **(extra or {})}, body)

    @staticmethod
    def _headers(content_type: str, length: int) -> dict[str, str]:
        return {"Content-Type": content_type, "Content-Length": str(length)}


def _result(task: StoredTask, base_url: str) -> dict[str, Any]:
    """A finished task's `task_result`: files of its endpoint's output kind."""
    output = endpoints()[task.kind].output
    if output not in ("videos", "images", "audios"):
        return {}  # `none`: a task whose result is not a file (a cloned voice, an element)
    if output == "images":
        count = task.body.get("n")
        count = count if type(count) is int and 1 <= count <= 9 else 1
        url = f"{base_url}/mock/images/{task.task_id}"
        # The first image has a .png URL; the others none (served as JPEG: a client must read
        # the answer's Content-Type, as for real CDNs whose URLs hide the format).
        return {
            "images": [
                {"index": i, "url": f"{url}-{i}.png" if i == 0 else f"{url}-{i}"}
                for i in range(count)
            ]
        }
    if output == "audios":
        url = f"{base_url}/mock/audios/{task.task_id}"
        seconds = _duration(task)
        audio = {
            "id": task.video_id,
            "url_mp3": f"{url}.mp3",
            "url_wav": f"{url}.wav",
            "duration_mp3": seconds,
            "duration_wav": seconds,
        }
        return {"audios": [audio]}
    url = f"{base_url}/mock/videos/{task.task_id}"
    video = {"id": task.video_id, "url": f"{url}.mp4", "duration": _duration(task)}
    if _watermarked(task):
        video["watermark_url"] = f"{url}-watermark.mp4"
    return {"videos": [video]}


def _ranged(content: bytes, media_type: str, request: MockRequest) -> MockResponse:
    """A file answer, with `Range` support (206, or 416 for a range past the end)."""
    head = request.method.upper() == "HEAD"
    headers = {"Content-Type": media_type, "Accept-Ranges": "bytes"}
    wanted_range = _parse_range(request.headers.get("range", ""), len(content))
    if wanted_range is None:
        body = content
        status = 200
    elif wanted_range == "unsatisfiable":
        headers["Content-Range"] = f"bytes */{len(content)}"
        return MockResponse(416, {**headers, "Content-Length": "0"}, b"")
    else:
        first, last = wanted_range
        body = content[first : last + 1]
        status = 206
        headers["Content-Range"] = f"bytes {first}-{last}/{len(content)}"
    headers["Content-Length"] = str(len(body))
    return MockResponse(status, headers, b"" if head else body)


def _answer_data(target: Call) -> Any:
    """What a call answers: its spec's success example (`official` first), else data built from
    the answer schema."""
    operation = load_spec()["paths"][target.path][target.method.lower()]
    content = operation.get("responses", {}).get("200", {}).get("content", {})
    answer = content.get("application/json", {})
    examples = answer.get("examples") or {}
    chosen = examples.get("official") or next(iter(examples.values()), None)
    if isinstance(chosen, Mapping) and isinstance(chosen.get("value"), Mapping):
        return copy.deepcopy(chosen["value"].get("data"))
    if isinstance(answer.get("example"), Mapping):
        return copy.deepcopy(answer["example"].get("data"))
    if target.response_schema is None:
        return {}
    return _from_schema({"$ref": f"#/components/schemas/{target.response_schema}"}, 0)


def _from_schema(schema: Mapping[str, Any], depth: int) -> Any:
    """A plain value that fits `schema`: its example, default or first enum value, else made."""
    schema = resolve(schema)
    for key in ("example", "default"):
        if key in schema:
            return copy.deepcopy(schema[key])
    if schema.get("enum"):
        return schema["enum"][0]
    kind = schema.get("type")
    kind = kind[0] if isinstance(kind, list) and kind else kind
    if kind == "object" or "properties" in schema:
        if depth > 6:
            return {}
        return {
            name: _from_schema(sub, depth + 1) for name, sub in schema.get("properties", {}).items()
        }
    if kind == "array":
        return [] if depth > 6 else [_from_schema(schema.get("items", {}), depth + 1)]
    return {"integer": 0, "number": 0, "boolean": False}.get(str(kind), "string")


def _own_files(data: Any, prefix: str) -> Any:
    """`data` with every file URL it names replaced by one of the mock's own files."""
    count = 0

    def walk(node: Any) -> Any:
        nonlocal count
        if isinstance(node, list):
            return [walk(item) for item in node]
        if not isinstance(node, Mapping):
            return node
        out = {}
        for key, value in node.items():
            if key in _FILE_FIELDS and isinstance(value, str) and value:
                count += 1
                images = "/images/" in prefix
                ext = ".png" if images else ".wav" if key == "url_wav" else ".mp3"
                out[key] = f"{prefix}-{count}{ext}"
            else:
                out[key] = walk(value)
        return out

    return walk(data)


def _watermarked(task: StoredTask) -> bool:
    info = task.body.get("watermark_info")
    return isinstance(info, Mapping) and info.get("enabled") is True


def _duration(task: StoredTask) -> str:
    """The video length as the API writes it ("5.0"), from the requested duration."""
    requested = task.body.get("duration", endpoints()[task.kind].defaults.get("duration", "5"))
    try:
        return f"{float(requested):.1f}"
    except (TypeError, ValueError):
        return "5.0"


def _phrase(status: int) -> str:
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def _parse_range(header: str, size: int) -> tuple[int, int] | Literal["unsatisfiable"] | None:
    """A single ``bytes=`` range as (first, last), or ``None`` to ignore the header."""
    match = _RANGE_RE.match(header.strip())
    if match is None or match[1] == match[2] == "":
        return None  # absent, malformed or multi-range: RFC 9110 lets a server send it all
    if match[1] == "":
        suffix = int(match[2])
        return (max(size - suffix, 0), size - 1) if suffix else "unsatisfiable"
    first = int(match[1])
    last = min(int(match[2]), size - 1) if match[2] else size - 1
    if first >= size:
        return "unsatisfiable"
    return None if last < first else (first, last)
