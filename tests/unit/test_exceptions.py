"""The error tree: class per business code and status, messages, exit codes, pickling."""

from __future__ import annotations

import pickle
from types import SimpleNamespace

import pytest

from kling_ext._exceptions import (
    BUSINESS_CODES,
    CODE_CLASSES,
    CODE_MESSAGES,
    APIConnectionError,
    APIError,
    APITimeoutError,
    AuthenticationError,
    ConfigurationError,
    InsufficientBalanceError,
    InvalidRequestError,
    KlingError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseValidationError,
    ServerError,
    TaskError,
    TaskFailedError,
    TaskMayExistError,
    TaskStateError,
    TaskTimeoutError,
    ValidationError,
    error_from_response,
    is_duplicate_external_id,
    is_task_not_found,
)
from kling_ext._retry import RATE_LIMIT_CODES, SERVER_ERROR_CODES, TOKEN_EXPIRED_CODES
from kling_ext._spec import load_spec
from kling_ext.cli._exit import exit_code_for

# What a client may do about a code, as the spec's table words it in its "retry" column.
_RETRY_WORDS = {
    "renew_token": "fresh token",
    "rate_limit": "backoff",
    "later": "later",
}


def _spec_table() -> list[tuple[int, int, str, str]]:
    """The business-code table of the bundled spec: (HTTP status, code, meaning, retry)."""
    rows = []
    for line in load_spec()["info"]["description"].splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0].isdigit() and cells[1].isdigit():
            rows.append((int(cells[0]), int(cells[1]), cells[2], cells[3]))
    return rows


SPEC_TABLE = _spec_table()
# The class a code's HTTP status stands for; 429 is either "retry" or "someone has to pay".
_FAMILY = {
    400: InvalidRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    500: ServerError,
    503: ServerError,
    504: ServerError,
}
OFFICIAL_CODES = [
    (status, code, BUSINESS_CODES[code].error)
    for status, code, _, _ in SPEC_TABLE
    if code in BUSINESS_CODES
]


def test_the_code_table_is_the_specs() -> None:
    # One table in the code (BUSINESS_CODES), held against the spec's own, row by row.
    assert len(SPEC_TABLE) > 20
    assert {code for _, code, _, _ in SPEC_TABLE} == set(BUSINESS_CODES)
    assert set(BUSINESS_CODES) == set(CODE_CLASSES) == set(CODE_MESSAGES)
    for status, code, meaning, retry in SPEC_TABLE:
        row = BUSINESS_CODES[code]
        assert row.status == status, code
        words = {word for word in row.meaning.lower().split() if len(word) >= 5}
        assert words & set(meaning.lower().replace("-", " ").split()), code
        if row.retry == "no":
            assert not retry.startswith("yes"), code
        else:
            assert _RETRY_WORDS[row.retry] in retry, code
        family = _FAMILY.get(status) or (
            RateLimitError if row.retry == "rate_limit" else PermissionDeniedError
        )
        assert issubclass(row.error, family), code


def test_the_retry_sets_come_from_the_table() -> None:
    assert {1302, 1303} == RATE_LIMIT_CODES
    assert {5000, 5001, 5002} == SERVER_ERROR_CODES
    assert {1004} == TOKEN_EXPIRED_CODES


@pytest.mark.parametrize(
    ("status", "code", "message", "expected"),
    [
        (400, 1201, "external_task_id already exists: mine-1", True),
        (400, 1201, "external_task_id already exists, cannot create it again", True),
        (400, 1201, "Duplicate external_task_id", True),
        (200, 1201, "external_task_id is already in use", True),
        (400, 1201, "Task not found by id/external id: mine-1", False),
        (400, 1201, "external_task_id does not exist", False),
        (400, 1201, "model_name is invalid", False),
        (400, 1200, "external_task_id already exists", False),
        (409, None, "external_task_id already exists", False),
    ],
)
def test_a_duplicate_is_recognised_by_its_code_first(
    status: int, code: int | None, message: str, expected: bool
) -> None:
    assert is_duplicate_external_id(status, code, message) is expected


