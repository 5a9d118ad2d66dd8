"""Many workers, one batch, on a PostgreSQL ledger: every job created once and saved once,
never more than --account-slots tasks running at once, even when a worker is killed with
SIGKILL mid-way (its leases run out, another worker takes its jobs up and finds their tasks by
external_task_id). Against a real PostgreSQL server (see pg_cluster.py)."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from batch_support import whole_videos, write_jobs
from counting_gateway import CountingGateway

WORKER = Path(__file__).with_name("batch_worker.py")
JOBS = 200
SLOTS = 6
LEASE = 1.5
_TIMEOUT = 90


def _start(jobs: Path, output: Path, ledger: str, base_url: str) -> subprocess.Popen[str]:
    env = {**os.environ, "KLING_API_KEY": "sk-mock", "KLING_BASE_URL": base_url}
    return subprocess.Popen(  # noqa: S603 - our own interpreter and script
        [sys.executable, str(WORKER), str(jobs), str(output), ledger, "4", str(SLOTS), str(LEASE)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _report(process: subprocess.Popen[str]) -> tuple[int, dict[str, Any], str]:
    stdout, stderr = process.communicate(timeout=_TIMEOUT)
    lines = stdout.strip().splitlines()
    return process.returncode, json.loads(lines[-1]) if lines else {}, stderr


def _kill_holding_work(
    victim: subprocess.Popen[str], url: str, deadline: float
) -> list[tuple[str, str]]:
    """SIGKILL the worker as soon as it holds a job under way (the jobs and their states), so
    that the others have its jobs to take over; its claims stay in the ledger, their leases
    running out."""
    import psycopg

    held: list[tuple[str, str]] = []
    with psycopg.connect(url, autocommit=True) as db:
        while not held and time.monotonic() < deadline:
            held = db.execute(
                "SELECT id, state FROM kling_batch_jobs WHERE worker LIKE %s AND state IN "
                "('creating', 'running', 'downloading')",
                (f"%:{victim.pid}:%",),
            ).fetchall()
            if held:
                os.kill(victim.pid, signal.SIGKILL)
            else:
                time.sleep(0.002)
    victim.communicate(timeout=_TIMEOUT)
    assert held, "the worker to kill never held a job under way"
    return held


def test_three_workers_one_killed_make_every_job_once_within_the_account_slots(
    tmp_path: Path, postgres_url: str
) -> None:
    seed = random.randrange(1 << 30)
    kill_after = random.Random(seed).randrange(10, JOBS - 40)  # creates seen before the kill
    jobs = write_jobs(
        tmp_path / "jobs.jsonl",
        [{"kind": "text2video", "id": f"j{n:03d}", "prompt": f"p{n}"} for n in range(JOBS)],
    )
    output = tmp_path / "videos"
    gateway = CountingGateway()
    try:
        workers = [_start(jobs, output, postgres_url, gateway.server.base_url) for _ in range(3)]
        deadline = time.monotonic() + _TIMEOUT
        while gateway.creates < kill_after and time.monotonic() < deadline:
            time.sleep(0.005)
        held = _kill_holding_work(workers[0], postgres_url, deadline)
        results = [_report(worker) for worker in workers[1:]]
        counts = gateway.gateway.tasks
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
        gateway.close()

    why = f"seed {seed}, killed after {kill_after} creates holding {held}"
    for code, report, stderr in results:
        assert code == 0, (why, stderr[-2000:])
        assert report["succeeded"] == JOBS, (why, report)
    per_prompt: dict[str, int] = {}
    for task in counts:
        per_prompt[str(task.body["prompt"])] = per_prompt.get(str(task.body["prompt"]), 0) + 1
    assert per_prompt == {f"p{n}": 1 for n in range(JOBS)}, why
    assert gateway.peak <= SLOTS, why
    assert whole_videos(output) == {f"j{n:03d}.mp4": True for n in range(JOBS)}, why
    assert not list(output.glob(".*.part")), why
