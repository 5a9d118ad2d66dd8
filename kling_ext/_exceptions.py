"""The one error tree of kling-ext, and the pure factory that picks a class for an error response.

Every error the package raises derives from :class:`KlingError`::

    KlingError(Exception)
    ├── ValidationError(KlingError, ValueError)     bad input caught before sending
    ├── ConfigurationError(KlingError, ValueError)  missing credentials, insecure URL
    ├── APIError                                 the API answered with an error
    │   ├── AuthenticationError                  401 / codes 1000-1004
    │   ├── PermissionDeniedError                403 / codes 1103, 1304
    │   │   └── InsufficientBalanceError         codes 1100-1102 (sent with HTTP 429!)
    │   ├── InvalidRequestError                  400 / codes 1200, 1201, 1300, 1301
    │   │   └── ExternalTaskIdInUseError         1201 "already exists" to a create's first try
    │   ├── NotFoundError                        404 / codes 1202, 1203, 1201 "Task not found ..."
    │   ├── RateLimitError                       codes 1302, 1303, bare HTTP 429
    │   ├── ServerError                          5xx / codes 5000-5002
    │   └── ResponseValidationError              a 2xx body that is no valid envelope or task
    ├── APIConnectionError                       could not reach the API
    │   └── APITimeoutError
    ├── TaskMayExistError                        a create whose outcome is unknown
    └── TaskError                                the task itself did not succeed
        ├── TaskFailedError                      task_status "failed"
        ├── TaskTimeoutError                     still running when the wait deadline passed
        └── TaskStateError                       e.g. download() of a task that has no videos yet

The CLI's exit status for each class is in ``kling_ext/cli/_exit.py``.
The business ``code`` of the Kling envelope decides the class; the HTTP status is only a
fallback, because Kling sends billing errors (1100-1102) with HTTP 429, and gateways may send any
code with HTTP 200.
The business codes are one table, :data:`BUSINESS_CODES` (the spec's, row by row): each code's
meaning, error class and what a client may do about it all come from it.
No exception here is ever given a request header, and the server text they show has the
client's secrets cut out (``_flow``), so none can leak an API key, even one a server echoes back.
"""

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Literal, NamedTuple

import httpx

__all__ = [
    "BUSINESS_CODES",
    "CODE_CLASSES",
    "CODE_MESSAGES",
    "DUPLICATE_EXTERNAL_ID_CODE",
    "STATUS_CLASSES",
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AuthenticationError",
    "BusinessCode",
    "ConfigurationError",
    "ExternalTaskIdInUseError",
    "InsufficientBalanceError",
    "InvalidRequestError",
    "KlingError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseValidationError",
    "RetryKind",
    "ServerError",
    "TaskError",
    "TaskFailedError",
    "TaskMayExistError",
    "TaskStateError",
    "TaskTimeoutError",
    "ValidationError",
    "codes_retried",
    "error_from_response",
    "is_duplicate_external_id",
    "is_task_not_found",
    "redacted_request",
]


def redacted_request(request: httpx.Request) -> httpx.Request:
    """A copy of a sent request to keep on an error: same method, URL and body, no credentials.

    The request the client sent carries the key in its Authorization header; an error may be
    logged, pickled or shown, so it keeps this copy instead.
    """
    headers = httpx.Headers(
        [
            (k, "***" if k.lower() == "authorization" else v)
            for k, v in request.headers.multi_items()
        ]
    )
    try:
        content: bytes | None = request.content
    except httpx.RequestNotRead:
        content = None  # a streamed upload (a large image) is not held twice
    return httpx.Request(request.method, request.url, headers=headers, content=content)


def _restore(cls: type["KlingError"], args: tuple[Any, ...], state: dict[str, Any]) -> "KlingError":
    """Rebuild a pickled error without calling its keyword-only ``__init__``."""
    error = cls.__new__(cls, *args)
    error.args = args
    error.__dict__.update(state)
    return error


class KlingError(Exception):
    """Base class of every error raised by kling-ext."""

    def __init__(self, message: str) -> None:
        """Initialise the error.

        Args:
            message: The human-readable description, also ``str(error)``.
        """
        super().__init__(message)

    def __reduce__(self) -> tuple[Any, ...]:
        # The default reduce calls ``cls(*args)``, which breaks for subclasses with keyword
        # arguments; restoring ``__dict__`` directly keeps every attribute across processes.
        return (_restore, (type(self), self.args, dict(self.__dict__)))


