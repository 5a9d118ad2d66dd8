"""The retry policy: which outcomes are retried, looked up, renewed or given up, and how long."""

from __future__ import annotations

import email.utils

import httpx
import pytest

from kling_ext import _constants as constants
from kling_ext._exceptions import APIConnectionError
from kling_ext._retry import (
    Decision,
    GiveUp,
    LookUp,
    Operation,
    Outcome,
    RenewToken,
    Retry,
    RetryPolicy,
    TransportFailure,
    classify_transport_error,
    parse_retry_after,
)

POLICY = RetryPolicy()
REQUEST = httpx.Request("POST", "https://api.example.test/v1/videos/text2video")
NOT_SENT = Outcome(transport=TransportFailure.NOT_SENT, message="ConnectError")
MAYBE_SENT = Outcome(transport=TransportFailure.MAYBE_SENT, message="ReadTimeout")


def http(status: int, code: int | None = None, retry_after: float | None = None) -> Outcome:
    """An outcome with a response."""
    return Outcome(status_code=status, code=code, message="m", retry_after=retry_after)


DECISION_TABLE: list[tuple[str, Outcome, Operation, type[Decision]]] = [
    ("429-1102-billing", http(429, 1102), "query", GiveUp),
    ("429-1102-billing-create", http(429, 1102), "create", GiveUp),
    ("429-1100-account", http(429, 1100), "create", GiveUp),
    ("429-1101-arrears", http(429, 1101), "create", GiveUp),
    ("429-1303-concurrency-create", http(429, 1303), "create", Retry),
    ("429-1303-concurrency-query", http(429, 1303), "query", Retry),
    ("429-1302-rate", http(429, 1302), "download", Retry),
    ("429-bare", http(429), "create", Retry),
    ("429-1304-ip-whitelist", http(429, 1304), "query", GiveUp),
    ("429-unknown-code", http(429, 4242), "query", GiveUp),
    ("403-1103", http(403, 1103), "query", GiveUp),
    ("401-1000", http(401, 1000), "query", GiveUp),
    ("401-1003", http(401, 1003), "query", GiveUp),
    ("401-1004-expired", http(401, 1004), "create", RenewToken),
    ("400-1200", http(400, 1200), "create", GiveUp),
    ("400-1201", http(400, 1201), "query", GiveUp),
    ("404-1202", http(404, 1202), "query", GiveUp),
    ("404-1203", http(404, 1203), "query", GiveUp),
    ("400-1300", http(400, 1300), "create", GiveUp),
    ("400-1301-content", http(400, 1301), "create", GiveUp),
    ("404-bare", http(404), "download", GiveUp),
    ("408-bare", http(408), "query", GiveUp),
    ("502-create", http(502), "create", LookUp),
    ("502-query", http(502), "query", Retry),
    ("503-download", http(503), "download", Retry),
    ("500-5000-create", http(500, 5000), "create", LookUp),
    ("503-5001-query", http(503, 5001), "query", Retry),
    ("200-5002-query", http(200, 5002), "query", Retry),
    ("504-5002-create", http(504, 5002), "create", LookUp),
    ("502-unknown-code", http(502, 4242), "query", Retry),
    ("500-1102-code-decides", http(500, 1102), "query", GiveUp),
    ("connect-error-create", NOT_SENT, "create", Retry),
    ("connect-error-query", NOT_SENT, "query", Retry),
    ("read-timeout-create", MAYBE_SENT, "create", LookUp),
    ("read-timeout-query", MAYBE_SENT, "query", Retry),
    ("read-timeout-download", MAYBE_SENT, "download", Retry),
    ("success", http(200, 0), "query", GiveUp),
    ("success-no-code", http(200), "create", GiveUp),
]


@pytest.mark.parametrize(
    ("outcome", "operation", "expected"),
    [row[1:] for row in DECISION_TABLE],
    ids=[row[0] for row in DECISION_TABLE],
)
def test_decision_type(outcome: Outcome, operation: Operation, expected: type[Decision]) -> None:
    assert type(POLICY.decide(outcome, 0, operation)) is expected


