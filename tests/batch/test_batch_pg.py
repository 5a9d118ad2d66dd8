"""The PostgreSQL ledger on a real server (pg_cluster.py): its schema, claims and leases, the
account's slots, what `kling batch-status --ledger` shows, and that a password never shows; and
the machine-wide account slots of SQLite ledgers."""

from __future__ import annotations

import asyncio
import json
import sys
import time
from pathlib import Path

import httpx
import pytest
from batch_support import png_header, whole_videos, write_jobs
from click.testing import CliRunner
from counting_gateway import CountingGateway

from kling_ext import AsyncKling, Batch, LedgerError
from kling_ext._batch_jobs import read_jobs
from kling_ext._batch_ledger import IN_FLIGHT, JobState, LeaseLostError
from kling_ext._batch_pg import SCHEMA_VERSION, PgLedger
from kling_ext._batch_slots import SqliteSlots
from kling_ext.cli import cli
from kling_ext.mock import MockGateway, MockRequest, MockResponse, MockTransport
from kling_ext.testing import FAST_POLLING

psycopg = pytest.importorskip("psycopg", reason="the postgres extra (psycopg) is not installed")


def _jobs(tmp_path: Path, count: int) -> Path:
    lines = [{"kind": "text2video", "id": f"j{n:02d}", "prompt": f"p{n}"} for n in range(count)]
    return write_jobs(tmp_path / "jobs.jsonl", lines)


def _ledger(url: str, jobs: Path | None = None, *, worker: str, lease: float = 30.0) -> PgLedger:
    ledger = PgLedger(url, worker=worker, lease=lease)
    if jobs is not None:
        assert ledger.import_jobs(read_jobs(jobs), force=False, retry_failed=False)[1] == []
    return ledger


def test_the_schema_is_made_once_versioned_and_a_newer_one_is_refused(
    tmp_path: Path, postgres_url: str
) -> None:
    jobs = _jobs(tmp_path, 3)
    first = _ledger(postgres_url, jobs, worker="a")
    second = _ledger(postgres_url, jobs, worker="b")  # finds the schema and the jobs there
    assert second.counts() == {"pending": 3}
    ids = {row.id: row.external_task_id for row in first.all_jobs()}
    assert ids == {row.id: row.external_task_id for row in second.all_jobs()}
    with psycopg.connect(postgres_url, autocommit=True) as db:
        assert db.execute("SELECT version FROM kling_batch_version").fetchall() == [
            (SCHEMA_VERSION,)
        ]
        db.execute("UPDATE kling_batch_version SET version = version + 1")
    first.close()
    second.close()
    with pytest.raises(LedgerError, match="newer than this version"):
        PgLedger(postgres_url)


def test_claims_are_exclusive_and_a_dead_workers_jobs_are_taken_over_after_its_lease(
    tmp_path: Path, postgres_url: str
) -> None:
    jobs = _jobs(tmp_path, 2)
    dead = _ledger(postgres_url, jobs, worker="dead", lease=0.3)
    alive = _ledger(postgres_url, worker="alive", lease=30)
    pending = [JobState.PENDING]
    first = dead.claim(1, pending)
    assert first is not None
    dead.set_state(first.id, JobState.CREATING)
    second = alive.claim(1, pending)
    assert second is not None
    assert second.id != first.id
    assert alive.claim(1, pending) is None
    assert alive.claim(1, IN_FLIGHT) is None  # "dead" holds its job under a live lease
    assert alive.others_working(1, skip=(), pending=False)

    time.sleep(0.4)  # "dead" stops renewing, as a process killed with kill -9 does
    taken = alive.claim(1, IN_FLIGHT)
    assert taken is not None
    assert (taken.id, taken.state, taken.external_task_id) == (
        first.id,
        JobState.CREATING,
        first.external_task_id,
    )
    # The old holder, alive after all, can no longer write over the new holder's steps.
    with pytest.raises(LeaseLostError):
        dead.set_state(first.id, JobState.PENDING)
    alive.set_state(first.id, JobState.RUNNING, task_id="t1")
    assert alive.status()["oldest_running"]["id"] == first.id
    dead.close()
    alive.close()


def test_account_slots_bound_the_claims_and_a_1303_lowers_them_for_every_worker(
    tmp_path: Path, postgres_url: str
) -> None:
    jobs = _jobs(tmp_path, 5)
    a = _ledger(postgres_url, jobs, worker="a")
    b = _ledger(postgres_url, worker="b")
    pending = [JobState.PENDING]
    held = [a.claim(1, pending, capacity=3), b.claim(1, pending, capacity=3)]
    held.append(a.claim(1, pending, capacity=3))
    assert None not in held
    assert b.claim(1, pending, capacity=3) is None  # three slots, three held
    assert b.in_use() == 3

    a.shrink(60)  # a create of "a" was refused with 1303: two tasks run, not three
    row = held[0]
    assert row is not None
    a.set_state(row.id, JobState.PENDING)  # the refused job lets go of its slot
    assert b.claim(1, pending, capacity=3) is None  # lowered to 2, and 2 are held
    done = held[1]
    assert done is not None
    b.set_state(done.id, JobState.DOWNLOADING)  # its task ended
    b.release_slot(done, ended=True)  # and the lowered bound grows back by one
    assert b.status()["slots_shrunk_to"] == 3
    assert b.claim(1, pending, capacity=3) is not None
    a.close()
    b.close()


