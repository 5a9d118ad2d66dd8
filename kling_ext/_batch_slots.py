"""The account's parallel-task slots, shared by every batch that bounds itself with them.

Kling's parallel-task limit is per account: a task holds a place from `submitted` until it
ends, whoever created it. `Batch(account_slots=N)` (`--account-slots N`) takes a slot before
each create and frees it when the task ends, fails to be made, or is found absent, so that all
the batches sharing the slots run at most N tasks at once, and a refusal with 1303 lowers that
bound for everyone for a while (`SHRINK_SECONDS`, growing back by one with each task that
ends).

Where the slots are kept:
- a PostgreSQL ledger keeps them with its jobs (`_batch_pg`): every worker of that ledger
  shares them;
- with SQLite ledgers, in a small SQLite file of their own (`SqliteSlots`) that every batch of
  the machine (any ledger, any process) opens: by default `kling-ext/account-slots.sqlite3` in
  the user's state folder (`$XDG_STATE_HOME`, else `~/.local/state`), or the file named by
  `$KLING_ACCOUNT_SLOTS_FILE`. A slot there is recorded under its job's `external_task_id`
  and the batch process holding it, which keeps itself marked alive. A process killed with
  its tasks still running leaves their slots held (the tasks still count against the
  account): the same batch run again takes them back; any other batch waiting for a slot
  looks such a task up by its `external_task_id` and frees the slot once the API says it
  ended or never existed.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Protocol

from ._batch_ledger import LedgerError, LedgerRow

__all__ = ["SHRINK_SECONDS", "SLOTS_FILE_ENV", "AccountSlots", "SqliteSlots", "default_slots_file"]

SHRINK_SECONDS = 60.0
"""How long the account's bound stays lowered after a 1303 (it grows back by one per task
that ends meanwhile)."""
SLOTS_FILE_ENV = "KLING_ACCOUNT_SLOTS_FILE"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS slots (
    external_task_id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    holder TEXT NOT NULL,
    taken_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS holders (holder TEXT PRIMARY KEY, seen_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS account (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    shrunk_to INTEGER,
    shrunk_until REAL
);
INSERT OR IGNORE INTO account VALUES (1, NULL, NULL);
"""
# How long SQLite waits for another process's write to the slots file before it gives up.
_BUSY_SECONDS = 10.0


class AccountSlots(Protocol):
    """The account's slots as a batch uses them (see the module)."""

    def take(self, row: LedgerRow, capacity: int) -> bool:
        """A slot for the job if one of `capacity` is free (or it holds one already)."""
        ...

    def adopt(self, row: LedgerRow) -> None:
        """A job taken up under way: its task counts against the account, free slot or not."""
        ...

    def release_slot(self, row: LedgerRow, *, ended: bool) -> None:
        """Free the job's slot; `ended`: its task ended (a lowered bound grows back by one)."""
        ...

    def shrink(self, seconds: float) -> None:
        """After a 1303: allow only the tasks running now, for `seconds`."""
        ...

    def orphans(self) -> list[tuple[str, str, str]]:
        """Slots held for processes no longer alive: (kind, external_task_id, holder)."""
        ...

    def forget(self, external_task_id: str, holder: str) -> None:
        """Free an orphan's slot (its task ended, or never existed), unless taken back."""
        ...

    def in_use(self) -> int:
        """Slots held now."""
        ...


def default_slots_file() -> Path:
    """Where the batches of this machine keep the account's slots (see the module)."""
    named = os.environ.get(SLOTS_FILE_ENV)
    if named:
        return Path(named)
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "kling-ext" / "account-slots.sqlite3"


