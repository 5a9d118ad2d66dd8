"""The batch ledger and its lock: a full disk, a state it does not know and planted symbolic
links are clear errors that lose nothing; the lock file goes when the run ends."""

from __future__ import annotations

import asyncio
import contextlib
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from batch_support import ledger_states, prompts, tasks_per_prompt, whole_videos, write_jobs
from click.testing import CliRunner

from kling_ext import AsyncKling, Batch, JobsFileError, Kling, LedgerBusyError, LedgerError
from kling_ext._batch_ledger import Ledger
from kling_ext.cli import cli
from kling_ext.mock import MockGateway

LEDGER = "kling-batch.sqlite3"
LOCK = LEDGER + ".lock"


def _run(batch: Batch, client: Kling | AsyncKling) -> Any:
    if isinstance(client, Kling):
        return batch.run(client)
    return asyncio.run(batch.arun(client))


@pytest.fixture(params=["sync", "async"])
def any_client(request: pytest.FixtureRequest, client: Kling, async_client: AsyncKling) -> Any:
    """Each test once with `Kling`, once with `AsyncKling`."""
    return client if request.param == "sync" else async_client


# ---------------------------------------------------------------------------- a full disk


class _FullDisk:
    """A ledger connection whose disk fills up at one chosen statement.

    SQLite refuses a statement on a full disk with "database or disk is full" and undoes it; so
    does this stand-in, before running it. Everything else goes to the real connection.
    """

    def __init__(self, db: sqlite3.Connection, full_at: Callable[[str, Any], bool]) -> None:
        self._db = db
        self._full_at = full_at
        self.filled = False

    def execute(self, sql: str, params: Any = ()) -> sqlite3.Cursor:
        if not self.filled and self._full_at(sql, params):
            self.filled = True
            raise sqlite3.OperationalError("database or disk is full")
        return self._db.execute(sql, params)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._db, name)


@pytest.fixture
def fill_disk(
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Callable[[Callable[[str, Any], bool]], None]]:
    """Make the next ledger's disk fill up at the first statement `full_at` picks."""
    real = sqlite3.connect

    def arm(full_at: Callable[[str, Any], bool]) -> None:
        def connect(database: Any, *args: Any, **kwargs: Any) -> Any:
            db = real(database, *args, **kwargs)
            return _FullDisk(db, full_at) if str(database).endswith(LEDGER) else db

        monkeypatch.setattr(sqlite3, "connect", connect)

    yield arm
    monkeypatch.setattr(sqlite3, "connect", real)


def _recording_running(sql: str, params: Any) -> bool:
    return sql.startswith("UPDATE jobs SET state=?") and params[0] == "running"


