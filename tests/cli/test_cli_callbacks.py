"""`kling <endpoint> --callback-listen`: the CLI waits by callback (real mock server, 127.0.0.1).

The commands run in-process (`invoke`), with the library's real poll schedule; the shell case
runs `kling mock-server` and the command as processes.
"""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_support import KEY, cli_env, finish, invoke, start

from kling_ext.mock import MockCallbacks, MockGateway, RunningServer

SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"


@pytest.fixture(params=["unsigned", "signed"])
def sending(request: pytest.FixtureRequest) -> Iterator[tuple[MockGateway, RunningServer, str]]:
    """A mock gateway on the real clock (tasks take ~1.5 s) that POSTs callbacks."""
    signed = request.param == "signed"
    mock = MockGateway(
        api_key=KEY,
        clock="real",
        processing_seconds=1.0,
        callbacks=MockCallbacks(secret=SECRET if signed else None),
    )
    with mock.serve() as server, mock.run_callbacks(0.02):
        yield mock, server, str(request.param)


def test_callback_listen_waits_by_callback_with_one_query(
    sending: tuple[MockGateway, RunningServer, str], tmp_path: Path
) -> None:
    mock, server, how = sending
    env = cli_env(server.base_url)
    if how == "signed":
        env["KLING_WEBHOOK_SECRET"] = SECRET
    result = invoke(
        ["text2video", "--prompt=a cat", "--callback-listen=127.0.0.1:0", "--json"], env, tmp_path
    )
    assert result.code == 0, result.stderr
    printed = json.loads(result.stdout)
    assert printed["task_status"] == "succeed"
    (task,) = mock.tasks
    # The real polling schedule would first ask after 5 s; the callbacks ended it in one query.
    assert task.queries == 1
    assert "token=" in task.body["callback_url"]
    assert SECRET[6:] not in result.output
    assert "token=" not in result.output
    assert all(d.answer == 200 for d in mock.callback_log)
    # The same status lines as a polled wait.
    statuses = [line.split(": ")[1].split()[0] for line in result.stderr.splitlines()]
    assert statuses == ["submitted", "processing", "succeed"]


def test_a_wrong_webhook_secret_refuses_the_callbacks_and_the_safety_net_ends_the_wait(
    tmp_path: Path,
) -> None:
    mock = MockGateway(
        api_key=KEY, clock="real", processing_seconds=0.5, callbacks=MockCallbacks(secret=SECRET)
    )
    other = "whsec_" + "b3RoZXItc2VjcmV0LW9mLXRoaXJ0eS10d28tYnl0ZXM="
    with mock.serve() as server, mock.run_callbacks(0.02):
        env = {**cli_env(server.base_url), "KLING_WEBHOOK_SECRET": other}
        result = invoke(
            ["text2video", "--prompt=a cat", "--callback-listen=127.0.0.1:0"], env, tmp_path
        )
    assert result.code == 0, result.stderr
    assert {d.answer for d in mock.callback_log} == {401}
    assert mock.tasks[0].queries >= 1  # found by polling (its first query after 5 s)
    assert other[6:] not in result.output


def test_bad_callback_flags_exit_2_before_any_create(tmp_path: Path) -> None:
    mock = MockGateway(api_key=KEY)
    with mock.serve() as server:
        env = cli_env(server.base_url)
        bad_address = invoke(
            ["text2video", "--prompt=a cat", "--callback-listen=nowhere"], env, tmp_path
        )
        bad_secret = invoke(
            [
                "text2video",
                "--prompt=a cat",
                "--callback-listen=127.0.0.1:0",
                "--webhook-secret=whsec_not-base64!!",
            ],
            env,
            tmp_path,
        )
    assert bad_address.code == 2
    assert "HOST:PORT" in bad_address.stderr
    assert bad_secret.code == 2
    assert "not-base64" not in bad_secret.output
    assert mock.creates_count == 0


