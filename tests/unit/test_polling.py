"""The poll schedule: bounds, deadline handling, and the figures a user notices."""

from __future__ import annotations

import math
import random
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kling_ext import _constants as constants
from kling_ext._polling import DEFAULT_POLL_SCHEDULE, PollSchedule, simulate

schedules = st.builds(
    lambda first, low, spread, growth, jitter: PollSchedule(
        first_delay=first,
        min_delay=low,
        max_delay=low + spread,
        growth=growth,
        jitter=jitter,
    ),
    first=st.floats(0.0, 30.0),
    low=st.floats(0.01, 60.0),
    spread=st.floats(0.0, 600.0),
    growth=st.floats(0.0, 2.0),
    jitter=st.floats(0.0, 0.5),
)
elapsed_times = st.floats(0.0, 1e6)
rands = st.floats(0.0, 1.0)
attempts = st.integers(1, 10_000)


def test_defaults_come_from_constants() -> None:
    expected = PollSchedule(
        first_delay=constants.POLL_FIRST_DELAY,
        min_delay=constants.POLL_MIN_DELAY,
        max_delay=constants.POLL_MAX_DELAY,
        growth=constants.POLL_GROWTH,
        jitter=constants.POLL_JITTER,
    )
    assert expected == DEFAULT_POLL_SCHEDULE
    assert constants.DEFAULT_WAIT_TIMEOUT == 1800.0


def test_first_query_comes_soon() -> None:
    assert DEFAULT_POLL_SCHEDULE.next_delay(0.0, 0) == constants.POLL_FIRST_DELAY


def test_delay_grows_with_elapsed_time() -> None:
    schedule = PollSchedule(first_delay=1, min_delay=2, max_delay=30, growth=0.1, jitter=0.1)
    assert schedule.next_delay(5.0, 3) == 2.0
    assert schedule.next_delay(100.0, 3) == pytest.approx(10.0)
    assert schedule.next_delay(10_000.0, 3) == 30.0
    assert schedule.next_delay(100.0, 3, rand=0.0) == pytest.approx(9.0)
    assert schedule.next_delay(100.0, 3, rand=1.0) == pytest.approx(11.0)


@given(schedule=schedules, elapsed=elapsed_times, attempt=attempts, rand=rands)
def test_delay_stays_within_jittered_bounds(
    schedule: PollSchedule, elapsed: float, attempt: int, rand: float
) -> None:
    delay = schedule.next_delay(elapsed, attempt, rand=rand)
    assert delay is not None
    low = schedule.min_delay * (1 - schedule.jitter)
    high = schedule.max_delay * (1 + schedule.jitter)
    assert low * (1 - 1e-9) <= delay <= high * (1 + 1e-9)


@given(
    schedule=schedules,
    elapsed=elapsed_times,
    attempt=st.integers(0, 10_000),
    timeout=st.floats(0.0, 1e6),
    rand=rands,
)
def test_deadline(
    schedule: PollSchedule, elapsed: float, attempt: int, timeout: float, rand: float
) -> None:
    delay = schedule.next_delay(elapsed, attempt, timeout=timeout, rand=rand)
    if elapsed >= timeout:
        assert delay is None
    else:
        assert delay is not None
        assert 0 <= delay <= timeout - elapsed


@given(
    schedule=schedules,
    first=elapsed_times,
    second=elapsed_times,
    attempt=attempts,
    rand=rands,
)
def test_delay_never_shrinks_as_time_passes(
    schedule: PollSchedule, first: float, second: float, attempt: int, rand: float
) -> None:
    early, late = sorted((first, second))
    early_delay = schedule.next_delay(early, attempt, rand=rand)
    late_delay = schedule.next_delay(late, attempt, rand=rand)
    assert early_delay is not None
    assert late_delay is not None
    assert early_delay <= late_delay


def test_last_query_lands_on_the_deadline() -> None:
    assert DEFAULT_POLL_SCHEDULE.next_delay(1799.0, 40, timeout=1800.0) == pytest.approx(1.0)
    assert DEFAULT_POLL_SCHEDULE.next_delay(1800.0, 41, timeout=1800.0) is None


@pytest.mark.parametrize(
    "rand",
    [0.0, 0.5, 1.0, random.Random(1).random, random.Random(2).random],
    ids=["rand-0", "rand-0.5", "rand-1", "random-1", "random-2"],
)
@pytest.mark.parametrize("duration", [60.0, 300.0, 900.0], ids=["60s", "300s", "900s"])
def test_default_schedule_meets_targets(duration: float, rand: float | Callable[[], float]) -> None:
    queries, noticed_after = simulate(DEFAULT_POLL_SCHEDULE, duration, rand=rand)
    fixed_one_second_queries = math.ceil(duration)
    assert queries <= fixed_one_second_queries / 5
    assert 0 <= noticed_after < 0.1 * duration


def test_simulate_figures_at_the_default() -> None:
    # Pinned so a change of defaults is a visible decision (the README quotes these).
    figures = {d: simulate(DEFAULT_POLL_SCHEDULE, d) for d in (10.0, 60.0, 300.0, 900.0)}
    assert {d: q for d, (q, _) in figures.items()} == {10.0: 2, 60.0: 11, 300.0: 32, 900.0: 52}
    assert figures[10.0][1] == pytest.approx(0.6)


def test_simulate_stops_at_the_deadline() -> None:
    queries, noticed_after = simulate(DEFAULT_POLL_SCHEDULE, 100.0, timeout=50.0)
    assert noticed_after == math.inf
    assert queries > 0


@pytest.mark.parametrize(
    "kwargs",
    [
        {"first_delay": -1.0},
        {"min_delay": 0.0},
        {"min_delay": 10.0, "max_delay": 5.0},
        {"growth": -0.1},
        {"jitter": 1.0},
        {"jitter": -0.1},
        {"max_delay": math.inf},
        {"growth": math.nan},
    ],
    ids=[
        "negative-first",
        "zero-min",
        "max-below-min",
        "negative-growth",
        "jitter-1",
        "negative-jitter",
        "infinite-max",
        "nan-growth",
    ],
)
def test_invalid_schedules_are_rejected(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - attrs validators raise plain ValueError
        PollSchedule(**kwargs)


@pytest.mark.parametrize(
    ("elapsed", "attempt", "rand"),
    [(-1.0, 1, 0.5), (math.nan, 1, 0.5), (1.0, -1, 0.5), (1.0, 1, 1.5), (1.0, 1, -0.1)],
    ids=["negative-elapsed", "nan-elapsed", "negative-attempt", "rand-above-1", "rand-below-0"],
)
def test_invalid_arguments_are_rejected(elapsed: float, attempt: int, rand: float) -> None:
    with pytest.raises(ValueError, match="must be"):
        DEFAULT_POLL_SCHEDULE.next_delay(elapsed, attempt, rand=rand)
