"""The whole job as sans-I/O flows, driven twice: once by `Kling`, once by `AsyncKling`.

A flow is a generator that yields effects (`Send` a request, `Sleep`, `Notify` a status change,
`Stream` a download, `RenewAuth`) and receives their results. Every decision (retry, look a
create up before re-sending it, poll again, give up) is made here, once; the two drivers
(`_sync_client.py`, `_async_client.py`) only perform effects. Tests drive flows with a fake
clock and canned responses.

Everything the server says passes through `read_answer`, which is where a hostile answer is
made harmless: bodies over a size cap or unreadable become errors with a short preview. The data
is never rewritten: decisions and tasks read exactly what the server sent. What is *shown* is
redacted: every error built here has the client's secrets cut out of its text (message, args,
the body and response it keeps), and a task's repr hides a secret echoed into one of its fields.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Generator, Mapping
from typing import Any, BinaryIO, Literal, Protocol, TypeVar
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
    ExternalTaskIdInUseError,
    KlingError,
    RateLimitError,
    ResponseValidationError,
    ServerError,
    TaskFailedError,
    TaskMayExistError,
    TaskTimeoutError,
    ValidationError,
    error_from_response,
    is_duplicate_external_id,
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
from ._spec import Call, Endpoint
from ._task import CallResult, Task, TaskStatus, hide_in_repr
from ._wire import Undecodable, Unpacker

T = TypeVar("T")
E = TypeVar("E", bound=KlingError)


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
    media_type: str | None = None
    """The answer's Content-Type (without parameters), when it said one."""


@attrs.frozen(kw_only=True)
class Listen:
    """Wait up to `seconds` for callbacks about a task (`_callback_flow`); the driver answers
    with the inbox's new events about it (a tuple, empty when none came in time)."""

    source: Any
    """Where callbacks are stored: `events(idents, after)` and `watch(wake)` (an inbox)."""
    idents: tuple[str, ...]
    """The task's external_task_id and/or task_id: events about any of them are answered."""
    after: int
    """Only events stored after this sequence number."""
    seconds: float


Effect = Send | Sleep | Notify | RenewAuth | Stream | Listen
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
    """This client's credentials, cut out of every error and repr that shows server text."""
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
    suspect: bool = False
    """The body may hold a secret: what is shown of it must be redacted."""
    taken: bool = False
    """A create's first attempt was refused: its external_task_id already belongs to a task."""
    may_exist: bool = False
    """A create or call that is not safe to repeat may have been carried out, and there is
    nothing to look it up by: it was not sent again."""


def _scrub(value: Any, secrets: tuple[str, ...]) -> Any:
    """A copy of a decoded body to *show* (kept on an error): every secret cut out of its
    strings, keys included. Never used on data that is read."""
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


def _decode(content: bytes) -> Any:
    """The JSON body as sent; None when it is not JSON (or nested beyond reason)."""
    try:
        return json.loads(content)
    except (ValueError, RecursionError):
        return None


def _hide(error: E, secrets: tuple[str, ...]) -> E:
    """The error with the secrets cut out of every text it shows (message, args, request id)."""
    error.args = tuple(redact(arg, secrets) if isinstance(arg, str) else arg for arg in error.args)
    for name in ("message", "request_id", "problem"):
        value = getattr(error, name, None)
        if isinstance(value, str):
            setattr(error, name, redact(value, secrets))
    return error