def test_a_full_disk_after_a_create_stops_the_batch_and_the_next_run_pays_nothing_twice(
    tmp_path: Path,
    any_client: Any,
    gateway: MockGateway,
    fill_disk: Callable[[Callable[[str, Any], bool]], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(3))
    out = tmp_path / "out"
    # The first create is sent and answered; recording its task id finds the disk full.
    fill_disk(_recording_running)
    with pytest.raises(LedgerError) as caught:
        _run(Batch(jobs, out, concurrency=1), any_client)
    assert "the disk is full (database or disk is full)" in str(caught.value)
    assert str(out / LEDGER) in str(caught.value)
    assert "run the batch again to resume" in str(caught.value)
    assert gateway.creates_count == 1
    with contextlib.closing(sqlite3.connect(f"{(out / LEDGER).as_uri()}?mode=ro", uri=True)) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    # The step was undone whole: the job is still `creating`, so it will be looked up.
    assert ledger_states(out / LEDGER) == {
        "job-01": "creating",
        "job-02": "pending",
        "job-03": "pending",
    }
    assert not (out / LOCK).exists()

    monkeypatch.undo()  # space freed
    report = _run(Batch(jobs, out, concurrency=1), any_client)
    assert report.exit_code == 0, report.failed
    assert tasks_per_prompt(gateway) == {"shot 1": 1, "shot 2": 1, "shot 3": 1}
    assert whole_videos(out) == {"job-01.mp4": True, "job-02.mp4": True, "job-03.mp4": True}


class _NoRoomLeft(_FullDisk):
    """SQLite's own full disk: from the jobs' import on, the file may not grow by a page."""

    def execute(self, sql: str, params: Any = ()) -> sqlite3.Cursor:
        if sql == "BEGIN IMMEDIATE":
            pages = self._db.execute("PRAGMA page_count").fetchone()[0]
            self._db.execute(f"PRAGMA max_page_count = {pages}")
        return self._db.execute(sql, params)


@pytest.mark.parametrize("sqlite_itself", [False, True], ids=["at commit", "sqlite's own"])
def test_a_full_disk_while_the_jobs_are_recorded_keeps_nothing_and_sends_nothing(
    tmp_path: Path,
    client: Kling,
    gateway: MockGateway,
    fill_disk: Callable[[Callable[[str, Any], bool]], None],
    monkeypatch: pytest.MonkeyPatch,
    sqlite_itself: bool,
) -> None:
    many = [{**job, "prompt": f"{job['prompt']} " + "x" * 2000} for job in prompts(20)]
    jobs = write_jobs(tmp_path / "jobs.jsonl", many)
    if sqlite_itself:
        real = sqlite3.connect

        def connect(database: Any, *args: Any, **kwargs: Any) -> Any:
            db = real(database, *args, **kwargs)
            return _NoRoomLeft(db, bool) if str(database).endswith(LEDGER) else db

        monkeypatch.setattr(sqlite3, "connect", connect)
    else:
        fill_disk(lambda sql, params: sql == "COMMIT")
    with pytest.raises(LedgerError, match="the disk is full"):
        Batch(jobs, tmp_path / "out").run(client)
    assert gateway.creates_count == 0
    assert ledger_states(tmp_path / "out" / LEDGER) == {}
    assert not (tmp_path / "out" / LOCK).exists()

    monkeypatch.undo()
    assert Batch(jobs, tmp_path / "out").run(client).exit_code == 0
    assert gateway.creates_count == 20


def test_batch_command_on_a_full_disk_exits_2_with_the_resume_advice(
    tmp_path: Path, fill_disk: Callable[[Callable[[str, Any], bool]], None]
) -> None:
    gateway = MockGateway(clock="steps")
    jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(2))
    fill_disk(_recording_running)
    with gateway.serve() as server:
        env = {"KLING_API_KEY": gateway.api_key, "KLING_BASE_URL": server.base_url}
        args = ["batch", str(jobs), "-o", str(tmp_path / "out"), "-c", "1"]
        result = CliRunner().invoke(cli, args, env=env)
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)  # no traceback
    assert "error: the batch ledger" in result.stderr
    assert "the disk is full" in result.stderr
    assert gateway.creates_count == 1


# ---------------------------------------------------------------------------- unknown states


def test_a_job_state_the_code_does_not_know_is_an_error_naming_it(
    tmp_path: Path, any_client: Any, gateway: MockGateway
) -> None:
    jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(2))
    out = tmp_path / "out"
    assert _run(Batch(jobs, out), any_client).exit_code == 0
    with contextlib.closing(sqlite3.connect(out / LEDGER)) as db, db:
        db.execute("UPDATE jobs SET state='paused' WHERE id='job-02'")

    with pytest.raises(LedgerError) as caught:
        _run(Batch(jobs, out), any_client)
    text = str(caught.value)
    assert "job 'job-02' has the state 'paused' in the ledger" in text
    assert "nothing was sent" in text
    assert gateway.creates_count == 2
    assert not (out / LOCK).exists()


def test_batch_commands_exit_2_on_a_job_state_they_do_not_know(
    tmp_path: Path, client: Kling, gateway: MockGateway
) -> None:
    jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(1))
    out = tmp_path / "out"
    assert Batch(jobs, out).run(client).exit_code == 0
    with contextlib.closing(sqlite3.connect(out / LEDGER)) as db, db:
        db.execute("UPDATE jobs SET state='archived'")
    # Nothing may be sent: an address where nothing listens.
    env = {"KLING_API_KEY": "sk-unused", "KLING_BASE_URL": "http://127.0.0.1:9/klingai"}
    ran = CliRunner().invoke(cli, ["batch", str(jobs), "-o", str(out)], env=env)
    status = CliRunner().invoke(cli, ["batch-status", str(out)], env=env)
    for result in (ran, status):
        assert result.exit_code == 2, result.output
        assert isinstance(result.exception, SystemExit)  # no traceback
        assert "job 'job-01' has the state 'archived'" in result.stderr
    assert gateway.creates_count == 1


# ---------------------------------------------------------------------------- symbolic links


@pytest.mark.parametrize("planted", [LEDGER, LOCK, LEDGER + "-wal"])
@pytest.mark.parametrize("target_exists", [False, True], ids=["dangling", "to a file"])
def test_a_symbolic_link_planted_at_the_ledger_or_its_lock_is_refused_not_followed(
    tmp_path: Path, client: Kling, gateway: MockGateway, planted: str, target_exists: bool
) -> None:
    jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(1))
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    if target_exists:
        victim.write_text("precious")
    (out / planted).symlink_to(victim)

    with pytest.raises(LedgerError) as caught:
        Batch(jobs, out).run(client)
    assert f"{out / planted} is a symbolic link" in str(caught.value)
    assert gateway.creates_count == 0
    if target_exists:
        assert victim.read_text() == "precious"
    else:
        assert not victim.exists()
    assert (out / planted).is_symlink()  # left for the user to look at
    assert sorted(path.name for path in out.iterdir()) == [planted]


