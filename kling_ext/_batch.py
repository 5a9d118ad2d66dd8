"""`Batch`: many videos from one jobs file into one folder, surviving crashes, never paying twice.

The whole file is checked before the output folder, the ledger or its lock exist (a refused file
leaves nothing behind), then recorded in the ledger (`_batch_ledger`) before anything is sent.
Then at most `concurrency` tasks run at once: each job is created (its `external_task_id` is
already in the ledger), waited for with the library's `wait()`, and downloaded as soon as it
ends, while the next job takes its slot. A re-run reads the ledger: finished jobs are skipped,
tasks in flight are followed, unstarted jobs are created. The account's parallel-task limit
(code 1303) lowers the number of tasks in flight instead of failing jobs, and every create waits
out a backoff shared by the whole batch that grows with each refusal (whatever `Retry-After`
says). A job whose create may have been sent is looked up over the library's grace window
before it is sent again, always under the same `external_task_id`; a create refused because
that id exists adopts the task holding it (the ledger chose the id for this job alone).
`max_time` bounds the whole run: when it runs out everything stops where it is, and the next
run carries on from the ledger.

The ledger is a SQLite file by default (`_batch_ledger`: one batch process at a time) or a
PostgreSQL database (`_batch_pg`) that many worker processes share: the scheduler claims each
job from the ledger before starting it, and on a shared ledger a claim is a lease the worker
renews while it works, so that the jobs of a worker that died are taken over by another. With
`account_slots`, every create first takes one of the account's slots (`_batch_slots`), shared
by every worker of the ledger (or every batch of the machine), and frees it when the task ends.

One scheduler serves both clients: `AsyncKling` is awaited directly; `Kling`'s blocking calls
run in daemon threads, so Ctrl-C is never held up by a wait in progress.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import os
import random
import threading
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, Protocol, TypeVar

import attrs

from ._async_client import AsyncKling
from ._batch_jobs import Job, JobProblem, JobsFileError, library_fields, read_jobs
from ._batch_ledger import (
    IN_FLIGHT,
    BatchLedger,
    JobState,
    LeaseLostError,
    Ledger,
    LedgerError,
    LedgerRow,
)
from ._batch_slots import SHRINK_SECONDS, AccountSlots, SqliteSlots, default_slots_file
from ._constants import (
    BATCH_CREATE_ATTEMPTS,
    BATCH_DOWNLOADS,
    BATCH_MAX_BACKOFF,
    DEFAULT_WAIT_TIMEOUT,
)
from ._download_io import part_files
from ._exceptions import (
    APIConnectionError,
    APIError,
    AuthenticationError,
    ExternalTaskIdInUseError,
    KlingError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
    TaskFailedError,
    TaskMayExistError,
    TaskTimeoutError,
    is_task_not_found,
)
from ._retry import RetryPolicy, TransportFailure, classify_transport_error
from ._spec import endpoint
from ._sync_client import Kling
from ._task import Task, TaskStatus

if TYPE_CHECKING:
    from .callbacks import CallbackReceiver

__all__ = [
    "DEFAULT_CONCURRENCY",
    "LEDGER_NAME",
    "Batch",
    "BatchProgress",
    "BatchReport",
    "JobResult",
]

DEFAULT_CONCURRENCY = 4
"""Tasks in flight at once by default: under the parallel-task limit of most resource packs."""
LEDGER_NAME = "kling-batch.sqlite3"
"""The ledger's file name in the output folder, unless the caller puts it elsewhere."""
T = TypeVar("T")
# The batch's own clock and sleep (its backoff, grace window and time limit); tests swap in fakes.
_clock: Callable[[], float] = time.monotonic
_sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
_rng = random.Random()  # noqa: S311 - backoff jitter, not secrets
# Refusals of the account itself: every further create would be refused alike.
_ACCOUNT_REFUSALS = (AuthenticationError, PermissionDeniedError)
# The states of a job that has started and not ended, as the ledger records them.
_UNDER_WAY = (JobState.CREATING, JobState.RUNNING, JobState.DOWNLOADING)
DEFAULT_LEASE = 30.0
"""Seconds a worker's claim on a job lasts on a shared ledger unless renewed (it renews it three
times as often): how long the jobs of a killed worker wait before another takes them over."""
# How often a worker of a shared ledger with nothing to take looks again, and how often a job
# waiting for an account slot asks again: from the first figure, doubling up to the second or a
# tenth of the lease, whichever is less (a slot freed is taken up within that).
_IDLE_POLL = (0.02, 0.25)


@attrs.frozen(kw_only=True)
class JobResult:
    """How one job of a batch ended in this run."""

    id: str
    line: int
    """Its line in the jobs file."""
    kind: str
    ok: bool
    """True when every video of the job is saved."""
    state: str
    """Its state in the ledger now: `done`, `failed`, `running`, `creating`, ..."""
    external_task_id: str
    task_id: str | None = None
    files: tuple[Path, ...] = ()
    reason: str | None = None
    """Why it did not succeed (and how to continue), when it did not."""
    skipped: bool = False
    """True when it ended in an earlier run and nothing was sent for it now."""

    def to_json(self) -> dict[str, Any]:
        """The result as one JSON object (what `kling batch --json` prints per job)."""
        return {
            "id": self.id,
            "line": self.line,
            "kind": self.kind,
            "ok": self.ok,
            "state": self.state,
            "task_id": self.task_id,
            "external_task_id": self.external_task_id,
            "files": [str(path) for path in self.files],
            "reason": self.reason,
            "skipped": self.skipped,
        }