def test_batch_callback_listen_waits_by_callback(tmp_path: Path) -> None:
    mock = MockGateway(
        api_key=KEY, clock="real", processing_seconds=0.8, callbacks=MockCallbacks(secret=SECRET)
    )
    jobs = tmp_path / "jobs.jsonl"
    jobs.write_text(
        "".join(
            json.dumps({"kind": "text2video", "id": f"j{n}", "prompt": f"shot {n}"}) + "\n"
            for n in range(3)
        ),
        encoding="utf-8",
    )
    with mock.serve() as server, mock.run_callbacks(0.02):
        env = {**cli_env(server.base_url), "KLING_WEBHOOK_SECRET": SECRET}
        result = invoke(
            ["batch", str(jobs), "-o", str(tmp_path / "out"), "--callback-listen=127.0.0.1:0"],
            env,
            tmp_path,
        )
    assert result.code == 0, result.stderr
    assert len(list((tmp_path / "out").glob("*.mp4"))) == 3
    assert [task.queries for task in mock.tasks] == [1, 1, 1]
    assert SECRET[6:] not in result.output


def test_mock_server_callbacks_serve_a_wait_by_callback_from_the_shell(tmp_path: Path) -> None:
    url_file = tmp_path / "mock.url"
    server = start(
        [
            "mock-server",
            "--clock=real",
            "--processing-seconds=0.5",
            f"--api-key={KEY}",
            "--callbacks",
            f"--callback-secret={SECRET}",
            f"--url-file={url_file}",
        ],
        cli_env(None),
        tmp_path,
    )
    try:
        for _ in range(200):
            if url_file.exists() and url_file.read_text().strip():
                break
            time.sleep(0.05)
        base_url = url_file.read_text().strip()
        env = {**cli_env(base_url), "KLING_WEBHOOK_SECRET": SECRET}
        started = time.monotonic()
        result = finish(
            start(
                ["text2video", "--prompt=a cat", "--callback-listen=127.0.0.1:0", "--json"],
                env,
                tmp_path,
            )
        )
        assert result.code == 0, result.stderr
        assert json.loads(result.stdout)["task_status"] == "succeed"
        # Polling's first look comes after 5 s: ending sooner took the callbacks.
        assert time.monotonic() - started < 4.5
    finally:
        server.terminate()
        server.communicate(timeout=10)