class SqliteSlots:
    """The account's slots in a SQLite file that the batches of one machine share."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        lease: float = 30.0,
        now: Callable[[], float] = time.time,
    ) -> None:
        """Open (or create) the slots file.

        Raises:
            LedgerError: it cannot be opened or written.
        """
        self.path = Path(path)
        self.holder = f"{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.lease = lease
        self._now = now
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, isolation_level=None, timeout=_BUSY_SECONDS)
            self._db.executescript(_SCHEMA)  # idempotent, each statement its own transaction
        except (OSError, sqlite3.Error) as exc:
            raise LedgerError(
                f"the account's slots file {self.path} cannot be used: {exc}"
            ) from None
        self.renew()

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction that holds the file's write lock from its start (`IMMEDIATE`), so
        that counting the slots and taking one is a single step across processes."""
        db = self._db
        try:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
                db.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    db.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise LedgerError(
                f"the account's slots file {self.path} cannot be written: {exc}"
            ) from None

    def _free(self, db: sqlite3.Connection, capacity: int) -> int:
        shrunk_to, until = db.execute(
            "SELECT shrunk_to, shrunk_until FROM account WHERE id=1"
        ).fetchone()
        limit = capacity
        if shrunk_to is not None and until is not None and until > self._now():
            limit = max(1, min(capacity, int(shrunk_to)))
        in_use = db.execute("SELECT count(*) FROM slots").fetchone()[0]
        return int(limit - in_use)

    def take(self, row: LedgerRow, capacity: int) -> bool:
        """A slot for the job if one of `capacity` is free (or it holds one already)."""
        with self._write() as db:
            mine = db.execute(
                "UPDATE slots SET holder=? WHERE external_task_id=?",
                (self.holder, row.external_task_id),
            )
            if mine.rowcount:
                return True
            if self._free(db, capacity) <= 0:
                return False
            db.execute(
                "INSERT INTO slots VALUES (?, ?, ?, ?)",
                (row.external_task_id, row.kind, self.holder, self._now()),
            )
        return True

    def adopt(self, row: LedgerRow) -> None:
        """A job taken up under way: its task counts against the account, free slot or not."""
        with self._write() as db:
            db.execute(
                "INSERT OR REPLACE INTO slots VALUES (?, ?, ?, ?)",
                (row.external_task_id, row.kind, self.holder, self._now()),
            )

    def release_slot(self, row: LedgerRow, *, ended: bool) -> None:
        """Free the job's slot; `ended`: a lowered bound grows back by one."""
        with self._write() as db:
            gone = db.execute("DELETE FROM slots WHERE external_task_id=?", (row.external_task_id,))
            if ended and gone.rowcount:
                db.execute(
                    "UPDATE account SET shrunk_to = shrunk_to + 1 WHERE id=1 AND shrunk_until > ?",
                    (self._now(),),
                )

    def shrink(self, seconds: float) -> None:
        """After a 1303: allow only the tasks running now (the refused job's slot aside)."""
        with self._write() as db:
            held = db.execute("SELECT count(*) FROM slots").fetchone()[0]
            db.execute(
                "UPDATE account SET shrunk_to=?, shrunk_until=? WHERE id=1",
                (max(1, held - 1), self._now() + seconds),
            )

    def renew(self) -> None:
        """Mark this process alive (call well within `lease`)."""
        with self._write() as db:
            db.execute("INSERT OR REPLACE INTO holders VALUES (?, ?)", (self.holder, self._now()))

    def orphans(self) -> list[tuple[str, str, str]]:
        """Slots of processes not seen alive for `lease` seconds."""
        with self._write() as db:
            rows = db.execute(
                "SELECT kind, external_task_id, holder FROM slots WHERE holder NOT IN "
                "(SELECT holder FROM holders WHERE seen_at > ?)",
                (self._now() - self.lease,),
            ).fetchall()
        return [(str(kind), str(ident), str(holder)) for kind, ident, holder in rows]

    def forget(self, external_task_id: str, holder: str) -> None:
        """Free an orphan's slot, unless a live batch took it back meanwhile."""
        with self._write() as db:
            db.execute(
                "DELETE FROM slots WHERE external_task_id=? AND holder=?",
                (external_task_id, holder),
            )

    def in_use(self) -> int:
        """Slots held now."""
        with self._write() as db:
            return int(db.execute("SELECT count(*) FROM slots").fetchone()[0])

    def close(self) -> None:
        """Stop marking this process alive; its slots stay held while their tasks may run."""
        with contextlib.suppress(LedgerError), self._write() as db:
            db.execute("DELETE FROM holders WHERE holder=?", (self.holder,))
        self._db.close()
