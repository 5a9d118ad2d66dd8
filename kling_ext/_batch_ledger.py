"""The batch ledger: a SQLite file that remembers every job, so a killed batch loses nothing.

Each step is committed before the next one starts: a job's `external_task_id` is recorded when
the job enters the ledger, and its state becomes `creating` before the create is sent; then
`running` with the task id; then `downloading` when the task succeeded; then `done` with its
files. A run that finds a job `creating` looks its task up by `external_task_id` rather than
create it again. The ledger, not memory, holds the jobs, so a 10,000-line batch runs in flat
memory.

A ledger that cannot be written (a full disk) stops the batch with `LedgerError`: the failed
step is rolled back whole, every step before it stays, and the next run resumes from them (a
create already sent is still `creating`, and found again by its `external_task_id`). The
ledger, and the lock file beside it, are never opened through a symbolic link: one planted there
would have the batch write to a file it points to.
"""

from __future__ import annotations

import contextlib
import enum
import errno
import json
import os
import sqlite3
import stat
import sys
import time
import uuid
from collections.abc import Collection, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

import attrs

from ._batch_jobs import Job, JobProblem
from ._exceptions import ConfigurationError

__all__ = [
    "IN_FLIGHT",
    "BatchLedger",
    "JobState",
    "LeaseLostError",
    "Ledger",
    "LedgerBusyError",
    "LedgerError",
    "LedgerRow",
    "new_batch_external_id",
]