def _shown_body(body: Any, secrets: tuple[str, ...]) -> Any:
    try:
        return _scrub(body, secrets)
    except RecursionError:  # nested beyond reason: showing none of it is safe
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
    body = None if sent.unreadable is not None else _decode(content)
    suspect = bool(content) and _needs_scrub(content, secrets)
    envelope = body if isinstance(body, Mapping) else {}
    raw_code = envelope.get("code")
    code = raw_code if isinstance(raw_code, int) and not isinstance(raw_code, bool) else None
    message = envelope.get("message") if isinstance(envelope.get("message"), str) else None
    request_id = envelope.get("request_id") if isinstance(envelope.get("request_id"), str) else None
    ok = 200 <= status < 300
    data = envelope.get("data")
    if ok and code == 0 and "data" in envelope and (operation != "create" or _has_task_id(data)):
        return _Answer(data=data, request_id=request_id, suspect=suspect)
    # Only an error keeps the request and response: a success need not copy them.
    shown_body = _shown_body(body, secrets) if suspect else body
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
            body=shown_body,
            request=kept,
            response=shown,
        )
        if suspect:
            _hide(error, secrets)
        transport = TransportFailure.MAYBE_SENT if operation in ("create", "call") else None
        outcome = Outcome(status_code=status, code=code, message=reason, transport=transport)
        return _Answer(outcome=outcome, error=error, request_id=request_id)
    if message is None and body is None:
        message = what
    # Classified by the message as sent; what it shows has the secrets cut out.
    error = error_from_response(
        status_code=status,
        code=code,
        message=message,
        request_id=request_id,
        body=shown_body,
        retry_after=retry_after,
        request=kept,
        response=shown,
    )
    if suspect:
        _hide(error, secrets)
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

    A create answered "external_task_id already exists" is this call's own task only when an
    earlier attempt of this call may have made it (its outcome was unknown): then it is looked
    up and returned. On the first attempt, or after attempts that provably made nothing, the id
    belongs to someone else's task: the answer comes back marked `taken`.
    """
    attempt, renewed = 0, False
    ours_may_exist = False  # an earlier attempt of this call may have made the task
    while True:
        left = None if deadline is None else max(deadline - ctx.clock(), MIN_REQUEST_SECONDS)
        request = build()
        sent = yield Send(request, timeout=left)
        answer = read_answer(sent, ctx, request, operation)
        if answer.error is None:
            return answer
        outcome = answer.outcome
        assert outcome is not None
        if recover is not None and is_duplicate_external_id(
            outcome.status_code, outcome.code, outcome.message
        ):
            if not ours_may_exist:
                return attrs.evolve(answer, taken=True)
            # An earlier attempt of ours made it (its answer was lost): that task is the answer.
            found = yield from recover(answer.error, proof_needed=True)
            assert found is not None
            return found
        decision = ctx.policy.decide(outcome, attempt, operation, rand=ctx.rand())
        if isinstance(decision, LookUp) or (
            isinstance(decision, GiveUp) and decision.task_may_exist
        ):
            ours_may_exist = True
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
                continue  # proven absent: re-sending (the same body, the same id) pays once
            case GiveUp(task_may_exist=True) if recover is not None:
                found = yield from recover(answer.error, proof_needed=False)
                return found or answer  # absent: nothing was paid, and its error stands
            case LookUp() | GiveUp(task_may_exist=True):
                # Nothing to look it up by (no external_task_id, or a synchronous call):
                # re-sending could pay twice, so the caller reports what is known.
                return attrs.evolve(answer, may_exist=True)
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
    ctx: Context,
    ep: Endpoint,
    ident: str,
    *,
    deadline: float | None = None,
    by_task_id: bool = False,
) -> Flow[Task]:
    """Query a task by its task_id or external_task_id (`by_task_id`: `ident` is a task_id).

    Raises:
        ResponseValidationError: the answer is about another task (see `_check_about`).
    """
    path = f"{ep.path}/{_quote(ident)}"
    answer = yield from call(ctx, lambda: ctx.request("GET", path), deadline=deadline)
    task = _task(answer, ep, ctx)
    _check_about(task.data, ident, ctx, by_task_id=by_task_id)
    return task


def _check_about(data: Mapping[str, Any], ident: str, ctx: Context, *, by_task_id: bool) -> None:
    """Refuse an answer about another task than the one asked for by `ident`.

    A query by external_task_id rightly answers a task whose task_id differs; its
    external_task_id then matches (or is not echoed at all, which some gateways do). A task
    whose task_id and external_task_id both differ from what was asked is someone else's.

    Raises:
        ResponseValidationError: naming both ids.
    """
    task_id = str(data.get("task_id"))
    if task_id == ident:
        return
    info = data.get("task_info")
    external = info.get("external_task_id") if isinstance(info, Mapping) else None
    if not by_task_id and (external in (None, "") or str(external) == ident):
        return
    about = f"task {task_id!r}" + (f" (external_task_id {external!r})" if external else "")
    asked = "task_id" if by_task_id else "task_id or external_task_id"
    raise _hide(
        ResponseValidationError(
            f"the answer is about {about}, not the {asked} asked for, {ident!r}"[:300]
        ),
        ctx.secrets,
    )


def list_tasks(ctx: Context, ep: Endpoint, page: int, page_size: int) -> Flow[list[Task]]:
    """One page of an endpoint's tasks, newest first."""
    params = {"pageNum": page, "pageSize": page_size}
    path = ep.path
    answer = yield from call(ctx, lambda: ctx.request("GET", path, params=params))
    if not isinstance(answer.data, list):
        raise _hide(
            ResponseValidationError(f"the task list is not a list: {answer.data!r}"[:200]),
            ctx.secrets,
        )
    return [_make_task(ctx, item, ep.kind, answer) for item in answer.data]