@attrs.define
class BatchProgress:
    """Live counts of a running batch (read it from another coroutine or a display)."""

    total: int = 0
    succeeded: int = 0
    failed: int = 0
    running: int = 0
    clock: Callable[[], float] = attrs.field(default=time.monotonic, repr=False)
    """The clock the times below are read on."""
    started: float = attrs.field(default=attrs.Factory(lambda self: self.clock(), takes_self=True))
    rate_limit_code: int | None = None
    """The business code of the account's last rate-limit refusal (1303: too many tasks in
    parallel; 1302: too fast), while creates wait for it; `None` when none is waited out."""
    next_create_at: float | None = None
    """When (on `clock`) the next create may go, while the batch waits for the account's limit."""

    @property
    def rate_limit_wait(self) -> float | None:
        """Seconds until the next create, while the account's rate limit holds creates back."""
        if self.next_create_at is None:
            return None
        left = self.next_create_at - self.clock()
        return left if left > 0 else None

    @property
    def queued(self) -> int:
        """Jobs not started yet."""
        return max(self.total - self.succeeded - self.failed - self.running, 0)

    @property
    def elapsed(self) -> float:
        """Seconds since the batch started."""
        return self.clock() - self.started

    @property
    def estimate(self) -> float | None:
        """Seconds until every job ends at the pace so far, once a job has ended."""
        ended = self.succeeded + self.failed
        if not ended or ended >= self.total:
            return None
        return self.elapsed / ended * (self.total - ended)


@attrs.frozen(kw_only=True)
class BatchReport:
    """What a batch run did."""

    total: int
    succeeded: int
    """Jobs with every video saved (in this run or an earlier one)."""
    skipped: int
    """Of those, jobs finished in an earlier run."""
    failed: tuple[JobResult, ...]
    not_started: int
    """Jobs never sent, because `stopped` stopped creation."""
    stopped: KlingError | None
    """What stopped creation, if anything: the API refused the batch itself (key, balance), or
    could not be reached (or kept failing) for a create after several tries."""
    ledger: Path | str
    """The ledger file, or the PostgreSQL URL (its password hidden)."""
    elapsed: float
    timed_out: bool = False
    """`max_time` ran out: the run stopped where it was; the next run carries on."""
    unfinished: tuple[JobResult, ...] = ()
    """Jobs under way when `max_time` ran out (their tasks, if made, are followed next run);
    `on_result` is not called for them: they did not end."""

    @property
    def exit_code(self) -> int:
        """0 every job succeeded; 1 some failed, or `max_time` ran out first; 3 the API refused
        the batch; 4 it was down."""
        if isinstance(self.stopped, APIConnectionError | ServerError):
            return 4
        if self.stopped is not None:
            return 3
        return 1 if self.failed or self.timed_out else 0

    def to_json(self) -> dict[str, Any]:
        """The summary as one JSON object (the last line of `kling batch --json`)."""
        return {
            "summary": True,
            "total": self.total,
            "succeeded": self.succeeded,
            "skipped": self.skipped,
            "failed": len(self.failed),
            "not_started": self.not_started,
            "stopped": str(self.stopped) if self.stopped is not None else None,
            "timed_out": self.timed_out,
            "unfinished": len(self.unfinished),
            "ledger": str(self.ledger),
            "elapsed_seconds": round(self.elapsed, 3),
            "exit_code": self.exit_code,
        }


class _Ops(Protocol):
    policy: RetryPolicy
    """The client's retry policy: its grace window and backoff are the batch's too."""

    async def create(self, kind: str, fields: dict[str, Any]) -> Task: ...
    async def get(self, kind: str, ident: str) -> Task: ...
    async def wait(self, kind: str, task: Task | str, timeout: float | None) -> Task: ...
    async def download(self, task: Task, target: Path) -> list[Path]: ...


class _AsyncOps:
    def __init__(self, client: AsyncKling, callbacks: CallbackReceiver | None = None) -> None:
        self._client = client
        self.policy = client._context.policy
        self.callbacks = callbacks

    def _res(self, kind: str) -> Any:
        return self._client.resource(kind)

    async def create(self, kind: str, fields: dict[str, Any]) -> Task:
        task: Task = await self._res(kind).create(**fields)
        return task

    async def get(self, kind: str, ident: str) -> Task:
        task: Task = await self._res(kind).get(ident)
        return task

    async def wait(self, kind: str, task: Task | str, timeout: float | None) -> Task:
        done: Task = await self._res(kind).wait(task, timeout=timeout, callbacks=self.callbacks)
        return done

    async def download(self, task: Task, target: Path) -> list[Path]:
        return await self._client.download(task, target)


