"""The batch ledger: a SQLite file that remembers every job, so a killed batch loses nothing.

Each step is committed before the next one starts: a job's `external_task_id` is recorded when
the job enters the ledger, and its state becomes `creating` before the create is sent; then
`running` with the task id; then `downloading` when the task succeeded; then `done` with its
files. A run that finds a job `creating` looks its task up by `external_task_id` rather than
create it again. The ledger, not memory, holds the jobs, so a 10,000-line batch runs in flat
memory.
"""

from __future__ import annotations

import enum
import json
import os
import sqlite3
import sys
import time
import uuid
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

from ._batch_jobs import Job, JobProblem
from ._exceptions import ConfigurationError

__all__ = ["JobState", "Ledger", "LedgerBusyError", "LedgerRow", "new_batch_external_id"]

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


class LedgerBusyError(ConfigurationError):
    """Another batch is running on the same ledger; two at once could create a job twice."""


def _lock(path: Path) -> int:
    """Hold an exclusive lock on `path` until the returned descriptor is closed.

    The kernel drops it when the process dies, so a killed batch never leaves it behind.
    """
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        raise LedgerBusyError(
            f"another batch is running on the ledger {path.with_suffix('')}; wait for it to "
            "end (or stop it) before running this batch again"
        ) from None
    return fd


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
        """Read one `SELECT {_COLUMNS}` row."""
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


class Ledger:
    """One batch's SQLite ledger. Used from one thread; every write is committed at once."""

    def __init__(self, path: str | os.PathLike[str], *, readonly: bool = False) -> None:
        """Open (or create) the ledger.

        Raises:
            FileNotFoundError: `readonly` and there is no ledger at `path`.
            sqlite3.DatabaseError: the file is not a ledger.
        """
        self.path = Path(path)
        self._lock: int | None = None
        if readonly:
            if not self.path.is_file():
                raise FileNotFoundError(f"no batch ledger at {self.path}")
            uri = f"{self.path.resolve().as_uri()}?mode=ro"
            self._db = sqlite3.connect(uri, uri=True, isolation_level=None)
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = _lock(self.path.with_name(self.path.name + ".lock"))
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None)
            self._prepare()
        except BaseException:
            os.close(self._lock)
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
        """Close the file (every write is already committed) and let another batch use it."""
        self._db.close()
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None

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
        """
        problems: list[JobProblem] = []
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            run = int(self._meta("run") or 0) + 1
            self._set_meta("run", str(run))
            for job in jobs:
                if isinstance(job, JobProblem):
                    problems.append(job)
                elif (problem := self._import_one(job, run, force, retry_failed)) is not None:
                    problems.append(problem)
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("ROLLBACK" if problems else "COMMIT")
        return run, problems

    def _import_one(self, job: Job, run: int, force: bool, retry_failed: bool) -> JobProblem | None:
        db = self._db
        fields = json.dumps(job.fields, ensure_ascii=False, separators=(",", ":"))
        external = job.fields.get("external_task_id")
        old = db.execute(
            "SELECT fingerprint, state, task_id, external_task_id FROM jobs WHERE id=?", (job.id,)
        ).fetchone()
        try:
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
                        external or new_batch_external_id(),
                        run,
                        time.time(),
                    ),
                )
                return None
            fingerprint, state, task_id, old_external = old
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
                        new_batch_external_id() if restart else (external or old_external),
                        job.id,
                    ),
                )
            db.execute(
                "UPDATE jobs SET line=?, run=?, updated_at=? WHERE id=?",
                (job.line, run, time.time(), job.id),
            )
        except sqlite3.IntegrityError:
            return JobProblem(
                job.line,
                "external_task_id",
                f"{external!r} is already the external_task_id of another job",
                "a different external_task_id per job, or none (the batch picks one)",
            )
        return None

    # ------------------------------------------------------------------ reading

    def jobs_of_run(self, run: int, states: Iterable[JobState]) -> Iterator[LedgerRow]:
        """This run's jobs in the given states, in file order, read a page at a time."""
        wanted = tuple(str(state) for state in states)
        marks = ", ".join("?" * len(wanted))
        after = 0
        while True:
            rows = self._db.execute(
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
            rows = self._db.execute(
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
        rows = self._db.execute(
            f"SELECT state, COUNT(*) FROM jobs {where} GROUP BY state",  # noqa: S608 - constant
            params,
        ).fetchall()
        return {str(state): int(count) for state, count in rows}

    def has_job(self, ident: str) -> bool:
        """Whether a job with this id exists (any run)."""
        return self._db.execute("SELECT 1 FROM jobs WHERE id=?", (ident,)).fetchone() is not None

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
        """Record a step of a job, committed before this returns."""
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
        self._db.execute(
            f"UPDATE jobs SET {', '.join(sets)} WHERE id=?",  # noqa: S608 - constant columns
            (*params, ident),
        )

    # ------------------------------------------------------------------ meta

    def _meta(self, key: str) -> str | None:
        found = self._db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return str(found[0]) if found else None

    def _set_meta(self, key: str, value: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))
