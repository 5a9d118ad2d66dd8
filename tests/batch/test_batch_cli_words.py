"""What `kling batch` and `kling batch-status` tell a user, run in-process (no subprocess): the
CLI's words rather than the library's, the exit status of a ledger with failures, and the batch
cleaning up the half downloads the download code leaves."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from batch_support import prompts, write_jobs
from click.testing import CliRunner

import kling_ext._download_io
from kling_ext import Batch, BatchProgress, Kling
from kling_ext._batch import _remove_debris
from kling_ext._download_io import PartFile
from kling_ext.cli._app import cli
from kling_ext.cli._batch import describe
from kling_ext.mock import MockGateway


def test_a_changed_job_is_refused_in_cli_words_in_json_too(tmp_path: Path, client: Kling) -> None:
    jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(1))
    assert Batch(jobs, tmp_path / "out").run(client).exit_code == 0
    write_jobs(jobs, [{"kind": "text2video", "id": "job-01", "prompt": "another shot"}])

    args = ["batch", str(jobs), "-o", str(tmp_path / "out"), "--api-key", "sk-unused"]
    done = CliRunner().invoke(cli, [*args, "--json"])
    assert done.exit_code == 2
    error = json.loads(done.stdout)["error"]
    shown = json.dumps(error)
    assert "--force" in shown
    assert "force=True" not in shown
    assert "force=True" not in done.stderr


def test_a_job_failed_earlier_says_the_flag_that_retries_it(tmp_path: Path, client: Kling) -> None:
    jobs = write_jobs(tmp_path / "jobs.jsonl", [{"kind": "text2video", "prompt": "[mock:fail]"}])
    Batch(jobs, tmp_path / "out").run(client)
    # Nothing is left to send: the re-run reads the failure from the ledger alone.
    args = ["batch", str(jobs), "-o", str(tmp_path / "out"), "--api-key", "sk-unused"]
    args += ["--base-url", "http://127.0.0.1:9/klingai"]
    for extra in ([], ["--json"]):
        done = CliRunner().invoke(cli, [*args, *extra])
        assert done.exit_code == 1, done.output
        assert "--retry-failed creates a new task" in done.stdout + done.stderr
        assert "retry_failed" not in done.stdout + done.stderr


def test_batch_status_exits_1_when_jobs_failed_and_0_otherwise(
    tmp_path: Path, client: Kling, gateway: MockGateway
) -> None:
    good = write_jobs(tmp_path / "good.jsonl", prompts(2))
    Batch(good, tmp_path / "good").run(client)
    done = CliRunner().invoke(cli, ["batch-status", str(tmp_path / "good")])
    assert done.exit_code == 0, done.output

    bad = write_jobs(
        tmp_path / "bad.jsonl", [*prompts(1), {"kind": "text2video", "prompt": "[mock:fail]"}]
    )
    Batch(bad, tmp_path / "bad").run(client)
    for extra in ([], ["--json"]):
        done = CliRunner().invoke(cli, ["batch-status", *extra, str(tmp_path / "bad")])
        assert done.exit_code == 1, done.output


def test_the_live_line_says_when_the_accounts_limit_lets_the_next_create_go() -> None:
    now = [100.0]
    progress = BatchProgress(total=3, clock=lambda: now[0])
    assert "rate-limited" not in describe(progress)
    progress.rate_limit_code, progress.next_create_at = 1303, 107.2
    assert describe(progress).endswith("rate-limited (1303): next create in 8 s")
    now[0] = 108.0
    assert "rate-limited" not in describe(progress)


@pytest.mark.parametrize("token_bytes", [8, 12])
def test_the_batch_cleans_up_the_half_download_the_download_code_leaves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, token_bytes: int
) -> None:
    # One place names `.part` files: change it there, and the batch still recognises them.
    monkeypatch.setattr(kling_ext._download_io, "PART_TOKEN_BYTES", token_bytes)
    target = tmp_path / ("é" * 80 + ".mp4")  # cut inside a character at PART_NAME_MAX_BYTES
    part = PartFile(target)
    part.file.write(b"half a video")
    part.file.close()  # a killed run: the .part stays
    mine = tmp_path / f".{target.name}.notes.part"  # not a download's: left alone
    mine.write_text("keep")
    _remove_debris(target)
    assert not part.path.exists()
    assert mine.exists()
