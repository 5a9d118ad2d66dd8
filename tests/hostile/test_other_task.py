"""An answer about another task than the one asked for is an error, never taken as that task."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hostile_clients import kling, no_traceback, run, task_data
from hostile_server import Action, HostileServer, Seen, envelope

from kling_ext import ResponseValidationError, Task, TaskStatus

Start = Callable[[Callable[[Seen], Action]], HostileServer]


def _someone_elses(seen: Seen) -> Action:
    return envelope(task_data("t2", "succeed", task_info={"external_task_id": "theirs"}))


def test_get_refuses_an_answer_about_another_task(hostile: Start, flavor: str) -> None:
    server = hostile(_someone_elses)
    with pytest.raises(ResponseValidationError, match="'t2'"):
        run(flavor, server, lambda c: c.text2video.get("t1"))


def test_wait_refuses_an_answer_about_another_task(hostile: Start, flavor: str) -> None:
    server = hostile(_someone_elses)
    with pytest.raises(ResponseValidationError):
        run(flavor, server, lambda c: c.text2video.wait("t1", timeout=30))
    mine = Task(task_id="t1", kind="text2video", status=TaskStatus.PROCESSING)
    with pytest.raises(ResponseValidationError):
        run(flavor, server, lambda c: c.text2video.wait(mine, timeout=30))


def test_wait_for_a_task_refuses_another_one_even_without_external_id(
    hostile: Start, flavor: str
) -> None:
    # Waiting on a Task asks by its task_id: a different task_id can be no one else's answer.
    server = hostile(lambda seen: envelope(task_data("t2", "succeed")))
    mine = Task(task_id="t1", kind="text2video", status=TaskStatus.PROCESSING)
    with pytest.raises(ResponseValidationError):
        run(flavor, server, lambda c: c.text2video.wait(mine, timeout=30))


def test_a_query_by_external_task_id_is_answered_by_its_task(hostile: Start, flavor: str) -> None:
    def handler(seen: Seen) -> Action:
        ident = seen.path.rsplit("/", 1)[-1]
        return envelope(task_data("t9", "succeed", task_info={"external_task_id": ident}))

    server = hostile(handler)
    task = run(flavor, server, lambda c: c.text2video.get("mine-1"))
    assert task.task_id == "t9"
    assert task.external_task_id == "mine-1"


def test_cli_status_refuses_an_answer_about_another_task(hostile: Start) -> None:
    server = hostile(_someone_elses)
    result = kling(server, "status", "text2video", "t1")
    assert result.code == 3, result.stderr
    assert "t2" in result.stderr
    assert "t2" not in result.stdout
    assert no_traceback([result.stdout, result.stderr])
