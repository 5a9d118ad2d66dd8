"""A deadline is a deadline, and a wait without one rides out what a bounded wait survives."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from hostile_clients import kling, no_traceback, run, task_data
from hostile_server import Action, Answer, Drop, Hang, HostileServer, Seen, envelope, slow_chunks

from kling_ext import APIConnectionError, TaskTimeoutError

Start = Callable[[Callable[[Seen], Action]], HostileServer]

# "T plus a few seconds": the last request may take MIN_REQUEST_SECONDS past the deadline.
SLACK = 3.0


def _timed(call: Callable[[], object]) -> tuple[float, BaseException | None]:
    started = time.monotonic()
    try:
        call()
    except Exception as exc:  # which error it was is checked by the caller
        return time.monotonic() - started, exc
    return time.monotonic() - started, None


def test_a_server_that_never_answers_cannot_stretch_the_deadline(
    hostile: Start, flavor: str
) -> None:
    server = hostile(lambda seen: Hang())
    seconds, error = _timed(
        lambda: run(flavor, server, lambda c: c.text2video.wait("t", timeout=2), real_sleep=True)
    )
    # Never read, the task still runs: the wait timed out (resumable), no request failed.
    assert isinstance(error, TaskTimeoutError), error
    assert (error.task_id, error.task) == ("t", None)
    assert "text2video.wait('t')" in str(error)
    assert isinstance(error.__cause__, APIConnectionError)
    assert seconds < 2 + SLACK, f"wait(timeout=2) took {seconds:.1f} s"


def test_a_trickling_answer_cannot_stretch_the_deadline(hostile: Start, flavor: str) -> None:
    # A byte every 0.3 s: no read ever times out, yet the answer never ends.
    server = hostile(lambda seen: Answer(200, slow_chunks(b" ", 1000, 0.3)))
    seconds, error = _timed(
        lambda: run(flavor, server, lambda c: c.text2video.wait("t", timeout=2), real_sleep=True)
    )
    assert isinstance(error, APIConnectionError | TaskTimeoutError), error
    assert seconds < 2 + SLACK, f"wait(timeout=2) took {seconds:.1f} s"


def test_a_known_task_times_out_as_a_task_timeout(hostile: Start, flavor: str) -> None:
    calls: list[Seen] = []

    def handler(seen: Seen) -> Action:
        calls.append(seen)
        return envelope(task_data("t", "processing")) if len(calls) == 1 else Hang()

    server = hostile(handler)
    seconds, error = _timed(
        lambda: run(flavor, server, lambda c: c.text2video.wait("t", timeout=2), real_sleep=True)
    )
    assert isinstance(error, TaskTimeoutError), error
    assert seconds < 2 + SLACK


def test_cli_wait_timeout_is_kept(hostile: Start) -> None:
    server = hostile(lambda seen: Hang())
    result = kling(server, "wait", "text2video", "t", "--timeout", "2")
    # The README: a wait that timed out exits 1 and says how to resume.
    assert result.code == 1, result.stderr
    assert "resume with: kling wait text2video t" in result.stderr
    assert result.seconds < 2 + SLACK + 3, f"kling wait --timeout 2 took {result.seconds:.1f} s"
    assert no_traceback([result.stderr])


TRANSIENT: dict[str, list[Action]] = {
    "502s": [Answer(502, b"<html>Bad Gateway</html>")] * 4,
    "dropped": [Drop()] * 4,
    "1303": [envelope(None, code=1303, message="parallel task over limit", status=429)] * 4,
    "5000": [envelope(None, code=5000, message="internal error", status=500)] * 4,
}


@pytest.mark.parametrize("trouble", TRANSIENT.values(), ids=TRANSIENT.keys())
def test_an_unbounded_wait_rides_out_transient_errors(
    hostile: Start, flavor: str, trouble: list[Action]
) -> None:
    script = [*trouble, envelope(task_data("t", "succeed"))]

    def handler(seen: Seen) -> Action:
        return script.pop(0) if len(script) > 1 else script[0]

    server = hostile(handler)
    task = run(flavor, server, lambda c: c.text2video.wait("t", timeout=None))
    assert task.succeeded
