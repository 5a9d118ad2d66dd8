"""The safety-net schedule of a wait by callback: pure, no clock."""

from __future__ import annotations

import math

import pytest

from kling_ext._callback_schedule import CallbackSchedule, simulate_callbacks
from kling_ext._polling import PollSchedule, simulate

POLL = PollSchedule(jitter=0.0)
SCHEDULE = CallbackSchedule(poll=POLL)


@pytest.mark.parametrize(("elapsed", "queries"), [(0.0, 0), (5.0, 1), (100.0, 8), (2000.0, 60)])
def test_until_a_callback_is_heard_it_is_the_polling_schedule(elapsed: float, queries: int) -> None:
    assert SCHEDULE.next_delay(elapsed, queries, heard=False, silence=0.0) == POLL.next_delay(
        elapsed, queries
    )


def test_once_heard_the_next_query_is_at_the_expected_end() -> None:
    assert SCHEDULE.next_delay(1.0, 0, heard=True, silence=0.0) == pytest.approx(299.0)


def test_after_the_expected_end_it_waits_for_a_silence_of_half_the_time_spent() -> None:
    assert SCHEDULE.next_delay(400.0, 1, heard=True, silence=0.0) == pytest.approx(200.0)
    assert SCHEDULE.next_delay(400.0, 1, heard=True, silence=150.0) == pytest.approx(50.0)
    # Bounded: at least a minute (or the shortest polling delay), at most ten.
    assert SCHEDULE.next_delay(310.0, 1, heard=True, silence=0.0) == pytest.approx(155.0)
    assert SCHEDULE.next_delay(5000.0, 1, heard=True, silence=0.0) == pytest.approx(600.0)
    assert SCHEDULE.next_delay(400.0, 1, heard=True, silence=1000.0) == POLL.min_delay


def test_the_deadline_bounds_every_delay() -> None:
    assert SCHEDULE.next_delay(1.0, 0, heard=True, silence=0.0, timeout=60.0) == 59.0
    assert SCHEDULE.next_delay(60.0, 3, heard=True, silence=0.0, timeout=60.0) is None
    assert SCHEDULE.next_delay(60.0, 3, heard=False, silence=0.0, timeout=60.0) is None


@pytest.mark.parametrize("duration", [10.0, 60.0, 300.0, 900.0, 3600.0])
def test_with_every_callback_lost_it_queries_and_notices_as_polling(duration: float) -> None:
    assert simulate_callbacks(SCHEDULE, duration, final_callback=False) == simulate(POLL, duration)


@pytest.mark.parametrize("duration", [10.0, 60.0, 250.0])
def test_with_callbacks_a_task_shorter_than_expected_costs_one_query(duration: float) -> None:
    assert simulate_callbacks(SCHEDULE, duration, callbacks_at=(0.0, 0.5)) == (1, 0.0)


@pytest.mark.parametrize("duration", [400.0, 900.0, 3600.0])
def test_only_the_final_callback_lost_costs_fewer_queries_than_polling(duration: float) -> None:
    queries, late = simulate_callbacks(
        SCHEDULE, duration, callbacks_at=(0.0, 0.5), final_callback=False
    )
    assert queries < simulate(POLL, duration)[0] / 4
    assert late <= SCHEDULE.max_silence
    assert math.isfinite(late)


def test_bad_settings_are_refused() -> None:
    with pytest.raises(ValueError, match="expected"):
        CallbackSchedule(expected=0.0)
    with pytest.raises(ValueError, match="max_silence"):
        CallbackSchedule(max_silence=math.inf)
    with pytest.raises(ValueError, match="min_silence"):
        CallbackSchedule(min_silence=100.0, max_silence=50.0)