async def test_two_workers_in_one_loop_share_the_batch_and_the_account_slots(
    tmp_path: Path, postgres_url: str
) -> None:
    jobs = _jobs(tmp_path, 24)
    gateway = CountingGateway()
    try:
        clients = [
            AsyncKling(
                api_key="sk-mock", base_url=gateway.server.base_url, poll_schedule=FAST_POLLING
            )
            for _ in range(2)
        ]
        batches = [
            Batch(jobs, tmp_path / "out", ledger=postgres_url, concurrency=3, account_slots=4)
            for _ in range(2)
        ]
        async with clients[0], clients[1]:
            reports = await asyncio.gather(
                *(batch.arun(client) for batch, client in zip(batches, clients, strict=True))
            )
    finally:
        gateway.close()
    assert [report.succeeded for report in reports] == [24, 24]
    assert [report.exit_code for report in reports] == [0, 0]
    assert gateway.creates == 24
    assert gateway.peak <= 4
    assert whole_videos(tmp_path / "out") == {f"j{n:02d}.mp4": True for n in range(24)}

    status = CliRunner().invoke(cli, ["batch-status", "--ledger", postgres_url, "--json"])
    assert status.exit_code == 0, status.output
    summary = json.loads(status.stdout.strip().splitlines()[-1])
    assert summary["states"] == {"done": 24}
    assert summary["slots_in_use"] == 0
    assert summary["workers"] == []  # both let go of their claims when they ended
    shown = CliRunner().invoke(cli, ["batch-status", "--ledger", postgres_url])
    assert "24 job(s): 24 done" in shown.output
    assert "account slots in use: 0" in shown.output


def test_a_password_in_the_ledger_url_is_never_shown(postgres_url: str) -> None:
    url = postgres_url.replace("postgresql://kling@", "postgresql://kling:s3cr3t-pw@", 1)
    ledger = PgLedger(url)  # the test server trusts every local user; the password is unused
    assert "s3cr3t-pw" not in ledger.where
    assert "kling:***@" in ledger.where
    ledger.close()
    wrong = url.replace("host=", "host=/nonexistent", 1)
    shown = CliRunner().invoke(cli, ["batch-status", "--ledger", wrong])
    assert shown.exit_code == 2
    assert "s3cr3t-pw" not in shown.output
    assert "could not be used" in shown.output


def test_without_psycopg_the_cli_names_the_extra_and_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if the extra were not installed
    jobs = _jobs(tmp_path, 1)
    env = {"KLING_API_KEY": "sk-mock", "KLING_BASE_URL": "http://127.0.0.1:9/klingai"}
    args = ["batch", str(jobs), "-o", str(tmp_path / "out"), "--ledger", "postgresql://u:pw@h/db"]
    result = CliRunner().invoke(cli, args, env=env)
    assert result.exit_code == 2, result.output
    assert "kling-ext[postgres]" in result.output
    assert "Traceback" not in result.output


