"""A create is never lost: an answer that cannot be read is looked up, never re-sent blindly."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable

import pytest
from hostile_clients import kling, no_traceback, run, task_data
from hostile_server import Action, Answer, HostileServer, Seen, envelope, json_answer

from kling_ext import TaskMayExistError

Start = Callable[[Callable[[Seen], Action]], HostileServer]

UNREADABLE: dict[str, Answer] = {
    "data-null": json_answer({"code": 0, "message": "SUCCEED", "request_id": "r", "data": None}),
    "no-task-id": envelope({"task_status": "submitted"}),
    "html": Answer(
        200, b"<html><body>Welcome to nginx!</body></html>", {"Content-Type": "text/html"}
    ),
    "truncated-json": Answer(
        200, b'{"code":0,"data":{"task_id":"80', {"Content-Type": "application/json"}
    ),
    "undecodable": Answer(
        200,
        b"\x1f\x8bnot gzip at all",
        {"Content-Type": "application/json", "Content-Encoding": "gzip"},
    ),
    "empty": Answer(200, b""),
}


def _external(server: HostileServer) -> str:
    return str(server.requests_to("POST")[0].json()["external_task_id"])


@pytest.mark.parametrize("bad", UNREADABLE.values(), ids=UNREADABLE.keys())
def test_unreadable_create_answer_is_looked_up_and_found(
    hostile: Start, flavor: str, bad: Answer
) -> None:
    def handler(seen: Seen) -> Action:
        if seen.method == "POST":
            return bad
        return envelope(task_data("8001", external_task_id=seen.path.rsplit("/", 1)[-1]))

    server = hostile(handler)
    task = run(flavor, server, lambda c: c.text2video.create(prompt="a rabbit"))
    assert task.task_id == "8001", "the task the first create made is returned"
    assert len(server.requests_to("POST")) == 1, "never paid twice"
    assert server.requests_to("GET")[0].path.endswith("/" + _external(server))


def test_unreadable_create_answer_then_proven_absent_is_sent_again(
    hostile: Start, flavor: str
) -> None:
    posts: list[Seen] = []

    def handler(seen: Seen) -> Action:
        if seen.method == "POST":
            posts.append(seen)
            return UNREADABLE["html"] if len(posts) == 1 else envelope(task_data("8002"))
        ident = seen.path.rsplit("/", 1)[-1]
        return envelope(
            None, code=1201, message=f"Task not found by id/external id: {ident}", status=400
        )

    server = hostile(handler)
    task = run(flavor, server, lambda c: c.text2video.create(prompt="a rabbit"))
    assert task.task_id == "8002"
    assert len(posts) == 2, "re-sent once the API proved no task was made"
    assert posts[0].json() == posts[1].json(), "the same create, same external_task_id"


def test_unreadable_create_answer_and_no_answer_to_the_look_up_is_task_may_exist(
    hostile: Start, flavor: str
) -> None:
    def handler(seen: Seen) -> Action:
        if seen.method == "POST":
            return UNREADABLE["truncated-json"]
        return Answer(502, b"<html>Bad Gateway</html>", {"Content-Type": "text/html"})

    server = hostile(handler)
    with pytest.raises(TaskMayExistError) as caught:
        run(flavor, server, lambda c: c.text2video.create(prompt="a rabbit"))
    assert caught.value.external_task_id == _external(server)
    assert len(server.requests_to("POST")) == 1


def test_a_gzip_bomb_of_json_is_still_an_answer(hostile: Start, flavor: str) -> None:
    # A well-formed compressed answer must keep working through the streamed, capped read.
    body = gzip.compress(
        json.dumps({"code": 0, "request_id": "r", "data": task_data("8003")}).encode()
    )
    server = hostile(
        lambda seen: Answer(
            200, body, {"Content-Type": "application/json", "Content-Encoding": "gzip"}
        )
    )
    assert run(flavor, server, lambda c: c.text2video.create(prompt="x")).task_id == "8003"


def test_cli_prints_the_external_task_id_and_the_command_that_finds_it(hostile: Start) -> None:
    def handler(seen: Seen) -> Action:
        if seen.method == "POST":
            return UNREADABLE["html"]
        return Answer(503, b"maintenance")

    server = hostile(handler)
    result = kling(server, "text2video", "--prompt", "a rabbit")
    external = _external(server)
    assert result.code == 3, result.stderr
    assert external in result.stderr
    assert f"kling status text2video {external}" in result.stderr
    assert len(server.requests_to("POST")) == 1
    assert no_traceback([result.stdout, result.stderr])
