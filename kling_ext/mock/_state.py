"""The mock gateway's memory: stored tasks, the clock that moves them, and the pending faults.

Nothing here speaks HTTP. :class:`GatewayState` holds every mutable thing behind one lock, because
the real server answers each connection on its own thread.
"""

from __future__ import annotations

import random
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Literal, get_args

import attrs

__all__ = ["Fault", "FaultKind", "FaultTarget", "GatewayState", "MockTask", "StoredTask"]

FaultTarget = Literal["create", "query", "list", "download", "call", "any"]
"""Which requests a `Fault` hits: one kind of request (the core's `RequestKind`), or any."""
"""Which requests a fault hits: a create, a task query, a task list, a file download, a
synchronous call, or any."""

FaultKind = Literal[
    "rate_limit",
    "balance",
    "server_error",
    "stored_then_error",
    "stored_then_drop",
    "drop",
    "cut_download",
    "non_json",
]
"""What a fault does; see :class:`Fault`."""

ClockKind = Literal["steps", "real"]

_FAULT_TARGETS: tuple[str, ...] = get_args(FaultTarget)
_FAULT_KINDS: tuple[str, ...] = get_args(FaultKind)
# The HTTP status each fault kind answers with when none is given: 429 is what Kling sends for
# both rate and balance refusals (the spec's error table); 502 is what a gateway in front of a lost
# upstream answer sends; 503 is a plain outage.
_DEFAULT_STATUS: Mapping[str, int] = {
    "rate_limit": 429,
    "balance": 429,
    "stored_then_error": 502,
    "non_json": 502,
}
# Under the "real" clock a task stays `submitted` this long (or a quarter of the processing
# time, if shorter) before it starts processing, so a fast poller still sees every status.
SUBMITTED_SECONDS = 0.5
# Task ids look like the official ones (the spec's examples: e.g. "867283741759111202", 18 digits).
_TASK_ID_LOW = 10**17
_TASK_ID_HIGH = 10**18

_STATUSES = ("submitted", "processing")


@attrs.frozen(kw_only=True)
class Fault:
    """A one-shot misbehaviour of the mock gateway, consumed in order by the requests it matches.

    Kinds:
        ``rate_limit``: 429 with code 1303 and a ``Retry-After`` header (``retry_after``, or 1 s).
        ``balance``: 429 with code 1102 (resource pack depleted; never worth retrying).
        ``server_error``: ``status`` (default 503) with code 5000/5001/5002 for 500/503/504
            (502: code 5000 "upstream error").
        ``stored_then_error``: the request is carried out (a create *is* stored) but the answer
            is ``status`` (default 502): the ambiguous create a client recovers from through its
            ``external_task_id``.
        ``stored_then_drop``: carried out, then the connection closes with no answer.
        ``drop``: the request never arrives (the transport raises ``httpx.ConnectError``).
        ``cut_download``: a video download stops after ``after_bytes`` bytes of its body.
        ``non_json``: ``status`` (default 502) with an HTML body, as a proxy in front of the
            gateway would answer.

    Attributes:
        operation: Which requests the fault hits (a ``FaultTarget``: ``create``, ``query``,
            ``list``, ``download``, ``call`` or ``any``; ``cut_download`` only ever hits
            downloads).
        kind: What it does (above).
        status: The HTTP status of the answer; its default depends on ``kind`` (429 for
            ``rate_limit`` and ``balance``, 502 for ``stored_then_error`` and ``non_json``,
            503 otherwise).
        retry_after: The ``Retry-After`` seconds of ``rate_limit``; ``None`` sends 1.
        after_bytes: Where ``cut_download`` cuts the body.
        times: How many matching requests the fault hits before it is used up.
    """

    operation: FaultTarget = attrs.field(validator=attrs.validators.in_(_FAULT_TARGETS))
    kind: FaultKind = attrs.field(validator=attrs.validators.in_(_FAULT_KINDS))
    status: int = attrs.field(validator=[attrs.validators.ge(100), attrs.validators.le(599)])
    retry_after: float | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.ge(0))
    )
    after_bytes: int = attrs.field(default=1024, validator=attrs.validators.ge(0))
    times: int = attrs.field(default=1, validator=attrs.validators.ge(1))

    @status.default
    def _status_for_kind(self) -> int:
        return _DEFAULT_STATUS.get(self.kind, 503)

    def hits(self, request_kind: str) -> bool:
        """Tell whether the fault applies to a request of this kind.

        Args:
            request_kind: ``create``, ``query``, ``list`` or ``download``.

        Returns:
            ``True`` if the fault targets that kind of request (or ``any``) and can act on it.
        """
        if self.kind == "cut_download" and request_kind != "download":
            return False
        return self.operation in (request_kind, "any")


