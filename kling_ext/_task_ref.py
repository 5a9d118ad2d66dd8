"""A task argument given as a `Task` or an id: one check, one clear `TypeError` for the rest."""

from __future__ import annotations

from typing import Any

from ._task import Task


def task_id_of(task: Any, method: str) -> str:
    """The id to ask about: a `Task`'s task_id, or the str given (task_id or external_task_id)."""
    if isinstance(task, Task):
        return task.task_id
    if isinstance(task, str):
        return task
    raise TypeError(f"{method}() takes a Task or a task id (str), not {type(task).__name__}")


def checked_task_ref(task: Any, method: str) -> Task | str:
    """The argument itself, once it is known to be a `Task` or a str."""
    task_id_of(task, method)
    return task  # type: ignore[no-any-return]


def require_task(task: Any, method: str) -> Task:
    """A `Task` (its video URLs are needed); a str gets a TypeError saying what to do."""
    if isinstance(task, Task):
        return task
    if isinstance(task, str):
        raise TypeError(
            f"{method}() needs a Task (its video URLs), not the id {task!r}: "
            f"fetch it first, e.g. {method}(client.<endpoint>.get({task!r}))"
        )
    raise TypeError(f"{method}() takes a Task, not {type(task).__name__}")
