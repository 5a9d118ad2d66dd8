"""The whole job as sans-I/O flows, driven twice: once by `Kling`, once by `AsyncKling`.

A flow is a generator that yields effects (`Send` a request, `Sleep`, `Notify` a status change,
`Stream` a download, `RenewAuth`) and receives their results. Every decision (retry, look a
create up before re-sending it, poll again, give up) is made here, once; the two drivers in
`_client.py` only perform effects. Tests drive flows with a fake clock and canned responses.

Everything the server says passes through `read_answer`, which is where a hostile answer is
made harmless: bodies over a size cap or unreadable become errors with a short preview, and the
client's secrets are cut out of every string before any error or task is built from it.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Generator, Mapping
from typing import Any, BinaryIO, Protocol, TypeVar
from urllib.parse import quote

import attrs
import httpx

from ._auth import redact
from ._body import encode_json
from ._constants import MAX_ANSWER_BYTES, MIN_REQUEST_SECONDS
from ._exceptions import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AuthenticationError,
    ConfigurationError,
    KlingError,
    RateLimitError,
    ResponseValidationError,
    ServerError,
    TaskFailedError,
    TaskMayExistError,
    TaskTimeoutError,
    ValidationError,
    error_from_response,
    is_task_not_found,
    redacted_request,
)
from ._polling import PollSchedule
from ._retry import (
    GiveUp,
    LookUp,
    Operation,
    Outcome,
    RenewToken,
    Retry,
    RetryPolicy,
    TransportFailure,
    parse_retry_after,
)
from ._spec import Endpoint
from ._task import Task, TaskStatus
from ._wire import Undecodable, Unpacker

T = TypeVar("T")


# ------------------------------------------------------------------ effects


@attrs.frozen
class Send:
    """Send one API request; the driver answers with a `Sent`.

    `timeout` caps every phase of this request (connect, each read, the whole body) when a
    deadline is near; `None` leaves the client's own timeouts alone.
    """

    request: httpx.Request
    timeout: float | None = None


@attrs.frozen
class Sent:
    """What sending produced: an answer, or the error that stopped it before one arrived.

    The driver reads the body itself, up to `Context.max_answer_bytes`: `body` holds it, or is
    `None` with `unreadable` saying why (too large, undecodable). A `response` passed without
    `body` is read from `response.content` (handy in tests).
    """

    response: httpx.Response | None = None
    error: httpx.RequestError | None = None
    body: bytes | None = None
    unreadable: str | None = None


@attrs.frozen
class Sleep:
    """Wait this many seconds."""

    seconds: float


@attrs.frozen
class Notify:
    """Tell the caller's `on_update` about a task whose status changed."""

    task: Task


@attrs.frozen
class RenewAuth:
    """The token expired (code 1004): sign a fresh one."""


@attrs.frozen(kw_only=True)
class Stream:
    """Fetch `url` into `file` from byte `offset` (a Range request when > 0); see `_download`."""

    url: str
    file: BinaryIO
    offset: int
    deadline: float | None = None
    """When to stop, on the context's clock (None: no deadline)."""
    max_bytes: int | None = None
    allow_http: bool = False
    """Whether the answer may come over plain http (after redirects)."""
    on_progress: Callable[[int, int | None], None] | None = None


@attrs.frozen
class Streamed:
    """What a download attempt produced."""

    status_code: int | None
    size: int
    """Bytes now in the file."""
    expected: int | None
    """Bytes the whole file should have, when the server said."""
    error: httpx.TransportError | None = None
    retry_after: float | None = None
    failure: KlingError | None = None
    """An answer retrying cannot fix (not a video, too large, a redirect loop): raise it."""
    restart: bool = False
    """The answer's range did not start where asked: nothing written, start over from zero."""
    timed_out: bool = False
    """The download's deadline passed."""


Effect = Send | Sleep | Notify | RenewAuth | Stream
Flow = Generator[Effect, Any, T]


