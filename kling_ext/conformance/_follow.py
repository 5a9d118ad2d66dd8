"""The ``--allow-create`` follow-through: create ONE task and follow it to its video.

Exactly one create is sent, whatever the gateway answers: a lost answer, an answer without a
task_id or an error is reported, never retried (a retry could pay twice). The task is then queried
by task_id and external_task_id on the library's :class:`~kling_ext.PollSchedule`, and the
follow-through stops at once on an answer that cannot get better by waiting: a status outside the
spec's enum, an answer that breaks the schema, a task that is not the one asked for. The task id is
always left in the report, so the user can find the task (and its cost).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import Any

import attrs
import httpx

from kling_ext._polling import PollSchedule
from kling_ext._wire import identity_headers, within

from . import _requests
from ._exchange import Operation, Probe, Session, preview
from ._probes import expect_task
from ._rules import known_statuses, node, pointer, response_pointer, schema_pointer

__all__ = ["FOLLOW_SCHEDULE", "Created", "create_one", "follow"]

# Tighter than the library's default: a conformance run wants the end noticed soon, and one task
# polled every few seconds costs the gateway nothing.
FOLLOW_SCHEDULE = PollSchedule(
    first_delay=1.0, min_delay=1.0, max_delay=5.0, growth=0.1, jitter=0.0
)
# A task the gateway cannot find this many polls in a row after creating it is lost, not lagging.
MAX_MISSED_ROUNDS = 5
# A fresh task should be on the first pages of the list; reading more would cost time, not find it.
LIST_PAGES_SEARCHED = 3
LIST_PAGE_SIZE = 100
# Enough of a video to prove it downloads without fetching all of it.
DOWNLOAD_PROBE_BYTES = 1_048_576
# Time for listing and downloading once the task has ended.
AFTER_TASK_SECONDS = 60.0
TERMINAL_STATUSES = frozenset({"succeed", "failed"})
# Failures of a 2xx answer that waiting cannot mend.
_UNMENDABLE = frozenset(
    {"response_schema_conformance", "content_type_conformance", "task_status_known"}
)


@attrs.frozen
class Created:
    """The task the one create made."""

    task_id: str
    external_task_id: str


def create_one(session: Session, create: Operation) -> Created | None:
    """Send the run's one paid create; the task, or ``None`` when there is none to follow."""
    external = _requests.external_id()
    session.progress(f"{create.label}: creating one task (allow_create)")
    with session.probe(create, "create one task") as probe:
        case = create.Case(
            body=_requests.cheapest_text2video(external), media_type="application/json"
        )
        exchange = session.exchange(case, probe)
        probe.check("create_accepted")
        if exchange is None:
            session.created_tasks.append(f"(unknown) -- external_task_id {external}, answer lost")
            return None
        data = exchange.data()
        task_id = data.get("task_id") if isinstance(data, Mapping) else None
        # The spec reads a task_id as a string or a JSON integer (ids of 15+ digits have been
        # sent as bare numbers); either is followed by its text.
        if isinstance(task_id, int) and not isinstance(task_id, bool) and task_id >= 0:
            task_id = str(task_id)
        if not 200 <= exchange.status < 300 or not isinstance(task_id, str) or not task_id:
            probe.add(
                "create_accepted",
                exchange.summary,
                f"HTTP {exchange.status}: the cheapest valid create was not answered with a "
                "task_id",
                rule=_task_id_rule(create),
                answer=exchange,
            )
            if 200 <= exchange.status < 300 and exchange.business_code() in (0, None):
                shown = f"{task_id} (as the answer wrote it)" if task_id is not None else None
                session.created_tasks.append(
                    f"{shown or '(no task_id)'} -- external_task_id {external}"
                )
            return None
    session.created_tasks.append(f"{task_id} -- external_task_id {external} (allow_create)")
    return Created(task_id, external)