class ValidationError(KlingError, ValueError):
    """A request argument was rejected locally, before anything was sent.

    Attributes:
        field: The offending field, e.g. ``"duration"``.
        message: What is wrong with its value.
        allowed: A description of the accepted values, if there is a short one.
    """

    def __init__(self, field: str, message: str, allowed: str | None = None) -> None:
        """Initialise the error.

        Args:
            field: The offending field.
            message: What is wrong, e.g. ``"'7' is not allowed for kling-v2-6"``.
            allowed: The accepted values, e.g. ``"'5', '10'"``.
        """
        self.field = field
        self.message = message
        self.allowed = allowed
        text = f"{field}: {message}"
        if allowed is not None:
            text += f"; allowed: {allowed}"
        super().__init__(text)


# How to fix each kind of misconfiguration, in Python's terms; the CLI words its own (flags).
_PYTHON_REMEDIES: Mapping[str, str] = MappingProxyType(
    {
        "credentials": "pass api_key=..., or set KLING_API_KEY (or API_KEY); for Kling's own "
        "endpoint pass access_key and secret_key (or set KLING_ACCESS_KEY/KLING_SECRET_KEY)",
        "access_keys": "pass both access_key and secret_key, or set KLING_ACCESS_KEY and "
        "KLING_SECRET_KEY",
        "base_url": "pass base_url=..., or set KLING_BASE_URL",
        "allow_insecure": "use https, or pass allow_insecure=True if you really mean it",
    }
)


class ConfigurationError(KlingError, ValueError):
    """The client is misconfigured, e.g. credentials are missing or the base URL is insecure.

    Attributes:
        problem: What is wrong, without how to fix it.
        remedy: Which setting fixes it, so a front end (the CLI) can say so in its own terms:
            ``"credentials"`` (an API key, or an access/secret key pair), ``"access_keys"``
            (both halves of that pair), ``"base_url"`` or ``"allow_insecure"``; ``None`` when
            the problem itself names what to change.
    """

    def __init__(self, problem: str, *, remedy: str | None = None) -> None:
        """Initialise the error.

        Args:
            problem: What is wrong, e.g. ``"No API key"``.
            remedy: The setting that fixes it (see the class); ``str(error)`` then also says
                how, in Python's terms.
        """
        self.problem = problem
        self.remedy = remedy
        fix = _PYTHON_REMEDIES.get(remedy) if remedy is not None else None
        super().__init__(f"{problem}; {fix}." if fix else problem)


def _describe(
    status_code: int | None, code: int | None, request_id: str | None, message: str
) -> str:
    """Format the ``str()`` of an API error; every part is optional."""
    where = ", ".join(
        part
        for part in (
            f"HTTP {status_code}" if status_code is not None else "",
            f"code {code}" if code is not None else "",
        )
        if part
    )
    text = f"{where}: {message}" if where and message else where or message
    if request_id:
        text += f" (request_id={request_id})"
    return text


class APIError(KlingError):
    """The API answered, and the answer was an error.

    Attributes:
        status_code: The HTTP status, or ``None`` when unknown.
        code: Kling's business code from the JSON envelope, or ``None``.
        message: The server's message (or the documented meaning of ``code`` if it sent none).
        request_id: The envelope's ``request_id``, for support requests.
        body: The decoded response body, if any.
        retry_after: Seconds the server asked us to wait, already parsed.
        request: The request that got this answer (its Authorization header is the key: keep
            it out of logs), or ``None`` when the error was not built from an exchange.
        response: The response, body read, or ``None``.
    """

    def __init__(
        self,
        message: str,
        *,
        status_code: int | None = None,
        code: int | None = None,
        request_id: str | None = None,
        body: object = None,
        retry_after: float | None = None,
        request: httpx.Request | None = None,
        response: httpx.Response | None = None,
    ) -> None:
        """Initialise the error.

        Args:
            message: The server's message.
            status_code: The HTTP status.
            code: Kling's business code.
            request_id: The envelope's ``request_id``.
            body: The decoded response body.
            retry_after: Seconds the server asked us to wait.
            request: The request that got this answer.
            response: The response.
        """
        self.request = request
        self.response = response
        self.status_code = status_code
        self.code = code
        self.message = message
        self.request_id = request_id
        self.body = body
        self.retry_after = retry_after
        super().__init__(_describe(status_code, code, request_id, message))

    @property
    def code_meaning(self) -> str | None:
        """The documented meaning of :attr:`code`, e.g. ``"resource pack depleted or expired"``."""
        return CODE_MESSAGES.get(self.code) if self.code is not None else None