@attrs.frozen(kw_only=True)
class Context:
    """What every flow needs: where to send, the policies, the clock and the dice."""

    base_url: str
    policy: RetryPolicy
    schedule: PollSchedule
    clock: Callable[[], float]
    rand: Callable[[], float]
    wall_clock: Callable[[], float]
    secrets: tuple[str, ...] = attrs.field(default=(), repr=False)
    """This client's credentials, cut out of everything the server sends back."""
    max_answer_bytes: int = MAX_ANSWER_BYTES
    auth_hint: str = ""
    """The masked credentials (`API key sk-…abcd`), named in an authentication error."""

    def request(
        self,
        method: str,
        path: str,
        *,
        json_body: Any = None,
        params: Mapping[str, Any] | None = None,
    ) -> httpx.Request:
        """An API request to `path` below the base URL.

        Raises:
            ValidationError: a body string that cannot be encoded (a lone surrogate).
            ConfigurationError: the base URL cannot make a request URL.
        """
        if json_body is not None:
            # The body is encoded lazily while it is sent; a bad string must fail before that.
            _check_encodable(json_body, "")
        try:
            return self._build(method, self.base_url + path, json_body, params)
        except (httpx.InvalidURL, ValueError) as exc:  # IDNA errors are ValueErrors
            raise ConfigurationError(
                f"The base URL cannot be used: {exc}", remedy="base_url"
            ) from None

    @staticmethod
    def _build(
        method: str, url: str, json_body: Any, params: Mapping[str, Any] | None
    ) -> httpx.Request:
        headers = {"Accept": "application/json"}
        if json_body is None:
            return httpx.Request(method, url, params=params, headers=headers)
        headers["Content-Type"] = "application/json"
        body = encode_json(json_body)
        if isinstance(body, bytes):
            return httpx.Request(method, url, params=params, content=body, headers=headers)
        # httpx sets Host and Content-Length only for content it prepares itself.
        headers["Host"] = httpx.URL(url).netloc.decode("ascii")
        headers["Content-Length"] = str(body.length)
        return httpx.Request(method, url, params=params, stream=body, headers=headers)


def _check_encodable(value: Any, where: str) -> None:
    if isinstance(value, str):
        if value.isascii():
            return
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise ValidationError(
                where or "body",
                f"character {exc.start} ({value[exc.start]!r}) cannot be encoded as UTF-8",
                "text without lone surrogates",
            ) from None
    elif isinstance(value, Mapping):
        for key, item in value.items():
            _check_encodable(item, f"{where}.{key}" if where else str(key))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            _check_encodable(item, f"{where}[{index}]")


