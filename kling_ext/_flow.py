"""The whole job as sans-I/O flows, driven twice: once by `Kling`, once by `AsyncKling`.

A flow is a generator that yields effects (`Send` a request, `Sleep`, `Notify` a status change,
`Stream` a download, `RenewAuth`) and receives their results. Every decision (retry, look a
create up before re-sending it, poll again, give up) is made here, once; the two drivers in
`_client.py` only perform effects. Tests drive flows with a fake clock and canned responses.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Mapping
from typing import Any, BinaryIO, TypeVar
from urllib.parse import quote

import attrs
import httpx

from ._body import encode_json
from ._exceptions import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AuthenticationError,
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
    Outcome,
    RenewToken,
    Retry,
    RetryPolicy,
    parse_retry_after,
)
from ._spec import Endpoint
from ._task import Task, TaskStatus, parse_task_model

T = TypeVar("T")


# ------------------------------------------------------------------ effects


@attrs.frozen
class Send:
    """Send one API request; the driver answers with a `Sent`."""

    request: httpx.Request


@attrs.frozen
class Sent:
    """What sending produced: a response (body read), or the transport error."""

    response: httpx.Response | None = None
    error: httpx.TransportError | None = None


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
        """An API request to `path` below the base URL."""
        headers = {"Accept": "application/json"}
        url = self.base_url + path
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


# ------------------------------------------------------------------ answers


@attrs.frozen
class _Answer:
    """One attempt, read: the envelope's data on success, else the outcome and the error."""

    data: Any = None
    request_id: str | None = None
    outcome: Outcome | None = None
    error: KlingError | None = None


def read_answer(sent: Sent, ctx: Context, request: httpx.Request | None = None) -> _Answer:
    """Interpret one attempt. A non-zero `code` is an error even under HTTP 200.

    `request` is what was sent: the error names its URL and keeps it (without credentials).
    """
    now = ctx.wall_clock()
    kept = redacted_request(request) if request is not None else None
    if sent.response is None:
        exc = sent.error or httpx.TransportError("no response")
        outcome = Outcome.from_exception(exc)
        cls = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
        where = f" at {request.url}" if request is not None else ""
        failure = cls(
            f"{cls().args[0].rstrip('.')}{where} ({type(exc).__name__}: {exc})", request=kept
        )
        failure.__cause__ = exc
        return _Answer(outcome=outcome, error=failure)
    response = sent.response
    if kept is not None:
        response.request = kept  # the sent one carries the Authorization header
    retry_after = parse_retry_after(response.headers.get("retry-after"), now=now)
    try:
        body = response.json()
    except ValueError:
        body = None
    envelope = body if isinstance(body, Mapping) else {}
    raw_code = envelope.get("code")
    code = raw_code if isinstance(raw_code, int) and not isinstance(raw_code, bool) else None
    message = envelope.get("message") if isinstance(envelope.get("message"), str) else None
    request_id = envelope.get("request_id") if isinstance(envelope.get("request_id"), str) else None
    ok = 200 <= response.status_code < 300
    if ok and code == 0 and "data" in envelope:
        return _Answer(data=envelope["data"], request_id=request_id)
    if ok and code in (0, None):
        error: APIError = ResponseValidationError(
            f"the answer is not a Kling envelope: {response.text[:200]!r}",
            status_code=response.status_code,
            code=code,
            request_id=request_id,
            body=body,
            request=kept,
            response=response,
        )
    else:
        if message is None and body is None:
            message = f"HTTP {response.status_code}: {response.text[:200]!r}"
        error = error_from_response(
            status_code=response.status_code,
            code=code,
            message=message,
            request_id=request_id,
            body=body,
            retry_after=retry_after,
            request=kept,
            response=response,
        )
        if isinstance(error, AuthenticationError) and ctx.auth_hint:
            # "Which key went where?" is the first question after a 401.
            error.args = (f"{error.args[0]} [base URL {ctx.base_url}, {ctx.auth_hint}]",)
    outcome = Outcome(
        status_code=response.status_code, code=code, message=message or "", retry_after=retry_after
    )
    return _Answer(outcome=outcome, error=error, request_id=request_id)


# ------------------------------------------------------------------ flows


def call(ctx: Context, build: Callable[[], httpx.Request], operation: str) -> Flow[_Answer]:
    """Send a query (or list) with retries; return the successful answer or raise its error."""
    attempt, renewed = 0, False
    while True:
        request = build()
        answer = read_answer((yield Send(request)), ctx, request)
        if answer.error is None:
            return answer
        assert answer.outcome is not None
        decision = ctx.policy.decide(answer.outcome, attempt, operation, rand=ctx.rand())  # type: ignore[arg-type]
        if isinstance(decision, RenewToken) and not renewed:
            renewed = True
            yield RenewAuth()
            continue
        if isinstance(decision, Retry):
            attempt += 1
            yield Sleep(decision.delay)
            continue
        raise answer.error


def get_task(ctx: Context, ep: Endpoint, ident: str) -> Flow[Task]:
    """Query a task by its task_id or external_task_id."""
    path = f"/v1/videos/{ep.kind}/{_quote(ident)}"
    answer = yield from call(ctx, lambda: ctx.request("GET", path), "query")
    return _task(answer, ep)


def list_tasks(ctx: Context, ep: Endpoint, page: int, page_size: int) -> Flow[list[Task]]:
    """One page of an endpoint's tasks, newest first."""
    params = {"pageNum": page, "pageSize": page_size}
    path = f"/v1/videos/{ep.kind}"
    answer = yield from call(ctx, lambda: ctx.request("GET", path, params=params), "query")
    if not isinstance(answer.data, list):
        raise ResponseValidationError(f"the task list is not a list: {answer.data!r}"[:200])
    return [
        Task.from_data(item, kind=ep.kind, request_id=answer.request_id) for item in answer.data
    ]