class AuthenticationError(APIError):
    """The credentials were missing, invalid, not yet valid or expired (401, codes 1000-1004)."""


class PermissionDeniedError(APIError):
    """The account may not use this resource (403, codes 1103 and 1304)."""


class InsufficientBalanceError(PermissionDeniedError):
    """The account is blocked, in arrears, or out of resource pack (codes 1100-1102).

    Kling sends these with HTTP 429, but waiting never helps: someone has to pay.
    """


class InvalidRequestError(APIError):
    """The request was rejected as invalid (400, codes 1200, 1201, 1300, 1301)."""


class NotFoundError(APIError):
    """The task or resource does not exist (404, codes 1202, 1203, and 1201 "Task not found")."""


class RateLimitError(APIError):
    """Too many requests or too many running tasks (codes 1302, 1303, or a bare HTTP 429)."""


class ServerError(APIError):
    """The server failed (5xx, codes 5000-5002)."""


class ResponseValidationError(APIError):
    """A successful response whose body is not a valid envelope or task."""


class APIConnectionError(KlingError):
    """The API could not be reached, or the connection broke before a response arrived.

    Attributes:
        request: The request that could not be sent or answered, if known.
    """

    def __init__(
        self,
        message: str = "Could not connect to the Kling API.",
        *,
        request: httpx.Request | None = None,
    ) -> None:
        """Initialise the error.

        Args:
            message: What went wrong.
            request: The request that could not be sent or answered.
        """
        self.request = request
        super().__init__(message)


class APITimeoutError(APIConnectionError):
    """The request timed out."""

    def __init__(
        self,
        message: str = "The request to the Kling API timed out.",
        *,
        request: httpx.Request | None = None,
    ) -> None:
        """Initialise the error.

        Args:
            message: What went wrong.
            request: The request that timed out.
        """
        super().__init__(message, request=request)


class TaskMayExistError(KlingError):
    """A create request may have made a (paid) task, but its outcome could not be confirmed.

    Creating again could pay twice; look the task up by its ``external_task_id`` first.

    Attributes:
        kind: The client resource the task belongs to, e.g. ``"text2video"``.
        external_task_id: The id the client sent with the create request.
        cause: The failure that left the outcome unknown, if any.
        problem: What is known, without how to look the task up (the message says it in
            Python's terms; the CLI in its own).
    """

    def __init__(
        self, *, kind: str, external_task_id: str | None, cause: BaseException | None = None
    ) -> None:
        """Initialise the error.

        Args:
            kind: The client resource, e.g. ``"text2video"``.
            external_task_id: The id the client sent with the create request; None for an
                endpoint whose requests take none (the task cannot be looked up by it).
            cause: The failure that left the outcome unknown.
        """
        self.kind = kind
        self.external_task_id = external_task_id
        self.cause = cause
        reason = f" ({type(cause).__name__}: {cause})" if cause is not None else ""
        self.problem: str = (
            f"The {kind} create request may have created a task, but its outcome is unknown"
            f"{reason}."
        )
        if external_task_id is None:
            self.problem += (
                f" {kind} requests take no external_task_id, so it cannot be looked up by one;"
                " it was not sent again."
            )
            super().__init__(
                f"{self.problem} Look for it among `client.{kind}.list()` before creating it again."
            )
            return
        super().__init__(
            f"{self.problem} Look it up with `client.{kind}.get({external_task_id!r})` before "
            "creating it again."
        )