async def _in_thread(call: Callable[[], T]) -> T:
    """Run a blocking call in a daemon thread: an interrupted batch does not wait for it."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def settle(outcome: Callable[[], None]) -> None:
        if not future.done():
            outcome()

    def work() -> None:
        try:
            result = call()
        except BaseException as exc:
            error = exc
            done = lambda: settle(lambda: future.set_exception(error))  # noqa: E731
        else:
            done = lambda: settle(lambda: future.set_result(result))  # noqa: E731
        with contextlib.suppress(RuntimeError):  # the loop is gone: the batch was interrupted
            loop.call_soon_threadsafe(done)

    threading.Thread(target=work, daemon=True, name="kling-batch").start()
    return await future


class _ThreadOps:
    def __init__(self, client: Kling, callbacks: CallbackReceiver | None = None) -> None:
        self._client = client
        self.policy = client._context.policy
        self.callbacks = callbacks

    def _res(self, kind: str) -> Any:
        return self._client.resource(kind)

    async def create(self, kind: str, fields: dict[str, Any]) -> Task:
        return await _in_thread(lambda: self._res(kind).create(**fields))

    async def get(self, kind: str, ident: str) -> Task:
        return await _in_thread(lambda: self._res(kind).get(ident))

    async def wait(self, kind: str, task: Task | str, timeout: float | None) -> Task:
        return await _in_thread(
            lambda: self._res(kind).wait(task, timeout=timeout, callbacks=self.callbacks)
        )

    async def download(self, task: Task, target: Path) -> list[Path]:
        return await _in_thread(lambda: self._client.download(task, target))


class _NotStarted(Exception):
    """The job was not sent: the batch stopped creating."""


class _Requeue(Exception):
    """The job goes back to the shared ledger's queue: no account slot is free for it now, and
    a worker never waits holding a job it cannot create (another may need to take up the
    tasks that hold the slots)."""


class _JobEnded(Exception):
    """The job ends this run without success; `reason` says why and how to continue."""

    def __init__(self, reason: str, state: JobState | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.state = state


class Batch:
    """Many videos from one JSON Lines jobs file into one folder, resumable after any crash.

    Example:
        ```python
        from kling_ext import Batch, Kling

        with Kling() as client:
            report = Batch("jobs.jsonl", "videos/").run(client)
        print(report.succeeded, "videos;", len(report.failed), "failed")
        ```

    Each line of the jobs file is an object with `kind` (`text2video`, `image2video`, ...), an
    optional `id` (else its line number) and that endpoint's fields as `create()` takes them; an
    image field may name a local file (relative to the jobs file's folder). Videos are saved as
    `<output>/<id>.mp4` (`<id>-<n>.mp4` when a task has several). Run the same batch again after
    a crash: finished jobs are skipped, tasks in flight followed, and no job gets a second task.

    Args:
        jobs: The jobs file (JSON Lines); `None` with a PostgreSQL ledger that holds the batch
            already (a worker that recorded it gave its jobs file; image paths stay relative to
            that file's folder, which must then be the same path on this machine).
        output: The folder for the videos (created if missing).
        ledger: The ledger file; default `<output>/kling-batch.sqlite3`. A
            `postgresql://user:password@host/db` URL keeps it in PostgreSQL instead (the
            `postgres` extra), where any number of workers, on any machines, share the batch:
            each job is claimed by one at a time under a lease, and the jobs of a worker that
            died are taken over once its leases run out. The output folder must then be one
            that every worker can write (a shared mount).
        concurrency: Most tasks in flight at once; the account's parallel-task limit (code 1303)
            lowers it while the batch runs.
        force: Create a new task for a job whose line changed since the ledger recorded it
            (otherwise the whole batch is refused with `JobsFileError`).
        retry_failed: Create a new task for jobs that failed in an earlier run.
        timeout: Seconds to wait for each task; one still running then is followed by the next
            run.
        max_time: Seconds the whole run may take (`None`: no limit). When they run out the run
            stops where it is: no new create, tasks in flight are left to the next run, which
            carries on from the ledger; the report says `timed_out`.
        on_result: Called with each job's `JobResult` as it ends.
        callbacks: A `kling_ext.callbacks.CallbackReceiver`: each task is created with its
            callback URL (unless its job line gives a `callback_url`) and waited for by
            callback. With an in-memory inbox, tasks created by an earlier run are followed
            by the safety net's polling (their URLs were minted with another key).
        account_slots: Most tasks running at once on the account across every batch sharing
            the slots (`None`: no such bound): every worker of a PostgreSQL ledger, or every
            batch of this machine with SQLite ledgers (see `_batch_slots`). A slot is taken
            before each create and freed when the task ends or is found absent; a 1303
            lowers the bound for everyone for a while.
        lease: Seconds a worker's claim on a job lasts on a PostgreSQL ledger unless renewed.
    """

    def __init__(
        self,
        jobs: str | os.PathLike[str] | None,
        output: str | os.PathLike[str],
        *,
        ledger: str | os.PathLike[str] | None = None,
        concurrency: int = DEFAULT_CONCURRENCY,
        force: bool = False,
        retry_failed: bool = False,
        timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        max_time: float | None = None,
        on_result: Callable[[JobResult], object] | None = None,
        callbacks: CallbackReceiver | None = None,
        account_slots: int | None = None,
        lease: float = DEFAULT_LEASE,
    ) -> None:
        if account_slots is not None and account_slots < 1:
            raise ValueError(f"account_slots must be at least 1 (or None), not {account_slots}")
        if not lease > 0:
            raise ValueError(f"lease must be more than 0 seconds, not {lease}")
        if concurrency < 1:
            raise ValueError(f"concurrency must be at least 1, not {concurrency}")
        if max_time is not None and not max_time > 0:
            raise ValueError(f"max_time must be more than 0 seconds (or None), not {max_time}")
        self.jobs: Path | None = Path(jobs) if jobs is not None else None
        self.output: Path = Path(output)
        self.ledger_url: str | None = None
        """The PostgreSQL ledger's URL, when the ledger is one."""
        if isinstance(ledger, str) and _is_url(ledger):
            self.ledger_url = ledger
            ledger = None
        if self.jobs is None and self.ledger_url is None:
            raise ValueError(
                "jobs is needed, unless ledger names a PostgreSQL ledger that holds the batch "
                "already (another worker recorded its jobs file there)"
            )
        self.ledger_path: Path = Path(ledger) if ledger is not None else self.output / LEDGER_NAME
        self.account_slots = account_slots
        self.lease = lease
        self.concurrency = concurrency
        self.force = force
        self.retry_failed = retry_failed
        self.timeout = timeout
        self.max_time = max_time
        self.on_result = on_result
        self.callbacks = callbacks
        self.progress: BatchProgress = BatchProgress()
        """Live counts while the batch runs."""

    def __repr__(self) -> str:
        return f"Batch({str(self.jobs)!r}, {str(self.output)!r})"

    def run(self, client: Kling) -> BatchReport:
        """Run the batch with a synchronous client (where no event loop runs; in a notebook or
        other async code, `await batch.arun(AsyncKling())` instead).

        Returns:
            What happened: counts, the failed jobs with their reasons, and what stopped the
            batch if anything did (`report.exit_code` sums it up).

        Raises:
            JobsFileError: a bad line, or a changed job without `force`; nothing was sent.
            LedgerBusyError: another batch is running on the same ledger; nothing was sent.
            LedgerError: the ledger cannot be used (a symbolic link in its place, a job state
                this version does not know; nothing was sent) or stopped recording (a full
                disk: the batch stopped at once; run it again to resume).
            TypeError: `client` is not a `Kling` (an `AsyncKling` goes to `arun`).
        """
        if not isinstance(client, Kling):
            raise TypeError(
                f"Batch.run takes a Kling; await Batch.arun() for {type(client).__name__}"
            )
        return asyncio.run(self._run(_ThreadOps(client, self.callbacks)))

    async def arun(self, client: AsyncKling) -> BatchReport:
        """Run the batch with an async client; see `run`."""
        if not isinstance(client, AsyncKling):
            raise TypeError(
                f"Batch.arun takes an AsyncKling; use Batch.run() for {type(client).__name__}"
            )
        return await self._run(_AsyncOps(client, self.callbacks))

    async def _run(self, ops: _Ops) -> BatchReport:
        # Checked whole before the ledger, its lock or the output folder exist: a refused file
        # leaves nothing behind. The ledger's import checks it again, against earlier runs.
        jobs = self.jobs
        if jobs is not None:
            problems = [item for item in read_jobs(jobs) if isinstance(item, JobProblem)]
            if problems:
                raise JobsFileError(jobs, problems)
        ledger = self._open_ledger()
        slots: AccountSlots | None = None
        try:
            run = 1  # a shared ledger's only run (see `_batch_pg`)
            if jobs is not None:
                run, problems = ledger.import_jobs(
                    read_jobs(jobs), force=self.force, retry_failed=self.retry_failed
                )
                if problems:
                    raise JobsFileError(jobs, problems)
            base = ledger.jobs_folder(jobs.parent if jobs is not None else None)
            self.output.mkdir(parents=True, exist_ok=True)
            if self.account_slots is not None:
                slots = self._open_slots(ledger)
            return await _Runner(self, ops, ledger, run, slots, base).main()
        except BaseExceptionGroup as group:
            # A ledger that cannot record a step (disk full) stopped every job: say that alone.
            if (failed := group.subgroup(LedgerError)) is None:
                raise
            raise _first(failed) from None
        finally:
            if isinstance(slots, SqliteSlots):
                slots.close()
            ledger.close()

    def _open_ledger(self) -> BatchLedger:
        if self.ledger_url is None:
            return Ledger(self.ledger_path)
        from ._batch_pg import PgLedger  # only now: psycopg is an optional extra

        return PgLedger(self.ledger_url, lease=self.lease)

    def _open_slots(self, ledger: BatchLedger) -> AccountSlots:
        if self.ledger_url is not None:
            from ._batch_pg import PgLedger

            assert isinstance(ledger, PgLedger)
            return ledger
        return SqliteSlots(default_slots_file(), lease=self.lease)


def _is_url(text: str) -> bool:
    return text.lower().startswith(("postgresql://", "postgres://"))


class _Slot:
    """A job's claim on one of the batch's places for a task in flight."""

    def __init__(self, runner: _Runner) -> None:
        self._runner = runner
        self.held = False

    async def acquire(self) -> None:
        await self._runner.acquire()
        self.held = True

    async def release(self, *, finished: bool = False) -> None:
        if self.held:
            self.held = False
            await self._runner.release(finished=finished)


class _Runner:
    """One run of a batch: the scheduler and each job's steps."""

    def __init__(
        self,
        batch: Batch,
        ops: _Ops,
        ledger: BatchLedger,
        run: int,
        slots: AccountSlots | None = None,
        base: Path | None = None,
    ) -> None:
        self.batch = batch
        # The folder the jobs' image paths are relative to: the jobs file's.
        self.base = base if base is not None else Path()
        self.ops = ops
        self.ledger = ledger
        self.run = run
        self.slots = slots
        self.capacity = batch.account_slots
        # Jobs of this worker holding one of the account's slots (at most `concurrency`).
        self.holding: set[str] = set()
        self.reconciled = -math.inf
        self.limit = batch.concurrency
        self.held = 0
        self.changed = asyncio.Condition()
        self.downloads = asyncio.Semaphore(BATCH_DOWNLOADS)
        self.stopped: KlingError | None = None
        self.failed: list[JobResult] = []
        self.unfinished: list[JobResult] = []
        # Jobs reported already though the ledger still shows them under way (a create whose
        # task could not be found yet, a wait cut short): only those, not every ended job, so
        # that memory does not grow with the jobs file.
        self.ended_under_way: set[str] = set()
        self.skipped = 0
        self.clock = _clock
        self.sleep = _sleep
        self.progress = batch.progress = BatchProgress(clock=self.clock)
        self.policy = ops.policy
        # The client's backoff, from the least wait the spec asks after 1303 up to a minute.
        self.backoff = attrs.evolve(
            ops.policy,
            base_delay=max(ops.policy.base_delay, ops.policy.rate_limit_min_delay),
            max_delay=BATCH_MAX_BACKOFF,
        )
        # One rate-limit backoff for the whole batch: each refusal pushes the next create of
        # every job further out, so N jobs do not each hammer the account with their own.
        self.rate_refusals = 0
        self.next_create = -math.inf
        self.max_time = batch.max_time
        self.deadline = None if batch.max_time is None else self.clock() + batch.max_time
        self.limiter: asyncio.Timeout | None = None
        self.timed_out = False

    # ------------------------------------------------------------------ scheduling

    async def acquire(self) -> None:
        async with self.changed:
            await self.changed.wait_for(lambda: self.held < self.limit)
            self.held += 1

    async def release(self, *, finished: bool) -> None:
        async with self.changed:
            self.held -= 1
            if finished and self.limit < self.batch.concurrency:
                self.limit += 1  # probe upwards again; another 1303 lowers it at once
            self.changed.notify_all()

    async def throttle(self, slot: _Slot, delay: float) -> None:
        """The account runs as many tasks as it may: run no more than are in flight now."""
        async with self.changed:
            self.limit = max(1, self.held - 1)
        await slot.release()
        await self.pause(delay)
        await slot.acquire()

    async def pause(self, delay: float) -> None:
        """Wait `delay` seconds; past the batch's time limit the run ends here instead."""
        if self.deadline is not None and self.clock() + delay >= self.deadline:
            await self.sleep(max(self.deadline - self.clock(), 0.0))
            await self.out_of_time()
        await self.sleep(delay)

    async def out_of_time(self) -> NoReturn:
        """End the run now, as if `max_time` had just run out on the event loop's clock."""
        assert self.limiter is not None
        if not self.limiter.expired():  # else it is expiring already, on the loop's own clock
            self.limiter.reschedule(asyncio.get_running_loop().time())
        await asyncio.Future()  # cancelled, with every job, by the expiry
        raise AssertionError("unreachable")  # pragma: no cover

    async def main(self) -> BatchReport:
        counts = self.ledger.counts(self.run)
        self.progress.total = sum(counts.values())
        self._report_finished()
        try:
            # The hard bound in real time; `pause` ends the run early when it would sleep past
            # the deadline (on the batch's clock, which tests may fake).
            self.limiter = limiter = asyncio.timeout(self.max_time)
            async with limiter:
                await self._schedule()
        except TimeoutError:
            if not limiter.expired():
                raise
            self.timed_out = True
            self._report_unfinished()
        stopped = self.stopped is not None or self.timed_out
        counts = self.ledger.counts(self.run)
        not_started = counts.get(JobState.PENDING, 0)
        succeeded = self.progress.succeeded
        ledger: Path | str = self.batch.ledger_path
        if self.ledger.shared:
            # Other workers ended jobs too: the batch's outcome is the ledger's.
            ledger = self.ledger.where
            succeeded = counts.get(JobState.DONE, 0)
            mine = {result.id for result in self.failed}
            for row in self.ledger.jobs_of_run(self.run, [JobState.FAILED]):
                if row.id not in mine:
                    reason = f"{row.message or 'failed'} (ended by another worker)"
                    self.failed.append(self._result(row, ok=False, reason=reason))
        return BatchReport(
            total=self.progress.total,
            succeeded=succeeded,
            skipped=self.skipped,
            failed=tuple(self.failed),
            not_started=not_started if stopped else 0,
            stopped=self.stopped,
            ledger=ledger,
            elapsed=self.progress.elapsed,
            timed_out=self.timed_out,
            unfinished=tuple(self.unfinished),
        )

    async def _schedule(self) -> None:
        """Every job of the run, `limit` at a time: those in flight first, then new ones.

        Each is claimed from the ledger before it is started. On a shared ledger, a worker
        with nothing to claim stays while other workers hold jobs under way (one may die, or
        give one up) or jobs wait for an account slot, and looks again now and then.
        """
        keeper = None
        if self.ledger.shared or isinstance(self.slots, SqliteSlots):
            keeper = asyncio.create_task(self._keep_alive())
        try:
            async with asyncio.TaskGroup() as group:
                await self._claim_all(group)
        finally:
            if keeper is not None:
                keeper.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await keeper

    async def _claim_all(self, group: asyncio.TaskGroup) -> None:
        idle = 0
        while True:
            slot = _Slot(self)
            await slot.acquire()
            row = self.ledger.claim(self.run, IN_FLIGHT, skip=self.ended_under_way)
            if row is None and self.stopped is None:
                row = self._claim_pending()
            if row is not None:
                idle = 0
                group.create_task(self._job(row, slot))
                continue
            await slot.release()
            pending = self.stopped is None
            if not self.ledger.others_working(self.run, skip=self.ended_under_way, pending=pending):
                return
            await self.pause(self._idle(idle))
            idle += 1

    def _idle(self, times: int) -> float:
        """The wait before looking again, after `times` looks in a row found nothing."""
        growing: float = _IDLE_POLL[0] * 2.0 ** min(times, 16)
        return min(growing, _IDLE_POLL[1], self.batch.lease / 10)

    def _claim_pending(self) -> LedgerRow | None:
        capacity = self.capacity if self.ledger.shared and self.slots is not None else None
        row = self.ledger.claim(
            self.run, [JobState.PENDING], skip=self.ended_under_way, capacity=capacity
        )
        if row is not None and capacity is not None:
            self.holding.add(row.id)  # the shared ledger gave it a slot with the claim
        return row

    async def _keep_alive(self) -> None:
        """Renew this worker's leases (and mark it alive to the account's slots) in real time,
        three times per lease, until cancelled when the run's jobs are over."""
        every = self.batch.lease / 3
        while True:
            await asyncio.sleep(every)
            self.ledger.renew()
            if isinstance(self.slots, SqliteSlots):
                self.slots.renew()

    # ------------------------------------------------------------------ account slots

    def _set(
        self,
        row: LedgerRow,
        state: JobState,
        *,
        task_id: str | None = None,
        task_status: str | None = None,
        message: str | None = None,
        files: list[str] | None = None,
    ) -> None:
        """Record a step of the job; a state past its task's run frees its account slot."""
        self.ledger.set_state(
            row.id, state, task_id=task_id, task_status=task_status, message=message, files=files
        )
        if state not in (JobState.CREATING, JobState.RUNNING) and row.id in self.holding:
            self.holding.discard(row.id)
            assert self.slots is not None
            ended = state in (JobState.DOWNLOADING, JobState.DONE, JobState.FAILED)
            self.slots.release_slot(row, ended=ended)

    def _adopt_slot(self, row: LedgerRow) -> None:
        """A job taken up under way: its task counts against the account."""
        if self.slots is None:
            return
        if row.state is JobState.DOWNLOADING:
            # Its task ended; a kill may have come between the ledger and the slots file.
            self.slots.release_slot(row, ended=False)
        elif row.state in (JobState.CREATING, JobState.RUNNING):
            self.slots.adopt(row)
            self.holding.add(row.id)

    async def _take_slot(self, row: LedgerRow) -> None:
        """One of the account's slots for this job, before its create; waits for one to free
        up (a shared ledger's job goes back to the queue instead: see `_Requeue`)."""
        if self.slots is None or row.id in self.holding:
            return
        assert self.capacity is not None
        idle = 0
        while not self.slots.take(row, self.capacity):
            if self.ledger.shared:
                raise _Requeue
            await self._reconcile()
            await self.pause(self._idle(idle))
            idle += 1
            if self.stopped is not None:
                raise _NotStarted
        self.holding.add(row.id)

    async def _reconcile(self) -> None:
        """Free the slots of dead processes whose tasks the API says ended or never existed
        (at most once per lease: each costs a query per orphan)."""
        assert self.slots is not None
        if self.clock() - self.reconciled < self.batch.lease:
            return
        self.reconciled = self.clock()
        for kind, external, holder in self.slots.orphans():
            try:
                task = await self._find(kind, external)
            except (KlingError, OSError):
                continue  # not known now: kept, looked at again later
            if task is None or task.status in (TaskStatus.SUCCEED, TaskStatus.FAILED):
                self.slots.forget(external, holder)

    def _report_unfinished(self) -> None:
        """After `max_time` ran out: each job left under way, with how the next run goes on."""
        for row in self.ledger.jobs_of_run(self.run, list(_UNDER_WAY)):
            if row.id in self.ended_under_way:
                continue
            reason = f"the batch's time limit ({self.max_time:g} s) ran out while it was "
            reason += f"{row.state}; run the batch again to continue"
            self.unfinished.append(self._result(row, ok=False, reason=reason))

    def _report_finished(self) -> None:
        """Jobs that ended in an earlier run: skipped, unless their videos have gone missing."""
        for row in self.ledger.jobs_of_run(self.run, [JobState.DONE, JobState.FAILED]):
            if row.state is JobState.DONE and not all(Path(f).is_file() for f in row.files):
                # The task is paid for: fetch its videos again rather than create it again.
                self.ledger.reopen(row.id)
                continue
            ok = row.state is JobState.DONE
            reason = None
            if not ok:
                reason = f"{row.message or 'failed'} (in an earlier run; retry_failed=True "
                reason += "creates a new task)"
            self.skipped += ok
            self._end(
                row, ok=ok, files=tuple(Path(f) for f in row.files), reason=reason, skipped=True
            )

    def _end(
        self,
        row: LedgerRow,
        *,
        ok: bool,
        task_id: str | None = None,
        files: tuple[Path, ...] = (),
        reason: str | None = None,
        skipped: bool = False,
        state: JobState | None = None,
    ) -> None:
        if (state or row.state) in _UNDER_WAY:
            self.ended_under_way.add(row.id)
            if not skipped:
                self.ledger.release(row.id)  # a shared ledger's other workers may take it up
        result = self._result(
            row,
            ok=ok,
            task_id=task_id,
            files=files,
            reason=reason,
            skipped=skipped,
            state=state,
        )
        if ok:
            self.progress.succeeded += 1
        else:
            self.progress.failed += 1
            self.failed.append(result)
        if self.batch.on_result is not None:
            self.batch.on_result(result)

    @staticmethod
    def _result(
        row: LedgerRow,
        *,
        ok: bool,
        task_id: str | None = None,
        files: tuple[Path, ...] = (),
        reason: str | None = None,
        skipped: bool = False,
        state: JobState | None = None,
    ) -> JobResult:
        return JobResult(
            id=row.id,
            line=row.line,
            kind=row.kind,
            ok=ok,
            state=str(state or row.state),
            external_task_id=row.external_task_id,
            task_id=task_id or row.task_id,
            files=files,
            reason=reason,
            skipped=skipped,
        )

    def _stop(self, exc: KlingError) -> None:
        if self.stopped is None:
            self.stopped = exc

    # ------------------------------------------------------------------ one job

    async def _job(self, row: LedgerRow, slot: _Slot | None) -> None:
        self.progress.running += 1
        state = row.state
        task_id = row.task_id
        try:
            self._adopt_slot(row)
            task: Task | str | None = task_id
            if state is JobState.CREATING:
                task = await self._recover(row)
            if task is None:
                assert slot is not None
                state = JobState.CREATING
                task = await self._create(row, slot)
            task_id = task.task_id if isinstance(task, Task) else task
            state = JobState.RUNNING
            done = await self._follow(row, task)
            if slot is not None:
                await slot.release(finished=True)
            state = JobState.DOWNLOADING
            files = await self._save(row, done)
            self._end(row, ok=True, task_id=task_id, files=files, state=JobState.DONE)
        except _NotStarted:
            pass
        except _Requeue:
            self.ledger.release(row.id)
        except LeaseLostError:
            pass  # another worker took the job over and goes on with it
        except LedgerError:
            raise  # no step can be recorded: the whole batch stops (see `main`)
        except _JobEnded as outcome:
            self._end(
                row, ok=False, task_id=task_id, reason=outcome.reason, state=outcome.state or state
            )
        except (KlingError, OSError) as exc:
            if isinstance(exc, _ACCOUNT_REFUSALS):
                self._stop(exc)
            self._end(row, ok=False, task_id=task_id, reason=_unfinished(state, exc), state=state)
        finally:
            self.progress.running -= 1
            if slot is not None:
                await slot.release()

    def _fields(self, row: LedgerRow) -> dict[str, Any]:
        job = Job(id=row.id, line=row.line, kind=row.kind, fields=row.fields)
        fields = library_fields(job, self.base)
        if _takes_external_id(row.kind):
            fields["external_task_id"] = row.external_task_id
        callbacks = self.batch.callbacks
        if callbacks is not None and not fields.get("callback_url"):
            # Keyed by the ledger's id for the job, sent or not (an endpoint may take none).
            fields["callback_url"] = callbacks.callback_url(row.external_task_id)
        return fields

    async def _recover(self, row: LedgerRow) -> Task | None:
        """A job whose create may have been sent: its task, or None when surely none exists.

        An endpoint without `external_task_id` has no id to look the task up by: the job ends
        failed, saying the task may exist, and is sent again only with `retry_failed`.
        """
        if not _takes_external_id(row.kind):
            self._may_exist(row, "an earlier run's create of it may have made a task")
        task = await self._look_for(row)
        if task is None:
            self._set(row, JobState.PENDING)
            return None
        self._running(row, task)
        return task

    async def _look_for(self, row: LedgerRow) -> Task | None:
        """The task made under the job's `external_task_id` (see `_find`)."""
        return await self._find(row.kind, row.external_task_id)

    async def _find(self, kind: str, external_task_id: str) -> Task | None:
        """The task made under `external_task_id`; None once "not found" held for the
        client's whole grace window (`RetryPolicy.grace_delays`): a gateway slow to store a
        create answers "not found" for a while after it was sent."""
        for delay in (0.0, *self.policy.grace_delays()):
            if delay:
                await self.pause(delay)
            try:
                return await self.ops.get(kind, external_task_id)
            except APIError as exc:
                if not is_task_not_found(exc.status_code, exc.code, exc.message):
                    raise
        return None

    def _may_exist(self, row: LedgerRow, why: str) -> NoReturn:
        """End a job whose task may exist but cannot be looked up (no `external_task_id`).

        Never re-sent blind: it is `failed`, so only `retry_failed` sends it again, once the
        user has checked the endpoint's task list.
        """
        message = (
            f"{why}; {row.kind} takes no external_task_id, so it cannot be looked up and was "
            f"not sent again: check `kling list {row.kind}`, then use --retry-failed to create it"
        )
        self._set(row, JobState.FAILED, message=message)
        raise _JobEnded(message, JobState.FAILED)

    def _running(self, row: LedgerRow, task: Task) -> None:
        self._set(row, JobState.RUNNING, task_id=task.task_id, task_status=task.status.value)

    async def _create(self, row: LedgerRow, slot: _Slot) -> Task:
        fields = self._fields(row)
        attempt = 0
        while True:
            if self.stopped is not None:
                raise _NotStarted
            wait = self.next_create - self.clock()
            if wait > 0:  # the account's rate limit holds every create back
                await self.pause(wait)
                continue
            await self._take_slot(row)
            self._set(row, JobState.CREATING)  # on disk before the request leaves
            try:
                task = await self.ops.create(row.kind, fields)
            except TaskMayExistError as exc:
                if not _takes_external_id(row.kind):
                    self._may_exist(row, f"its create may have made a task ({exc.cause})")
                raise  # the job stays `creating`: the next run looks its task up
            except ExternalTaskIdInUseError as exc:
                return await self._adopt(row, exc)
            except _ACCOUNT_REFUSALS as exc:
                self._set(row, JobState.PENDING)  # refused: no task was made
                self._stop(exc)
                raise _NotStarted from exc
            except RateLimitError as exc:
                if self.slots is not None and exc.code == 1303:
                    self.slots.shrink(SHRINK_SECONDS)  # before this job's slot is freed
                self._set(row, JobState.PENDING)
                await self.throttle(slot, self._rate_limited(exc))
                continue
            except (APIConnectionError, ServerError) as exc:
                # Raised only once the library proved the create made no task.
                self._set(row, JobState.PENDING)
                attempt += 1
                # No connection even after the client's own retries: the API is out of reach
                # for every job alike. Other failures may pass: a few tries, then stop too.
                refused = classify_transport_error(exc) is TransportFailure.NOT_SENT
                if refused or attempt >= BATCH_CREATE_ATTEMPTS:
                    self._stop(exc)
                    raise _NotStarted from exc
                await self.pause(self.backoff.backoff(attempt - 1, rand=_rng.random()))
                continue
            except APIError as exc:
                message = f"the API refused the create: {exc}"
                self._set(row, JobState.FAILED, message=message)
                raise _JobEnded(message, JobState.FAILED) from exc
            self.rate_refusals = 0
            self.progress.rate_limit_code = self.progress.next_create_at = None
            self._running(row, task)
            return task

    def _rate_limited(self, exc: RateLimitError) -> float:
        """The wait before the batch's next create after a rate-limit refusal.

        The policy's backoff, growing with each refusal in a row, never under the least wait
        the spec asks for after 1303, and longer when the server asks for longer (up to
        `BATCH_MAX_BACKOFF`): `Retry-After: 0`, a negative one or a date in the past do not make
        the batch send again at once.
        """
        delay = self.backoff.backoff(self.rate_refusals, rand=_rng.random())
        delay = max(delay, exc.retry_after or 0.0, self.policy.rate_limit_min_delay)
        self.rate_refusals += 1
        self.next_create = max(self.next_create, self.clock() + min(delay, BATCH_MAX_BACKOFF))
        self.progress.rate_limit_code = exc.code
        self.progress.next_create_at = self.next_create
        return self.next_create - self.clock()

    async def _adopt(self, row: LedgerRow, exc: ExternalTaskIdInUseError) -> Task:
        """A create refused because its `external_task_id` exists: the task holding it is this
        job's own (an earlier create whose answer was lost), since the ledger chose that id
        for this job alone. It is followed, never paid for again."""
        if row.fields.get("external_task_id"):
            # The jobs file chose the id: the task holding it may be anyone's.
            message = f"the API refused the create: {exc}"
            self._set(row, JobState.FAILED, message=message)
            raise _JobEnded(message, JobState.FAILED) from exc
        task = exc.task if isinstance(exc.task, Task) else await self._look_for(row)
        if task is None:
            raise _JobEnded(
                f"the API says a task with its external_task_id {row.external_task_id} exists "
                "but does not show it; run the batch again to look it up",
                JobState.CREATING,
            ) from exc
        self._running(row, task)
        return task

    async def _follow(self, row: LedgerRow, task: Task | str) -> Task:
        try:
            return await self.ops.wait(row.kind, task, self.batch.timeout)
        except TaskFailedError as exc:
            message = f"the task failed: {exc.message or 'no reason given'}"
            self._set(row, JobState.FAILED, task_status="failed", message=message)
            raise _JobEnded(message, JobState.FAILED) from exc
        except TaskTimeoutError as exc:
            raise _JobEnded(
                f"task {exc.task_id} is still running after {exc.timeout:g} s; run the batch "
                "again to follow it"
            ) from exc

    async def _save(self, row: LedgerRow, task: Task) -> tuple[Path, ...]:
        """Download every output of the task: `<id><ext>`, or `<id>-<n><ext>` for several."""
        self._set(row, JobState.DOWNLOADING, task_status=task.status.value)
        singles = _one_output_each(task)
        several = len(singles) > 1
        files: list[Path] = []
        async with self.downloads:
            for number, single in enumerate(singles, start=1):
                name = f"{row.id}-{number}" if several else row.id
                if several and self.ledger.has_job(name):
                    raise _JobEnded(
                        f"output {number} would overwrite the output of job {name!r}; rename one"
                    )
                target = self.batch.output / f"{name}{single.outputs[0].extension}"
                if row.state is JobState.DOWNLOADING:
                    _remove_debris(target)
                files += await self.ops.download(single, target)
        if not files and endpoint(row.kind).output != "none":
            raise _JobEnded(f"task {task.task_id} succeeded without an output to save")
        self._set(row, JobState.DONE, files=[str(path) for path in files])
        return tuple(files)


def _one_output_each(task: Task) -> list[Task]:
    """The task once per output it made (videos, then images, then audio), each holding that
    one alone: each is downloaded to its own file."""
    singles = [attrs.evolve(task, videos=(v,), images=(), audios=()) for v in task.videos]
    singles += [attrs.evolve(task, videos=(), images=(i,), audios=()) for i in task.images]
    singles += [attrs.evolve(task, videos=(), images=(), audios=(a,)) for a in task.audios]
    return [single for single in singles if single.outputs]


def _takes_external_id(kind: str) -> bool:
    """Whether the endpoint's create takes an `external_task_id` (a lost answer is found)."""
    return "external_task_id" in endpoint(kind).fields


def _remove_debris(target: Path) -> None:
    """Delete the half downloads of `target` that a killed run of this batch left behind.

    Only this batch writes its jobs' files while it holds the ledger's lock, so a `.part` of
    one of them is a dead run's. `part_files` knows the names the download code gives them.
    """
    for part in part_files(target):
        with contextlib.suppress(OSError):
            part.unlink()


def _first(group: BaseExceptionGroup[LedgerError]) -> LedgerError:
    found: BaseException = group
    while isinstance(found, BaseExceptionGroup):
        found = found.exceptions[0]
    assert isinstance(found, LedgerError)
    return found


def _unfinished(state: JobState, exc: BaseException) -> str:
    """Why a job stopped short, and what the next run will do about it."""
    if state is JobState.DOWNLOADING:
        return f"its output could not be saved ({exc}); run the batch again to download it"
    if state is JobState.RUNNING:
        return f"its task could not be followed ({exc}); run the batch again to follow it"
    if isinstance(exc, TaskMayExistError):
        return f"its create may have made a task ({exc.cause}); run the batch again to look it up"
    return f"{exc}; run the batch again to continue"