async def test_sqlite_ledgers_of_one_machine_share_the_account_slots(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KLING_ACCOUNT_SLOTS_FILE", str(tmp_path / "slots.sqlite3"))
    gateway = CountingGateway()
    try:
        client = AsyncKling(
            api_key="sk-mock", base_url=gateway.server.base_url, poll_schedule=FAST_POLLING
        )
        batches = []
        for name in ("a", "b"):
            folder = tmp_path / name
            folder.mkdir()
            jobs = _jobs(folder, 10)
            # A short lease: a slot freed by one batch is looked for again within a tenth of it.
            batches.append(Batch(jobs, folder / "out", concurrency=3, account_slots=2, lease=1))
        async with client:
            reports = await asyncio.gather(*(batch.arun(client) for batch in batches))
    finally:
        gateway.close()
    assert [report.exit_code for report in reports] == [0, 0]
    assert gateway.creates == 20
    assert gateway.peak == 2
    assert SqliteSlots(tmp_path / "slots.sqlite3").in_use() == 0


async def test_a_slot_left_by_a_dead_batch_is_freed_once_the_api_says_its_task_ended(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    slots_file = tmp_path / "slots.sqlite3"
    monkeypatch.setenv("KLING_ACCOUNT_SLOTS_FILE", str(slots_file))
    gateway = CountingGateway()
    try:
        client = AsyncKling(
            api_key="sk-mock", base_url=gateway.server.base_url, poll_schedule=FAST_POLLING
        )
        async with client:
            # A batch killed long ago held the only slot for this task, which has ended since.
            ended = await client.text2video.create(prompt="old", external_task_id="old-task")
            await client.text2video.wait(ended)
            dead = SqliteSlots(slots_file, lease=0.01)
            with dead._write() as db:
                db.execute("INSERT INTO slots VALUES ('old-task', 'text2video', 'gone', 0)")
            dead.close()
            jobs = _jobs(tmp_path, 2)
            batch = Batch(jobs, tmp_path / "out", account_slots=1, lease=1, max_time=20)
            report = await batch.arun(client)
    finally:
        gateway.close()
    assert report.exit_code == 0
    assert gateway.creates == 3
    assert SqliteSlots(slots_file).in_use() == 0


async def test_a_1303_lowers_the_shared_bound_and_costs_no_job_nor_a_second_task(
    tmp_path: Path, postgres_url: str
) -> None:
    gateway = MockGateway(steps=2)
    refusals: list[int] = []

    def handle(request: MockRequest) -> MockResponse:
        # The account really runs two tasks at once; the workers were told four.
        if request.method == "POST":
            unfinished = sum(t.status not in ("succeed", "failed") for t in gateway.tasks)
            if unfinished >= 2:
                refusals.append(unfinished)
                body = json.dumps({"code": 1303, "message": "parallel task over limit"}).encode()
                return MockResponse(429, {"Content-Type": "application/json"}, body)
        return gateway.handle(request)

    jobs = _jobs(tmp_path, 8)
    clients = [
        AsyncKling(
            api_key=gateway.api_key,
            base_url="http://127.0.0.1/klingai",
            http_client=httpx.AsyncClient(transport=MockTransport(handle)),
            poll_schedule=FAST_POLLING,
            max_retries=0,  # the batch, not the client, meets the refusal
        )
        for _ in range(2)
    ]
    batches = [
        Batch(jobs, tmp_path / "out", ledger=postgres_url, concurrency=4, account_slots=4)
        for _ in range(2)
    ]
    async with clients[0], clients[1]:
        reports = await asyncio.gather(
            *(batch.arun(client) for batch, client in zip(batches, clients, strict=True))
        )
    assert [report.exit_code for report in reports] == [0, 0]
    assert refusals  # the account's limit was hit...
    assert gateway.creates_count == 8  # ...and no job was created twice
    ledger = PgLedger(postgres_url)
    assert ledger.status()["slots_shrunk_to"] is not None  # lowered for every worker
    ledger.close()


def test_a_job_a_dead_worker_claimed_with_the_last_slot_is_taken_up_with_that_slot(
    tmp_path: Path, postgres_url: str
) -> None:
    jobs = _jobs(tmp_path, 2)
    dead = _ledger(postgres_url, jobs, worker="dead", lease=0.2)
    alive = _ledger(postgres_url, worker="alive")
    taken = dead.claim(1, [JobState.PENDING], capacity=1)  # then killed before its create
    assert taken is not None
    time.sleep(0.3)
    again = alive.claim(1, [JobState.PENDING], capacity=1)
    assert again is not None
    assert again.id == taken.id  # not the other job: no slot is free for that one
    assert alive.in_use() == 1
    dead.close()
    alive.close()


async def test_a_worker_started_without_the_jobs_file_runs_the_batch_the_ledger_holds(
    tmp_path: Path, postgres_url: str
) -> None:
    folder = tmp_path / "jobs"
    folder.mkdir()
    (folder / "start.png").write_bytes(png_header(400, 320))
    lines = [
        {"kind": "text2video", "id": "a", "prompt": "p"},
        {"kind": "image2video", "id": "b", "image": "start.png", "prompt": "q"},
    ]
    jobs = write_jobs(folder / "jobs.jsonl", lines)
    recorder = _ledger(postgres_url, jobs, worker="first")  # as a first worker records it
    recorder.jobs_folder(jobs.parent)
    recorder.close()
    gateway = CountingGateway()
    out = tmp_path / "out"
    try:
        client = AsyncKling(
            api_key="sk-mock", base_url=gateway.server.base_url, poll_schedule=FAST_POLLING
        )
        async with client:
            report = await Batch(None, out, ledger=postgres_url).arun(client)
    finally:
        gateway.close()
    assert report.exit_code == 0, report.failed
    assert gateway.creates == 2  # the image was found beside the jobs file, not here
    assert whole_videos(out) == {"a.mp4": True, "b.mp4": True}
    # Only a PostgreSQL ledger holds a batch of its own: a SQLite one needs its jobs file.
    refused = CliRunner().invoke(cli, ["batch", "-o", str(out)], env={"KLING_API_KEY": "sk"})
    assert refused.exit_code == 2
    assert "JOBS is missing" in refused.output
    with pytest.raises(ValueError, match="jobs is needed"):
        Batch(None, out)
