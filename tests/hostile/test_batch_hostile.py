"""`kling batch` against gateways that misbehave: slow to store a create, look-ups that lag, no
refusal of a repeated external_task_id, `Retry-After: 0` on every create, a key echoed back.
The batch still pays once per job, backs off, ends when told, and shows no key."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from batch_gateway import BatchGateway
from hostile_clients import KEY, kling
from hostile_server import Action, HostileServer, Seen, envelope

import kling_ext._batch
from kling_ext import AsyncKling, Batch, BatchReport, Kling
from kling_ext.testing import FAST_POLLING

Start = Callable[[Callable[[Seen], Action]], HostileServer]


def _jobs(folder: Path, count: int) -> Path:
    path = folder / "jobs.jsonl"
    lines = [
        json.dumps({"kind": "text2video", "id": f"job-{n}", "prompt": f"shot {n}"})
        for n in range(1, count + 1)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _one_each(gateway: BatchGateway, count: int) -> None:
    assert gateway.per_prompt() == {f"shot {n}": 1 for n in range(1, count + 1)}


def _states(ledger: Path) -> dict[str, str]:
    with sqlite3.connect(f"{ledger.resolve().as_uri()}?mode=ro", uri=True) as db:
        return dict(db.execute("SELECT id, state FROM jobs ORDER BY line").fetchall())


def _serve(hostile: Start, gateway: BatchGateway) -> HostileServer:
    server = hostile(gateway)
    gateway.base_url = server.url
    return server


class FakeTime:
    """Seconds pass only when the batch or the client sleeps (then at once)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def advance(self, seconds: float) -> None:
        self.now += max(seconds, 0.0)

    async def sleep(self, seconds: float) -> None:
        self.advance(seconds)
        await asyncio.sleep(0)


@pytest.fixture
def fake_time(monkeypatch: pytest.MonkeyPatch) -> FakeTime:
    """The batch's own clock and sleeps (backoff, grace window, time limit) on a fake clock."""
    fake = FakeTime()
    monkeypatch.setattr(kling_ext._batch, "_clock", lambda: fake.now, raising=False)
    monkeypatch.setattr(kling_ext._batch, "_sleep", fake.sleep, raising=False)
    return fake


def _batch(
    flavor: str, server: HostileServer, batch: Batch, fake: FakeTime, **options: Any
) -> BatchReport:
    """Run `batch` with a fresh client of that flavour, its retry sleeps on the fake clock."""
    settings = {"api_key": KEY, "base_url": server.base_url, "poll_schedule": FAST_POLLING}
    settings |= options
    if flavor == "sync":
        with Kling(**settings) as client:
            client._clock = lambda: fake.now
            client._sleep = fake.advance
            return batch.run(client)

    async def go() -> BatchReport:
        async with AsyncKling(**settings) as client:
            client._clock = lambda: fake.now
            client._sleep = fake.sleep
            return await batch.arun(client)

    return asyncio.run(go())


# ---------------------------------------------------------------- never pays twice (17.2)


@pytest.mark.parametrize("lagging", [5, 6], ids=["error-carries-task", "looked-up-again"])
def test_a_resend_refused_as_a_repeat_adopts_the_jobs_own_task(
    hostile: Start, flavor: str, fake_time: FakeTime, tmp_path: Path, lagging: int
) -> None:
    # The create is stored but answered 500; the look-ups by external_task_id lag behind (the
    # library's grace window sees "not found" throughout), so the batch sends it again under
    # the same id, and the gateway refuses the repeat: that task is the job's own.
    gateway = BatchGateway(create_answer="server_error", lagging_lookups=lagging)
    server = _serve(hostile, gateway)
    batch = Batch(_jobs(tmp_path, 1), tmp_path / "out")
    report = _batch(flavor, server, batch, fake_time, max_retries=0)
    assert report.exit_code == 0, report.failed
    _one_each(gateway, 1)
    assert len(gateway.posts) == 2  # the re-send, refused as a repeat, made nothing
    assert (tmp_path / "out" / "job-1.mp4").is_file()


