"""Bounded memory: a JSON answer over the cap is refused without being read whole."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from hostile_clients import kling, no_traceback, run, task_data
from hostile_server import Action, Answer, HostileServer, Seen, envelope

from kling_ext import ResponseValidationError, ServerError

Start = Callable[[Callable[[Seen], Action]], HostileServer]

MIB = 1024 * 1024
MAX_ANSWER_BYTES = 16 * MIB  # the cap the README promises
# Far past the cap, so a client that reads it all is told apart from one that stops.
HUGE = 8 * MAX_ANSWER_BYTES // MIB


class Endless:
    """A JSON-looking body of `HUGE` MiB that counts what the client took."""

    def __init__(self) -> None:
        self.sent = 0

    def __iter__(self) -> Iterator[bytes]:
        yield b'{"code":0,"data":{"task_id":"1","padding":"'
        for _ in range(HUGE):
            yield b"x" * MIB
            self.sent += MIB
        yield b'"}}'


@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "no-length"])
def test_a_huge_answer_is_refused_early(hostile: Start, flavor: str, declared: bool) -> None:
    bodies: list[Endless] = []

    def handler(seen: Seen) -> Action:
        bodies.append(Endless())
        headers = {"Content-Type": "application/json"}
        if declared:
            headers["Content-Length"] = str(HUGE * MIB + 100)
        return Answer(200, bodies[-1], headers)

    server = hostile(handler)
    with pytest.raises(ResponseValidationError, match="larger than 16 MiB"):
        run(flavor, server, lambda c: c.text2video.get("t"))
    assert bodies, server.seen
    # What the client read plus what socket buffers swallowed before it hung up.
    assert max(body.sent for body in bodies) < MAX_ANSWER_BYTES + 16 * MIB


def test_a_huge_error_page_is_still_the_error(hostile: Start, flavor: str) -> None:
    server = hostile(lambda seen: Answer(502, Endless(), {"Content-Type": "text/html"}))
    with pytest.raises(ServerError, match="larger than"):
        run(flavor, server, lambda c: c.text2video.get("t"))


def test_a_huge_create_answer_is_looked_up(hostile: Start, flavor: str) -> None:
    def handler(seen: Seen) -> Action:
        if seen.method == "POST":
            return Answer(200, Endless(), {"Content-Type": "application/json"})
        return envelope(task_data("77"))

    server = hostile(handler)
    assert run(flavor, server, lambda c: c.text2video.create(prompt="x")).task_id == "77"
    assert len(server.requests_to("POST")) == 1


def test_cli_refuses_a_huge_answer(hostile: Start) -> None:
    server = hostile(lambda seen: Answer(200, Endless(), {"Content-Type": "application/json"}))
    result = kling(server, "status", "text2video", "t")
    assert result.code == 3
    assert "larger than 16 MiB" in result.stderr
    assert no_traceback([result.stderr])