class ExternalTaskIdInUseError(InvalidRequestError):
    """A create was refused because its ``external_task_id`` already belongs to another task.

    Raised when the API answers a create's *first* attempt with "already exists" (code 1201):
    nothing of this call was sent under that id before, so the task holding it is not this
    call's, and this create made no task. (The same answer to a re-sent create, after an
    attempt whose outcome was unknown, means that attempt made the task: the create returns it.)

    Attributes:
        kind: The client resource, e.g. ``"text2video"``.
        external_task_id: The id that is taken.
        task: The task that holds it, as looked up (a ``Task``), or ``None`` when the look-up
            did not find it.
        problem: What happened, without how to go on (the message says that in Python's
            terms; the CLI in its own).
    """

    def __init__(
        self,
        *,
        kind: str,
        external_task_id: str,
        task: Any = None,
        cause: APIError | None = None,
    ) -> None:
        """Initialise the error.

        Args:
            kind: The client resource, e.g. ``"text2video"``.
            external_task_id: The id that is taken.
            task: The task that holds it, if the look-up found it.
            cause: The API's refusal; its status, code, request id and answer are kept.
        """
        self.kind = kind
        self.external_task_id = external_task_id
        self.task = task
        owner = _task_attr(task, "task_id")
        holder = f"task {owner}" if owner else "an earlier task"
        self.problem: str = (
            f"external_task_id {external_task_id!r} already belongs to {holder}; this {kind} "
            "create made no task"
        )
        message = (
            f"{self.problem}. Send it with a new external_task_id (or none: one is made for "
            f"you), or read the existing task with `client.{kind}.get({external_task_id!r})`"
        )
        super().__init__(
            message,
            status_code=cause.status_code if cause else None,
            code=cause.code if cause else None,
            request_id=cause.request_id if cause else None,
            body=cause.body if cause else None,
            request=cause.request if cause else None,
            response=cause.response if cause else None,
        )


def _task_attr(task: object, *names: str) -> str | None:
    """Read the first present attribute (or mapping key) of a task as a string."""
    for name in names:
        value = task.get(name) if isinstance(task, Mapping) else getattr(task, name, None)
        if value is not None and value != "":
            return str(value)
    return None


class TaskError(KlingError):
    """The task ran, but did not produce a result.

    Attributes:
        task: The last known state of the task (a ``Task``).
        task_id: The task's id, as far as it is known.
    """

    def __init__(self, message: str, *, task: Any, task_id: str | None = None) -> None:
        """Initialise the error.

        Args:
            message: The human-readable description.
            task: The last known state of the task.
            task_id: The task's id; read from ``task`` when omitted.
        """
        self.task = task
        self.task_id: str = task_id or _task_attr(task, "task_id", "id") or "?"
        super().__init__(message)


class TaskFailedError(TaskError):
    """The task ended with status ``failed``.

    Attributes:
        message: The gateway's ``task_status_msg`` (the failure reason).
    """

    def __init__(
        self, *, task: Any, message: str | None = None, task_id: str | None = None
    ) -> None:
        """Initialise the error.

        Args:
            task: The failed task.
            message: The failure reason; read from ``task.task_status_msg`` when omitted.
            task_id: The task's id; read from ``task`` when omitted.
        """
        self.message: str = (
            message
            if message is not None
            else _task_attr(task, "task_status_msg", "status_msg", "message") or ""
        )
        ident = task_id or _task_attr(task, "task_id", "id") or "?"
        text = f"Task {ident} failed"
        super().__init__(
            f"{text}: {self.message}" if self.message else text, task=task, task_id=ident
        )


class TaskTimeoutError(TaskError):
    """The wait deadline passed while the task was still running, or before it could be read at
    all (``task`` is then ``None``, and ``__cause__`` says why); the task is not lost.

    Attributes:
        timeout: The deadline that passed, in seconds.
        kind: The client resource the task belongs to, e.g. ``"text2video"``.
    """

    def __init__(
        self,
        *,
        task: Any,
        timeout: float,
        kind: str | None = None,
        task_id: str | None = None,
    ) -> None:
        """Initialise the error.

        Args:
            task: The last known state of the task, or ``None`` if it could not be read.
            timeout: The deadline that passed, in seconds.
            kind: The client resource, e.g. ``"text2video"``; read from ``task.kind`` when omitted.
            task_id: The task's id; read from ``task`` when omitted.
        """
        self.timeout = timeout
        self.kind: str | None = kind or _task_attr(task, "kind")
        ident = task_id or _task_attr(task, "task_id", "id") or "?"
        resource = f"client.{self.kind}" if self.kind else "client.<kind>"
        state = (
            f"could not be read within {timeout:g} s"
            if task is None
            else f"is still running after {timeout:g} s"
        )
        super().__init__(
            f"Task {ident} {state}; it can be resumed with `{resource}.wait({ident!r})`.",
            task=task,
            task_id=ident,
        )


class TaskStateError(TaskError):
    """The task is not in a state that allows the operation, e.g. ``download()`` of a task that
    has not succeeded (yet): wait for it first.
    """