@pytest.mark.parametrize(
    ("status", "code", "cls"), OFFICIAL_CODES, ids=[str(row[1]) for row in OFFICIAL_CODES]
)
def test_business_code_picks_class(status: int, code: int, cls: type[APIError]) -> None:
    error = error_from_response(status_code=status, code=code, message="x", request_id="r")
    assert type(error) is cls
    # The code decides even when a gateway sends it with another status.
    assert type(error_from_response(status_code=200, code=code, message="x", request_id="r")) is cls


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, InvalidRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (422, InvalidRequestError),
        (429, RateLimitError),
        (500, ServerError),
        (502, ServerError),
        (503, ServerError),
        (418, APIError),
        (200, ResponseValidationError),
        (None, APIError),
    ],
    ids=lambda value: str(value) if not isinstance(value, type) else value.__name__,
)
def test_status_fallback_without_code(status: int | None, cls: type[APIError]) -> None:
    error = error_from_response(status_code=status, code=None, message="boom", request_id=None)
    assert type(error) is cls


@pytest.mark.parametrize(
    ("status", "code", "cls"),
    [
        (502, 9999, ServerError),
        (429, 9999, RateLimitError),
        (200, 9999, APIError),
        (503, 0, ServerError),
    ],
    ids=["unknown-code-502", "unknown-code-429", "unknown-code-200", "code-0-means-none"],
)
def test_unknown_code_falls_back_to_status(status: int, code: int, cls: type[APIError]) -> None:
    error = error_from_response(status_code=status, code=code, message="m", request_id=None)
    assert type(error) is cls


@pytest.mark.parametrize(
    ("status", "code", "message", "expected"),
    [
        (400, 1201, "Task not found by id/external id: ext-1", True),
        (400, 1201, "TASK NOT FOUND", True),
        (400, 1201, "task does not exist", True),
        (400, 1201, "invalid parameter: duration", False),
        (400, 1201, None, False),
        (404, None, None, False),
        (404, 1202, "Requested method invalid", False),
        (404, 1203, "task not exist", True),
        (200, 1203, "", False),
        (404, 1203, "resource not exist", False),
        (200, 1201, "Task not found by id/external id: ext-1", False),
        (400, None, "task not found", False),
        (400, None, "bad request", False),
        (400, 1200, "not found", False),
        (429, 1303, "not found", False),
        (500, None, "not found", False),
        (None, None, "not found", False),
    ],
    ids=[
        "1201-task-not-found",
        "1201-upper-case",
        "1201-not-exist",
        "1201-invalid-parameter",
        "1201-no-message",
        "404-bare-is-no-proof",
        "1202-wrong-route-is-no-proof",
        "1203",
        "1203-without-message",
        "1203-not-about-a-task",
        "1201-under-undocumented-status",
        "400-no-code-not-found",
        "400-no-code-other",
        "1200-is-not-1201",
        "1303",
        "500",
        "no-response",
    ],
)
def test_is_task_not_found(
    status: int | None, code: int | None, message: str | None, expected: bool
) -> None:
    assert is_task_not_found(status, code, message) is expected


def test_1201_task_not_found_is_not_found_error() -> None:
    error = error_from_response(
        status_code=400,
        code=1201,
        message="Task not found by id/external id: ext-1",
        request_id="req",
    )
    assert type(error) is NotFoundError
    other = error_from_response(
        status_code=400, code=1201, message="invalid parameter", request_id="req"
    )
    assert type(other) is InvalidRequestError


def test_api_error_str_and_attributes() -> None:
    body = {"code": 1102, "message": "resource pack exhausted", "request_id": "abc"}
    error = error_from_response(
        status_code=429,
        code=1102,
        message="resource pack exhausted",
        request_id="abc",
        body=body,
    )
    assert str(error) == "HTTP 429, code 1102: resource pack exhausted (request_id=abc)"
    assert isinstance(error, InsufficientBalanceError)
    assert isinstance(error, PermissionDeniedError)
    assert (error.status_code, error.code, error.request_id, error.body) == (429, 1102, "abc", body)
    assert error.code_meaning == "resource pack depleted or expired"
    assert error.args == (str(error),)


def test_api_error_without_message_uses_code_meaning() -> None:
    error = error_from_response(status_code=429, code=1303, message=None, request_id=None)
    assert str(error) == "HTTP 429, code 1303: concurrency over resource pack limit"


def test_rate_limit_error_carries_retry_after() -> None:
    error = error_from_response(
        status_code=429, code=1303, message="m", request_id=None, retry_after=2.5
    )
    assert isinstance(error, RateLimitError)
    assert error.retry_after == 2.5


