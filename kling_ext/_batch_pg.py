"""The batch ledger in PostgreSQL: one batch shared by many workers, on any machines.

It keeps what the SQLite ledger keeps (`_batch_ledger`), in tables named `kling_batch_*`, plus
who works on each job: a worker takes a job with `FOR UPDATE SKIP LOCKED` and holds it under a
lease (its id and an expiry on the server's clock) that it renews while it works. A worker
killed with `kill -9` stops renewing; once its leases run out, another worker takes its jobs
over and, for a job that was `creating`, looks its task up by the job's `external_task_id`
(chosen when the job entered the ledger, as in SQLite) before it would create anything. Every
write a worker makes about a job is fenced by its lease: a worker that lost one (paused past
its expiry) cannot overwrite what the new holder records.

The account's parallel-task slots live here too: a job holds one (`slot`) from just before its
create until its task ends or is found absent, and the count of held slots, under a lock on the
one `kling_batch_account` row, bounds the tasks running at once across every worker. A state
that ends the task's run (`pending`, `downloading`, `done`, `failed`) frees the slot in the same
statement, so a crash can never leave one held by a task that no longer runs.

The schema is created and migrated by the tool (`kling_batch_version` holds its version), under
an advisory lock so that workers starting together do it once. psycopg is imported only here,
and this module only when a ledger URL is given: `import kling_ext` never loads it.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import socket
import urllib.parse
import uuid
from collections.abc import Collection, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ._batch_jobs import Job, JobProblem
from ._batch_ledger import (
    IN_FLIGHT,
    JobState,
    LeaseLostError,
    LedgerError,
    LedgerRow,
    new_batch_external_id,
)

__all__ = ["LEDGER_SCHEMES", "PgLedger", "is_ledger_url", "shown_url"]

LEDGER_SCHEMES = ("postgresql://", "postgres://")
_EXTRA = "pip install 'kling-ext[postgres]'"
# One advisory lock key for the schema and for imports (any constant: "klingbat" in ASCII).
_LOCK_KEY = 0x6B6C696E67626174
_COLUMNS = "id, line, kind, fields, external_task_id, state, task_id, task_status, message, files"
_J_COLUMNS = ", ".join(f"j.{column}" for column in _COLUMNS.split(", "))
_PAGE = 256
_CONNECT_TIMEOUT = 10
# Each step brings the schema from version n to n + 1; a new step goes at the end, never edits
# an old one (a ledger at version n has run exactly the first n).
_MIGRATIONS = (
    """
    CREATE TABLE kling_batch_meta (key text PRIMARY KEY, value text NOT NULL);
    CREATE TABLE kling_batch_jobs (
        id text PRIMARY KEY,
        line integer NOT NULL,
        kind text NOT NULL,
        fingerprint text NOT NULL,
        fields text NOT NULL,
        external_task_id text NOT NULL UNIQUE,
        state text NOT NULL,
        task_id text,
        task_status text,
        message text,
        files text NOT NULL DEFAULT '[]',
        run integer NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        worker text,
        lease_until timestamptz,
        slot boolean NOT NULL DEFAULT false,
        running_since timestamptz
    );
    CREATE INDEX kling_batch_jobs_state_line ON kling_batch_jobs (state, line);
    CREATE INDEX kling_batch_jobs_slot ON kling_batch_jobs (slot) WHERE slot;
    CREATE TABLE kling_batch_account (
        id integer PRIMARY KEY CHECK (id = 1),
        shrunk_to integer,
        shrunk_until timestamptz
    );
    INSERT INTO kling_batch_account VALUES (1, NULL, NULL);
    """,
)
SCHEMA_VERSION = len(_MIGRATIONS)
# The states that end a task's run: the job's account slot is free once it is in one of them.
_SLOT_FREE = ("pending", "downloading", "done", "failed")


def is_ledger_url(text: str | os.PathLike[str]) -> bool:
    """Whether a `ledger` argument names a PostgreSQL database rather than a file."""
    return isinstance(text, str) and text.lower().startswith(LEDGER_SCHEMES)


_QUERY_PASSWORD = re.compile(r"(^|&)(password=)([^&]*)", re.IGNORECASE)
"""libpq takes the password in the query too (`?password=...`), not only before the `@`."""


def shown_url(url: str) -> str:
    """The URL with its password (if any) replaced by `***`, for messages and reports."""
    try:
        parts = urllib.parse.urlsplit(url)
        netloc_password = parts.password
    except ValueError:
        return url
    shown = url
    if netloc_password is not None:
        host = parts.netloc.rpartition("@")[2]
        shown = urllib.parse.urlunsplit(parts._replace(netloc=f"{parts.username or ''}:***@{host}"))
    # The query by hand: urlunsplit would write postgresql:///db as postgresql:/db.
    head, mark, rest = shown.partition("?")
    query, hash_mark, fragment = rest.partition("#")
    return head + mark + _QUERY_PASSWORD.sub(r"\1\2***", query) + hash_mark + fragment


def url_passwords(url: str) -> list[str]:
    """The passwords a ledger URL carries, as written and decoded, to cut out of shown text."""
    try:
        parts = urllib.parse.urlsplit(url)
        found = [parts.password or ""]
    except ValueError:
        return []
    found += [match.group(3) for match in _QUERY_PASSWORD.finditer(parts.query)]
    found += [urllib.parse.unquote_plus(text) for text in found]
    return sorted({text for text in found if text}, key=len, reverse=True)


def _psycopg() -> Any:
    try:
        import psycopg
    except ImportError:
        raise LedgerError(
            "a PostgreSQL ledger needs the psycopg driver, which is not installed: install "
            f"the extra with {_EXTRA}"
        ) from None
    return psycopg


def new_worker_id() -> str:
    """This process's name in the ledger: host, process id and a random part."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class PgLedger:
    """One batch's ledger in a PostgreSQL database, shared by every worker that opens it.

    Used from one thread. Every write is committed before it returns (autocommit, or one
    transaction for an import or a claim).
    """

    shared = True

    def __init__(
        self,
        url: str,
        *,
        readonly: bool = False,
        worker: str | None = None,
        lease: float = 30.0,
    ) -> None:
        """Connect, and create or migrate the schema (unless `readonly`).

        Raises:
            LedgerError: psycopg is missing, the server cannot be reached, or the database
                holds a ledger of a newer version (or, `readonly`, none at all).
        """
        self._url = url
        self.worker = worker or new_worker_id()
        self.lease = lease
        psycopg = _psycopg()
        self._pg = psycopg
        self._errors: type[Exception] = psycopg.Error
        try:
            self._db = psycopg.connect(url, autocommit=True, connect_timeout=_CONNECT_TIMEOUT)
        except psycopg.Error as exc:
            raise LedgerError(self._failure(exc)) from None
        try:
            with self._guard():
                if readonly:
                    self._check_version()
                else:
                    self._migrate()
        except BaseException:
            self._db.close()
            raise

    @property
    def where(self) -> str:
        """The URL with its password hidden."""
        return shown_url(self._url)

    def _failure(self, exc: BaseException) -> str:
        # One line: libpq's messages span lines ("refused\n\tIs the server running ...").
        text = " ".join(str(exc).split())
        for password in url_passwords(self._url):
            text = text.replace(password, "***")
        return f"the PostgreSQL ledger {self.where} could not be used: {text}"

    @contextlib.contextmanager
    def _guard(self) -> Iterator[Any]:
        try:
            yield self._db
        except self._errors as exc:
            raise LedgerError(self._failure(exc)) from None

    # ------------------------------------------------------------------ schema

    def _version(self) -> int | None:
        found = self._db.execute("SELECT to_regclass('kling_batch_version')").fetchone()
        if found[0] is None:
            return None
        row = self._db.execute("SELECT version FROM kling_batch_version").fetchone()
        return int(row[0]) if row else 0

    def _check_version(self) -> None:
        version = self._version()
        if not version:
            raise LedgerError(f"{self.where} holds no batch ledger (no kling_batch_* tables)")
        if version > SCHEMA_VERSION:
            raise self._newer(version)

    def _newer(self, version: int) -> LedgerError:
        return LedgerError(
            f"the ledger {self.where} has schema version {version}, newer than this version of "
            f"kling-ext knows ({SCHEMA_VERSION}): upgrade kling-ext on this machine; nothing "
            "was sent"
        )

    def _migrate(self) -> None:
        with self._db.transaction():
            self._db.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
            self._db.execute("CREATE TABLE IF NOT EXISTS kling_batch_version (version integer)")
            version = self._version() or 0
            if version > SCHEMA_VERSION:
                raise self._newer(version)
            for step in _MIGRATIONS[version:]:
                self._db.execute(step)
            if version < SCHEMA_VERSION:
                self._db.execute("DELETE FROM kling_batch_version")
                self._db.execute("INSERT INTO kling_batch_version VALUES (%s)", (SCHEMA_VERSION,))

    def close(self) -> None:
        """Let go of this worker's claims (their jobs stay as they are) and disconnect."""
        try:
            with contextlib.suppress(LedgerError), self._guard() as db:
                db.execute(
                    "UPDATE kling_batch_jobs SET worker=NULL, lease_until=NULL WHERE worker=%s",
                    (self.worker,),
                )
        finally:
            self._db.close()

    # ------------------------------------------------------------------ import

    def import_jobs(
        self, jobs: Iterable[Job | JobProblem], *, force: bool, retry_failed: bool
    ) -> tuple[int, list[JobProblem]]:
        """Record the jobs file's jobs, in one transaction; see `Ledger.import_jobs`.

        Workers import one at a time (an advisory lock): the first records each job and its
        `external_task_id`, the others find them recorded. A job another worker is working on
        keeps its state; `force` and `retry_failed` start a job over only while no worker
        holds it. A shared ledger holds one batch: every job in it is run, whichever jobs
        file recorded it, so the run number is always 1.
        """
        problems: list[JobProblem] = []
        with self._guard() as db, db.transaction() as tx:
            db.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
            for job in jobs:
                if isinstance(job, JobProblem):
                    problems.append(job)
                elif (problem := self._import_one(job, force, retry_failed)) is not None:
                    problems.append(problem)
            if problems:
                raise self._pg.Rollback(tx)  # undone whole, and swallowed by the block
        return 1, problems

    def _import_one(self, job: Job, force: bool, retry_failed: bool) -> JobProblem | None:
        db = self._db
        fields = json.dumps(job.fields, ensure_ascii=False, separators=(",", ":"))
        old = db.execute(
            "SELECT fingerprint, state, task_id, external_task_id, "
            "worker IS NOT NULL AND lease_until >= now() FROM kling_batch_jobs WHERE id=%s",
            (job.id,),
        ).fetchone()
        if old is None:
            db.execute(
                "INSERT INTO kling_batch_jobs (id, line, kind, fingerprint, fields, "
                "external_task_id, state, run) VALUES (%s, %s, %s, %s, %s, %s, 'pending', 1)",
                (job.id, job.line, job.kind, job.fingerprint, fields, new_batch_external_id()),
            )
            return None
        fingerprint, state, task_id, old_external, held = old
        changed = fingerprint != job.fingerprint
        if changed and state != JobState.PENDING and (not force or held):
            what = f"its task {task_id}" if task_id else f"a task ({old_external})"
            why = "another worker holds it" if held and force else f"state {state}"
            return JobProblem(
                job.line,
                "id",
                f"job {job.id!r} changed since the ledger recorded it, and {what} may "
                f"already exist ({why})",
                "the line as it was, a new id for the new job, or --force (force=True) to "
                "create a new task for it",
            )
        restart = (changed and state != JobState.PENDING) or (
            retry_failed and state == JobState.FAILED
        )
        if restart or changed:
            db.execute(
                "UPDATE kling_batch_jobs SET kind=%s, fingerprint=%s, fields=%s, "
                "external_task_id=%s, state='pending', task_id=NULL, task_status=NULL, "
                "message=NULL, files='[]', slot=false, running_since=NULL WHERE id=%s",
                (
                    job.kind,
                    job.fingerprint,
                    fields,
                    new_batch_external_id() if restart else old_external,
                    job.id,
                ),
            )
        db.execute(
            "UPDATE kling_batch_jobs SET line=%s, updated_at=now() WHERE id=%s", (job.line, job.id)
        )
        return None

    def jobs_folder(self, given: Path | None) -> Path:
        """The jobs file's folder: `given` is remembered in the ledger for the workers started
        without the file; without it, the remembered one.

        Raises:
            LedgerError: none is given and the ledger holds no batch yet.
        """
        with self._guard() as db:
            if given is not None:
                db.execute(
                    "INSERT INTO kling_batch_meta VALUES ('jobs_folder', %s) "
                    "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                    (str(given.resolve()),),
                )
                return given
            found = db.execute(
                "SELECT value FROM kling_batch_meta WHERE key='jobs_folder'"
            ).fetchone()
        if found is None:
            raise LedgerError(
                f"the ledger {self.where} holds no batch yet: give the jobs file (JOBS) to the "
                "first worker"
            )
        return Path(found[0])

    # ------------------------------------------------------------------ reading

    def jobs_of_run(self, run: int, states: Iterable[JobState]) -> Iterator[LedgerRow]:
        """The batch's jobs in the given states, in file order, a page at a time."""
        wanted = [str(state) for state in states]
        after: tuple[int, str] = (-1, "")
        while True:
            with self._guard() as db:
                rows = db.execute(
                    f"SELECT {_COLUMNS} FROM kling_batch_jobs WHERE state = ANY(%s) "  # noqa: S608 - constant
                    "AND (line, id) > (%s, %s) ORDER BY line, id LIMIT %s",
                    (wanted, *after, _PAGE),
                ).fetchall()
            if not rows:
                return
            for row in rows:
                yield LedgerRow.from_row(row)
            after = (rows[-1][1], rows[-1][0])

    def all_jobs(self) -> Iterator[LedgerRow]:
        """Every job of the ledger, in line order."""
        return self.jobs_of_run(1, list(JobState))

    def counts(self, run: int | None = None) -> dict[str, int]:
        """How many jobs are in each state."""
        with self._guard() as db:
            rows = db.execute(
                "SELECT state, COUNT(*) FROM kling_batch_jobs GROUP BY state"
            ).fetchall()
        return {str(state): int(count) for state, count in rows}

    def has_job(self, ident: str) -> bool:
        """Whether a job with this id exists."""
        with self._guard() as db:
            found = db.execute("SELECT 1 FROM kling_batch_jobs WHERE id=%s", (ident,)).fetchone()
        return found is not None

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
        """Record a step of a job this worker holds; its lease is renewed with it.

        Raises:
            LeaseLostError: another worker took the job over; nothing was recorded.
            LedgerError: it could not be recorded.
        """
        sets = ["state=%s", "updated_at=now()", "message=%s"]
        params: list[Any] = [str(state), message]
        if state in (JobState.DONE, JobState.FAILED):
            sets.append("worker=NULL, lease_until=NULL")  # ended: nothing more to hold
        else:
            sets.append("lease_until=now() + %s")
            params.append(_interval(self.lease))
        if str(state) in _SLOT_FREE:
            sets.append("slot=false")
        if state is JobState.RUNNING:
            sets.append("running_since=COALESCE(running_since, now())")
        elif state is not JobState.CREATING:
            sets.append("running_since=NULL")
        if task_id is not None:
            sets.append("task_id=%s")
            params.append(task_id)
        if task_status is not None:
            sets.append("task_status=%s")
            params.append(task_status)
        if files is not None:
            sets.append("files=%s")
            params.append(json.dumps(list(files), ensure_ascii=False))
        with self._guard() as db:
            done = db.execute(
                f"UPDATE kling_batch_jobs SET {', '.join(sets)} WHERE id=%s AND worker=%s",  # noqa: S608 - constant columns
                (*params, ident, self.worker),
            )
        if done.rowcount != 1:
            raise LeaseLostError(
                f"job {ident!r} was taken over by another worker after this one's lease ran out"
            )

    def reopen(self, ident: str) -> None:
        """A job `done` whose videos went missing: back to `downloading`, if still done."""
        with self._guard() as db:
            db.execute(
                "UPDATE kling_batch_jobs SET state='downloading', updated_at=now() "
                "WHERE id=%s AND state='done'",
                (ident,),
            )

    # ------------------------------------------------------------------ claims

    def claim(
        self,
        run: int,
        states: Sequence[JobState],
        *,
        skip: Collection[str] = (),
        capacity: int | None = None,
    ) -> LedgerRow | None:
        """The first job in `states` no worker holds (none, or a lease run out), now this
        worker's under a fresh lease; skipped by every other worker meanwhile (`SKIP LOCKED`).

        With `capacity` (the account's slots), a `pending` job is claimed only together with
        one of the account's slots, in the same transaction: a worker never holds a job it
        cannot create, so jobs under way that others abandoned are always taken up first.
        """
        wanted = [str(state) for state in states]
        with_slot = capacity is not None and JobState.PENDING in states
        # Without a free slot, only a job that holds one already may be claimed (a worker died
        # between claiming it and creating it): else such jobs could hold every slot forever.
        free = True
        with self._guard() as db, db.transaction():
            if with_slot:
                assert capacity is not None
                free = self._slots_free(capacity) > 0
            found = db.execute(
                f"""
                WITH c AS (
                    SELECT id FROM kling_batch_jobs
                    WHERE state = ANY(%s) AND NOT (id = ANY(%s)) AND (%s OR slot)
                        AND (worker IS NULL OR (lease_until < now() AND worker <> %s))
                    ORDER BY line LIMIT 1 FOR UPDATE SKIP LOCKED
                )
                UPDATE kling_batch_jobs j SET worker=%s, lease_until=now() + %s,
                    slot = j.slot OR %s
                FROM c WHERE j.id = c.id RETURNING {_J_COLUMNS}
                """,  # noqa: S608 - constant columns
                (
                    wanted,
                    list(skip),
                    free,
                    self.worker,
                    self.worker,
                    _interval(self.lease),
                    with_slot,
                ),
            ).fetchone()
        return LedgerRow.from_row(found) if found is not None else None

    def release(self, ident: str) -> None:
        """Let go of a job this worker gave up on (another worker may take it now)."""
        with self._guard() as db:
            db.execute(
                "UPDATE kling_batch_jobs SET worker=NULL, lease_until=NULL "
                "WHERE id=%s AND worker=%s",
                (ident, self.worker),
            )

    def renew(self) -> None:
        """Push this worker's leases out by another `lease` seconds."""
        with self._guard() as db:
            db.execute(
                "UPDATE kling_batch_jobs SET lease_until=now() + %s WHERE worker=%s",
                (_interval(self.lease), self.worker),
            )

    def others_working(self, run: int, *, skip: Collection[str], pending: bool) -> bool:
        """Whether jobs under way are held by other live workers (they may yet give one up,
        or die), or (`pending`) jobs are still to start (waiting for an account slot)."""
        states = [str(state) for state in IN_FLIGHT]
        if pending:
            states.append(str(JobState.PENDING))
        with self._guard() as db:
            found = db.execute(
                "SELECT 1 FROM kling_batch_jobs WHERE state = ANY(%s) AND NOT (id = ANY(%s)) "
                "AND (state = 'pending' OR worker IS DISTINCT FROM %s) LIMIT 1",
                (states, list(skip), self.worker),
            ).fetchone()
        return found is not None

    # ------------------------------------------------------------------ account slots

    def _slots_free(self, capacity: int) -> int:
        """Free slots now, with the account row locked until the transaction ends.

        The lock is taken first, in a statement of its own: the count that follows then runs
        on a snapshot taken after the previous holder committed (under READ COMMITTED, a count
        in the locking statement itself would see the slots as they were before the wait).
        """
        self._db.execute("SELECT 1 FROM kling_batch_account WHERE id=1 FOR UPDATE")
        shrunk_to, in_use = self._db.execute(
            "SELECT CASE WHEN shrunk_until > now() THEN shrunk_to END, "
            "(SELECT count(*) FROM kling_batch_jobs WHERE slot) "
            "FROM kling_batch_account WHERE id=1"
        ).fetchone()
        limit = capacity if shrunk_to is None else max(1, min(capacity, shrunk_to))
        return int(limit - in_use)

    def take(self, row: LedgerRow, capacity: int) -> bool:
        """A slot for this job (already held: True), if one of `capacity` is free."""
        with self._guard() as db, db.transaction():
            if self._slots_free(capacity) <= 0:
                held = db.execute(
                    "SELECT slot FROM kling_batch_jobs WHERE id=%s", (row.id,)
                ).fetchone()
                return bool(held and held[0])
            db.execute(
                "UPDATE kling_batch_jobs SET slot=true WHERE id=%s AND worker=%s",
                (row.id, self.worker),
            )
        return True

    def adopt(self, row: LedgerRow) -> None:
        """A job taken up under way: its task counts against the account, free slot or not."""
        with self._guard() as db:
            db.execute(
                "UPDATE kling_batch_jobs SET slot=true WHERE id=%s AND state IN "
                "('creating', 'running')",
                (row.id,),
            )

    def release_slot(self, row: LedgerRow, *, ended: bool) -> None:
        """Free the job's slot; a task that ended lets a shrunk account grow by one."""
        with self._guard() as db:
            db.execute("UPDATE kling_batch_jobs SET slot=false WHERE id=%s", (row.id,))
            if ended:
                db.execute(
                    "UPDATE kling_batch_account SET shrunk_to = shrunk_to + 1 "
                    "WHERE id=1 AND shrunk_until > now()"
                )

    def shrink(self, seconds: float) -> None:
        """The account refused a create (1303): for `seconds`, allow only the tasks running
        now (one fewer than the slots held, the refused job's among them)."""
        with self._guard() as db:
            db.execute(
                "UPDATE kling_batch_account SET shrunk_to = GREATEST(1, "
                "(SELECT count(*) FROM kling_batch_jobs WHERE slot) - 1), "
                "shrunk_until = now() + %s WHERE id=1",
                (_interval(seconds),),
            )

    def orphans(self) -> list[tuple[str, str, str]]:
        """None: a slot belongs to its job, which the next worker to claim it follows."""
        return []

    def forget(self, external_task_id: str, holder: str) -> None:
        """Nothing to forget (see `orphans`)."""

    def in_use(self) -> int:
        """Slots held now."""
        with self._guard() as db:
            found = db.execute("SELECT count(*) FROM kling_batch_jobs WHERE slot").fetchone()
        return int(found[0])

    # ------------------------------------------------------------------ status

    def status(self) -> dict[str, Any]:
        """What `kling batch-status` shows: jobs by state, per worker, slots, oldest task."""
        with self._guard() as db:
            states = dict(
                db.execute("SELECT state, count(*) FROM kling_batch_jobs GROUP BY state").fetchall()
            )
            workers = db.execute(
                "SELECT worker, state, count(*), bool_and(lease_until >= now()) "
                "FROM kling_batch_jobs WHERE worker IS NOT NULL GROUP BY worker, state "
                "ORDER BY worker, state"
            ).fetchall()
            slots, shrunk_to, shrunk_for = db.execute(
                "SELECT (SELECT count(*) FROM kling_batch_jobs WHERE slot), "
                "CASE WHEN shrunk_until > now() THEN shrunk_to END, "
                "GREATEST(EXTRACT(EPOCH FROM shrunk_until - now()), 0) "
                "FROM kling_batch_account WHERE id=1"
            ).fetchone()
            oldest = db.execute(
                "SELECT id, task_id, external_task_id, worker, "
                "EXTRACT(EPOCH FROM now() - running_since) FROM kling_batch_jobs "
                "WHERE state='running' AND running_since IS NOT NULL "
                "ORDER BY running_since LIMIT 1"
            ).fetchone()
        per_worker: dict[str, dict[str, Any]] = {}
        for worker, state, count, live in workers:
            entry = per_worker.setdefault(worker, {"worker": worker, "jobs": {}, "live": True})
            entry["jobs"][state] = int(count)
            entry["live"] = entry["live"] and bool(live)
        return {
            "ledger": self.where,
            "states": {str(k): int(v) for k, v in states.items()},
            "workers": list(per_worker.values()),
            "slots_in_use": int(slots),
            "slots_shrunk_to": shrunk_to,
            "slots_shrunk_seconds": round(float(shrunk_for), 1) if shrunk_to is not None else None,
            "oldest_running": None
            if oldest is None
            else {
                "id": oldest[0],
                "task_id": oldest[1],
                "external_task_id": oldest[2],
                "worker": oldest[3],
                "seconds": round(float(oldest[4]), 1),
            },
        }


def _interval(seconds: float) -> Any:
    import datetime

    return datetime.timedelta(seconds=seconds)
