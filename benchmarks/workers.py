"""7. Workers: one 1,000-job batch shared by 1, 2 and 4 `Batch` worker processes on one
PostgreSQL ledger, against the mock gateway served over HTTP.

Each worker is its own interpreter (``tests/batch/batch_worker.py``, AsyncKling polling fast,
``--concurrency 4``), all with ``account_slots=SLOTS``; the mock's tasks end after two queries,
so a job costs what the batch and the client spend on it, not waiting. The server (the tests'
throwaway cluster, or ``KLING_TEST_POSTGRES_URL``) and the gateway (in this process) are shared.

Rows: the peak of tasks running at once as the gateway counts them, against ``SLOTS`` (must not
pass it), and creates per job over every run (must be exactly 1: no job created twice). Jobs
per minute go to the notes, not to a row: on a 2-core machine the workers, the gateway and
PostgreSQL share the cores, so that figure measures the machine's load more than the batch,
and ``--check`` would take its noise for regressions.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ._common import Result, Section

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests" / "batch"
SIZE = 1_000
QUICK_SIZE = 10
WORKERS = (1, 2, 4)
QUICK_WORKERS = (1,)
CONCURRENCY = 4
SLOTS = 8
_TIMEOUT = 600


def _one(cluster: object, workers: int, size: int) -> dict[str, float]:
    from batch_support import write_jobs
    from counting_gateway import CountingGateway

    url = cluster.new_database()  # type: ignore[attr-defined]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        jobs = write_jobs(
            folder / "jobs.jsonl",
            [{"kind": "text2video", "id": f"j{n}", "prompt": f"p{n}"} for n in range(size)],
        )
        gateway = CountingGateway()
        env = {**os.environ, "KLING_API_KEY": "sk-mock", "KLING_BASE_URL": gateway.server.base_url}
        command = [sys.executable, str(TESTS / "batch_worker.py"), str(jobs), str(folder / "out")]
        command += [url, str(CONCURRENCY), str(SLOTS), "30"]
        try:
            started = time.perf_counter()
            processes = [
                subprocess.Popen(  # noqa: S603 - our own interpreter and script
                    command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
                )
                for _ in range(workers)
            ]
            for process in processes:
                out, err = process.communicate(timeout=_TIMEOUT)
                report = json.loads(out.strip().splitlines()[-1])
                assert report["exit_code"] == 0, err[-2000:]
            elapsed = time.perf_counter() - started
        finally:
            gateway.close()
        return {"seconds": elapsed, "creates": gateway.creates, "peak": gateway.peak}


def run(quick: bool = False) -> Section:
    """The workers benchmark (see the module)."""
    sys.path.insert(0, str(TESTS))
    from pg_cluster import Cluster, running

    size = QUICK_SIZE if quick else SIZE
    counts = QUICK_WORKERS if quick else WORKERS
    section = Section("workers")
    with running() as cluster:
        if not isinstance(cluster, Cluster):
            section.notes.append(f"workers: not run: {cluster}")
            return section
        runs = {workers: _one(cluster, workers, size) for workers in counts}
    for workers, figures in runs.items():
        per_minute = size / figures["seconds"] * 60
        section.results.append(
            Result(
                name=f"workers: {workers}, peak tasks running vs --account-slots {SLOTS}",
                value=figures["peak"],
                baseline=SLOTS,
                ratio=figures["peak"] / SLOTS,
                target="<= 1x",
                met=figures["peak"] <= SLOTS,
                unit="tasks",
                note=f"{per_minute:,.0f} jobs/minute",
            )
        )
    creates = sum(figures["creates"] for figures in runs.values())
    jobs = size * len(runs)
    section.results.append(
        Result(
            name="workers: creates per job, every run",
            value=creates / jobs,
            baseline=1.0,
            ratio=creates / jobs,
            target="<= 1x",
            met=creates == jobs,
            unit="creates",
        )
    )
    rates = ", ".join(
        f"{workers} worker(s) {size / figures['seconds'] * 60:,.0f} jobs/min "
        f"(peak {figures['peak']:g} running)"
        for workers, figures in runs.items()
    )
    section.notes.append(
        f"workers: {size:,} jobs on one PostgreSQL ledger, --concurrency {CONCURRENCY} each, "
        f"--account-slots {SLOTS}: {rates}; {creates:,} creates for {jobs:,} jobs."
    )
    return section