@pytest.mark.parametrize(
    ("status", "code", "expected"),
    [
        (None, None, "just a message"),
        (502, None, "HTTP 502: just a message"),
        (None, 5000, "code 5000: just a message"),
    ],
    ids=["bare", "status-only", "code-only"],
)
def test_api_error_str_parts_are_optional(
    status: int | None, code: int | None, expected: str
) -> None:
    assert str(APIError("just a message", status_code=status, code=code)) == expected


def test_validation_error() -> None:
    error = ValidationError("duration", "'7' is not allowed for kling-v2-6", allowed="'5', '10'")
    assert isinstance(error, ValueError)
    assert isinstance(error, KlingError)
    assert str(error) == "duration: '7' is not allowed for kling-v2-6; allowed: '5', '10'"
    assert (error.field, error.allowed) == ("duration", "'5', '10'")
    assert str(ValidationError("prompt", "must not be empty")) == "prompt: must not be empty"


def test_configuration_error_is_value_error() -> None:
    assert isinstance(ConfigurationError("no API key"), ValueError)


def test_task_may_exist_error_tells_how_to_look_up() -> None:
    cause = TimeoutError("read timed out")
    error = TaskMayExistError(kind="text2video", external_task_id="ext-42", cause=cause)
    assert "client.text2video.get('ext-42')" in str(error)
    assert "before creating it again" in str(error)
    assert "TimeoutError" in str(error)
    assert (error.kind, error.external_task_id, error.cause) == ("text2video", "ext-42", cause)


def test_task_failed_error_reads_task() -> None:
    task = SimpleNamespace(task_id="867", task_status_msg="Image pixel is invalid")
    error = TaskFailedError(task=task)
    assert str(error) == "Task 867 failed: Image pixel is invalid"
    assert error.message == "Image pixel is invalid"
    assert error.task is task
    assert error.task_id == "867"
    assert isinstance(error, TaskError)


def test_task_timeout_error_says_how_to_resume() -> None:
    task = SimpleNamespace(task_id="867")
    error = TaskTimeoutError(task=task, timeout=1800.0, kind="image2video")
    assert "Task 867 is still running after 1800 s" in str(error)
    assert "client.image2video.wait('867')" in str(error)
    assert error.timeout == 1800.0


@pytest.mark.parametrize(
    ("cls", "exit_code"),
    [
        (KlingError, 3),
        (ValidationError, 2),
        (ConfigurationError, 2),
        (APIError, 3),
        (RateLimitError, 3),
        (InsufficientBalanceError, 3),
        (APIConnectionError, 4),
        (APITimeoutError, 4),
        (TaskMayExistError, 3),
        (TaskError, 1),
        (TaskFailedError, 1),
        (TaskTimeoutError, 1),
        (TaskStateError, 1),
    ],
    ids=lambda value: value.__name__ if isinstance(value, type) else str(value),
)
def test_exit_codes(cls: type[KlingError], exit_code: int) -> None:
    assert exit_code_for(cls) == exit_code


def test_a_new_error_class_exits_like_its_parent() -> None:
    class GatewayQuirkError(APIConnectionError):
        pass

    assert exit_code_for(GatewayQuirkError()) == 4


def test_timeout_is_a_connection_error() -> None:
    assert issubclass(APITimeoutError, APIConnectionError)
    assert "timed out" in str(APITimeoutError())


@pytest.mark.parametrize(
    "error",
    [
        ValidationError("duration", "bad", allowed="'5'"),
        ConfigurationError("no key"),
        error_from_response(status_code=429, code=1303, message="m", request_id="r", body={}),
        APITimeoutError(),
        TaskMayExistError(kind="text2video", external_task_id="e", cause=None),
        TaskFailedError(task={"task_id": "1", "task_status_msg": "nope"}),
        TaskTimeoutError(task={"task_id": "1"}, timeout=5.0, kind="omni_video"),
    ],
    ids=lambda error: type(error).__name__,
)
def test_errors_survive_pickling(error: KlingError) -> None:
    copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes, round-tripped
    assert type(copy) is type(error)
    assert str(copy) == str(error)
    assert copy.args == error.args
    assert vars(copy) == vars(error)