def test_batch_command_exits_2_on_a_planted_link(tmp_path: Path) -> None:
    jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(1))
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / LOCK).symlink_to(tmp_path / "elsewhere")
    env = {"KLING_API_KEY": "sk-unused", "KLING_BASE_URL": "http://127.0.0.1:9/klingai"}
    result = CliRunner().invoke(cli, ["batch", str(jobs), "-o", str(tmp_path / "out")], env=env)
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)
    assert "is a symbolic link" in result.stderr
    assert not (tmp_path / "elsewhere").exists()


# ---------------------------------------------------------------------------- the lock file


def test_no_lock_file_is_left_after_a_run_that_succeeded_failed_or_was_refused(
    tmp_path: Path, any_client: Any, gateway: MockGateway
) -> None:
    out = tmp_path / "out"
    jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(1))
    assert _run(Batch(jobs, out), any_client).exit_code == 0
    assert sorted(path.name for path in out.iterdir()) == ["job-01.mp4", LEDGER]

    write_jobs(jobs, [*prompts(1), {"kind": "text2video", "id": "bad", "prompt": "[mock:fail]"}])
    assert _run(Batch(jobs, out), any_client).exit_code == 1
    assert not (out / LOCK).exists()

    edited = prompts(1)
    edited[0]["prompt"] = "changed"  # refused once the ledger is open: it was recorded before
    write_jobs(jobs, edited)
    with pytest.raises(JobsFileError):
        _run(Batch(jobs, out), any_client)
    assert not (out / LOCK).exists()


def test_two_ledgers_at_once_still_exclude_each_other(tmp_path: Path) -> None:
    path = tmp_path / LEDGER
    first = Ledger(path)
    assert (tmp_path / LOCK).exists()
    with pytest.raises(LedgerBusyError, match="another batch is running"):
        Ledger(path)
    first.close()
    assert not (tmp_path / LOCK).exists()
    second = Ledger(path)
    with pytest.raises(LedgerBusyError):
        Ledger(path)
    second.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == [LEDGER]


def test_a_lock_file_removed_while_being_locked_is_not_trusted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A opens the lock file; before A locks it, its holder ends (removing it) and C starts
    # (making and locking a new one). A's lock on the removed file must not count.
    fcntl = pytest.importorskip("fcntl")  # the lock's design on POSIX
    path = tmp_path / LEDGER
    holder = Ledger(path)
    real_flock = fcntl.flock
    others: list[Ledger] = []

    def flock(fd: int, operation: int) -> None:
        if not others and operation & fcntl.LOCK_EX:
            others.append(holder)  # only once
            holder.close()
            others.append(Ledger(path))
        real_flock(fd, operation)

    monkeypatch.setattr(fcntl, "flock", flock)
    with pytest.raises(LedgerBusyError):
        Ledger(path)
    monkeypatch.undo()
    others[-1].close()
    assert not (tmp_path / LOCK).exists()


_HOLD = """
import sys
from kling_ext._batch_ledger import Ledger

ledger = Ledger(sys.argv[1])
print("holding", flush=True)
sys.stdin.read()
ledger.close()
"""


@pytest.mark.slow  # a child process
def test_a_batch_in_another_process_excludes_this_one_until_it_ends(
    tmp_path: Path, client: Kling, gateway: MockGateway
) -> None:
    jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(1))
    out = tmp_path / "out"
    other = subprocess.Popen(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", _HOLD, str(out / LEDGER)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert other.stdout is not None
        assert other.stdin is not None
        assert other.stdout.readline() == "holding\n"
        with pytest.raises(LedgerBusyError):
            Batch(jobs, out).run(client)
        assert gateway.creates_count == 0
        other.stdin.close()
        assert other.wait(timeout=30) == 0
    finally:
        if other.poll() is None:
            other.kill()
            other.wait()
    assert not (out / LOCK).exists()
    assert Batch(jobs, out).run(client).exit_code == 0
    assert not (out / LOCK).exists()


def test_a_lock_file_left_by_a_killed_batch_is_taken_over_and_removed(
    tmp_path: Path, client: Kling
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / LOCK).write_text("")  # what `kill -9` leaves: a file, no lock held on it
    jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(1))
    assert Batch(jobs, out).run(client).exit_code == 0
    assert not (out / LOCK).exists()
    assert sorted(os.listdir(out)) == ["job-01.mp4", LEDGER]
