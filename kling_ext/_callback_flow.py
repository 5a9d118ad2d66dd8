"""Waiting by callback, sans I/O: the flow both clients drive, and the events it reads.

A callback is a hint, never the result. Non-final callbacks are shown to `on_update` in order
(a status never goes back); a final one makes the wait read the task from the API once, and only
what the API says is reported. So a forged, stale or replayed callback that got past the
receiver's checks can at most cost one query, never change what a wait returns. When callbacks
do not come, the safety net (`CallbackSchedule`) queries anyway.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ._callback_schedule import CallbackSchedule
from ._exceptions import (
    APIConnectionError,
    KlingError,
    RateLimitError,
    ResponseValidationError,
    ServerError,
    TaskFailedError,
    TaskTimeoutError,
)
from ._flow import Context, Flow, Listen, Notify, _hide, _known_id, get_task
from ._spec import Endpoint
from ._task import Task, TaskStatus

__all__ = ["CallbackEvent", "callback_fields", "wait_by_callback"]

_RANK = {TaskStatus.SUBMITTED: 0, TaskStatus.PROCESSING: 1}
_FINAL = 2


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, bool | Mapping | list):
        return None
    text = str(value)
    return text or None


def callback_fields(
    data: Mapping[str, Any],
) -> tuple[str | None, str | None, int | None, str | None]:
    """`(task_id, status, updated_at, external_task_id)` of a callback body, either shape.

    Legacy bodies are the bare task object (`task_id`, `task_status`, `updated_at`,
    `task_info.external_task_id`); new-standard ones are `{id, status, update_time,
    external_id}`. Missing fields are None.
    """
    info = data.get("task_info")
    info = info if isinstance(info, Mapping) else {}
    task_id = _text(data.get("task_id")) or _text(data.get("id"))
    status = _text(data.get("task_status")) or _text(data.get("status"))
    stamp = data.get("updated_at", data.get("update_time"))
    updated = int(stamp) if isinstance(stamp, int | float) and not isinstance(stamp, bool) else None
    external = _text(info.get("external_task_id")) or _text(data.get("external_id"))
    return task_id, status, updated, external


@attrs.frozen(kw_only=True)
class CallbackEvent:
    """One callback as the inbox stored it (verified, not yet confirmed by the API).

    Attributes:
        seq: Its place in the inbox (increasing in the order stored).
        key: The external_task_id its URL was minted for.
        task_id: The task_id the body names, if any.
        status: The status the body claims, as sent.
        updated_at: The body's update time, as sent (Unix ms), if any.
        data: The body, decoded.
        received_at: When it was stored (Unix seconds).
    """

    seq: int
    key: str
    task_id: str | None
    status: str
    updated_at: int | None
    data: Mapping[str, Any] = attrs.field(repr=False, eq=False)
    received_at: float = 0.0

    @property
    def rank(self) -> int:
        """0 submitted, 1 processing, 2 final (succeed, failed), -1 a status not known."""
        parsed = TaskStatus.parse(self.status)
        if parsed in (TaskStatus.SUCCEED, TaskStatus.FAILED):
            return _FINAL
        return _RANK.get(parsed, -1)

    def task(self, kind: str) -> Task:
        """The task as the callback describes it (for `on_update`; never a wait's result)."""
        data: Mapping[str, Any] = self.data
        if "task_id" not in data:  # new-standard body: shown in the legacy shape
            data = {
                "task_id": self.task_id or "",
                "task_status": self.status,
                "task_status_msg": data.get("message"),
                "created_at": data.get("create_time"),
                "updated_at": self.updated_at,
                "task_info": {"external_task_id": data.get("external_id") or self.key},
            }
        return Task.from_data(data, kind=kind, external_task_id=self.key)


def wait_by_callback(
    ctx: Context,
    ep: Endpoint,
    start: Task | str,
    timeout: float | None,
    source: Any,
    schedule: CallbackSchedule,
) -> Flow[Task]:
    """Wait for callbacks about the task; query the API on a final one and on the safety net.

    `source` is the inbox (`kling_ext.callbacks.CallbackInbox`), which the driver reads for
    `Listen`. The task's result is always read from the API: one query per final callback (no
    more than two within the polling schedule's shortest delay, whatever a sender floods), plus
    the safety net's queries when callbacks do not come.

    Raises:
        TaskFailedError, TaskTimeoutError, ResponseValidationError: as `wait_task`.
    """
    # Until a callback is heard, the wait polls exactly as this client's polling would.
    schedule = attrs.evolve(schedule, poll=ctx.schedule)
    began = ctx.clock()
    deadline = None if timeout is None else began + timeout
    task = start if isinstance(start, Task) else None
    ident = start.task_id if isinstance(start, Task) else start
    by_task_id = isinstance(start, Task)
    idents = (
        tuple(i for i in (start.task_id, start.external_task_id) if i)
        if isinstance(start, Task)
        else (start,)
    )
    cursor, queries, heard = 0, 0, False
    last_news = began  # the last callback or query
    hint_queries: list[float] = []  # when the last two final callbacks caused a query
    # The caller already has the task given (`run` showed it): a callback repeating its status
    # is not news.
    last_status = task.status if task is not None and not task.done else None
    shown_rank = _RANK.get(last_status, -1) if last_status is not None else -1
    must_query = task is None or task.done  # nothing known yet of a task given by id: read it
    final_hint = False
    trouble: KlingError | None = None

    def timed_out() -> TaskTimeoutError:
        return _hide(
            TaskTimeoutError(
                task=task, timeout=timeout or 0.0, kind=ep.attr, task_id=_known_id(task, ident)
            ),
            ctx.secrets,
        )

    while True:
        if must_query:
            # At most two queries caused by final callbacks within the schedule's shortest delay:
            # a forged one then the true one go at once, a flood waits its turn.
            now = ctx.clock()
            recent = [t for t in hint_queries if now - t < ctx.schedule.min_delay]
            gap = 0.0 if len(recent) < 2 else recent[0] + ctx.schedule.min_delay - now
            if final_hint and gap > 0 and not (deadline is not None and ctx.clock() >= deadline):
                # A flood of final callbacks must not become a flood of queries.
                hints = yield Listen(source=source, idents=idents, after=cursor, seconds=gap)
            else:
                hints = ()
                must_query = False
                if task is None or not task.done:
                    hinted = final_hint
                    try:
                        seen = yield from get_task(
                            ctx, ep, ident, deadline=deadline, by_task_id=by_task_id
                        )
                    except (APIConnectionError, ServerError, RateLimitError) as exc:
                        trouble = exc
                        if deadline is not None and ctx.clock() >= deadline:
                            raise timed_out() from exc
                    else:
                        if task is not None and task.task_id and seen.task_id != task.task_id:
                            raise _hide(
                                ResponseValidationError(
                                    f"the answer is about task {seen.task_id!r}, not "
                                    f"{task.task_id!r}, which was being waited for"[:300]
                                ),
                                ctx.secrets,
                            )
                        task, trouble = seen, None
                        final_hint = False
                    queries += 1
                    last_news = ctx.clock()
                    if hinted:
                        hint_queries = [*hint_queries[-1:], last_news]
                if task is not None:
                    if task.status != last_status:
                        last_status = task.status
                        shown_rank = max(shown_rank, _RANK.get(task.status, _FINAL))
                        yield Notify(task)
                    if task.status is TaskStatus.FAILED:
                        raise _hide(
                            TaskFailedError(task=task, message=task.status_message), ctx.secrets
                        )
                    if task.succeeded:
                        return task
                if final_hint:  # the query failed: try again after the shortest delay
                    must_query = True
                    pause = ctx.schedule.min_delay
                    if deadline is not None:
                        pause = max(min(pause, deadline - ctx.clock()), 0.0)
                    hints = yield Listen(source=source, idents=idents, after=cursor, seconds=pause)
        else:
            now = ctx.clock()
            delay = schedule.next_delay(
                now - began,
                queries,
                heard=heard,
                silence=now - last_news,
                timeout=timeout,
                rand=ctx.rand(),
            )
            if delay is None:
                raise timed_out() from trouble
            hints = yield Listen(source=source, idents=idents, after=cursor, seconds=delay)
            if not hints:
                must_query = True  # the safety net: nothing came in time
        for hint in hints:
            cursor = max(cursor, hint.seq)
            if task is not None and task.task_id and hint.task_id not in (None, task.task_id):
                continue  # about another task stored under this key: not this wait's business
            heard = True
            last_news = ctx.clock()
            if hint.rank == _FINAL:
                final_hint = must_query = True
            elif hint.rank > shown_rank and not must_query:
                shown_rank = hint.rank
                try:
                    shown = hint.task(ep.kind)
                except ResponseValidationError:
                    continue
                if shown.status != last_status:
                    last_status = shown.status
                    yield Notify(shown)
