"""A batch killed with SIGKILL at the worst instants, then run again: every video, whole, and
exactly one task per job. The gateway is a server written for these tests that stops at the
chosen request, so the kill lands exactly there."""

from __future__ import annotations

from pathlib import Path

import pytest
from batch_support import (
    Hold,
    HoldingGateway,
    finish_child,
    kill_child,
    ledger_states,
    prompts,
    start_child,
    tasks_per_prompt,
    whole_videos,
    write_jobs,
)

JOBS = 4


@pytest.mark.parametrize(
    ("hold", "state_at_kill"),
    [
        # The ledger says `creating`, the API never saw the create: the re-run must create it.
        ("create_unsent", "creating"),
        # The API made the task, its answer never came: the re-run must find it, not pay again.
        ("create_unanswered", "creating"),
        # Half a video on disk: the re-run must fetch it whole, without a new task.
        ("download", "downloading"),
    ],
)
def test_killed_batch_rerun_ends_with_every_video_and_one_task_per_job(
    tmp_path: Path, hold: Hold, state_at_kill: str
) -> None:
    jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(JOBS))
    output = tmp_path / "videos"
    gateway = HoldingGateway(hold, nth=2)
    try:
        child = start_child(jobs, output, gateway.server.base_url)
        assert gateway.reached.wait(30), child.communicate()
        kill_child(child)
        states = ledger_states(output / "kling-batch.sqlite3")
        assert states["job-02"] == state_at_kill
        gateway.release.set()

        code, report, stderr = finish_child(start_child(jobs, output, gateway.server.base_url))
    finally:
        gateway.close()

    assert code == 0, stderr
    assert report["succeeded"] == JOBS
    assert whole_videos(output) == {f"job-{n:02d}.mp4": True for n in range(1, JOBS + 1)}
    assert tasks_per_prompt(gateway.gateway) == {f"shot {n}": 1 for n in range(1, JOBS + 1)}
    assert not list(output.glob(".*.part"))
    assert set(ledger_states(output / "kling-batch.sqlite3").values()) == {"done"}