def test_rate_limit_waits_at_least_a_second() -> None:
    for attempt in range(POLICY.max_retries):
        for rand in (0.0, 0.5, 1.0):
            decision = POLICY.decide(http(429, 1303), attempt, "create", rand=rand)
            assert isinstance(decision, Retry)
            assert decision.delay >= constants.RATE_LIMIT_MIN_DELAY


@pytest.mark.parametrize(
    ("outcome", "operation", "expected"),
    [
        (http(429, 1303, retry_after=7.0), "create", Retry(7.0)),
        (http(429, 1303, retry_after=0.2), "create", Retry(1.0)),
        (http(503, 5001, retry_after=30.0), "query", Retry(30.0)),
        (http(503, retry_after=12.0), "create", LookUp(12.0)),
        (http(503, retry_after=0.0), "query", Retry(0.0)),
        (http(503, retry_after=-3.0), "query", Retry(0.0)),
    ],
    ids=["1303", "1303-below-floor", "5001", "503-create", "zero", "negative"],
)
def test_retry_after_is_honoured(
    outcome: Outcome, operation: Operation, expected: Decision
) -> None:
    assert POLICY.decide(outcome, 0, operation) == expected


@pytest.mark.parametrize(
    ("outcome", "operation", "may_exist"),
    [
        (http(429, 1303, retry_after=61.0), "create", False),
        (http(503, retry_after=3600.0), "query", False),
        (http(503, retry_after=3600.0), "create", True),
    ],
    ids=["1303-create", "503-query", "503-create"],
)
def test_too_long_retry_after_gives_up(
    outcome: Outcome, operation: Operation, may_exist: bool
) -> None:
    decision = POLICY.decide(outcome, 0, operation)
    assert isinstance(decision, GiveUp)
    assert decision.task_may_exist is may_exist
    assert "Retry-After" in decision.reason


@pytest.mark.parametrize(
    ("outcome", "operation", "may_exist"),
    [
        (http(502), "query", False),
        (http(502), "create", True),
        (MAYBE_SENT, "create", True),
        (NOT_SENT, "create", False),
        (http(429, 1303), "create", False),
    ],
    ids=["502-query", "502-create", "read-timeout-create", "connect-error-create", "1303"],
)
def test_retries_run_out(outcome: Outcome, operation: Operation, may_exist: bool) -> None:
    policy = RetryPolicy(max_retries=2)
    assert not isinstance(policy.decide(outcome, 1, operation), GiveUp)
    decision = policy.decide(outcome, 2, operation)
    assert isinstance(decision, GiveUp)
    assert decision.task_may_exist is may_exist
    assert "after 2 retries" in decision.reason


def test_token_renewal_is_not_limited_by_attempts() -> None:
    assert POLICY.decide(http(401, 1004), 99, "query") == RenewToken()


def test_give_up_reason_names_the_code() -> None:
    decision = POLICY.decide(http(429, 1102), 0, "create")
    assert isinstance(decision, GiveUp)
    assert "code 1102 (resource pack depleted or expired)" in decision.reason
    assert not decision.task_may_exist