RetryKind = Literal["no", "renew_token", "rate_limit", "later"]
"""What a client may do about a business code (see `BusinessCode.retry`)."""


class BusinessCode(NamedTuple):
    """One row of the spec's business-code table: what a code means and what follows from it."""

    status: int
    """The HTTP status the API documents for it (gateways may send the code under another)."""
    meaning: str
    """The documented meaning, worded after the official error table."""
    error: type[APIError]
    """The class an answer with this code raises."""
    retry: RetryKind
    """What a client may do about it: ``"no"``, ``"renew_token"`` (a fresh JWT fixes it),
    ``"rate_limit"`` (refused before any work: send again after a wait) or ``"later"`` (the
    server failed: try again later; a create may have made a task)."""


def _row(status: int, meaning: str, error: type[APIError], retry: RetryKind = "no") -> BusinessCode:
    return BusinessCode(status, meaning, error, retry)


BUSINESS_CODES: Mapping[int, BusinessCode] = MappingProxyType(
    {
        1000: _row(401, "authentication failed", AuthenticationError),
        1001: _row(401, "authorization is empty", AuthenticationError),
        1002: _row(401, "authorization is invalid", AuthenticationError),
        1003: _row(401, "authorization is not yet valid", AuthenticationError),
        1004: _row(401, "authorization has expired", AuthenticationError, "renew_token"),
        1100: _row(429, "account exception", InsufficientBalanceError),
        1101: _row(429, "account in arrears", InsufficientBalanceError),
        1102: _row(429, "resource pack depleted or expired", InsufficientBalanceError),
        1103: _row(403, "unauthorized access to the requested resource", PermissionDeniedError),
        1200: _row(400, "invalid request parameters", InvalidRequestError),
        # Also "Task not found by id/external id" and "external_task_id already exists": the
        # message tells them apart (`is_task_not_found`, `is_duplicate_external_id`).
        1201: _row(400, "invalid parameters", InvalidRequestError),
        1202: _row(404, "requested method is invalid", NotFoundError),
        1203: _row(404, "requested resource does not exist", NotFoundError),
        1300: _row(400, "platform strategy triggered", InvalidRequestError),
        1301: _row(400, "content security policy triggered", InvalidRequestError),
        1302: _row(429, "requests too fast (rate limit)", RateLimitError, "rate_limit"),
        1303: _row(429, "concurrency over resource pack limit", RateLimitError, "rate_limit"),
        1304: _row(429, "IP whitelist policy triggered", PermissionDeniedError),
        5000: _row(500, "server internal error", ServerError, "later"),
        5001: _row(503, "server temporarily unavailable", ServerError, "later"),
        5002: _row(504, "server internal timeout", ServerError, "later"),
    }
)
"""The spec's business-code table, the one source of every code's meaning, class and retry."""

CODE_MESSAGES: Mapping[int, str] = MappingProxyType(
    {code: row.meaning for code, row in BUSINESS_CODES.items()}
)
"""Each business code's documented meaning (from `BUSINESS_CODES`)."""

# Known business codes decide the class; others fall back to the status.
CODE_CLASSES: Mapping[int, type[APIError]] = MappingProxyType(
    {code: row.error for code, row in BUSINESS_CODES.items()}
)
"""Each business code's error class (from `BUSINESS_CODES`)."""


def codes_retried(retry: RetryKind) -> frozenset[int]:
    """The business codes whose `BusinessCode.retry` is `retry`."""
    return frozenset(code for code, row in BUSINESS_CODES.items() if row.retry == retry)


# Used only when the body carries no (known) business code, e.g. a proxy's HTML error page.
STATUS_CLASSES: Mapping[int, type[APIError]] = MappingProxyType(
    {
        400: InvalidRequestError,
        401: AuthenticationError,
        403: PermissionDeniedError,
        404: NotFoundError,
        409: InvalidRequestError,
        413: InvalidRequestError,
        422: InvalidRequestError,
        429: RateLimitError,
    }
)

# Code 1201 is documented for any invalid parameter, for "Task not found by id/external id" and
# (observed) for a repeated external_task_id: only its message tells them apart. These are the
# only words the client reads in a message, and only for code 1201 (and 1203 about a task).
_NOT_FOUND_PHRASES = ("not found", "not exist")
_DUPLICATE_PHRASES = ("exist", "duplicate", "already", "in use", "repeat")
# The code a repeated external_task_id is refused with (the only one documented for it).
DUPLICATE_EXTERNAL_ID_CODE = 1201


