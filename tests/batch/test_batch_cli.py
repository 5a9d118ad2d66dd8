"""`kling batch` and `kling batch-status` as a user runs them, against a mock gateway server.

In-process (click's CliRunner), not a subprocess per command: the console script itself is run by
tests/cli; here the commands talk HTTP to a real mock server, and only the poll schedule is
quickened (the default first look comes after 5 s, which would only cost wall time).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
from batch_support import prompts, whole_videos, write_jobs
from click.testing import CliRunner

import kling_ext._base_client
from kling_ext.cli._app import cli
from kling_ext.mock import Fault, MockGateway, RunningServer
from kling_ext.testing import FAST_POLLING

KEY = "sk-mock-batch-cli-0123456789"
_CLEARED = ("KLING_API_KEY", "API_KEY", "KLING_BASE_URL", "FORCE_COLOR", "TTY_INTERACTIVE")


@attrs.frozen
class Done:
    """What a finished command left behind, named as subprocess.run names it."""

    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[MockGateway, RunningServer]]:
    # The steps clock (one status per query) and a client polling at once: no real time waited.
    monkeypatch.setattr(kling_ext._base_client, "DEFAULT_POLL_SCHEDULE", FAST_POLLING)
    gateway = MockGateway(api_key=KEY, clock="steps")
    with gateway.serve() as server:
        yield gateway, server


def kling(*args: str, base_url: str, cwd: Path) -> Done:
    env: dict[str, str | None] = dict.fromkeys(_CLEARED)
    env |= {"KLING_API_KEY": KEY, "KLING_BASE_URL": base_url}
    here = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(cli, args, env=env)
    finally:
        os.chdir(here)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    done = Done(result.exit_code, result.stdout, result.stderr)
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