_SCHEMA_VERSION = "1"
_PAGE = 256
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS jobs (
    id TEXT PRIMARY KEY,
    line INTEGER NOT NULL,
    kind TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    fields TEXT NOT NULL,
    external_task_id TEXT NOT NULL UNIQUE,
    state TEXT NOT NULL,
    task_id TEXT,
    task_status TEXT,
    message TEXT,
    files TEXT NOT NULL DEFAULT '[]',
    run INTEGER NOT NULL,
    updated_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS jobs_run_line ON jobs (run, line);
"""
_COLUMNS = "id, line, kind, fields, external_task_id, state, task_id, task_status, message, files"
# Files SQLite keeps beside the ledger: a link planted at one of them is refused like the ledger.
_SIDECARS = ("", "-wal", "-shm", "-journal")
# Tries to lock a lock file that its holder keeps removing as we open it (see `_LockFile`).
_LOCK_TRIES = 5


class LedgerError(ConfigurationError):
    """The batch ledger cannot be used: a full disk, a symbolic link in its place, or a job
    state this version does not know. What the ledger recorded before stays; fix the cause and
    run the batch again to resume it."""


class LedgerBusyError(LedgerError):
    """Another batch is running on the same ledger; two at once could create a job twice."""


class LeaseLostError(LedgerError):
    """This worker's claim on a job ran out and another worker took the job over: this worker
    leaves the job alone (a shared ledger only)."""


def _busy(path: Path) -> LedgerBusyError:
    return LedgerBusyError(
        f"another batch is running on the ledger {path.with_suffix('')}; wait for it to end "
        "(or stop it) before running this batch again"
    )


def _linked(path: Path) -> LedgerError:
    return LedgerError(
        f"{path} is a symbolic link; a batch ledger and its lock file are never one, and "
        "writing through it would change the file it points to: remove the link, or give the "
        "ledger's real path"
    )


def _refuse_link(path: Path) -> None:
    """Refuse `path` if it is a symbolic link (not followed); a missing file is fine."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    if stat.S_ISLNK(mode):
        raise _linked(path)


def _disk_full(exc: sqlite3.Error) -> bool:
    # SQLITE_FULL: "database or disk is full"; Python 3.11 has the code, not a class, for it.
    code = getattr(exc, "sqlite_errorcode", None)
    return code == sqlite3.SQLITE_FULL if code is not None else "full" in str(exc).lower()


class _LockFile:
    """An exclusive lock on `<ledger>.lock`, held while a batch runs, its file removed after.

    Why removing the file is safe (POSIX; the lock is `flock`, which the kernel drops when the
    process dies, so a killed batch never leaves a lock held, only an unlocked file):
    - only the holder removes the file, and it does so before letting go of the lock, so no
      other process can be holding a lock on the file that disappears;
    - a process that opened the file just before the holder removed it may get its lock once
      the holder lets go, but then holds a lock on a file no longer at the path, which excludes
      no one. So after locking, each process checks that the path still names the file it
      locked (same device and inode) and, if not, starts over with whatever file is there now:
      two processes can never both believe they hold the lock.
    On Windows an open file cannot be removed: the holder closes it and then tries to remove
    it, which fails (harmlessly, leaving the file) exactly when another process has it open.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None
        for _ in range(_LOCK_TRIES):
            fd = self._open()
            self._lock(fd)
            if self._still_there(fd):
                self._fd = fd
                return
            os.close(fd)
        raise _busy(path)

    def _open(self) -> int:
        _refuse_link(self.path)  # O_NOFOLLOW does it too, where it exists; Windows has none
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        try:
            return os.open(self.path, flags, 0o644)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise _linked(self.path) from None
            raise

    def _lock(self, fd: int) -> None:
        """Lock the file open as `fd`, or close it and raise `LedgerBusyError`."""
        try:
            if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
                import msvcrt

                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise _busy(self.path) from None

    def _still_there(self, fd: int) -> bool:
        """Whether the path still names the file locked through `fd` (see the class)."""
        try:
            here = os.stat(self.path, follow_symlinks=False)
        except FileNotFoundError:
            return False
        mine = os.fstat(fd)
        return (here.st_dev, here.st_ino) == (mine.st_dev, mine.st_ino)

    def release(self) -> None:
        """Remove the lock file and let go of the lock (in that order: see the class)."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
            os.close(fd)
            with contextlib.suppress(OSError):
                os.remove(self.path)
            return
        try:
            # Only this process removes the file it holds: if someone else replaced it (by hand),
            # theirs stays.
            if self._still_there(fd):
                os.unlink(self.path)
        except OSError:
            pass  # a lock file left behind is harmless: the next batch locks it and removes it
        finally:
            os.close(fd)


class JobState(enum.StrEnum):
    """Where a job stands in the ledger."""

    PENDING = "pending"
    """Not sent: creating it cannot pay twice."""
    CREATING = "creating"
    """Its create may have been sent: look the task up by external_task_id first."""
    RUNNING = "running"
    """Its task exists (task_id known) and has not ended."""
    DOWNLOADING = "downloading"
    """Its task succeeded; not every video is saved yet."""
    DONE = "done"
    """Every video saved."""
    FAILED = "failed"
    """The task failed, or the API refused the create; `message` says why."""


_KNOWN_STATES = frozenset(str(state) for state in JobState)
IN_FLIGHT = (JobState.DOWNLOADING, JobState.CREATING, JobState.RUNNING)
"""The states of a job that has started and not ended, in the order a run takes them up."""


def _unknown_state(ident: str, state: object) -> LedgerError:
    known = ", ".join(str(state) for state in JobState)
    return LedgerError(
        f"job {ident!r} has the state {state!r} in the ledger, which this version of kling-ext "
        f"does not know (it knows {known}): the ledger was written by another version or edited; "
        "nothing was sent"
    )


def new_batch_external_id() -> str:
    """An external_task_id for a batch job, chosen before anything is sent."""
    return f"kling-batch-{uuid.uuid4()}"


@attrs.frozen
class LedgerRow:
    """A job as the ledger holds it."""

    id: str
    line: int
    kind: str
    fields: dict[str, Any]
    external_task_id: str
    state: JobState
    task_id: str | None
    task_status: str | None
    message: str | None
    files: tuple[str, ...]

    @classmethod
    def from_row(cls, row: Sequence[Any]) -> LedgerRow:
        """Read one `SELECT {_COLUMNS}` row.

        Raises:
            LedgerError: the row's state is none this version knows.
        """
        if row[5] not in _KNOWN_STATES:
            raise _unknown_state(row[0], row[5])
        return cls(
            id=row[0],
            line=row[1],
            kind=row[2],
            fields=json.loads(row[3]),
            external_task_id=row[4],
            state=JobState(row[5]),
            task_id=row[6],
            task_status=row[7],
            message=row[8],
            files=tuple(json.loads(row[9])),
        )


class BatchLedger(Protocol):
    """What the batch needs of its ledger, whichever store keeps it: the SQLite file of one
    machine (`Ledger`) or a PostgreSQL database shared by many workers (`_batch_pg.PgLedger`).

    A worker takes a job with `claim` before it works on it; on a shared ledger the claim is a
    lease that `renew` keeps alive, and another worker takes the job over once it runs out.
    """

    shared: bool
    """Whether other workers may run this batch at the same time (then claims are leases)."""

    @property
    def where(self) -> str:
        """The ledger as shown to people (a URL's password hidden)."""
        ...

    def import_jobs(
        self, jobs: Iterable[Job | JobProblem], *, force: bool, retry_failed: bool
    ) -> tuple[int, list[JobProblem]]:
        """Record the jobs file's jobs; see `Ledger.import_jobs`."""
        ...

    def jobs_of_run(self, run: int, states: Iterable[JobState]) -> Iterator[LedgerRow]:
        """This run's jobs in the given states, in file order."""
        ...

    def all_jobs(self) -> Iterator[LedgerRow]:
        """Every job of the ledger, in line order."""
        ...

    def counts(self, run: int | None = None) -> dict[str, int]:
        """How many jobs are in each state."""
        ...

    def has_job(self, ident: str) -> bool:
        """Whether a job with this id exists."""
        ...

    def set_state(
        self,
        ident: str,
        state: JobState,
        *,
        task_id: str | None = None,
        task_status: str | None = None,
        message: str | None = None,
        files: Sequence[str] | None = None,
    ) -> None:
        """Record a step of a job this worker holds, committed before this returns.

        Raises:
            LeaseLostError: another worker took the job over (shared ledgers).
            LedgerError: it could not be recorded.
        """
        ...

    def reopen(self, ident: str) -> None:
        """A job `done` whose videos went missing: back to `downloading`, for any worker."""
        ...

    def claim(
        self,
        run: int,
        states: Sequence[JobState],
        *,
        skip: Collection[str] = (),
        capacity: int | None = None,
    ) -> LedgerRow | None:
        """The next job of the run in one of `states` that no worker holds, now held by this one;
        None when there is none. `skip`: ids this worker gave up on in this run. `capacity`:
        the account's slots, when the ledger keeps them (a pending job then comes with one)."""
        ...

    def release(self, ident: str) -> None:
        """Let go of a job this worker gave up on while it is under way (another may take it)."""
        ...

    def renew(self) -> None:
        """Keep this worker's claims alive (shared ledgers: call well within the lease)."""
        ...

    def others_working(self, run: int, *, skip: Collection[str], pending: bool) -> bool:
        """Whether jobs this worker may still have to take remain with other workers: jobs
        under way under another worker's live lease, or (`pending`) jobs not started."""
        ...

    def jobs_folder(self, given: Path | None) -> Path:
        """The folder the jobs' image paths are relative to: `given` (the jobs file's, then
        remembered), or the one a worker that gave the jobs file remembered.

        Raises:
            LedgerError: none is given and none was remembered (the ledger holds no batch).
        """
        ...

    def close(self) -> None:
        """Let go of every claim and of the store."""
        ...


class Ledger:
    """One batch's SQLite ledger. Used from one thread; every write is committed at once."""

    shared = False

    def __init__(self, path: str | os.PathLike[str], *, readonly: bool = False) -> None:
        """Open (or create) the ledger.

        Raises:
            FileNotFoundError: `readonly` and there is no ledger at `path`.
            sqlite3.DatabaseError: the file is not a ledger.
            LedgerBusyError: another batch holds the ledger.
            LedgerError: it, or its lock file, is a symbolic link; or the disk is full.
        """
        self.path = Path(path)
        self._lock: _LockFile | None = None
        # Where `claim` has got to, per set of states (one batch process owns the file).
        self._cursors: dict[tuple[JobState, ...], int | None] = {}
        if readonly:
            if not self.path.is_file():
                raise FileNotFoundError(f"no batch ledger at {self.path}")
            uri = f"{self.path.resolve().as_uri()}?mode=ro"
            self._db = sqlite3.connect(uri, uri=True, isolation_level=None)
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = _LockFile(self.path.with_name(self.path.name + ".lock"))
        try:
            # Checked while holding the lock: no other batch can plant or move them meanwhile.
            for suffix in _SIDECARS:
                _refuse_link(self.path.with_name(self.path.name + suffix))
            self._db = sqlite3.connect(self.path, isolation_level=None)
            try:
                self._prepare()
            except BaseException:
                self._db.close()
                raise
        except sqlite3.OperationalError as exc:
            self._lock.release()
            if _disk_full(exc):
                raise LedgerError(self._failure(exc)) from exc
            raise
        except BaseException:
            self._lock.release()
            raise

    def _prepare(self) -> None:
        # WAL + FULL: every commit is on disk before the request it guards is sent, at the cost
        # of one fsync per commit; a batch sends a handful of requests per job at most.
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.executescript(_SCHEMA)
        found = self._db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
        if found is None:
            self._db.execute("INSERT INTO meta VALUES ('schema', ?)", (_SCHEMA_VERSION,))
        elif found[0] != _SCHEMA_VERSION:
            raise sqlite3.DatabaseError(f"{self.path} is a batch ledger of another version")

    def close(self) -> None:
        """Close the file (every write is already committed) and let another batch use it; the
        lock file goes with it."""
        try:
            self._db.close()
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    @contextlib.contextmanager
    def _guard(self) -> Iterator[sqlite3.Connection]:
        """The connection, with a failure of SQLite (a full disk above all) as a `LedgerError`.

        SQLite undoes a failed statement whole (and `import_jobs` its whole transaction), so
        the ledger keeps every step recorded before: the next run resumes from them.
        """
        try:
            yield self._db
        except sqlite3.Error as exc:
            raise LedgerError(self._failure(exc)) from exc

    def _failure(self, exc: sqlite3.Error) -> str:
        full = _disk_full(exc)
        cause = f"the disk is full ({exc})" if full else str(exc)
        fix = "free some space" if full else "fix the cause"
        return (
            f"the batch ledger {self.path} could not be written or read: {cause}. The batch "
            f"stopped; every step it recorded before is kept: {fix} and run the batch again to "
            "resume it (tasks already created are followed, none is created twice)"
        )

    # ------------------------------------------------------------------ import

    def import_jobs(
        self, jobs: Iterable[Job | JobProblem], *, force: bool, retry_failed: bool
    ) -> tuple[int, list[JobProblem]]:
        """Record this run's jobs in one transaction; nothing is kept if any line is bad.

        A job already in the ledger keeps its state (and external_task_id); one whose fields
        changed is refused unless `force` (then it starts over, with a new task). A failed job
        starts over when `retry_failed`. `jobs` come as `read_jobs` yields them: no id twice.

        Returns:
            This run's number (to pass to `jobs_of_run`) and the problems (empty when all went in).

        Raises:
            LedgerError: the ledger cannot be written (nothing of this run is kept), or a job's
                recorded state is none this version knows.
        """
        problems: list[JobProblem] = []
        with self._guard() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                run = int(self._meta("run") or 0) + 1
                self._set_meta("run", str(run))
                for job in jobs:
                    if isinstance(job, JobProblem):
                        problems.append(job)
                    elif (problem := self._import_one(job, run, force, retry_failed)) is not None:
                        problems.append(problem)
                db.execute("ROLLBACK" if problems else "COMMIT")
            except BaseException:
                if db.in_transaction:  # a failed COMMIT (disk full) leaves it open
                    with contextlib.suppress(sqlite3.Error):
                        db.execute("ROLLBACK")
                raise
        return run, problems

    def _import_one(self, job: Job, run: int, force: bool, retry_failed: bool) -> JobProblem | None:
        db = self._db
        fields = json.dumps(job.fields, ensure_ascii=False, separators=(",", ":"))
        old = db.execute(
            "SELECT fingerprint, state, task_id, external_task_id FROM jobs WHERE id=?", (job.id,)
        ).fetchone()
        if old is None:
            db.execute(
                "INSERT INTO jobs (id, line, kind, fingerprint, fields, external_task_id, "
                "state, run, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?)",
                (
                    job.id,
                    job.line,
                    job.kind,
                    job.fingerprint,
                    fields,
                    new_batch_external_id(),
                    run,
                    time.time(),
                ),
            )
            return None
        fingerprint, state, task_id, old_external = old
        if state not in _KNOWN_STATES:
            raise _unknown_state(job.id, state)
        changed = fingerprint != job.fingerprint
        if changed and state != JobState.PENDING and not force:
            what = f"its task {task_id}" if task_id else f"a task ({old_external})"
            return JobProblem(
                job.line,
                "id",
                f"job {job.id!r} changed since the ledger recorded it, and {what} may "
                f"already exist (state {state})",
                "the line as it was, a new id for the new job, or --force (force=True) to "
                "create a new task for it",
            )
        restart = (changed and state != JobState.PENDING) or (
            retry_failed and state == JobState.FAILED
        )
        if restart or changed:
            db.execute(
                "UPDATE jobs SET kind=?, fingerprint=?, fields=?, external_task_id=?, "
                "state='pending', task_id=NULL, task_status=NULL, message=NULL, files='[]' "
                "WHERE id=?",
                (
                    job.kind,
                    job.fingerprint,
                    fields,
                    new_batch_external_id() if restart else old_external,
                    job.id,
                ),
            )
        db.execute(
            "UPDATE jobs SET line=?, run=?, updated_at=? WHERE id=?",
            (job.line, run, time.time(), job.id),
        )
        return None

    # ------------------------------------------------------------------ reading

    def jobs_of_run(self, run: int, states: Iterable[JobState]) -> Iterator[LedgerRow]:
        """This run's jobs in the given states, in file order, read a page at a time."""
        wanted = tuple(str(state) for state in states)
        marks = ", ".join("?" * len(wanted))
        after = 0
        while True:
            with self._guard() as db:
                rows = db.execute(
                    f"SELECT {_COLUMNS} FROM jobs WHERE run=? AND line>? AND state IN ({marks}) "  # noqa: S608 - only "?" marks
                    "ORDER BY line LIMIT ?",
                    (run, after, *wanted, _PAGE),
                ).fetchall()
            if not rows:
                return
            for row in rows:
                yield LedgerRow.from_row(row)
            after = rows[-1][1]

    def all_jobs(self) -> Iterator[LedgerRow]:
        """Every job of the ledger, in line order, read a page at a time."""
        after: tuple[int, str] = (-1, "")
        while True:
            with self._guard() as db:
                rows = db.execute(
                    f"SELECT {_COLUMNS} FROM jobs WHERE (line, id) > (?, ?) "  # noqa: S608 - constant
                    "ORDER BY line, id LIMIT ?",
                    (*after, _PAGE),
                ).fetchall()
            if not rows:
                return
            for row in rows:
                yield LedgerRow.from_row(row)
            after = (rows[-1][1], rows[-1][0])

    def counts(self, run: int | None = None) -> dict[str, int]:
        """How many jobs are in each state (of one run, or of the whole ledger)."""
        where, params = ("WHERE run=?", (run,)) if run is not None else ("", ())
        with self._guard() as db:
            rows = db.execute(
                f"SELECT state, COUNT(*) FROM jobs {where} GROUP BY state",  # noqa: S608 - constant
                params,
            ).fetchall()
        return {str(state): int(count) for state, count in rows}

    def has_job(self, ident: str) -> bool:
        """Whether a job with this id exists (any run)."""
        with self._guard() as db:
            return db.execute("SELECT 1 FROM jobs WHERE id=?", (ident,)).fetchone() is not None

    # ------------------------------------------------------------------ steps

    def set_state(
        self,
        ident: str,
        state: JobState,
        *,
        task_id: str | None = None,
        task_status: str | None = None,
        message: str | None = None,
        files: Sequence[str] | None = None,
    ) -> None:
        """Record a step of a job, committed before this returns.

        Raises:
            LedgerError: it could not be recorded (a full disk); the job keeps its last state.
        """
        sets = ["state=?", "updated_at=?", "message=?"]
        params: list[Any] = [str(state), time.time(), message]
        if task_id is not None:
            sets.append("task_id=?")
            params.append(task_id)
        if task_status is not None:
            sets.append("task_status=?")
            params.append(task_status)
        if files is not None:
            sets.append("files=?")
            params.append(json.dumps(list(files), ensure_ascii=False))
        with self._guard() as db:
            db.execute(
                f"UPDATE jobs SET {', '.join(sets)} WHERE id=?",  # noqa: S608 - constant columns
                (*params, ident),
            )

    @property
    def where(self) -> str:
        """The ledger's path, as shown to people."""
        return str(self.path)

    def reopen(self, ident: str) -> None:
        """A job `done` whose videos went missing: back to `downloading`."""
        self.set_state(ident, JobState.DOWNLOADING)

    def claim(
        self,
        run: int,
        states: Sequence[JobState],
        *,
        skip: Collection[str] = (),
        capacity: int | None = None,
    ) -> LedgerRow | None:
        """The next job of the run in `states`, after the last one claimed for those states.

        Only this process uses the file (its lock says so), so a claim is only a cursor: the
        jobs come in file order, each once, and a set of states once exhausted stays so (a
        job this run moved into them is already in hand).
        """
        key = tuple(states)
        after = self._cursors.get(key, 0)
        if after is None:
            return None
        marks = ", ".join("?" * len(key))
        with self._guard() as db:
            found = db.execute(
                f"SELECT {_COLUMNS} FROM jobs WHERE run=? AND line>? AND state IN ({marks}) "  # noqa: S608 - only "?" marks
                "ORDER BY line LIMIT 1",
                (run, after, *(str(state) for state in key)),
            ).fetchone()
        if found is None:
            self._cursors[key] = None
            return None
        row = LedgerRow.from_row(found)
        self._cursors[key] = row.line
        return row

    def jobs_folder(self, given: Path | None) -> Path:
        """`given`: every run of a SQLite ledger reads its jobs file."""
        if given is None:
            raise LedgerError("a batch with a SQLite ledger needs its jobs file")
        return given

    def release(self, ident: str) -> None:
        """Nothing to let go of: no other worker shares the file."""

    def renew(self) -> None:
        """Nothing to renew: the lock file holds the whole ledger while the batch runs."""

    def others_working(self, run: int, *, skip: Collection[str], pending: bool) -> bool:
        """Never: the lock file keeps every other batch out."""
        return False

    # ------------------------------------------------------------------ meta

    def _meta(self, key: str) -> str | None:
        found = self._db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return str(found[0]) if found else None

    def _set_meta(self, key: str, value: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))
