"""A pure retry policy: given what one attempt produced, decide what to do next.

The decision depends on what the server may already have done . A query or a download
is safe to repeat. A create is not: if its body may have reached the server, repeating it could pay
for a second task, so the policy asks the caller to look the task up by its ``external_task_id``
(:class:`LookUp`) and re-sends only when the request provably never left (a connect error), was
refused outright (rate limit), or the look-up kept answering "not found" for the grace window
(:meth:`RetryPolicy.grace_delays`, 30 s by default: a slow gateway may still be storing it).
HTTP 429 is never retried blindly: Kling uses it for billing errors (codes 1100-1102) too, so the
business code decides (the spec's error table, ``_exceptions.BUSINESS_CODES``).
"""

from __future__ import annotations

import email.utils
import enum
import math
from datetime import UTC
from typing import Literal, SupportsFloat, SupportsIndex, TypeAlias

import attrs
import httpx

from kling_ext import _constants as constants
from kling_ext._exceptions import CODE_MESSAGES, codes_retried

__all__ = [
    "Decision",
    "GiveUp",
    "LookUp",
    "Operation",
    "Outcome",
    "RenewToken",
    "Retry",
    "RetryPolicy",
    "TransportFailure",
    "classify_transport_error",
    "parse_retry_after",
]

Operation: TypeAlias = Literal["query", "create", "call", "download"]
"""What the attempt was doing. ``"create"`` and ``"call"`` (a synchronous POST, answered at once)
are unsafe to repeat once they may have reached the server; only a create can be looked up."""

# From the one business-code table (`_exceptions.BUSINESS_CODES`): the codes a fresh token
# fixes (1004), the refusals to send again after a wait (1302, 1303), the server failures to
# try again later (5000-5002).
TOKEN_EXPIRED_CODES = codes_retried("renew_token")
RATE_LIMIT_CODES = codes_retried("rate_limit")
SERVER_ERROR_CODES = codes_retried("later")


class TransportFailure(enum.Enum):
    """How far a request that got no response may have gone."""

    NOT_SENT = "not_sent"
    """The request never left (no connection): repeating it is always safe."""
    MAYBE_SENT = "maybe_sent"
    """The request may have reached the server: a create may have made a task."""


# Failures that happen before a single byte of the request is written.
_NOT_SENT_ERRORS: tuple[type[httpx.TransportError], ...] = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
)


def classify_transport_error(exc: BaseException) -> TransportFailure:
    """Tell whether a failed request may have reached the server.

    Args:
        exc: The exception raised instead of a response. A wrapper (e.g. an
            :class:`~kling_ext.APIConnectionError`) is classified by the httpx error it was
            raised from.

    Returns:
        ``NOT_SENT`` for connect and pool errors, ``MAYBE_SENT`` for everything else, including
        exceptions that are not httpx transport errors, because guessing "not sent" wrongly could
        pay for a task twice.
    """
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, httpx.TransportError):
            if isinstance(current, _NOT_SENT_ERRORS):
                return TransportFailure.NOT_SENT
            return TransportFailure.MAYBE_SENT
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return TransportFailure.MAYBE_SENT


def _to_float(value: str | bytes | SupportsFloat | SupportsIndex) -> float:
    # attrs reads a converter's signature when the class is made; for the builtin `float` that
    # goes through inspect's text-signature parser, ~0.5 ms each at `import kling_ext`.
    return float(value)


@attrs.frozen(kw_only=True)
class Outcome:
    """What one attempt produced, reduced to what the retry decision needs.

    Attributes:
        status_code: The HTTP status, or ``None`` when no response arrived.
        code: The business code from the JSON envelope, if any.
        message: The server's message, or a description of the transport failure.
        retry_after: The ``Retry-After`` delay in seconds, already parsed.
        transport: How far the request went, when it failed without a response.
    """

    status_code: int | None = None
    code: int | None = None
    message: str = ""
    retry_after: float | None = None
    transport: TransportFailure | None = None

    @classmethod
    def from_exception(cls, exc: BaseException) -> Outcome:
        """Describe an attempt that raised instead of returning a response.

        Args:
            exc: The exception, usually an ``httpx.TransportError``.

        Returns:
            An outcome with :attr:`transport` classified by :func:`classify_transport_error`.
        """
        return cls(message=f"{type(exc).__name__}: {exc}", transport=classify_transport_error(exc))

    @property
    def is_success(self) -> bool:
        """Whether the attempt succeeded: a 2xx (or no status) with code 0 or none."""
        return (
            self.transport is None
            and (self.status_code is None or 200 <= self.status_code < 300)
            and not self.code
        )