@attrs.frozen(kw_only=True)
class MockTask:
    """A snapshot of one stored task, for assertions in tests.

    Attributes:
        kind: The endpoint it was created on, e.g. ``text2video``.
        task_id: The id the mock gave it.
        external_task_id: The caller's id, or ``None`` when none (or ``""``) was sent.
        status: ``submitted``, ``processing``, ``succeed`` or ``failed``, as of the snapshot.
        status_msg: Why it failed; empty otherwise.
        body: The create request's JSON body.
        created_at: Creation time, Unix milliseconds.
        updated_at: Time of the last status change, Unix milliseconds.
        queries: How many times it was queried by id.
    """

    kind: str
    task_id: str
    external_task_id: str | None
    status: str
    status_msg: str
    body: Mapping[str, Any]
    created_at: int
    updated_at: int
    queries: int


@attrs.define(kw_only=True)
class StoredTask:
    """A task as the mock keeps it (mutable; only touched under the state lock)."""

    kind: str
    task_id: str
    external_task_id: str | None
    body: Mapping[str, Any]
    created_at: int
    updated_at: int
    started: float
    """Clock reading at creation, for the "real" clock."""
    fail_reason: str | None
    """Why the task will fail (from the prompt marker), or ``None`` if it will succeed."""
    video_id: str
    queries: int = 0
    stage: int = 0
    """0 submitted, 1 processing, 2 finished."""

    @property
    def status(self) -> str:
        """The task status as the API spells it."""
        if self.stage < len(_STATUSES):
            return _STATUSES[self.stage]
        return "failed" if self.fail_reason is not None else "succeed"

    @property
    def finished(self) -> bool:
        """Whether the task reached ``succeed`` or ``failed``."""
        return self.stage >= len(_STATUSES)

    def snapshot(self) -> MockTask:
        """A frozen copy for callers outside the lock."""
        return MockTask(
            kind=self.kind,
            task_id=self.task_id,
            external_task_id=self.external_task_id,
            status=self.status,
            status_msg=self.fail_reason if self.finished and self.fail_reason else "",
            body=self.body,
            created_at=self.created_at,
            updated_at=self.updated_at,
            queries=self.queries,
        )