def test_mock_server_callbacks_need_the_real_clock(tmp_path: Path) -> None:
    result = invoke(["mock-server", "--callbacks"], cli_env(None), tmp_path)
    assert result.code == 2
    assert "--clock real" in result.stderr


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_resumed_batch_accepts_the_callbacks_of_tasks_its_earlier_run_created(
    tmp_path: Path,
) -> None:
    # The first run stops (--max-time) with its tasks running; the same command run again on
    # the same address must still let their callbacks in: the inbox beside the ledger keeps
    # the key their callback URLs were minted with (an in-memory one answered them 401).
    mock = MockGateway(api_key=KEY, clock="real", processing_seconds=2.5, callbacks=MockCallbacks())
    jobs = tmp_path / "jobs.jsonl"
    jobs.write_text(
        "".join(
            json.dumps({"kind": "text2video", "id": f"j{n}", "prompt": f"shot {n}"}) + "\n"
            for n in range(2)
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    listen = f"127.0.0.1:{_free_port()}"
    command = ["batch", str(jobs), "-o", str(out), f"--callback-listen={listen}"]
    with mock.serve() as server, mock.run_callbacks(0.02):
        env = cli_env(server.base_url)
        first = invoke([*command, "--max-time=0.5"], env, tmp_path)
        assert first.code == 1, first.stderr
        assert f"--callback-listen {listen}" in first.stderr  # the resume command keeps it
        assert mock.creates_count == 2
        second = invoke(command, env, tmp_path)
    assert second.code == 0, second.stderr
    assert mock.creates_count == 2
    assert len(list(out.glob("*.mp4"))) == 2
    finals = [d for d in mock.callback_log if d.status == "succeed"]
    assert [d.answer for d in finals if d.answer is not None] == [200, 200]
    assert {d.answer for d in mock.callback_log} <= {200, None}  # None: between the runs
    assert (out / "kling-batch-callbacks.sqlite3").is_file()


def test_a_refused_jobs_file_with_callback_listen_leaves_nothing_behind(tmp_path: Path) -> None:
    jobs = tmp_path / "jobs.jsonl"
    jobs.write_text('{"kind": "text2video", "id": "a"}\n', encoding="utf-8")  # no prompt
    out = tmp_path / "out"
    mock = MockGateway(api_key=KEY)
    with mock.serve() as server:
        result = invoke(
            ["batch", str(jobs), "-o", str(out), "--callback-listen=127.0.0.1:0"],
            cli_env(server.base_url),
            tmp_path,
        )
    assert result.code == 2, result.stderr
    assert "prompt" in result.stderr
    assert not out.exists()
    assert mock.creates_count == 0


def test_an_unusable_callback_inbox_is_named_and_nothing_is_sent(tmp_path: Path) -> None:
    jobs = tmp_path / "jobs.jsonl"
    jobs.write_text('{"kind": "text2video", "id": "a", "prompt": "a cat"}\n', encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "kling-batch-callbacks.sqlite3").write_text("not a database", encoding="utf-8")
    mock = MockGateway(api_key=KEY)
    with mock.serve() as server:
        result = invoke(
            ["batch", str(jobs), "-o", str(out), "--callback-listen=127.0.0.1:0"],
            cli_env(server.base_url),
            tmp_path,
        )
    assert result.code == 2, result.stderr
    assert "callback inbox" in result.stderr
    assert "kling-batch-callbacks.sqlite3" in result.stderr
    assert "Traceback" not in result.output
    assert mock.creates_count == 0


def test_a_webhook_secret_flag_without_callback_listen_exits_2_unless_from_the_environment(
    tmp_path: Path,
) -> None:
    mock = MockGateway(api_key=KEY)
    jobs = tmp_path / "jobs.jsonl"
    jobs.write_text('{"kind": "text2video", "id": "a", "prompt": "a cat"}\n', encoding="utf-8")
    with mock.serve() as server:
        env = cli_env(server.base_url)
        flagged = [
            invoke(["text2video", "--prompt=a cat", f"--webhook-secret={SECRET}"], env, tmp_path),
            invoke(
                ["batch", str(jobs), "-o", str(tmp_path / "out"), f"--webhook-secret={SECRET}"],
                env,
                tmp_path,
            ),
        ]
        assert mock.creates_count == 0
        from_env = invoke(
            ["text2video", "--prompt=a cat"], {**env, "KLING_WEBHOOK_SECRET": SECRET}, tmp_path
        )
    for result in flagged:
        assert result.code == 2, result.stderr
        assert "--webhook-secret needs --callback-listen" in result.stderr
        assert SECRET[6:] not in result.output
    assert from_env.code == 0, from_env.stderr  # a secret kept in the environment for later


def test_a_wildcard_callback_listen_without_callback_url_exits_2_before_any_create(
    tmp_path: Path,
) -> None:
    # Tasks would be created with callback_url http://0.0.0.0:PORT/...: no API reaches that,
    # and every wait would silently fall back to polling.
    jobs = tmp_path / "jobs.jsonl"
    jobs.write_text('{"kind": "text2video", "id": "a", "prompt": "a cat"}\n', encoding="utf-8")
    mock = MockGateway(api_key=KEY)
    with mock.serve() as server:
        env = cli_env(server.base_url)
        results = [
            invoke(["text2video", "--prompt=a cat", "--callback-listen=0.0.0.0:0"], env, tmp_path),
            invoke(
                ["batch", str(jobs), "-o", str(tmp_path / "out"), "--callback-listen=[::]:0"],
                env,
                tmp_path,
            ),
        ]
    for result in results:
        assert result.code == 2, result.stderr
        assert "--callback-listen" in result.stderr
        assert "--callback-url" in result.stderr
        assert "Traceback" not in result.output
    assert mock.creates_count == 0
    assert not (tmp_path / "out").exists()
