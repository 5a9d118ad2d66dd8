"""Proof of absence means proof: only the documented not-found answers allow a second create."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hostile_clients import kling, no_traceback, run, task_data
from hostile_server import Action, Answer, HostileServer, Seen, envelope, json_answer

from kling_ext import TaskMayExistError

Start = Callable[[Callable[[Seen], Action]], HostileServer]

# 404s a wrong route (a proxy, a web server, a misconfigured base URL) would give.
WRONG_ROUTES: dict[str, Answer] = {
    "html-404": Answer(404, b"<html><h1>Task not found</h1></html>", {"Content-Type": "text/html"}),
    "json-404-without-code": json_answer({"message": "task not found"}, status=404),
    "plain-404": Answer(404, b"404 page not found: no route for task lookup"),
    "1201-under-200": envelope(None, code=1201, message="Task not found by id/external id: x"),
    "1203-not-about-a-task": envelope(None, code=1203, message="resource not exist", status=404),
}


@pytest.mark.parametrize("lookup", WRONG_ROUTES.values(), ids=WRONG_ROUTES.keys())
def test_a_404_that_may_be_a_wrong_route_proves_nothing(
    hostile: Start, flavor: str, lookup: Answer
) -> None:
    def handler(seen: Seen) -> Action:
        if seen.method == "POST":
            return Answer(502, b"<html>Bad Gateway</html>", {"Content-Type": "text/html"})
        return lookup

    server = hostile(handler)
    with pytest.raises(TaskMayExistError):
        run(flavor, server, lambda c: c.text2video.create(prompt="a rabbit"))
    assert len(server.requests_to("POST")) == 1, "not re-sent on a guess"


def test_the_documented_not_found_allows_the_second_create(hostile: Start, flavor: str) -> None:
    posts: list[Seen] = []

    def handler(seen: Seen) -> Action:
        if seen.method == "POST":
            posts.append(seen)
            return Answer(502, b"bad gateway") if len(posts) == 1 else envelope(task_data("9001"))
        return envelope(None, code=1201, message="Task not found by id/external id: x", status=400)

    server = hostile(handler)
    assert run(flavor, server, lambda c: c.text2video.create(prompt="x")).task_id == "9001"
    assert len(posts) == 2


def test_already_exists_then_not_found_is_task_may_exist(hostile: Start, flavor: str) -> None:
    posts: list[Seen] = []

    def handler(seen: Seen) -> Action:
        if seen.method == "POST":
            posts.append(seen)
            if len(posts) == 1:
                return Answer(502, b"<html>Bad Gateway</html>", {"Content-Type": "text/html"})
            return envelope(None, code=1201, message="external_task_id already exists", status=400)
        return envelope(None, code=1201, message="Task not found by id/external id: x", status=400)

    server = hostile(handler)
    with pytest.raises(TaskMayExistError) as caught:
        run(flavor, server, lambda c: c.text2video.create(prompt="x"))
    sent = server.requests_to("POST")
    assert len(sent) == 2, "re-sent once absence held; the repeat was refused"
    assert caught.value.external_task_id == sent[0].json()["external_task_id"]


def test_cli_does_not_create_again_on_a_wrong_route_404(hostile: Start) -> None:
    def handler(seen: Seen) -> Action:
        if seen.method == "POST":
            return Answer(502, b"<html>Bad Gateway</html>", {"Content-Type": "text/html"})
        return WRONG_ROUTES["html-404"]

    server = hostile(handler)
    result = kling(server, "text2video", "--prompt", "a rabbit")
    sent = server.requests_to("POST")
    assert len(sent) == 1, "one create: the 404 proved nothing"
    external = sent[0].json()["external_task_id"]
    assert result.code == 3, result.stderr
    assert f"kling status text2video {external}" in result.stderr
    assert no_traceback([result.stderr])