class AnswerBody:
    """Collects an answer's body for a driver, refusing it past the size cap or the deadline.

    Both drivers feed it the chunks they receive *raw* (`iter_raw`): content codings are undone
    here (`_wire.Unpacker`), a bounded piece at a time, and the cap counts unpacked bytes as
    they are produced, so a small coded answer cannot unpack to gigabytes before it is counted.
    `deadline` is on `clock` (monotonic seconds): per-phase timeouts restart with every byte, so
    a trickling body would otherwise outlive any deadline.
    """

    def __init__(
        self,
        limit: int,
        deadline: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = limit
        self.size = 0
        self._deadline = deadline
        self._clock = clock
        self._chunks: list[bytes] = []
        self._unpacker: Unpacker | None = None
        self._undecodable: str | None = None

    def begin(self, response: httpx.Response) -> bool:
        """True when the body is to be read raw (`iter_raw`) and fed to `feed`; False when it
        need not be: refused on its headers alone (`refuses`), or already in memory (an
        in-memory transport's answer, decoded by httpx, taken as it is)."""
        if not response.is_stream_consumed:
            return not self.refuses(response.headers)
        self._unpacker = None
        self.feed(response.content)
        return False

    def refuses(self, headers: httpx.Headers) -> bool:
        """True when nothing need be read: the declared length alone is over the cap, or the
        answer is coded in a way that was not asked for (`_wire.ANSWER_ENCODINGS`)."""
        try:
            self._unpacker = Unpacker.for_headers(headers)
        except Undecodable as exc:
            self._undecodable = f"the answer could not be decoded: {exc}"
            return True
        length = headers.get("content-length", "")
        return length.isdigit() and int(length) > self.limit

    def feed(self, chunk: bytes) -> bool:
        """Keep a raw chunk, unpacked; False once the body is over the cap or undecodable
        (stop reading).

        Raises:
            httpx.ReadTimeout: the deadline passed while the body was still arriving.
        """
        if self._deadline is not None and self._clock() > self._deadline:
            raise httpx.ReadTimeout("the answer did not arrive before the deadline")
        pieces = (chunk,) if self._unpacker is None else self._unpacker.feed(chunk)
        try:
            for piece in pieces:
                self.size += len(piece)
                if self.size > self.limit:
                    self._chunks.clear()
                    return False
                self._chunks.append(piece)
        except Undecodable as exc:
            self._undecodable = f"the answer could not be decoded: {exc}"
            self._chunks.clear()
            return False
        return True

    def sent(self, response: httpx.Response) -> Sent:
        """The `Sent` for this response: the body, or why it was not read (too large, coded in
        a way not asked for, broken coding)."""
        if self._undecodable is not None:
            return Sent(response=response, unreadable=self._undecodable)
        if self.size > self.limit or (not self._chunks and self.refuses(response.headers)):
            return Sent(response=response, unreadable=self.too_large())
        return Sent(response=response, body=b"".join(self._chunks))

    def too_large(self) -> str:
        """Why the body was refused."""
        return f"the answer is larger than {self.limit // (1024 * 1024)} MiB and was not read"

    @staticmethod
    def undecodable(response: httpx.Response, exc: httpx.DecodingError) -> Sent:
        """The `Sent` for a body whose content encoding is broken."""
        return Sent(response=response, unreadable=f"the answer could not be decoded: {exc}")


# ------------------------------------------------------------------ answers


@attrs.frozen
class _Answer:
    """One attempt, read: the envelope's data on success, else the outcome and the error."""

    data: Any = None
    request_id: str | None = None
    outcome: Outcome | None = None
    error: KlingError | None = None


def _scrub(value: Any, secrets: tuple[str, ...]) -> Any:
    """The decoded body with every secret cut out of its strings (keys included)."""
    if isinstance(value, str):
        return redact(value, secrets)
    if isinstance(value, list):
        return [_scrub(item, secrets) for item in value]
    if isinstance(value, dict):
        return {_scrub(k, secrets): _scrub(v, secrets) for k, v in value.items()}
    return value


# What redaction looks for, as it may appear in raw JSON (lower-cased): a bearer token, a JWT,
# or a \u escape (which could spell a secret that a plain search of the bytes would miss).
_SUSPECT = (b"bearer", b"eyj", b"\\u")
# Characters JSON may write escaped without \u: a secret holding one is always scrubbed for.
_ESCAPABLE = frozenset('"\\/')


def _needs_scrub(content: bytes, secrets: tuple[str, ...]) -> bool:
    """False when the body provably holds no secret, so the decoded value need not be walked."""
    lowered = content.lower()
    if any(marker in lowered for marker in _SUSPECT):
        return True
    return any(secret.encode() in content or _ESCAPABLE & set(secret) for secret in secrets)


def _decode(content: bytes, secrets: tuple[str, ...]) -> Any:
    """The JSON body, scrubbed; None when it is not JSON (or nested beyond reason)."""
    try:
        body = json.loads(content)
        return _scrub(body, secrets) if _needs_scrub(content, secrets) else body
    except (ValueError, RecursionError):
        return None


def _preview(content: bytes, secrets: tuple[str, ...]) -> str:
    # Cut after redacting, so a secret is never split into a visible half.
    return repr(redact(content[:400].decode("utf-8", "replace"), secrets)[:200])


def _has_task_id(data: Any) -> bool:
    task_id = data.get("task_id") if isinstance(data, Mapping) else None
    return task_id is not None and not isinstance(task_id, bool) and str(task_id) != ""


def _shown_response(
    response: httpx.Response,
    content: bytes,
    request: httpx.Request | None,
    secrets: tuple[str, ...],
) -> httpx.Response:
    """The response to keep on an error: body read (what was read of it), secrets cut out."""
    if _needs_scrub(content, secrets):
        content = redact(content.decode("utf-8", "replace"), secrets).encode()
    # The body is decoded already, and its length may have changed.
    dropped = ("content-encoding", "content-length", "transfer-encoding")
    headers = [(k, v) for k, v in response.headers.multi_items() if k.lower() not in dropped]
    return httpx.Response(response.status_code, headers=headers, content=content, request=request)


def read_answer(
    sent: Sent,
    ctx: Context,
    request: httpx.Request | None = None,
    operation: Operation = "query",
) -> _Answer:
    """Interpret one attempt. A non-zero `code` is an error even under HTTP 200.

    `request` is what was sent: an error names its URL and keeps it (without credentials).
    A create's 2xx answer that cannot be read (no envelope, no task id, too large, undecodable)
    says nothing about what the server did, so it is classed like a dropped connection after
    the request was sent: the task may exist.
    """
    now, secrets = ctx.wall_clock(), ctx.secrets
    if sent.response is None:
        exc = sent.error or httpx.TransportError("no response")
        outcome = Outcome.from_exception(exc)
        cls = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
        detail = f"{type(exc).__name__}: {exc}"
        where = f" at {request.url}" if request is not None else ""
        kept = redacted_request(request) if request is not None else None
        failure = cls(
            f"{cls().args[0].rstrip('.')}{where} ({redact(detail, secrets)})", request=kept
        )
        if redact(detail, secrets) == detail:
            failure.__cause__ = exc  # a cause that echoes a secret would print it in tracebacks
        return _Answer(outcome=attrs.evolve(outcome, message=failure.args[0]), error=failure)
    response = sent.response
    status = response.status_code
    retry_after = parse_retry_after(response.headers.get("retry-after"), now=now)
    content = sent.body if sent.body is not None else b""
    if sent.body is None and sent.unreadable is None:
        content = response.content
    body = None if sent.unreadable is not None else _decode(content, secrets)
    envelope = body if isinstance(body, Mapping) else {}
    raw_code = envelope.get("code")
    code = raw_code if isinstance(raw_code, int) and not isinstance(raw_code, bool) else None
    message = envelope.get("message") if isinstance(envelope.get("message"), str) else None
    request_id = envelope.get("request_id") if isinstance(envelope.get("request_id"), str) else None
    ok = 200 <= status < 300
    data = envelope.get("data")
    if ok and code == 0 and "data" in envelope and (operation != "create" or _has_task_id(data)):
        return _Answer(data=data, request_id=request_id)
    # Only an error keeps the request and response: a success need not copy them.
    kept = redacted_request(request) if request is not None else None
    shown = _shown_response(response, content, kept, secrets)
    preview = _preview(content, secrets)
    what = sent.unreadable or (f"the answer is not JSON: {preview}" if content else "no body")
    if ok and code in (0, None):
        if code == 0 and "data" in envelope:
            reason = f"the answer has no task_id: {preview}"
        else:
            reason = sent.unreadable or f"the answer is not a Kling envelope: {preview}"
        error: APIError = ResponseValidationError(
            reason,
            status_code=status,
            code=code,
            request_id=request_id,
            body=body,
            request=kept,
            response=shown,
        )
        transport = TransportFailure.MAYBE_SENT if operation == "create" else None
        outcome = Outcome(status_code=status, code=code, message=reason, transport=transport)
        return _Answer(outcome=outcome, error=error, request_id=request_id)
    if message is None and body is None:
        message = what
    error = error_from_response(
        status_code=status,
        code=code,
        message=message,
        request_id=request_id,
        body=body,
        retry_after=retry_after,
        request=kept,
        response=shown,
    )
    if isinstance(error, AuthenticationError) and ctx.auth_hint:
        # "Which key went where?" is the first question after a 401.
        error.args = (f"{error.args[0]} [base URL {ctx.base_url}, {ctx.auth_hint}]",)
    outcome = Outcome(status_code=status, code=code, message=message or "", retry_after=retry_after)
    return _Answer(outcome=outcome, error=error, request_id=request_id)


# ------------------------------------------------------------------ flows


class _Recover(Protocol):
    """Look up a create that may have made a task: its answer if found, None if proven absent.

    `proof_needed`: absence is no good news (the API said the task exists), so it raises too.
    """

    def __call__(self, cause: KlingError, *, proof_needed: bool) -> Flow[_Answer | None]: ...


def _exchange(
    ctx: Context,
    build: Callable[[], httpx.Request],
    operation: Operation,
    *,
    deadline: float | None = None,
    recover: _Recover | None = None,
) -> Flow[_Answer]:
    """The one retry loop: send until an answer settles it; return that answer, good or bad.

    The policy decides each failure. A create (`recover` given) that may have made a task is
    looked up before anything else happens: found, it is the answer; proven absent, it may be
    sent again. With a `deadline` (clock time), no request outlives it and no retry sleeps past
    it: the last failed answer is returned instead.
    """
    attempt, renewed = 0, False
    while True:
        left = None if deadline is None else max(deadline - ctx.clock(), MIN_REQUEST_SECONDS)
        request = build()
        sent = yield Send(request, timeout=left)
        answer = read_answer(sent, ctx, request, operation)
        if answer.error is None:
            return answer
        assert answer.outcome is not None
        if recover is not None and _is_duplicate(answer.outcome):
            # An earlier attempt of ours made it (its answer was lost): that task is the answer.
            found = yield from recover(answer.error, proof_needed=True)
            assert found is not None
            return found
        decision = ctx.policy.decide(answer.outcome, attempt, operation, rand=ctx.rand())
        match decision:
            case RenewToken() if not renewed:
                renewed = True
                yield RenewAuth()
                continue
            case Retry(delay) | LookUp(delay) if deadline is not None and (
                ctx.clock() + delay >= deadline
            ):
                return answer
            case Retry(delay):
                attempt += 1
                yield Sleep(delay)
                continue
            case LookUp(delay) if recover is not None:
                yield Sleep(delay)
                found = yield from recover(answer.error, proof_needed=False)
                if found is not None:
                    return found
                attempt += 1
                continue  # proven absent: re-sending cannot pay twice
            case GiveUp(task_may_exist=True) if recover is not None:
                found = yield from recover(answer.error, proof_needed=False)
                return found or answer  # absent: nothing was paid, and its error stands
            case _:
                return answer


def _raise_on_error(answer: _Answer) -> _Answer:
    if answer.error is not None:
        raise answer.error
    return answer


def call(
    ctx: Context,
    build: Callable[[], httpx.Request],
    operation: Operation = "query",
    *,
    deadline: float | None = None,
) -> Flow[_Answer]:
    """Send a query (or list) with retries; return the successful answer or raise its error."""
    return _raise_on_error((yield from _exchange(ctx, build, operation, deadline=deadline)))


def get_task(
    ctx: Context, ep: Endpoint, ident: str, *, deadline: float | None = None
) -> Flow[Task]:
    """Query a task by its task_id or external_task_id."""
    path = f"/v1/videos/{ep.kind}/{_quote(ident)}"
    answer = yield from call(ctx, lambda: ctx.request("GET", path), deadline=deadline)
    return _task(answer, ep)


def list_tasks(ctx: Context, ep: Endpoint, page: int, page_size: int) -> Flow[list[Task]]:
    """One page of an endpoint's tasks, newest first."""
    params = {"pageNum": page, "pageSize": page_size}
    path = f"/v1/videos/{ep.kind}"
    answer = yield from call(ctx, lambda: ctx.request("GET", path, params=params))
    if not isinstance(answer.data, list):
        raise ResponseValidationError(f"the task list is not a list: {answer.data!r}"[:200])
    return [
        Task.from_data(item, kind=ep.kind, request_id=answer.request_id) for item in answer.data
    ]


def create_task(ctx: Context, ep: Endpoint, body: Mapping[str, Any]) -> Flow[Task]:
    """Create a task, never two: after an ambiguous failure, look it up by external_task_id first.

    A create is re-sent only when it provably made no task: the request never left (connect
    error), the API refused it (a business error such as 1303), or a lookup by its
    external_task_id confirmed that no such task exists. An answer that cannot be read is
    ambiguous too: the task may exist.
    """
    external = str(body["external_task_id"])
    path = f"/v1/videos/{ep.kind}"

    def recover(cause: KlingError, *, proof_needed: bool) -> Flow[_Answer | None]:
        return _look_up(ctx, ep, external, cause, proof_needed=proof_needed)

    build = lambda: ctx.request("POST", path, json_body=body)  # noqa: E731
    answer = _raise_on_error((yield from _exchange(ctx, build, "create", recover=recover)))
    return Task.from_data(
        answer.data,
        kind=ep.kind,
        request_id=answer.request_id,
        external_task_id=external,
        schema="CreatedTask",
    )


def _is_duplicate(outcome: Outcome) -> bool:
    return (
        outcome.code == 1201
        and "exist" in outcome.message.lower()
        and "not" not in outcome.message.lower()
    )


def _look_up(
    ctx: Context, ep: Endpoint, external: str, cause: KlingError, *, proof_needed: bool
) -> Flow[_Answer | None]:
    """The answer holding the task created with `external`; None if the API proves there is none.

    Raises:
        TaskMayExistError: the API could not say either way, or (`proof_needed`) said earlier
            that the task exists and now that it does not.
    """
    path = f"/v1/videos/{ep.kind}/{_quote(external)}"
    answer = yield from _exchange(ctx, lambda: ctx.request("GET", path), "query")
    if answer.error is None and _has_task_id(answer.data):
        return answer
    outcome = answer.outcome
    absent = outcome is not None and is_task_not_found(
        outcome.status_code, outcome.code, outcome.message
    )
    if absent and not proof_needed:
        return None
    raise TaskMayExistError(kind=ep.attr, external_task_id=external, cause=answer.error or cause)


def wait_task(ctx: Context, ep: Endpoint, start: Task | str, timeout: float | None) -> Flow[Task]:
    """Poll until the task is final; raise on failure or when `timeout` passes.

    Transient trouble while polling (network, 5xx, rate limits) does not end a wait, bounded or
    not: it is retried until the deadline, if there is one, because the task keeps running on
    the server either way. No request or retry outlives the deadline.
    """
    began = ctx.clock()
    deadline = None if timeout is None else began + timeout
    task = start if isinstance(start, Task) else None
    ident = start.task_id if isinstance(start, Task) else start
    attempt = 0
    if task is not None and not task.done:
        yield Sleep(
            _bounded(ctx.schedule.next_delay(0.0, 0, timeout=timeout, rand=ctx.rand()), 0.0)
        )
    last_status: TaskStatus | None = None
    trouble: KlingError | None = None
    while True:
        if task is None or not task.done:
            try:
                task = yield from get_task(ctx, ep, ident, deadline=deadline)
            except (APIConnectionError, ServerError, RateLimitError) as exc:
                # The task runs on regardless: keep trying until the deadline, if there is one.
                # Even unread, it is a wait that ran out (resumable), not a failed request.
                trouble = exc
                if deadline is not None and ctx.clock() >= deadline:
                    raise TaskTimeoutError(
                        task=task,
                        timeout=timeout or 0.0,
                        kind=ep.attr,
                        task_id=_known_id(task, ident),
                    ) from exc
            attempt += 1
        if task is not None:
            if task.status != last_status:
                last_status = task.status
                yield Notify(task)
            if task.status is TaskStatus.FAILED:
                raise TaskFailedError(task=task, message=task.status_message)
            if task.succeeded:
                return task
        delay = ctx.schedule.next_delay(
            ctx.clock() - began, max(attempt, 1), timeout=timeout, rand=ctx.rand()
        )
        if delay is None:
            raise TaskTimeoutError(
                task=task, timeout=timeout or 0.0, kind=ep.attr, task_id=_known_id(task, ident)
            ) from trouble
        yield Sleep(delay)


def _bounded(delay: float | None, floor: float) -> float:
    return floor if delay is None else max(delay, floor)


def _task(answer: _Answer, ep: Endpoint) -> Task:
    if not isinstance(answer.data, Mapping):
        raise ResponseValidationError(f"the answer has no task object: {answer.data!r}"[:200])
    return Task.from_data(answer.data, kind=ep.kind, request_id=answer.request_id)


_CONTROL_CHARS = re.compile("[\x00-\x1f\x7f-\x9f]")


def _quote(ident: str) -> str:
    if not ident or not ident.strip():
        raise ValidationError("task_id", "must not be empty")
    if _CONTROL_CHARS.search(ident):
        raise ValidationError("task_id", f"{ident!r} contains a control character")
    return quote(ident, safe="")


def _known_id(task: Task | None, ident: str) -> str:
    """The task's own id once it was read, else the id (or external_task_id) waited for."""
    return task.task_id if task is not None and task.task_id else ident