def test_a_create_whose_answer_times_out_is_found_while_the_gateway_stores_it(
    hostile: Start, tmp_path: Path
) -> None:
    # Real time, scaled down from the case seen (3 s to store against a 2 s timeout).
    gateway = BatchGateway(
        create_answer="hang", hang_seconds=2.0, store_seconds=1.0, refuse_repeats=False
    )
    server = _serve(hostile, gateway)

    async def go() -> BatchReport:
        async with AsyncKling(
            api_key=KEY, base_url=server.base_url, poll_schedule=FAST_POLLING, timeout=0.5
        ) as client:
            _short_grace(client, 2.0)
            return await Batch(_jobs(tmp_path, 2), tmp_path / "out").arun(client)

    report = asyncio.run(go())
    assert report.exit_code == 0, report.failed
    _one_each(gateway, 2)


def _short_grace(client: Any, seconds: float) -> None:
    import attrs

    context = client._context
    client._context = attrs.evolve(
        context, policy=attrs.evolve(context.policy, create_grace=seconds)
    )


_CHILD = """
import asyncio, json, sys
import attrs
from kling_ext import AsyncKling, Batch
from kling_ext.testing import FAST_POLLING

async def main():
    async with AsyncKling(poll_schedule=FAST_POLLING) as client:
        context = client._context
        policy = attrs.evolve(context.policy, create_grace=float(sys.argv[3]))
        client._context = attrs.evolve(context, policy=policy)
        report = await Batch(sys.argv[1], sys.argv[2], concurrency=2).arun(client)
    print(json.dumps(report.to_json()))
    return report.exit_code

sys.exit(asyncio.run(main()))
"""
STORE_SECONDS = 2.0  # the case seen took 3 s; scaled down with the grace window
GRACE = 3.0  # the library's own window is CREATE_GRACE_SECONDS (30 s)


def _child(jobs: Path, output: Path, server: HostileServer) -> subprocess.Popen[str]:
    env = {**os.environ, "KLING_API_KEY": KEY, "KLING_BASE_URL": server.base_url}
    return subprocess.Popen(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", _CHILD, str(jobs), str(output), str(GRACE)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_batch_killed_while_the_gateway_stores_its_creates_pays_once_per_job(
    hostile: Start, tmp_path: Path
) -> None:
    # A gateway that takes 2 s to make a create visible and never refuses a repeated
    # external_task_id: the resumed batch's first look-up says "not found" (the create is still
    # being stored); only looking again over the grace window keeps it from paying twice.
    gateway = BatchGateway(create_answer="hang", store_seconds=STORE_SECONDS, refuse_repeats=False)
    server = _serve(hostile, gateway)
    jobs, output = _jobs(tmp_path, 2), tmp_path / "out"
    first = _child(jobs, output, server)
    try:
        waited_until = time.monotonic() + 30  # a loaded machine starts the child slowly
        while time.monotonic() < waited_until:
            if len(gateway.posts) == 2 or first.poll() is not None:
                break
            time.sleep(0.02)
        assert len(gateway.posts) == 2, first.communicate(timeout=5)
    finally:
        os.kill(first.pid, signal.SIGKILL)
        first.communicate(timeout=30)
    assert set(_states(output / "kling-batch.sqlite3").values()) == {"creating"}
    gateway.create_answer = "ok"

    second = _child(jobs, output, server)
    stdout, stderr = second.communicate(timeout=60)
    assert second.returncode == 0, stderr
    assert json.loads(stdout.splitlines()[-1])["succeeded"] == 2
    _one_each(gateway, 2)
    assert sorted(p.name for p in output.glob("*.mp4")) == ["job-1.mp4", "job-2.mp4"]


# ---------------------------------------------------------------- backing off (17.7)

PAST_DATE = "Wed, 21 Oct 2015 07:28:00 GMT"
WINDOW = 120.0  # fake seconds


@pytest.mark.parametrize(
    ("client_flavor", "retry_after"),
    [("sync", "0"), ("async", "0"), ("async", "-5"), ("async", PAST_DATE)],
    ids=["sync-zero", "async-zero", "async-negative", "async-past-date"],
)
def test_a_rate_limit_saying_retry_now_is_backed_off_with_a_growing_delay(
    hostile: Start, fake_time: FakeTime, tmp_path: Path, client_flavor: str, retry_after: str
) -> None:
    gateway = BatchGateway(rate_limit=retry_after)
    began = fake_time.now

    def handler(seen: Seen) -> Action:
        # After the window the account is out of credit: that stops the batch (exit 3).
        if seen.method == "POST" and fake_time.now - began > WINDOW:
            return envelope(None, code=1102, message="resource pack exhausted", status=429)
        return gateway(seen)

    server = hostile(handler)
    batch = Batch(_jobs(tmp_path, 3), tmp_path / "out", concurrency=2)
    report = _batch(client_flavor, server, batch, fake_time)
    assert report.exit_code == 3
    assert report.not_started == 3
    # Without a floor and a growing delay this was one create per second and more (37 in
    # 25 s was seen); the client's own two retries a call, then 1, 2, 4, ... 60 s between calls
    # (about 20 creates in these 120 s).
    assert len(gateway.posts) <= 30, len(gateway.posts)
    assert set(_states(report.ledger).values()) == {"pending"}


