"""A gateway for batch tests, written apart from the mock: creates, look-ups and videos on the
hostile server, each misbehaviour a knob (slow to store, lagging look-ups, no refusal of a
repeated external_task_id, a rate limit whatever Retry-After it sends, an echoed key)."""

from __future__ import annotations

import threading
import time
from typing import Any, Literal

import attrs
from hostile_server import Action, Answer, Hang, Seen, envelope, json_answer

from kling_ext._media import sample_video_bytes

CreateAnswer = Literal["ok", "hang", "server_error"]


@attrs.define
class Stored:
    """A create the gateway made a task of (and so charged for)."""

    task_id: str
    body: dict[str, Any]
    visible_at: float
    """When (time.monotonic) a look-up starts finding it."""


class BatchGateway:
    """Handler for `HostileServer`: text2video creates and look-ups, and their videos.

    Args:
        create_answer: What a create gets once stored: its task (`ok`), no answer at all
            (`hang`, for `hang_seconds`), or HTTP 500 code 5000 (`server_error`).
        store_seconds: How long after a create arrives a look-up finds its task.
        refuse_repeats: Answer a create whose external_task_id is taken with 1201 "already
            exists", as the API does; False: make (and charge) another task.
        lagging_lookups: The first this many look-ups by external_task_id say "not found"
            whatever is stored (a lagging index).
        rate_limit: Refuse every create with 1303 and this `Retry-After` header value.
        fail_reason: Fail every task with this message (a key to echo, say).
        finish: False: tasks stay `processing` for ever.
        task_prefix: Task ids are `<task_prefix>-<n>` (a key, to echo it into data).
        instant: A create's answer is already the task's end (no poll needed: the command
            line's first poll comes after 5 s).
    """

    def __init__(
        self,
        *,
        create_answer: CreateAnswer = "ok",
        hang_seconds: float = 30.0,
        store_seconds: float = 0.0,
        refuse_repeats: bool = True,
        lagging_lookups: int = 0,
        rate_limit: str | None = None,
        fail_reason: str | None = None,
        instant: bool = False,
        task_prefix: str = "task",
        finish: bool = True,
    ) -> None:
        self.finish = finish
        self.instant = instant
        self.task_prefix = task_prefix
        self.create_answer = create_answer
        self.hang_seconds = hang_seconds
        self.store_seconds = store_seconds
        self.refuse_repeats = refuse_repeats
        self.lagging_lookups = lagging_lookups
        self.rate_limit = rate_limit
        self.fail_reason = fail_reason
        self.base_url = ""  # set by the test once the server listens: the videos' host
        self.posts: list[float] = []
        """When each create arrived (time.monotonic)."""
        self.tasks: list[Stored] = []
        self.lookups = 0
        self._lock = threading.Lock()

    def per_prompt(self) -> dict[str, int]:
        """How many tasks were made (paid for) for each prompt."""
        counts: dict[str, int] = {}
        for task in self.tasks:
            prompt = str(task.body.get("prompt"))
            counts[prompt] = counts.get(prompt, 0) + 1
        return counts

    def __call__(self, seen: Seen) -> Action:
        if seen.method == "POST":
            return self._create(seen)
        if seen.path.endswith(".mp4"):
            return Answer(200, sample_video_bytes(), {"Content-Type": "video/mp4"})
        return self._look_up(seen.path.rsplit("/", 1)[-1])

    def _create(self, seen: Seen) -> Action:
        now = time.monotonic()
        body = seen.json()
        external = body.get("external_task_id")
        with self._lock:
            self.posts.append(now)
            if self.rate_limit is not None:
                return json_answer(
                    {"code": 1303, "message": "parallel task over resource pack limit"},
                    status=429,
                    headers={"Retry-After": self.rate_limit},
                )
            if self.refuse_repeats and any(
                t.body.get("external_task_id") == external for t in self.tasks
            ):
                return envelope(
                    None,
                    code=1201,
                    message=f"external_task_id already exists: {external}",
                    status=400,
                )
            task = Stored(
                f"{self.task_prefix}-{len(self.tasks) + 1}", body, now + self.store_seconds
            )
            self.tasks.append(task)
        if self.create_answer == "hang":
            return Hang(self.hang_seconds)
        if self.create_answer == "server_error":
            return envelope(None, code=5000, message="internal error", status=500)
        return envelope(self._data(task, self._final() if self.instant else "submitted"))

    def _final(self) -> str:
        if not self.finish:
            return "processing"
        return "failed" if self.fail_reason is not None else "succeed"

    def _look_up(self, ident: str) -> Action:
        now = time.monotonic()
        with self._lock:
            found = next((t for t in self.tasks if t.task_id == ident), None)
            if found is None:
                self.lookups += 1
                if self.lookups > self.lagging_lookups:
                    found = next(
                        (
                            t
                            for t in self.tasks
                            if t.body.get("external_task_id") == ident and now >= t.visible_at
                        ),
                        None,
                    )
        if found is None:
            return envelope(
                None, code=1201, message=f"Task not found by id/external id: {ident}", status=400
            )
        return envelope(self._data(found, self._final()))

    def _data(self, task: Stored, status: str) -> dict[str, Any]:
        data: dict[str, Any] = {
            "task_id": task.task_id,
            "task_status": status,
            "task_info": {"external_task_id": task.body.get("external_task_id", "")},
            "task_result": {},
            "created_at": 1700000000000,
            "updated_at": 1700000000000,
        }
        if status == "succeed":
            url = f"{self.base_url}/videos/{task.task_id}.mp4"
            data["task_result"] = {"videos": [{"id": "v1", "url": url, "duration": "5"}]}
        if status == "failed":
            data["task_status_msg"] = self.fail_reason
        return data
