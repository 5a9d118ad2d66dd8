"""A create returns a task this call created, or raises; extra_body cannot undo a check."""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest
from hostile_clients import kling, no_traceback, run, task_data
from hostile_server import Action, Answer, HostileServer, Seen, envelope

from kling_ext import ExternalTaskIdInUseError, TaskMayExistError, ValidationError

Start = Callable[[Callable[[Seen], Action]], HostileServer]

NOT_FOUND = {"code": 1201, "message": "Task not found by id/external id: x", "status": 400}


def _cat_owns_mine_1(seen: Seen) -> Action:
    """A gateway where `mine-1` already belongs to an earlier task: a cat."""
    if seen.method == "POST":
        return envelope(None, code=1201, message="external_task_id already exists", status=400)
    return envelope(task_data("cat-1", "succeed", task_info={"external_task_id": "mine-1"}))


def test_a_taken_external_task_id_raises_and_carries_the_existing_task(
    hostile: Start, flavor: str
) -> None:
    server = hostile(_cat_owns_mine_1)
    with pytest.raises(ExternalTaskIdInUseError) as caught:
        run(
            flavor,
            server,
            lambda c: c.text2video.create(prompt="a dog", external_task_id="mine-1"),
        )
    error = caught.value
    assert error.external_task_id == "mine-1"
    assert error.task is not None
    assert error.task.task_id == "cat-1", "the task that holds the id, looked up"
    assert "mine-1" in str(error)
    assert len(server.requests_to("POST")) == 1


def test_cli_does_not_hand_back_another_task(hostile: Start) -> None:
    server = hostile(_cat_owns_mine_1)
    result = kling(server, "text2video", "--prompt", "a dog", "--external-task-id", "mine-1")
    assert result.code == 3, result.stderr
    assert "cat-1" not in result.stdout, "no other task's id as this create's result"
    assert "mine-1" in result.stderr
    assert "already belongs to task cat-1" in result.stderr
    assert "kling status text2video mine-1" in result.stderr
    assert no_traceback([result.stdout, result.stderr])


@pytest.mark.parametrize(
    "wording",
    ["external_task_id already exists, cannot create it again", "Duplicate external_task_id"],
)
def test_a_repeat_refused_after_a_lost_answer_returns_our_task(
    hostile: Start, flavor: str, wording: str
) -> None:
    # The first create was stored but its answer lost; the look-ups lagged behind the store,
    # the re-send was refused as a repeat: the task the first attempt made is the answer.
    posts: list[Seen] = []
    gets: list[Seen] = []

    def handler(seen: Seen) -> Action:
        if seen.method == "POST":
            posts.append(seen)
            if len(posts) == 1:
                return Answer(502, b"<html>Bad Gateway</html>", {"Content-Type": "text/html"})
            return envelope(None, code=1201, message=wording, status=400)
        gets.append(seen)
        if not len(posts) > 1:
            return envelope(None, **NOT_FOUND)  # type: ignore[arg-type]
        return envelope(task_data("ours-1", external_task_id=seen.path.rsplit("/", 1)[-1]))

    server = hostile(handler)
    task = run(flavor, server, lambda c: c.text2video.create(prompt="a rabbit"))
    assert task.task_id == "ours-1"
    assert len(posts) == 2
    assert posts[0].json() == posts[1].json(), "re-sent under the same external_task_id"


def test_a_repeat_whose_task_cannot_be_found_is_task_may_exist(hostile: Start, flavor: str) -> None:
    posts: list[Seen] = []

    def handler(seen: Seen) -> Action:
        if seen.method == "POST":
            posts.append(seen)
            if len(posts) == 1:
                return Answer(504, b"gateway timeout")
            return envelope(None, code=1201, message="already exists", status=400)
        return envelope(None, **NOT_FOUND)  # type: ignore[arg-type]

    server = hostile(handler)
    with pytest.raises(TaskMayExistError):
        run(flavor, server, lambda c: c.text2video.create(prompt="a rabbit"))
    assert len(posts) == 2


OVERRIDES = {
    "model_name": {"model_name": "kling-v9"},
    "prompt": {"prompt": "something else"},
    "external_task_id": {"external_task_id": "someone-elses"},
    "duration": {"duration": "7"},
}


@pytest.mark.parametrize("extra", OVERRIDES.values(), ids=OVERRIDES.keys())
def test_extra_body_may_not_override_a_checked_field(
    hostile: Start, flavor: str, extra: dict[str, str]
) -> None:
    server = hostile(lambda seen: envelope(task_data("8001")))
    (name,) = extra
    with pytest.raises(ValidationError) as caught:
        run(flavor, server, lambda c: c.text2video.create(prompt="a cat", extra_body=extra))
    assert caught.value.field == f"extra_body.{name}"
    assert server.seen == [], "nothing sent"


@pytest.mark.parametrize("number", [math.nan, math.inf, -math.inf], ids=["nan", "inf", "-inf"])
def test_extra_body_may_not_carry_nan_or_infinity(
    hostile: Start, flavor: str, number: float
) -> None:
    server = hostile(lambda seen: envelope(task_data("8001")))
    extra = {"new_field": {"weights": [1.0, number]}}
    with pytest.raises(ValidationError) as caught:
        run(flavor, server, lambda c: c.text2video.create(prompt="a cat", extra_body=extra))
    assert caught.value.field == "extra_body.new_field.weights[1]"
    assert server.seen == []


@pytest.mark.parametrize(
    ("extra", "named"),
    [('{"model_name": "kling-v9"}', "extra_body.model_name"), ('{"x": NaN}', "extra_body.x")],
    ids=["override", "nan"],
)
def test_cli_extra_body_is_checked_the_same(hostile: Start, extra: str, named: str) -> None:
    server = hostile(lambda seen: envelope(task_data("8001")))
    result = kling(server, "text2video", "--prompt", "a cat", "--extra-body", extra)
    assert result.code == 2, result.stderr
    assert named in result.stderr
    assert server.seen == []
    assert no_traceback([result.stdout, result.stderr])