def follow(
    session: Session,
    created: Created,
    get: Operation,
    listing: Operation | None,
    *,
    timeout: float,
    sleep: Callable[[float], None],
) -> None:
    """Follow the created task to its end, then find it in the list and download its video."""
    started = time.monotonic()
    # The task's own generation time comes on top of the run's budget.
    session.deadline = max(session.deadline, started + timeout + AFTER_TASK_SECONDS)
    final = _poll(session, created, get, timeout=timeout, sleep=sleep, started=started)
    if final is None:
        return
    if listing is not None:
        _find_in_list(session, listing, created.task_id)
    _download(session, get, final)


def _poll(
    session: Session,
    created: Created,
    get: Operation,
    *,
    timeout: float,
    sleep: Callable[[float], None],
    started: float,
) -> Mapping[str, Any] | None:
    """Query the task by both ids until it ends; the task if it succeeded."""
    task_id = created.task_id
    where = f"GET {session.base_url}{get.path.replace('{id}', task_id)}"
    task: Mapping[str, Any] | None = None
    misses = attempt = 0
    slept = 0.0
    while True:
        found_this_round = False
        for label, ident in (("task_id", task_id), ("external_task_id", created.external_task_id)):
            with session.probe(get, f"created task by {label}") as probe:
                found, broken = _query(session, get, probe, ident, task_id)
                if broken is not None:
                    _stop(session, get, where, f"task {task_id}: {broken}; stopped following it")
                    return None
                if found is not None:
                    task, found_this_round = found, True
                    status = task.get("task_status")
                    stage = "finished" if status in TERMINAL_STATUSES else "running"
                    # Named after the answer, so the report tells running from finished.
                    probe.name = f"created task {stage}, by {label}"
                    session.progress(f"{get.label}: created task {status} (by {label})")
        misses = 0 if found_this_round else misses + 1
        status = task.get("task_status") if task else None
        if status in TERMINAL_STATUSES:
            break
        # Real time, or the waits asked for when the caller's sleep does not really wait.
        elapsed = max(time.monotonic() - started, slept)
        delay = FOLLOW_SCHEDULE.next_delay(elapsed, attempt, timeout=timeout)
        problem = None
        if misses >= MAX_MISSED_ROUNDS:
            problem = f"task {task_id} could not be queried {misses} times in a row"
        elif delay is None:
            problem = f"task {task_id} was still {status!r} after {timeout:.0f} s"
        if problem is not None:
            _stop(session, get, where, problem + "; stopped following it")
            return None
        assert delay is not None
        sleep(delay)
        slept += delay
        attempt += 1
    with session.probe(get, "created task finishes") as probe:
        probe.check("task_finished")
        if status != "succeed":
            reason = task.get("task_status_msg") if task else ""
            probe.add(
                "task_finished",
                where,
                f"task {task_id} ended {status!r}: {reason}",
                rule=known_statuses(get.path, get.method)[1],
            )
            return None
    return task


def _query(
    session: Session, get: Operation, probe: Probe, ident: str, task_id: str
) -> tuple[Mapping[str, Any] | None, str | None]:
    """One query: (the task, if found; what makes following it pointless, if anything)."""
    case = get.Case(path_parameters={"id": ident})
    exchange = session.send(case, probe)
    if exchange is None:
        return None, None
    failed = session.validate(case, exchange, probe)
    ok_answer = 200 <= exchange.status < 300 and exchange.business_code() in (0, None)
    if ok_answer and failed & _UNMENDABLE:
        return None, f"its answer breaks the spec ({', '.join(sorted(failed & _UNMENDABLE))})"
    if ok_answer:
        data = exchange.data()
        if not isinstance(data, Mapping) or str(data.get("task_id")) != task_id:
            expect_task(exchange, probe, task_id, check="task_found")
            return None, f"a query answered code 0 without the task{preview(exchange)}"
    # Not found (yet), or a transient error: worth another round, within MAX_MISSED_ROUNDS.
    return expect_task(exchange, probe, task_id, check="task_found"), None


def _stop(session: Session, get: Operation, where: str, problem: str) -> None:
    with session.probe(get, "created task finishes") as probe:
        probe.add("task_finished", where, problem, rule=probe.rule(200))