@pytest.mark.parametrize(
    ("attempt", "rand", "expected"),
    [
        (0, 1.0, 0.5),
        (0, 0.0, 0.375),
        (1, 1.0, 1.0),
        (2, 1.0, 2.0),
        (3, 0.5, 3.5),
        (4, 1.0, 8.0),
        (10, 1.0, 8.0),
        (10_000, 0.0, 6.0),
    ],
    ids=["first", "first-low", "second", "third", "fourth-mid", "capped", "capped-later", "huge"],
)
def test_backoff(attempt: int, rand: float, expected: float) -> None:
    assert POLICY.backoff(attempt, rand=rand) == pytest.approx(expected)
    assert POLICY.decide(http(502), attempt, "query", rand=rand) in (
        Retry(pytest.approx(expected)),
        GiveUp(f"gave up after {attempt} retries: HTTP 502: m"),
    )


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (httpx.ConnectError("refused", request=REQUEST), TransportFailure.NOT_SENT),
        (httpx.ConnectTimeout("slow", request=REQUEST), TransportFailure.NOT_SENT),
        (httpx.PoolTimeout("busy", request=REQUEST), TransportFailure.NOT_SENT),
        (httpx.ReadTimeout("slow", request=REQUEST), TransportFailure.MAYBE_SENT),
        (httpx.WriteTimeout("slow", request=REQUEST), TransportFailure.MAYBE_SENT),
        (httpx.ReadError("reset", request=REQUEST), TransportFailure.MAYBE_SENT),
        (httpx.WriteError("broken", request=REQUEST), TransportFailure.MAYBE_SENT),
        (httpx.RemoteProtocolError("eof", request=REQUEST), TransportFailure.MAYBE_SENT),
        (httpx.ProxyError("proxy", request=REQUEST), TransportFailure.MAYBE_SENT),
        (OSError("unknown"), TransportFailure.MAYBE_SENT),
    ],
    ids=lambda value: type(value).__name__ if isinstance(value, BaseException) else value.name,
)
def test_classify_transport_error(exc: BaseException, expected: TransportFailure) -> None:
    assert classify_transport_error(exc) is expected


def test_classify_looks_through_wrappers() -> None:
    wrapper = APIConnectionError()
    wrapper.__cause__ = httpx.ConnectError("refused", request=REQUEST)
    assert classify_transport_error(wrapper) is TransportFailure.NOT_SENT
    wrapper.__cause__ = httpx.ReadError("reset", request=REQUEST)
    assert classify_transport_error(wrapper) is TransportFailure.MAYBE_SENT


def test_outcome_from_exception() -> None:
    outcome = Outcome.from_exception(httpx.ReadTimeout("slow", request=REQUEST))
    assert outcome.transport is TransportFailure.MAYBE_SENT
    assert outcome.message == "ReadTimeout: slow"
    assert type(POLICY.decide(outcome, 0, "create")) is LookUp


NOW = 1_700_000_000.0


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("5", 5.0),
        ("1.5", 1.5),
        (" 30 ", 30.0),
        ("0", 0.0),
        ("-4", 0.0),
        (email.utils.formatdate(NOW + 120, usegmt=True), 120.0),
        (email.utils.formatdate(NOW - 120, usegmt=True), 0.0),
        (email.utils.formatdate(NOW + 60).replace("+0000", "-0000"), 60.0),
        ("soon", None),
        ("", None),
        ("nan", None),
        ("inf", None),
        (None, None),
    ],
    ids=[
        "seconds",
        "fraction",
        "padded",
        "zero",
        "negative",
        "future-date",
        "past-date",
        "naive-date",
        "garbage",
        "empty",
        "nan",
        "inf",
        "absent",
    ],
)
def test_parse_retry_after(value: str | None, expected: float | None) -> None:
    result = parse_retry_after(value, now=NOW)
    if expected is None:
        assert result is None
    else:
        assert result == pytest.approx(expected)


@pytest.mark.parametrize(
    "kwargs",
    [{"max_retries": -1}, {"base_delay": -1.0}, {"max_retry_after": -1.0}],
    ids=["max-retries", "base-delay", "max-retry-after"],
)
def test_invalid_policies_are_rejected(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError, match="must be"):
        RetryPolicy(**kwargs)  # type: ignore[arg-type]


def test_grace_window_spreads_look_ups_doubling_over_the_window() -> None:
    delays = RetryPolicy().grace_delays()
    assert delays == pytest.approx((2.0, 4.0, 8.0, 16.0))
    assert sum(delays) == pytest.approx(constants.CREATE_GRACE_SECONDS)
    assert len(delays) == constants.CREATE_GRACE_LOOKUPS
    assert RetryPolicy(create_grace=0).grace_delays() == ()
    assert sum(RetryPolicy(create_grace=3, create_grace_lookups=2).grace_delays()) == 3