def is_task_not_found(status_code: int | None, code: int | None, message: str | None) -> bool:
    """Tell whether an error response proves that a task does not exist.

    The recovery after an ambiguous create relies on this: only a definite "not found" makes it
    safe to send the create again, so only the documented answers count. Kling answers a missing
    task id with HTTP 400, code 1201 and "Task not found by id/external id: <id>" (as
    aself101/kling-api observed); 1201 otherwise means any invalid parameter, so its message
    decides. HTTP 404 with code 1203 counts when its message is about a task. Anything without a
    business code (an HTML 404 page, a proxy's "not found") may be a wrong route, which proves
    nothing.

    Args:
        status_code: The HTTP status, if a response arrived.
        code: Kling's business code, if the body had one.
        message: The server's message.

    Returns:
        ``True`` only for HTTP 400 with code 1201, or HTTP 404 with code 1203, whose message
        says a task was "not found" or does "not exist" (case-insensitive). ``False`` otherwise.
    """
    text = (message or "").lower()
    says_not_found = any(phrase in text for phrase in _NOT_FOUND_PHRASES)
    documented = (status_code, code) in ((400, 1201), (404, 1203))
    return documented and says_not_found and "task" in text


def is_duplicate_external_id(
    status_code: int | None, code: int | None, message: str | None
) -> bool:
    """Tell whether a create was refused because its ``external_task_id`` is taken.

    The business code decides first: only code 1201 can mean it (a gateway that stores a create
    refuses a repeated id with 1201 "... already exists"). 1201 also means any invalid parameter
    and "task not found", so for it alone the message decides: it must say the id exists
    (``exist``, ``duplicate``, ``already``, ``in use``, ``repeat``) and not that something was
    not found.

    Args:
        status_code: The HTTP status (any: gateways send codes under 200 too).
        code: Kling's business code.
        message: The server's message.

    Returns:
        ``True`` for code 1201 with such a message, ``False`` otherwise.
    """
    if code != DUPLICATE_EXTERNAL_ID_CODE:
        return False
    text = (message or "").lower()
    if any(phrase in text for phrase in (*_NOT_FOUND_PHRASES, "no such")):
        return False
    return any(phrase in text for phrase in _DUPLICATE_PHRASES)


def _looks_not_found(status_code: int | None, code: int | None, message: str) -> bool:
    says_not_found = any(phrase in message.lower() for phrase in _NOT_FOUND_PHRASES)
    if code is not None and code != 0:
        return code in (1202, 1203) or (code == 1201 and says_not_found)
    return status_code == 404 or (status_code == 400 and says_not_found)


def _class_for(status_code: int | None, code: int | None, message: str) -> type[APIError]:
    """Choose the error class: known business code first, then the HTTP status."""
    if _looks_not_found(status_code, code, message):
        return NotFoundError
    if code is not None and code in CODE_CLASSES:
        return CODE_CLASSES[code]
    if status_code is None:
        return APIError
    if status_code >= 500:
        return ServerError
    if 200 <= status_code < 300 and not code:
        # An error built from a 2xx without an error code means its body could not be read.
        return ResponseValidationError
    return STATUS_CLASSES.get(status_code, APIError)


def error_from_response(
    *,
    status_code: int | None,
    code: int | None,
    message: str | None,
    request_id: str | None,
    body: object = None,
    retry_after: float | None = None,
    request: httpx.Request | None = None,
    response: httpx.Response | None = None,
) -> APIError:
    """Build the right :class:`APIError` subclass for an error response.

    Args:
        status_code: The HTTP status, if known.
        code: Kling's business code from the envelope, if any (``0`` counts as none).
        message: The server's message; the documented meaning of ``code`` is used if empty.
        request_id: The envelope's ``request_id``.
        body: The decoded response body, kept for debugging.
        retry_after: Seconds from a ``Retry-After`` header, already parsed.
        request: The request that got the answer.
        response: The response.

    Returns:
        The error, not raised.
    """
    text = message or (CODE_MESSAGES.get(code, "") if code is not None else "")
    cls = _class_for(status_code, code, text)
    return cls(
        text,
        status_code=status_code,
        code=code,
        request_id=request_id,
        body=body,
        retry_after=retry_after,
        request=request,
        response=response,
    )
