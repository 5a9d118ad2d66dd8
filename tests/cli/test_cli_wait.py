"""Waiting, downloading, status, list, Ctrl-C and the demo, end to end.

The library's first look at a new task comes after 5 s (a real poll schedule); the commands
that wait for a task they just created run in-process in one module fixture, with clients that
look every 0.1 s and a demo whose task takes 0.5 s, so no test pays those seconds.
"""

from __future__ import annotations

import json
import select
import signal
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
from cli_support import KEY, Result, RunKling, cli_env, finish, invoke, start

import kling_ext._base_client
import kling_ext.cli._demo
from kling_ext import PollSchedule
from kling_ext._media import sample_video_bytes
from kling_ext.mock import MockGateway, RunningServer

JSON_FIELDS = {
    *("task_id", "task_status", "task_status_msg", "external_task_id"),
    *("created_at", "updated_at", "videos", "outputs", "paths"),
}
# How long the Ctrl-C test waits for the first status line before giving up.
_FIRST_LINE_SECONDS = 20
_QUICK = PollSchedule(first_delay=0.1, min_delay=0.1, max_delay=0.1, growth=0.0, jitter=0.0)


@attrs.frozen
class SlowRuns:
    folder: Path
    results: dict[str, Result]


@pytest.fixture(scope="module")
def slow(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SlowRuns]:
    """Run every command that waits for a fresh task (in-process); collect their results."""
    folder = tmp_path_factory.mktemp("slow")
    # The real clock with a short processing time, and clients that look every 0.1 s instead of
    # first after 5 s: the waits take about as long as the tasks.
    real = MockGateway(api_key=KEY, clock="real", processing_seconds=0.5)
    # Tasks that outlast --timeout=1.
    long = MockGateway(api_key=KEY, clock="real", processing_seconds=60)
    with (
        pytest.MonkeyPatch.context() as patch,
        real.serve() as real_server,
        long.serve() as long_server,
    ):
        patch.setattr(kling_ext._base_client, "DEFAULT_POLL_SCHEDULE", _QUICK)
        patch.setattr(kling_ext.cli._demo, "_MOCK_PROCESSING_SECONDS", 0.5)
        real_env = cli_env(real_server.base_url)
        runs: dict[str, Result] = {}
        saved = f"--output={folder / 'cat.mp4'}"
        runs["saved"] = invoke(
            ["text2video", "--prompt=a cat", "--wait", saved, "--json"], real_env
        )
        runs["failed"] = invoke(
            ["text2video", "--prompt=a cat [mock:fail]", "--wait", "--json"], real_env
        )
        runs["failed_reason"] = invoke(
            ["text2video", "--prompt=x [mock:fail:too dark]", "--wait", "--json"], real_env
        )
        runs["timeout"] = invoke(
            ["text2video", "--prompt=a cat", "--wait", "--timeout=1"],
            cli_env(long_server.base_url),
        )
        # No key and no base URL: the demo brings its own gateway.
        runs["demo"] = invoke(
            ["demo", f"--output={folder / 'demo'}"], cli_env(None, key=None), cwd=folder
        )
        (folder / "a-file").write_bytes(b"")
        runs["demo_unwritable"] = invoke(
            ["demo", f"--output={folder / 'a-file' / 'out'}/"], cli_env(None), cwd=folder
        )
        yield SlowRuns(folder, runs)


def test_wait_output_saves_a_playable_mp4(slow: SlowRuns) -> None:
    result = slow.results["saved"]

    assert result.code == 0, result.stderr
    assert result.stdout.count("\n") == 1
    printed = json.loads(result.stdout)
    assert set(printed) == JSON_FIELDS
    saved = slow.folder / "cat.mp4"
    assert printed["paths"] == [str(saved)]
    assert printed["task_status"] == "succeed"
    assert printed["videos"][0]["url"].endswith(".mp4")
    assert printed["videos"][0]["duration"] == 5
    data = saved.read_bytes()
    assert data[4:8] == b"ftyp"
    assert data == sample_video_bytes()
    # Without a terminal: one plain line per status change, then where the file went.
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"text2video {printed['task_id']}: submitted")
    assert lines[-1] == f"saved {saved}"


