"""The durable inbox of callbacks: SQLite (the standard library's), written before the 2xx.

Events are de-duplicated on (task, status, update time), kept in the order stored, and read by
waiters after a sequence number, so a waiter that restarts reads what came while it was gone.
Signed callbacks' `webhook-id`s are remembered for twice the signature tolerance, so a replay
is refused. The local key that capability URLs are minted with lives here too: a receiver
opened on the same file after a restart accepts the callbacks of tasks created before it.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import sqlite3
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

from .._callback_flow import CallbackEvent, callback_fields
from .._webhooks import SIGNATURE_TOLERANCE

__all__ = ["CallbackInbox", "Recorded"]

Recorded = Literal["stored", "duplicate", "replayed"]
"""What `CallbackInbox.record` did: stored a new event, or nothing (a repeat, a replayed id)."""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    key TEXT NOT NULL,
    task_id TEXT,
    status TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    body TEXT NOT NULL,
    received_at REAL NOT NULL,
    UNIQUE (key, status, updated_at)
);
CREATE INDEX IF NOT EXISTS events_task ON events (task_id);
CREATE TABLE IF NOT EXISTS webhook_ids (id TEXT PRIMARY KEY, received_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value BLOB NOT NULL);
"""


class CallbackInbox:
    """Callbacks stored for waiters: an SQLite database, in a file or in memory.

    Args:
        path: The database file (made readable by its owner only: it holds the key that
            callback URLs are minted with); `":memory:"` (the default) keeps events for the
            life of this object only.
        clock: Unix time, for `received_at` and the replay window (injectable for tests).

    Safe to share between threads: the receiver stores on its threads, waiters read on theirs.
    """

    def __init__(
        self, path: str | os.PathLike[str] = ":memory:", *, clock: Callable[[], float] = time.time
    ) -> None:
        self._path = str(path)
        if self._path != ":memory:":
            target = Path(path)
            if not target.exists():
                # Created private before SQLite opens it: the file will hold the token key.
                os.close(os.open(target, os.O_CREAT | os.O_WRONLY, 0o600))
        self._db = sqlite3.connect(self._path, check_same_thread=False, isolation_level=None)
        self._lock = threading.RLock()
        self._clock = clock
        self._watchers: list[Callable[[], object]] = []
        with self._lock:
            if self._path != ":memory:":
                self._db.execute("PRAGMA journal_mode=WAL")  # readers in other processes
            self._db.execute("PRAGMA busy_timeout=5000")
            self._db.executescript(_SCHEMA)

    def __repr__(self) -> str:
        return f"<CallbackInbox {self._path!r}>"

    def token_key(self) -> bytes:
        """The local key capability URLs are minted with: made once, kept in the database."""
        with self._lock:
            row = self._db.execute("SELECT value FROM meta WHERE name = 'token_key'").fetchone()
            if row is not None:
                return bytes(row[0])
            key = secrets.token_bytes(32)
            self._db.execute("INSERT INTO meta (name, value) VALUES ('token_key', ?)", (key,))
            return key

    def record(
        self, key: str, data: Mapping[str, Any], *, webhook_id: str | None = None
    ) -> Recorded:
        """Store one verified callback about the task minted for `key`; durable on return.

        Args:
            key: The external_task_id its URL was minted for.
            data: The decoded body (a task object, legacy or new-standard).
            webhook_id: The signed message's id, refused if seen within the replay window.

        Returns:
            `stored`, `duplicate` (the same task, status and update time as a stored one) or
            `replayed` (a webhook-id already seen): nothing is stored but a new event.

        Raises:
            ValueError: the body names no status.
        """
        task_id, status, updated, _external = callback_fields(data)
        if status is None:
            raise ValueError("the callback names no task status")
        now = self._clock()
        body = json.dumps(data, separators=(",", ":"))
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                if webhook_id is not None:
                    self._db.execute(
                        "DELETE FROM webhook_ids WHERE received_at < ?",
                        (now - 2 * SIGNATURE_TOLERANCE,),
                    )
                    seen = self._db.execute(
                        "INSERT OR IGNORE INTO webhook_ids (id, received_at) VALUES (?, ?)",
                        (webhook_id, now),
                    )
                    if seen.rowcount == 0:
                        self._db.execute("ROLLBACK")
                        return "replayed"
                stored = self._db.execute(
                    "INSERT OR IGNORE INTO events"
                    " (key, task_id, status, updated_at, body, received_at)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (key, task_id, status, -1 if updated is None else updated, body, now),
                )
                self._db.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    self._db.execute("ROLLBACK")
                raise
            watchers = list(self._watchers)
        if stored.rowcount == 0:
            return "duplicate"
        for wake in watchers:
            with contextlib.suppress(Exception):  # a waiter gone away must not fail the sender
                wake()
        return "stored"

    def events(self, idents: Sequence[str], after: int = 0) -> tuple[CallbackEvent, ...]:
        """Events about a task (by the external_task_id minted for, or the task_id sent), in
        the order stored, after sequence number `after`."""
        if not idents:
            return ()
        if len(idents) > 2:
            raise ValueError("a task has at most two idents: its task_id and external_task_id")
        pair = (idents[0], idents[-1])
        with self._lock:
            rows = self._db.execute(
                "SELECT seq, key, task_id, status, updated_at, body, received_at FROM events"
                " WHERE seq > ? AND (key IN (?, ?) OR task_id IN (?, ?)) ORDER BY seq",
                (after, *pair, *pair),
            ).fetchall()
        return tuple(
            CallbackEvent(
                seq=seq,
                key=key,
                task_id=task_id,
                status=status,
                updated_at=None if updated == -1 else updated,
                data=json.loads(body),
                received_at=received,
            )
            for seq, key, task_id, status, updated, body, received in rows
        )

    def prune(self, older_than: float) -> int:
        """Forget events stored more than `older_than` seconds ago (a long-running receiver's
        inbox otherwise grows for ever); returns how many. Waits on those tasks then rely on
        the safety net."""
        with self._lock:
            gone = self._db.execute(
                "DELETE FROM events WHERE received_at < ?", (self._clock() - older_than,)
            )
        return int(gone.rowcount)

    def watch(self, wake: Callable[[], object]) -> Callable[[], None]:
        """Call `wake()` after each new event is stored (on the storing thread); returns the
        function that stops it."""
        with self._lock:
            self._watchers.append(wake)

        def unwatch() -> None:
            with self._lock, contextlib.suppress(ValueError):
                self._watchers.remove(wake)

        return unwatch

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            self._db.close()

    def __enter__(self) -> CallbackInbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