def create_task(ctx: Context, ep: Endpoint, body: Mapping[str, Any]) -> Flow[Task]:
    """Create a task, never two: after an ambiguous failure, look it up by external_task_id first.

    A create is re-sent only when it provably made no task: the request never left (connect
    error), the API refused it (a business error such as 1303), or look-ups by its
    external_task_id kept answering "no such task" for `RetryPolicy.create_grace` seconds (30 by
    default: a gateway may still be storing a create whose answer was lost). It is re-sent with
    the same body and external_task_id, so a gateway that refuses a repeated id (code 1201)
    cannot make it pay twice. An answer that cannot be read is ambiguous too: the task may
    exist.

    Raises:
        ExternalTaskIdInUseError: the first attempt was answered "external_task_id already
            exists": the id belongs to another task, which the error carries (looked up).
        TaskMayExistError: the outcome could not be settled.
    """
    path = ep.path
    if not body.get("external_task_id"):
        return (yield from _create_untraceable(ctx, ep, body))
    external = str(body["external_task_id"])

    def recover(cause: KlingError, *, proof_needed: bool) -> Flow[_Answer | None]:
        return _look_up(ctx, ep, external, cause, proof_needed=proof_needed)

    build = lambda: ctx.request("POST", path, json_body=body)  # noqa: E731
    answer = yield from _exchange(ctx, build, "create", recover=recover)
    if answer.taken:
        existing = yield from _existing(ctx, ep, external)
        cause = answer.error if isinstance(answer.error, APIError) else None
        raise _hide(
            ExternalTaskIdInUseError(
                kind=ep.attr, external_task_id=external, task=existing, cause=cause
            ),
            ctx.secrets,
        ) from answer.error
    answer = _raise_on_error(answer)
    return _make_task(
        ctx, answer.data, ep.kind, answer, external_task_id=external, schema="CreatedTask"
    )


def _create_untraceable(ctx: Context, ep: Endpoint, body: Mapping[str, Any]) -> Flow[Task]:
    """A create on an endpoint whose requests take no `external_task_id`: sent once.

    Re-sent only when it provably made no task (never left, or refused outright, like a rate
    limit); after an ambiguous failure nothing can find the task, so nothing is sent again.

    Raises:
        TaskMayExistError: the outcome is unknown (with no external_task_id to look it up by).
    """
    path = ep.path
    build = lambda: ctx.request("POST", path, json_body=body)  # noqa: E731
    answer = yield from _exchange(ctx, build, "create")
    if answer.may_exist:
        raise _hide(
            TaskMayExistError(kind=ep.attr, external_task_id=None, cause=answer.error),
            ctx.secrets,
        ) from answer.error
    answer = _raise_on_error(answer)
    return _make_task(ctx, answer.data, ep.kind, answer, schema="CreatedTask")


def call_flow(ctx: Context, target: Call, arguments: Mapping[str, Any]) -> Flow[CallResult]:
    """Send a synchronous call (its arguments validated already) and read its answer.

    A `GET` is retried like any query. A `POST` is not safe to repeat: it is re-sent only when
    it provably was not carried out (never left, or refused outright, like a rate limit); after
    an ambiguous failure (a dropped connection, a 5xx, an unreadable answer) it raises with
    what is known, and nothing is sent again.

    Raises:
        APIError, APIConnectionError: the call failed; after an ambiguous failure of a `POST`
            the message says it may have been carried out and was not sent again.
    """
    path = target.path
    if target.method == "POST":
        build = lambda: ctx.request("POST", path, json_body=dict(arguments))  # noqa: E731
    else:
        query = {name: _query_value(value) for name, value in arguments.items()}
        build = lambda: ctx.request(target.method, path, params=query)  # noqa: E731
    answer = yield from _exchange(ctx, build, "query" if target.idempotent else "call")
    if answer.may_exist and answer.error is not None:
        note = (
            f"; {target.method} {path} is not safe to repeat, so it was not sent again: "
            "it may have been carried out"
        )
        answer.error.args = (f"{answer.error.args[0]}{note}", *answer.error.args[1:])
    answer = _raise_on_error(answer)
    return CallResult.from_data(
        answer.data, kind=target.kind, request_id=answer.request_id, schema=target.response_schema
    )