def _task_id_rule(create: Operation) -> str:
    try:
        data = schema_pointer(
            response_pointer(create.path, create.method, 200),
            *("content", "application/json", "schema", "properties", "data"),
        )
        # The field where the task object names it, not the shared TaskId schema it refers to.
        at = data + pointer("properties", "task_id")
        node(at)
        return at
    except KeyError:
        return response_pointer(create.path, create.method, 200)


def _find_in_list(session: Session, operation: Operation, task_id: str) -> None:
    """The created task shows up in its endpoint's list."""
    session.progress(f"{operation.label}: looking for the created task")
    with session.probe(operation, "created task listed") as probe:
        probe.check("task_listed")
        last = None
        for page in range(1, LIST_PAGES_SEARCHED + 1):
            case = operation.Case(query={"pageNum": page, "pageSize": LIST_PAGE_SIZE})
            last = session.exchange(case, probe)
            data = last.data() if last is not None else None
            if not isinstance(data, list):
                break
            if any(isinstance(t, Mapping) and str(t.get("task_id")) == task_id for t in data):
                return
            if len(data) < LIST_PAGE_SIZE:
                break
        probe.add(
            "task_listed",
            last.summary if last is not None else operation.label,
            f"task {task_id} is not on the first {LIST_PAGES_SEARCHED} pages of "
            f"{LIST_PAGE_SIZE} tasks",
            rule=probe.rule(200),
            answer=last or "",
        )


def _download(session: Session, get: Operation, task: Mapping[str, Any]) -> None:
    """The finished task's video URL answers with video bytes."""
    result = task.get("task_result")
    videos = result.get("videos") if isinstance(result, Mapping) else None
    with session.probe(get, "video download") as probe:
        probe.check("video_downloads")
        try:
            rule = schema_pointer(
                response_pointer(get.path, get.method, 200),
                *("content", "application/json", "schema", "properties", "data"),
                *("properties", "task_result", "properties", "videos", "items"),
            ) + pointer("properties", "url")
        except KeyError:
            rule = probe.rule(200)
        url = (
            videos[0].get("url")
            if isinstance(videos, list) and videos and isinstance(videos[0], Mapping)
            else None
        )
        if not isinstance(url, str) or not url:
            probe.add(
                "video_downloads", get.label, "the finished task names no video URL", rule=rule
            )
            return
        session.progress("downloading the video")
        summary = f"GET {url}"
        session.requests += 1
        try:
            # No Authorization: video URLs are public (anti-leech) and may be on a CDN that must
            # never see the key.
            seconds = max(min(30.0, session.remaining()), 1.0)
            with (
                within(time.monotonic() + seconds),  # headers included
                session.client.stream(
                    "GET",
                    url,
                    # Unencoded, as the library asks: raw bytes are then the video's bytes.
                    headers=identity_headers({"Range": f"bytes=0-{DOWNLOAD_PROBE_BYTES - 1}"}),
                    # Video URLs commonly redirect to a CDN.
                    follow_redirects=True,
                    timeout=seconds,
                ) as response,
            ):
                body = bytearray()
                # Raw: a coded answer is never unpacked (it could unpack to gigabytes).
                for chunk in response.iter_raw():
                    body += chunk
                    if len(body) >= DOWNLOAD_PROBE_BYTES:
                        break
        except httpx.HTTPError as exc:
            probe.add(
                "video_downloads",
                summary,
                f"no answer: {type(exc).__name__}: {exc}",
                rule=rule,
                answer="(none)",
            )
            return
        content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
        problems = []
        if response.status_code not in (200, 206):
            problems.append(f"HTTP {response.status_code} (expected 200 or 206)")
        if not body:
            problems.append("an empty body")
        if not (content_type.startswith("video/") or content_type.endswith("octet-stream")):
            problems.append(
                f"Content-Type {content_type or '(none)'!r} (expected video/* or octet-stream)"
            )
        if problems:
            probe.add(
                "video_downloads",
                summary,
                "the video URL answered with " + ", ".join(problems),
                rule=rule,
                answer=f"HTTP {response.status_code} {content_type or '(no Content-Type)'}",
            )