def test_max_time_ends_a_rate_limited_batch_leaving_it_resumable(
    hostile: Start, flavor: str, fake_time: FakeTime, tmp_path: Path
) -> None:
    gateway = BatchGateway(rate_limit="0")
    server = _serve(hostile, gateway)
    ended: list[str] = []
    batch = Batch(
        _jobs(tmp_path, 3),
        tmp_path / "out",
        concurrency=2,
        max_time=100.0,
        on_result=lambda result: ended.append(result.id),
    )
    began = fake_time.now
    report = _batch(flavor, server, batch, fake_time)
    assert report.timed_out
    assert report.exit_code == 1
    assert (report.not_started, report.failed, report.unfinished) == (3, (), ())
    assert fake_time.now - began <= 100.0 + 2.0  # the client's one retry sleep may overlap
    assert batch.progress.rate_limit_code == 1303
    assert report.to_json()["timed_out"] is True
    assert set(_states(report.ledger).values()) == {"pending"}
    assert not gateway.tasks


def test_cli_max_time_exits_1_and_says_how_to_resume(hostile: Start, tmp_path: Path) -> None:
    gateway = BatchGateway(rate_limit="0")
    server = _serve(hostile, gateway)
    jobs, output = _jobs(tmp_path, 2), tmp_path / "out"
    done = kling(server, "batch", str(jobs), "-o", str(output), "--max-time", "2")
    assert done.code == 1, done.stderr
    assert done.seconds < 10
    assert "time limit reached (--max-time)" in done.stderr
    assert f"Resume with: kling batch {jobs} --output {output}" in done.stderr
    # Stopped where they were: a create cut off in the client's own retry stays `creating`
    # (the next run looks it up before sending it again), the others `pending`.
    assert set(_states(output / "kling-batch.sqlite3").values()) <= {"pending", "creating"}
    assert not gateway.tasks

    # A task still running when the time runs out: left `running`, followed by the next run.
    gateway.rate_limit, gateway.finish = None, False
    again = kling(
        server, "batch", str(_jobs(tmp_path, 1)), "-o", str(tmp_path / "slow"), "--max-time", "2"
    )
    assert again.code == 1, again.stderr
    assert "stopped job-1 (line 1): the batch's time limit (2 s) ran out while it was running" in (
        again.stderr
    )
    assert _states(tmp_path / "slow" / "kling-batch.sqlite3") == {"job-1": "running"}
    assert len(gateway.tasks) == 1

    help_text = kling(server, "batch", "--help").stdout
    assert "--max-time" in help_text
    assert "exits 1" in help_text


# ---------------------------------------------------------------- what the batch shows


def test_cli_batch_never_shows_a_key_the_gateway_echoes(hostile: Start, tmp_path: Path) -> None:
    # The key comes back inside the data (a task id) and inside a failure's message.
    gateway = BatchGateway(instant=True, task_prefix=f"task-{KEY}")
    server = _serve(hostile, gateway)
    args = ["batch", str(_jobs(tmp_path, 1)), "-o", str(tmp_path / "out")]
    done = kling(server, *args, "--json")
    assert done.code == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[0])["task_id"].startswith("task-")
    assert KEY not in done.stdout + done.stderr

    gateway.fail_reason = f"refused for key {KEY}"
    args = ["batch", str(_jobs(tmp_path, 2)), "-o", str(tmp_path / "failing")]
    for extra in ([], ["--json"]):
        done = kling(server, *args, *extra)
        assert done.code == 1, done.stderr
        assert "refused for key" in done.stdout + done.stderr  # the reason is shown...
        assert KEY not in done.stdout + done.stderr  # ...without the key