def _query_value(value: Any) -> Any:
    """A query parameter as text: JSON's spelling for booleans, lists as repeated values."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return [_query_value(item) for item in value]
    return value


def _existing(ctx: Context, ep: Endpoint, external: str) -> Flow[Task | None]:
    """The task that holds `external`, if one look-up finds it (for the error that names it)."""
    path = f"{ep.path}/{_quote(external)}"
    answer = yield from _exchange(ctx, lambda: ctx.request("GET", path), "query")
    if answer.error is not None or not _has_task_id(answer.data):
        return None
    return _make_task(ctx, answer.data, ep.kind, answer)


def _look_up(
    ctx: Context, ep: Endpoint, external: str, cause: KlingError, *, proof_needed: bool
) -> Flow[_Answer | None]:
    """The answer holding the task created with `external`; None if the API proves there is none.

    A "not found" right after an ambiguous failure proves nothing yet: the gateway may still be
    storing the create. The task is looked up again over the policy's grace window
    (`RetryPolicy.grace_delays`); only a "not found" that holds to its end counts as proof.

    Raises:
        TaskMayExistError: the API could not say either way, answered about another task, or
            (`proof_needed`) said earlier that the task exists and now that it does not.
    """
    path = f"{ep.path}/{_quote(external)}"
    answer: _Answer | None = None
    for delay in (0.0, *ctx.policy.grace_delays()):
        if delay:
            yield Sleep(delay)
        answer = yield from _exchange(ctx, lambda: ctx.request("GET", path), "query")
        if answer.error is None and _has_task_id(answer.data):
            try:
                _check_about(answer.data, external, ctx, by_task_id=False)
            except ResponseValidationError as exc:
                raise TaskMayExistError(
                    kind=ep.attr, external_task_id=external, cause=exc
                ) from None
            return answer
        outcome = answer.outcome
        absent = outcome is not None and is_task_not_found(
            outcome.status_code, outcome.code, outcome.message
        )
        if not absent:
            break
    else:
        if not proof_needed:
            return None
    failure = answer.error if answer is not None and answer.error is not None else cause
    raise TaskMayExistError(kind=ep.attr, external_task_id=external, cause=failure)


def wait_task(ctx: Context, ep: Endpoint, start: Task | str, timeout: float | None) -> Flow[Task]:
    """Poll until the task is final; raise on failure or when `timeout` passes.

    Transient trouble while polling (network, 5xx, rate limits) does not end a wait, bounded or
    not: it is retried until the deadline, if there is one, because the task keeps running on
    the server either way. No request or retry outlives the deadline.

    Raises:
        ResponseValidationError: an answer about another task than the one waited for.
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
                seen = yield from get_task(
                    ctx, ep, ident, deadline=deadline, by_task_id=isinstance(start, Task)
                )
            except (APIConnectionError, ServerError, RateLimitError) as exc:
                # The task runs on regardless: keep trying until the deadline, if there is one.
                # Even unread, it is a wait that ran out (resumable), not a failed request.
                trouble = exc
                if deadline is not None and ctx.clock() >= deadline:
                    raise _hide(
                        TaskTimeoutError(
                            task=task,
                            timeout=timeout or 0.0,
                            kind=ep.attr,
                            task_id=_known_id(task, ident),
                        ),
                        ctx.secrets,
                    ) from exc
            else:
                if task is not None and task.task_id and seen.task_id != task.task_id:
                    raise _hide(
                        ResponseValidationError(
                            f"the answer is about task {seen.task_id!r}, not {task.task_id!r}, "
                            f"which was being waited for"[:300]
                        ),
                        ctx.secrets,
                    )
                task = seen
            attempt += 1
        if task is not None:
            if task.status != last_status:
                last_status = task.status
                yield Notify(task)
            if task.status is TaskStatus.FAILED:
                raise _hide(TaskFailedError(task=task, message=task.status_message), ctx.secrets)
            if task.succeeded:
                return task
        delay = ctx.schedule.next_delay(
            ctx.clock() - began, max(attempt, 1), timeout=timeout, rand=ctx.rand()
        )
        if delay is None:
            raise _hide(
                TaskTimeoutError(
                    task=task, timeout=timeout or 0.0, kind=ep.attr, task_id=_known_id(task, ident)
                ),
                ctx.secrets,
            ) from trouble
        yield Sleep(delay)


def _bounded(delay: float | None, floor: float) -> float:
    return floor if delay is None else max(delay, floor)


def _task(answer: _Answer, ep: Endpoint, ctx: Context) -> Task:
    if not isinstance(answer.data, Mapping):
        raise _hide(
            ResponseValidationError(f"the answer has no task object: {answer.data!r}"[:200]),
            ctx.secrets,
        )
    return _make_task(ctx, answer.data, ep.kind, answer)


def _make_task(
    ctx: Context,
    data: Any,
    kind: str,
    answer: _Answer,
    *,
    external_task_id: str | None = None,
    schema: Literal["Task", "CreatedTask"] = "Task",
) -> Task:
    """A Task of the data as sent; its repr (and any error about it) hides echoed secrets."""
    if not isinstance(data, Mapping):
        raise _hide(
            ResponseValidationError(f"a task is not a JSON object: {data!r}"[:200]), ctx.secrets
        )
    try:
        task = Task.from_data(
            data,
            kind=kind,
            request_id=answer.request_id,
            external_task_id=external_task_id,
            schema=schema,
        )
    except ResponseValidationError as exc:
        raise _hide(exc, ctx.secrets) from None
    if not answer.suspect:
        return task
    return hide_in_repr(task, lambda text: redact(text, ctx.secrets))


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