def test_failed_task_exits_1_and_names_the_resume_command(slow: SlowRuns) -> None:
    result = slow.results["failed"]

    assert result.code == 1
    printed = json.loads(result.stdout)  # still exactly one object, saying how it ended
    assert printed["task_status"] == "failed"
    task_id = printed["task_id"]
    assert f"error: task {task_id} failed: Failure requested" in result.stderr
    assert f"kling wait text2video {task_id}" in result.stderr


def test_a_failed_task_json_carries_the_reason_and_times(slow: SlowRuns) -> None:
    result = slow.results["failed_reason"]

    assert result.code == 1
    printed = json.loads(result.stdout)
    assert printed["task_status"] == "failed"
    assert "too dark" in printed["task_status_msg"]
    assert printed["created_at"]
    assert printed["updated_at"]


def test_timeout_exits_1_and_names_the_resume_command(slow: SlowRuns) -> None:
    result = slow.results["timeout"]

    assert result.code == 1
    assert "still running after 1 s" in result.stderr
    assert "resume with: kling wait text2video " in result.stderr


def test_demo_saves_an_mp4_and_prints_its_path(slow: SlowRuns) -> None:
    result = slow.results["demo"]

    assert result.code == 0, result.stderr
    path = Path(result.stdout.strip())
    assert path.parent == slow.folder / "demo"
    assert path.read_bytes() == sample_video_bytes()
    assert "sk-mock" not in result.output


def test_demo_that_cannot_save_does_not_point_at_its_vanished_mock(slow: SlowRuns) -> None:
    result = slow.results["demo_unwritable"]

    assert result.code == 1
    assert "error: " in result.stderr
    # The task lived on the embedded mock, gone with the command: only starting over works.
    assert "kling wait" not in result.stderr
    assert "kling status" not in result.stderr
    assert "run it again with: kling demo --output PATH" in result.stderr


def test_status_wait_and_list(
    kling: RunKling, gateway: tuple[MockGateway, RunningServer], tmp_path: Path
) -> None:
    first = kling("text2video", "--prompt=a cat").stdout.strip()
    second = kling("text2video", "--prompt=a dog").stdout.strip()

    # The steps clock moves a task one status per query: this look sees it processing ...
    status = kling("status", "text2video", first, "--json")
    assert status.code == 0
    assert json.loads(status.stdout)["task_status"] == "processing"
    # ... so waiting needs one more query, which finds it done.
    waited = kling("wait", "text2video", first, "--output", str(tmp_path / "videos"), "--json")
    assert waited.code == 0, waited.stderr
    saved = tmp_path / "videos" / f"{first}.mp4"
    assert json.loads(waited.stdout)["paths"] == [str(saved)]
    assert saved.read_bytes() == sample_video_bytes()

    listed = kling("list", "text2video", "--json")
    assert listed.code == 0
    statuses = {task["task_id"]: task["task_status"] for task in json.loads(listed.stdout)}
    assert statuses == {first: "succeed", second: "submitted"}
    plain = kling("list", "text2video", "--page-size=1")
    assert len(plain.stdout.splitlines()) == 1

    shown = kling("status", "text2video", second)
    assert "status: processing" in shown.stdout.splitlines()
    assert f"kling wait text2video {second}" in shown.stderr


def test_ctrl_c_while_waiting_exits_130_and_says_how_to_resume(
    kling: RunKling, gateway: tuple[MockGateway, RunningServer]
) -> None:
    task_id = kling("text2video", "--prompt=a cat").stdout.strip()
    process = start(["wait", "text2video", task_id], cli_env(gateway[1].base_url))
    assert process.stderr is not None
    ready, _, _ = select.select([process.stderr], [], [], _FIRST_LINE_SECONDS)
    assert ready, "no status line"
    first_line = process.stderr.readline()
    assert ": processing" in first_line  # now it sleeps until the next look

    process.send_signal(signal.SIGINT)
    result = finish(process)

    assert result.code == 130
    assert f"stopped waiting; the task keeps running: kling wait text2video {task_id}" in (
        result.stderr
    )