def create_task(ctx: Context, ep: Endpoint, body: Mapping[str, Any]) -> Flow[Task]:
    """Create a task, never two: after an ambiguous failure, look it up by external_task_id first.

    A create is re-sent only when it provably made no task: the request never left (connect
    error), the API refused it (a business error such as 1303), or a lookup by its
    external_task_id confirmed that no such task exists.
    """
    external = str(body["external_task_id"])
    path = f"/v1/videos/{ep.kind}"
    attempt, renewed = 0, False
    while True:
        request = ctx.request("POST", path, json_body=body)
        answer = read_answer((yield Send(request)), ctx, request)
        if answer.error is None:
            if not isinstance(answer.data, Mapping):
                raise ResponseValidationError(
                    f"the create answer has no task: {answer.data!r}"[:200]
                )
            return Task.from_data(
                answer.data, kind=ep.kind, request_id=answer.request_id, external_task_id=external
            )
        assert answer.outcome is not None
        outcome = answer.outcome
        if _is_duplicate(outcome):
            # An earlier attempt of ours did create it (the answer was lost): fetch that task.
            found = yield from _look_up(ctx, ep, external, answer.error)
            if found is not None:
                return found
            raise answer.error
        decision = ctx.policy.decide(outcome, attempt, "create", rand=ctx.rand())
        if isinstance(decision, RenewToken) and not renewed:
            renewed = True
            yield RenewAuth()
            continue
        if isinstance(decision, Retry):  # the policy retries a create only if it made no task
            attempt += 1
            yield Sleep(decision.delay)
            continue
        if isinstance(decision, LookUp) or (
            isinstance(decision, GiveUp) and decision.task_may_exist
        ):
            if isinstance(decision, LookUp):
                yield Sleep(decision.delay)
            found = yield from _look_up(ctx, ep, external, answer.error)
            if found is not None:
                return found
            if isinstance(decision, GiveUp):
                raise answer.error  # confirmed: no task was made, so nothing was paid
            attempt += 1
            continue  # confirmed absent: re-sending cannot pay twice
        raise answer.error


def _is_duplicate(outcome: Outcome) -> bool:
    return (
        outcome.code == 1201
        and "exist" in outcome.message.lower()
        and "not" not in outcome.message.lower()
    )


def _look_up(ctx: Context, ep: Endpoint, external: str, cause: KlingError) -> Flow[Task | None]:
    """The task created with `external`, None if the API confirms there is none.

    Raises:
        TaskMayExistError: the API could not say either way.
    """
    path = f"/v1/videos/{ep.kind}/{_quote(external)}"
    attempt = 0
    while True:
        request = ctx.request("GET", path)
        answer = read_answer((yield Send(request)), ctx, request)
        if answer.error is None:
            return _task(answer, ep)
        assert answer.outcome is not None
        outcome = answer.outcome
        if is_task_not_found(outcome.status_code, outcome.code, outcome.message):
            return None
        decision = ctx.policy.decide(outcome, attempt, "query", rand=ctx.rand())
        if isinstance(decision, Retry):
            attempt += 1
            yield Sleep(decision.delay)
            continue
        raise TaskMayExistError(
            kind=ep.attr, external_task_id=external, cause=answer.error or cause
        )


def wait_task(ctx: Context, ep: Endpoint, start: Task | str, timeout: float | None) -> Flow[Task]:
    """Poll until the task is final; raise on failure or when `timeout` passes.

    Transient trouble while polling (network, 5xx, rate limits) does not end a long wait: it is
    retried until the deadline, because the task keeps running on the server either way.
    """
    began = ctx.clock()
    task = start if isinstance(start, Task) else None
    ident = start.task_id if isinstance(start, Task) else start
    attempt = 0
    if task is not None and not task.done:
        yield Sleep(
            _bounded(ctx.schedule.next_delay(0.0, 0, timeout=timeout, rand=ctx.rand()), 0.0)
        )
    last_status: TaskStatus | None = None
    while True:
        if task is None or not task.done:
            try:
                task = yield from get_task(ctx, ep, ident)
            except (APIConnectionError, ServerError, RateLimitError) as exc:
                # The task runs on regardless: keep trying until the deadline, if there is one.
                past_deadline = timeout is not None and ctx.clock() - began >= timeout
                if timeout is None or (past_deadline and task is None):
                    raise
                if past_deadline:
                    raise TaskTimeoutError(task=task, timeout=timeout, kind=ep.attr) from exc
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
            if task is None:
                raise APITimeoutError(
                    f"Could not read task {ident} before the {timeout:g} s deadline."
                )
            raise TaskTimeoutError(task=task, timeout=timeout or 0.0, kind=ep.attr)
        yield Sleep(delay)


def _bounded(delay: float | None, floor: float) -> float:
    return floor if delay is None else max(delay, floor)


def _task(answer: _Answer, ep: Endpoint) -> Task:
    if not isinstance(answer.data, Mapping):
        raise ResponseValidationError(f"the answer has no task object: {answer.data!r}"[:200])
    return Task.from_data(
        answer.data, kind=ep.kind, request_id=answer.request_id, raw=parse_task_model(answer.data)
    )


def _quote(ident: str) -> str:
    if not ident or not ident.strip():
        raise ValidationError("task_id", "must not be empty")
    return quote(ident, safe="")
