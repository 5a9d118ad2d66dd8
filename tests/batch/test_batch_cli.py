"""`kling batch` and `kling batch-status` as a user runs them, against a mock gateway server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from batch_support import prompts, whole_videos, write_jobs

from kling_ext.mock import Fault, MockGateway, RunningServer

KEY = "sk-mock-batch-cli-0123456789"
_CLEARED = ("KLING_API_KEY", "API_KEY", "KLING_BASE_URL", "FORCE_COLOR", "TTY_INTERACTIVE")


@pytest.fixture
def served() -> Iterator[tuple[MockGateway, RunningServer]]:
    # The real clock with a short processing time: the command line's first look at a task comes
    # after 5 s (the real poll schedule) and sees it finished, where the steps clock needs two.
    gateway = MockGateway(api_key=KEY, clock="real", processing_seconds=0.5)
    with gateway.serve() as server:
        yield gateway, server


def kling(*args: str, base_url: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in _CLEARED}
    env |= {"KLING_API_KEY": KEY, "KLING_BASE_URL": base_url}
    done = subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, "-c", "from kling_ext.cli import main; main()", *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr
    assert KEY not in done.stdout + done.stderr
    return done


def test_a_malformed_file_exits_2_naming_each_line(
    tmp_path: Path, served: tuple[MockGateway, RunningServer]
) -> None:
    gateway, server = served
    write_jobs(tmp_path / "jobs.jsonl", [*prompts(1), "not json", {"kind": "nope"}])
    done = kling("batch", "jobs.jsonl", "-o", "out", base_url=server.base_url, cwd=tmp_path)
    assert done.returncode == 2
    assert "line 2: line: is not JSON" in done.stderr
    assert "line 3: kind: 'nope' is not an endpoint" in done.stderr
    assert gateway.creates_count == 0

    done = kling(
        "batch", "jobs.jsonl", "-o", "out", "--json", base_url=server.base_url, cwd=tmp_path
    )
    problems = json.loads(done.stdout)["error"]["problems"]
    assert [p["line"] for p in problems] == [2, 3]


def test_a_batch_prints_one_json_object_per_job_then_a_summary_and_status_reads_offline(
    tmp_path: Path, served: tuple[MockGateway, RunningServer]
) -> None:
    _, server = served
    failing = {"kind": "text2video", "id": "bad", "prompt": "[mock:fail:too dark\x1b[2J]"}
    write_jobs(tmp_path / "jobs.jsonl", [*prompts(2), failing])
    done = kling(
        "batch", "jobs.jsonl", "-o", "out", "--json", base_url=server.base_url, cwd=tmp_path
    )
    assert done.returncode == 1, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert sorted(line["id"] for line in lines[:-1]) == ["bad", "job-01", "job-02"]
    assert {line["id"]: line["ok"] for line in lines[:-1]}["bad"] is False
    assert lines[-1]["summary"]
    assert lines[-1]["failed"] == 1
    assert lines[-1]["succeeded"] == 2
    assert whole_videos(tmp_path / "out") == {"job-01.mp4": True, "job-02.mp4": True}
    server.close()  # offline from here on

    status = kling("batch-status", "out", base_url=server.base_url, cwd=tmp_path)
    assert status.returncode == 1  # a job failed: as `kling batch` says
    rows = [line.split("\t") for line in status.stdout.splitlines()]
    assert [(row[0], row[1]) for row in rows] == [
        ("job-01", "done"),
        ("job-02", "done"),
        ("bad", "failed"),
    ]
    assert "too dark" in rows[2][3]

    again = kling(
        "batch", "jobs.jsonl", "-o", "out", base_url="http://127.0.0.1:9/klingai", cwd=tmp_path
    )
    assert again.returncode == 1  # nothing left to send: the dead server is never asked
    assert "2 of 3 succeeded, 2 of them in an earlier run, 1 failed" in again.stderr
    assert "too dark\\x1b[2J" in again.stderr  # the server's text cannot drive the terminal
    assert "\x1b" not in again.stderr + status.stdout


def test_a_refused_balance_exits_3_and_says_how_to_resume(
    tmp_path: Path, served: tuple[MockGateway, RunningServer]
) -> None:
    gateway, server = served
    gateway.inject(Fault(operation="create", kind="balance"))
    write_jobs(tmp_path / "jobs.jsonl", prompts(2))
    done = kling(
        "batch", "jobs.jsonl", "-o", "out", "-c", "1", base_url=server.base_url, cwd=tmp_path
    )
    assert done.returncode == 3
    assert "resume with: kling batch jobs.jsonl --output out" in done.stderr
    assert "2 job(s) not started" in done.stderr


def test_a_ledger_that_is_not_one_exits_2(
    tmp_path: Path, served: tuple[MockGateway, RunningServer]
) -> None:
    gateway, server = served
    write_jobs(tmp_path / "jobs.jsonl", prompts(1))
    (tmp_path / "ledger.db").write_text("not a database" * 100)
    done = kling(
        "batch",
        "jobs.jsonl",
        "-o",
        "out",
        "--ledger",
        "ledger.db",
        base_url=server.base_url,
        cwd=tmp_path,
    )
    assert done.returncode == 2
    assert "cannot use the ledger ledger.db" in done.stderr
    assert gateway.creates_count == 0


def test_a_refused_file_exits_2_naming_a_missing_image_and_leaves_no_folder(
    tmp_path: Path, served: tuple[MockGateway, RunningServer]
) -> None:
    gateway, server = served
    (tmp_path / "shots").mkdir()
    write_jobs(
        tmp_path / "shots" / "jobs.jsonl",
        [{"kind": "image2video", "id": "mug", "image": "photos/nothere.png", "prompt": "orbit"}],
    )
    done = kling(
        "batch", "shots/jobs.jsonl", "--output", "badout", base_url=server.base_url, cwd=tmp_path
    )
    assert done.returncode == 2
    assert "line 1: image: file not found: photos/nothere.png" in done.stderr
    assert "nothing was sent" in done.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["shots"]
    assert sorted(path.name for path in (tmp_path / "shots").iterdir()) == ["jobs.jsonl"]
    assert gateway.creates_count == 0


def test_an_api_refusing_connections_stops_the_batch_at_once_with_exit_4(
    tmp_path: Path, served: tuple[MockGateway, RunningServer]
) -> None:
    _, server = served
    write_jobs(tmp_path / "jobs.jsonl", prompts(3))
    closed = server.base_url
    server.close()  # the port now refuses connections
    done = kling("batch", "jobs.jsonl", "-o", "out", "-c", "1", base_url=closed, cwd=tmp_path)
    assert done.returncode == 4, done.stderr
    assert "the API is out of reach" in done.stderr
    assert "3 job(s) not started" in done.stderr
    assert "resume with: kling batch jobs.jsonl --output out" in done.stderr