@attrs.frozen
class Retry:
    """Send the same request again after ``delay`` seconds.

    Attributes:
        delay: Seconds to wait first.
    """

    delay: float


@attrs.frozen
class LookUp:
    """A create may have made a task: after ``delay`` seconds, look it up by ``external_task_id``.

    Re-send the create only if the look-up proves the task does not exist.

    Attributes:
        delay: Seconds to wait first.
    """

    delay: float


@attrs.frozen
class RenewToken:
    """The token expired (code 1004): renew it once and send the request again."""


@attrs.frozen
class GiveUp:
    """Stop and raise.

    Attributes:
        reason: Why, for logs and error messages.
        task_may_exist: ``True`` when a create may have made a task, so the caller must raise
            :class:`~kling_ext.TaskMayExistError` rather than a plain error.
    """

    reason: str
    task_may_exist: bool = False


Decision: TypeAlias = Retry | LookUp | RenewToken | GiveUp
"""Every possible answer of :meth:`RetryPolicy.decide`."""


def _describe_code(code: int) -> str:
    """Name a business code with its documented meaning, e.g. ``code 1102 (resource pack ...)``."""
    meaning = CODE_MESSAGES.get(code)
    return f"code {code} ({meaning})" if meaning else f"code {code}"


@attrs.frozen(kw_only=True)
class RetryPolicy:
    """How often and how long to retry, and which failures are worth it.

    Attributes:
        max_retries: Retries after the first attempt (token renewal excepted).
        base_delay: Backoff before the first retry, in seconds; doubles on each retry.
        max_delay: Upper bound of the backoff, in seconds.
        rate_limit_min_delay: Shortest wait after a rate-limit answer, in seconds.
        max_retry_after: Longest ``Retry-After`` worth waiting for; longer means give up.
        create_grace: Seconds a create whose outcome is unknown is looked for before "not
            found" is believed (the gateway may still be storing it); see
            :meth:`grace_delays`. ``0`` believes the first "not found".
        create_grace_lookups: Look-ups spread over ``create_grace`` after the first.
    """

    max_retries: int = attrs.field(
        default=constants.RETRY_MAX_RETRIES, validator=attrs.validators.ge(0)
    )
    base_delay: float = attrs.field(
        default=constants.RETRY_BASE_DELAY, converter=_to_float, validator=attrs.validators.ge(0.0)
    )
    max_delay: float = attrs.field(
        default=constants.RETRY_MAX_DELAY, converter=_to_float, validator=attrs.validators.ge(0.0)
    )
    rate_limit_min_delay: float = attrs.field(
        default=constants.RATE_LIMIT_MIN_DELAY,
        converter=_to_float,
        validator=attrs.validators.ge(0.0),
    )
    max_retry_after: float = attrs.field(
        default=constants.MAX_RETRY_AFTER, converter=_to_float, validator=attrs.validators.ge(0.0)
    )
    create_grace: float = attrs.field(
        default=constants.CREATE_GRACE_SECONDS,
        converter=_to_float,
        validator=attrs.validators.ge(0.0),
    )
    create_grace_lookups: int = attrs.field(
        default=constants.CREATE_GRACE_LOOKUPS, validator=attrs.validators.ge(1)
    )

    def grace_delays(self) -> tuple[float, ...]:
        """Return the waits between the look-ups of a create that may still be being stored.

        After an ambiguous create, the first look-up's "not found" is not proof: the gateway may
        not have stored the create yet. The task is looked up again after each of these delays;
        each is twice the one before, and together they make up :attr:`create_grace` (2, 4, 8
        and 16 s for the default 30 s), so the last look-up comes as the window ends.

        Returns:
            ``create_grace_lookups`` delays summing to ``create_grace``; none when it is 0.
        """
        if self.create_grace <= 0:
            return ()
        parts = 2**self.create_grace_lookups - 1
        return tuple(self.create_grace * 2**k / parts for k in range(self.create_grace_lookups))

    def backoff(self, attempt: int, *, rand: float = 0.5) -> float:
        """Return the exponential backoff before retry number ``attempt + 1``.

        Args:
            attempt: Retries already made.
            rand: A random number in ``[0, 1]`` from the caller; the delay is scaled into
                ``[RETRY_JITTER_FLOOR, 1]`` of its nominal value by it.

        Returns:
            ``min(base_delay * 2**attempt, max_delay)``, jittered.
        """
        nominal = min(self.base_delay * 2.0 ** min(attempt, 64), self.max_delay)
        floor = constants.RETRY_JITTER_FLOOR
        return nominal * (floor + (1.0 - floor) * min(max(rand, 0.0), 1.0))

    def decide(
        self, outcome: Outcome, attempt: int, operation: Operation, *, rand: float = 0.5
    ) -> Decision:
        """Decide what to do after an attempt.

        Args:
            outcome: What the attempt produced.
            attempt: Retries already made (``0`` after the first attempt).
            operation: What the attempt was doing; a ``"create"`` is never re-sent blindly.
            rand: A random number in ``[0, 1]`` from the caller, for backoff jitter.

        Returns:
            :class:`Retry`, :class:`LookUp` (create only), :class:`RenewToken` (code 1004,
            regardless of ``attempt``: the caller allows it once) or :class:`GiveUp`.
        """
        if outcome.code in TOKEN_EXPIRED_CODES:
            return RenewToken()
        if outcome.is_success:
            return GiveUp("success")
        decision = self._classify(outcome, attempt, operation, rand)
        if isinstance(decision, Retry | LookUp) and attempt >= self.max_retries:
            return GiveUp(
                f"gave up after {attempt} retries: {self._what(outcome)}",
                task_may_exist=isinstance(decision, LookUp),
            )
        return decision

    def _classify(
        self, outcome: Outcome, attempt: int, operation: Operation, rand: float
    ) -> Decision:
        """Decide as if retries were unlimited."""
        is_create = operation in ("create", "call")  # a call's LookUp: its caller gives up
        if outcome.transport is TransportFailure.NOT_SENT:
            return Retry(self.backoff(attempt, rand=rand))
        if outcome.transport is TransportFailure.MAYBE_SENT:
            backoff = self.backoff(attempt, rand=rand)
            return LookUp(backoff) if is_create else Retry(backoff)

        code = outcome.code or None
        status = outcome.status_code
        if code in RATE_LIMIT_CODES or (code is None and status == 429):
            # The request was refused, so even a create made no task: re-sending is safe.
            wait = self._server_delay(outcome, attempt, rand)
            if wait is None:
                return self._too_long(outcome, task_may_exist=False)
            return Retry(max(wait, self.rate_limit_min_delay))
        if code in SERVER_ERROR_CODES or (
            (code is None or code not in CODE_MESSAGES) and status is not None and status >= 500
        ):
            wait = self._server_delay(outcome, attempt, rand)
            if wait is None:
                return self._too_long(outcome, task_may_exist=is_create)
            return LookUp(wait) if is_create else Retry(wait)
        return GiveUp(f"{self._what(outcome)} is not retryable")

    def _server_delay(self, outcome: Outcome, attempt: int, rand: float) -> float | None:
        """Return the server's ``Retry-After`` or the backoff; ``None`` if it asks too much."""
        if outcome.retry_after is None:
            return self.backoff(attempt, rand=rand)
        if outcome.retry_after > self.max_retry_after:
            return None
        return max(outcome.retry_after, 0.0)

    def _too_long(self, outcome: Outcome, *, task_may_exist: bool) -> GiveUp:
        """Give up because the server asked for a longer wait than any caller would accept."""
        return GiveUp(
            f"{self._what(outcome)}: Retry-After {outcome.retry_after:g} s exceeds "
            f"{self.max_retry_after:g} s",
            task_may_exist=task_may_exist,
        )

    @staticmethod
    def _what(outcome: Outcome) -> str:
        """Describe an outcome in a few words for a :class:`GiveUp` reason."""
        if outcome.transport is not None:
            return outcome.message or f"transport failure ({outcome.transport.value})"
        parts = []
        if outcome.status_code is not None:
            parts.append(f"HTTP {outcome.status_code}")
        if outcome.code:
            parts.append(_describe_code(outcome.code))
        text = ", ".join(parts) or "error"
        return f"{text}: {outcome.message}" if outcome.message else text


def parse_retry_after(value: str | None, *, now: float) -> float | None:
    """Parse a ``Retry-After`` header value into seconds to wait.

    Args:
        value: The header: delta-seconds (fractions accepted) or an HTTP-date.
        now: The current time as a Unix timestamp, to turn a date into a delay.

    Returns:
        Seconds to wait (a past date or negative number gives ``0.0``), or ``None`` when the
        header is absent or unreadable.
    """
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    try:
        seconds = float(text)
    except ValueError:
        pass
    else:
        return max(seconds, 0.0) if math.isfinite(seconds) else None
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        # RFC 9110 dates are always GMT; "-0000" parses as naive.
        when = when.replace(tzinfo=UTC)
    return max(when.timestamp() - now, 0.0)
