"""When a wait by callback queries the API anyway: a pure safety-net schedule, and its simulation.

A callback is only a hint, and may never come (dropped, the receiver unreachable, a gateway that
does not send them). So a wait by callback queries the API on this schedule too:

* Until a first callback about the task arrives, the channel is unproven: the wait queries
  exactly as polling would (`PollSchedule`). With every callback lost it therefore makes the
  same queries, and notices the end as soon, as polling.
* Once callbacks are heard, the channel works: the next query comes at the task's expected end
  (`expected` seconds after the wait began), and after that only after a silence (no callback,
  no query) of a growing fraction of the time already spent, within `[min_silence, max_silence]`.
  So a task whose final callback is lost costs a handful of queries, never more than polling.

No clock, no randomness of its own: the caller passes the elapsed time and the random number.
"""

from __future__ import annotations

import math

import attrs

from ._polling import DEFAULT_POLL_SCHEDULE, PollSchedule

__all__ = ["DEFAULT_CALLBACK_SCHEDULE", "CallbackSchedule", "simulate_callbacks"]


def _finite_positive(instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    if not (math.isfinite(value) and value > 0):
        raise ValueError(f"{attribute.name} must be a finite number > 0, got {value!r}")


@attrs.frozen(kw_only=True)
class CallbackSchedule:
    """When a wait by callback queries the task although no final callback came.

    Attributes:
        poll: The schedule followed until a first callback about the task arrives.
        expected: Seconds a task is expected to take: the first query once callbacks are heard.
        silence_growth: After the expected end, query after a silence of this fraction of the
            time already spent ...
        min_silence: ... but never a shorter silence than this many seconds ...
        max_silence: ... nor a longer one than this.
    """

    poll: PollSchedule = DEFAULT_POLL_SCHEDULE
    expected: float = attrs.field(default=300.0, validator=_finite_positive)
    silence_growth: float = attrs.field(default=0.5, validator=_finite_positive)
    min_silence: float = attrs.field(default=60.0, validator=_finite_positive)
    max_silence: float = attrs.field(default=600.0, validator=_finite_positive)

    def __attrs_post_init__(self) -> None:
        if self.max_silence < self.min_silence:
            raise ValueError(
                f"max_silence ({self.max_silence}) must be >= min_silence ({self.min_silence})"
            )

    def next_delay(
        self,
        elapsed: float,
        queries: int,
        *,
        heard: bool,
        silence: float,
        timeout: float | None = None,
        rand: float = 0.5,
    ) -> float | None:
        """Seconds until the next safety-net query, or None once the deadline has passed.

        Args:
            elapsed: Seconds since the wait began.
            queries: Queries made so far by this wait.
            heard: Whether a callback about the task has arrived.
            silence: Seconds since the last callback or query (whichever is later).
            timeout: The wait's deadline in seconds from its start; None for none.
            rand: A random number in [0, 1] for jitter; 0.5 applies none.
        """
        if not heard:
            return self.poll.next_delay(elapsed, queries, timeout=timeout, rand=rand)
        if timeout is not None and elapsed >= timeout:
            return None
        window = min(max(self.silence_growth * elapsed, self.min_silence), self.max_silence)
        base = max(self.expected - elapsed, window - silence, self.poll.min_delay)
        delay = base * (1.0 + self.poll.jitter * (2.0 * rand - 1.0))
        if timeout is not None:
            delay = min(delay, timeout - elapsed)
        return delay


DEFAULT_CALLBACK_SCHEDULE = CallbackSchedule()


def simulate_callbacks(
    schedule: CallbackSchedule,
    task_duration: float,
    *,
    callbacks_at: tuple[float, ...] = (),
    final_callback: bool = True,
    timeout: float | None = None,
) -> tuple[int, float]:
    """A wait by callback on a virtual clock, for tests and the benchmark.

    Args:
        schedule: The safety-net schedule.
        task_duration: Seconds after which the task is final.
        callbacks_at: When non-final callbacks arrive (seconds after the wait began).
        final_callback: Whether the final callback arrives (at `task_duration`).
        timeout: The wait's deadline.

    Returns:
        `(queries, noticing_delay)`: the API queries made, and the seconds between the task's
        end and the wait noticing it (`math.inf` if the deadline came first).
    """
    arrivals = sorted(t for t in callbacks_at if t < task_duration)
    if final_callback:
        arrivals.append(task_duration)
    elapsed, queries, heard, last_news = 0.0, 0, False, 0.0
    while True:
        delay = schedule.next_delay(
            elapsed, queries, heard=heard, silence=elapsed - last_news, timeout=timeout
        )
        if delay is None:
            return queries, math.inf
        due = elapsed + delay
        if arrivals and arrivals[0] <= due:
            elapsed = arrivals.pop(0)
            heard, last_news = True, elapsed
            if elapsed < task_duration:
                continue
            queries += 1  # the final callback: read the task once before reporting it
            return queries, 0.0
        elapsed, last_news = due, due
        queries += 1
        if elapsed >= task_duration:
            return queries, elapsed - task_duration