class GatewayState:
    """Tasks, faults, counters, ids and time of one mock gateway.

    Callers hold :attr:`lock` around every method that reads or changes state.
    """

    def __init__(
        self,
        *,
        clock: ClockKind,
        steps: int,
        processing_seconds: float,
        seed: int | None,
        monotonic: Callable[[], float],
    ) -> None:
        """Initialise an empty state.

        Args:
            clock: ``steps`` (queries move tasks) or ``real`` (time moves tasks).
            steps: Queries per status change under the ``steps`` clock.
            processing_seconds: How long a task processes under the ``real`` clock.
            seed: Seeds ids and request ids, for reproducible runs; ``None`` for fresh ones.
            monotonic: The time source, in seconds; the wall clock is derived from it.
        """
        self.lock = threading.RLock()
        self.clock: ClockKind = clock
        self.steps = steps
        self.processing_seconds = processing_seconds
        self.submitted_seconds = min(SUBMITTED_SECONDS, processing_seconds / 4)
        # Ids only need to be distinct and reproducible with a seed, never unguessable.
        self._rng = random.Random(seed)  # noqa: S311
        self._monotonic = monotonic
        self._mono_start = monotonic()
        self._wall_start = time.time()
        self._offset = 0.0
        self.tasks: list[StoredTask] = []
        self._by_id: dict[str, StoredTask] = {}
        self._by_external: dict[str, StoredTask] = {}
        self._faults: list[list[Any]] = []  # [fault, remaining hits]
        self.creates_count = 0
        self.calls_count = 0

    # ------------------------------------------------------------------ time and ids

    def now(self) -> float:
        """The mock's monotonic clock, including :meth:`advance` offsets."""
        return self._monotonic() - self._mono_start + self._offset

    def wall(self) -> float:
        """The mock's Unix time, moving with :meth:`now` (so :meth:`advance` ages JWTs too)."""
        return self._wall_start + self.now()

    def wall_ms(self) -> int:
        """The mock's Unix time in milliseconds, as the API's timestamps are."""
        return int(self.wall() * 1000)

    def advance(self, seconds: float) -> None:
        """Move the clock forward."""
        if seconds < 0:
            msg = f"cannot move the clock backwards ({seconds} s)"
            raise ValueError(msg)
        self._offset += seconds

    def new_uuid(self) -> str:
        """A version-4 UUID string drawn from the seeded generator."""
        return str(uuid.UUID(int=self._rng.getrandbits(128), version=4))

    def _new_task_id(self) -> str:
        while True:
            task_id = str(self._rng.randrange(_TASK_ID_LOW, _TASK_ID_HIGH))
            if task_id not in self._by_id:
                return task_id

    # ------------------------------------------------------------------ tasks

    def add_task(
        self,
        kind: str,
        body: Mapping[str, Any],
        external_task_id: str | None,
        fail_reason: str | None,
    ) -> StoredTask:
        """Store a new ``submitted`` task."""
        now_ms = self.wall_ms()
        task = StoredTask(
            kind=kind,
            task_id=self._new_task_id(),
            external_task_id=external_task_id,
            body=body,
            created_at=now_ms,
            updated_at=now_ms,
            started=self.now(),
            fail_reason=fail_reason,
            video_id=self.new_uuid(),
        )
        self.tasks.append(task)
        self._by_id[task.task_id] = task
        if external_task_id:
            self._by_external[external_task_id] = task
        return task

    def has_external_id(self, external_task_id: str) -> bool:
        """Whether a task with this caller id exists (on any endpoint: ids are per account)."""
        return external_task_id in self._by_external

    def find(self, ident: str, *, external: bool = True) -> StoredTask | None:
        """The task with this ``task_id``, else (if ``external``) this ``external_task_id``."""
        task = self._by_id.get(ident)
        if task is None and external:
            task = self._by_external.get(ident)
        return task

    def refresh(self, task: StoredTask, *, queried: bool = False) -> None:
        """Bring a task's status up to date, counting a query when ``queried``.

        Under the ``steps`` clock each query moves the task on once every ``steps`` queries;
        under the ``real`` clock the elapsed time decides, and ``updated_at`` is the moment the
        status changed rather than the moment it was noticed.
        """
        if queried:
            task.queries += 1
        if self.clock == "steps":
            stage = min(task.queries // self.steps, len(_STATUSES))
            changed_ms = self.wall_ms()
        else:
            bounds = (self.submitted_seconds, self.submitted_seconds + self.processing_seconds)
            elapsed = self.now() - task.started
            stage = sum(elapsed >= bound for bound in bounds)
            changed_ms = task.created_at + int(bounds[stage - 1] * 1000) if stage else 0
        if stage > task.stage:
            task.stage = stage
            task.updated_at = changed_ms

    def snapshots(self) -> list[MockTask]:
        """Every task, oldest first, brought up to date without counting as queries."""
        for task in self.tasks:
            self.refresh(task)
        return [task.snapshot() for task in self.tasks]

    # ------------------------------------------------------------------ faults

    def inject(self, faults: Iterable[Fault]) -> None:
        """Queue faults after those already pending."""
        self._faults.extend([fault, fault.times] for fault in faults)

    def take_fault(self, request_kind: str) -> Fault | None:
        """Use one hit of the first pending fault that applies to a request of this kind."""
        for entry in self._faults:
            fault: Fault = entry[0]
            if fault.hits(request_kind):
                entry[1] -= 1
                if entry[1] == 0:
                    self._faults.remove(entry)
                return fault
        return None

    def pending_faults(self) -> tuple[Fault, ...]:
        """The faults not used up yet, in order."""
        return tuple(entry[0] for entry in self._faults)
