"""A pure schedule for polling a task until it ends: no clock, no sleeping, no randomness.

Kling tasks take half a minute to an hour (as ComfyUI measured), so a fixed interval is either
wasteful for long tasks or slow to notice short ones. :class:`PollSchedule` checks once soon (to
catch instant failures such as a content-policy rejection), then polls at a steady pace, and later
waits a fixed fraction of the time already spent, so both the number of queries and the delay in
noticing the end stay proportionate to the task's duration. The caller supplies the elapsed time
and the random number, which keeps every decision reproducible in tests and benchmarks.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import SupportsFloat, SupportsIndex

import attrs

from kling_ext import _constants as constants

__all__ = ["DEFAULT_POLL_SCHEDULE", "PollSchedule", "simulate"]


def _finite(instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    """Reject NaN and infinities, which would turn the schedule into a busy loop or a hang."""
    if not math.isfinite(value):
        raise ValueError(f"{attribute.name} must be finite, got {value!r}")


def _not_below_min_delay(
    instance: PollSchedule, attribute: attrs.Attribute[float], value: float
) -> None:
    """Require ``max_delay >= min_delay`` so the bounds form an interval."""
    if value < instance.min_delay:
        raise ValueError(f"max_delay ({value}) must be >= min_delay ({instance.min_delay})")


def _to_float(value: str | bytes | SupportsFloat | SupportsIndex) -> float:
    # attrs reads a converter's signature when the class is made; for the builtin `float` that
    # goes through inspect's text-signature parser, ~0.5 ms each at `import kling_ext`.
    return float(value)


@attrs.frozen(kw_only=True)
class PollSchedule:
    """When to query a running task next.

    The first query comes after ``first_delay``. After that the delay is ``growth`` times the time
    already spent waiting, kept within ``[min_delay, max_delay]``, then spread by ``jitter`` so that
    many clients started together drift apart.

    Attributes:
        first_delay: Seconds before the first query.
        min_delay: Shortest delay between later queries, in seconds.
        max_delay: Longest delay between later queries, in seconds.
        growth: The delay as a fraction of the elapsed time, e.g. ``0.08``.
        jitter: Relative spread of every delay, e.g. ``0.05`` for ±5%.
    """

    first_delay: float = attrs.field(
        default=constants.POLL_FIRST_DELAY,
        converter=_to_float,
        validator=[_finite, attrs.validators.ge(0.0)],
    )
    min_delay: float = attrs.field(
        default=constants.POLL_MIN_DELAY,
        converter=_to_float,
        validator=[_finite, attrs.validators.gt(0.0)],
    )
    max_delay: float = attrs.field(
        default=constants.POLL_MAX_DELAY,
        converter=_to_float,
        validator=[_finite, _not_below_min_delay],
    )
    growth: float = attrs.field(
        default=constants.POLL_GROWTH,
        converter=_to_float,
        validator=[_finite, attrs.validators.ge(0.0)],
    )
    jitter: float = attrs.field(
        default=constants.POLL_JITTER,
        converter=_to_float,
        validator=[attrs.validators.ge(0.0), attrs.validators.lt(1.0)],
    )

    def next_delay(
        self,
        elapsed: float,
        attempt: int,
        *,
        timeout: float | None = None,
        rand: float = 0.5,
    ) -> float | None:
        """Return how long to sleep before the next query, or ``None`` if the deadline passed.

        Args:
            elapsed: Seconds since waiting began.
            attempt: Queries made so far (``0`` before the first).
            timeout: Seconds after which waiting stops; ``None`` waits forever.
            rand: A random number in ``[0, 1]`` from the caller; ``0.5`` applies no jitter.

        Returns:
            The delay in seconds, never past ``timeout``; ``None`` when ``elapsed >= timeout``.

        Raises:
            ValueError: If ``elapsed`` is negative or NaN, ``attempt`` is negative, or ``rand``
                is outside ``[0, 1]``.
        """
        if not elapsed >= 0.0:
            raise ValueError(f"elapsed must be >= 0, got {elapsed!r}")
        if attempt < 0:
            raise ValueError(f"attempt must be >= 0, got {attempt!r}")
        if not 0.0 <= rand <= 1.0:
            raise ValueError(f"rand must be within [0, 1], got {rand!r}")
        if timeout is not None and elapsed >= timeout:
            return None
        if attempt == 0:
            base = self.first_delay
        else:
            base = min(max(self.growth * elapsed, self.min_delay), self.max_delay)
        delay = base * (1.0 + self.jitter * (2.0 * rand - 1.0))
        if timeout is not None:
            # Land the last query on the deadline rather than sleeping past it.
            delay = min(delay, timeout - elapsed)
        return delay


def simulate(
    schedule: PollSchedule,
    task_duration: float,
    *,
    rand: float | Callable[[], float] = 0.5,
    timeout: float | None = None,
) -> tuple[int, float]:
    """Poll a task that ends after ``task_duration`` seconds on a virtual clock.

    A query made at or after ``task_duration`` sees the task finished.

    Args:
        schedule: The schedule to measure.
        task_duration: Seconds after which the task ends.
        rand: The random number for every delay, or a function returning a fresh one each time
            (e.g. ``random.Random(0).random``).
        timeout: The wait deadline passed to :meth:`PollSchedule.next_delay`.

    Returns:
        ``(queries, noticing_delay)``: the number of queries made, and the seconds between the
        task ending and the query that saw it (``math.inf`` if the deadline came first).
    """
    draw: Callable[[], float] = rand if callable(rand) else (lambda: rand)
    elapsed = 0.0
    queries = 0
    while True:
        delay = schedule.next_delay(elapsed, queries, timeout=timeout, rand=draw())
        if delay is None:
            return queries, math.inf
        elapsed += delay
        queries += 1
        if elapsed >= task_duration:
            return queries, elapsed - task_duration


DEFAULT_POLL_SCHEDULE = PollSchedule()
