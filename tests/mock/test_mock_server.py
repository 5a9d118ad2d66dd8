"""The mock gateway over real HTTP on 127.0.0.1: the threaded server, the WSGI app and the CLI."""

from __future__ import annotations

import json
import os
import re
import select
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner

from kling_ext._media import sample_video_bytes
from kling_ext.cli import cli
from kling_ext.mock import MAX_BODY_BYTES, Fault, MockGateway, MockRequest, RunningServer
from kling_ext.testing import kling_mock, kling_mock_server  # noqa: F401 - as users import them

KEY = {"Authorization": "Bearer sk-mock"}
BODY = {"model_name": "kling-v3", "prompt": "a red fox", "duration": "7"}


@pytest.fixture
def http(kling_mock_server: RunningServer) -> Iterator[httpx.Client]:  # noqa: F811
    with httpx.Client(base_url=kling_mock_server.base_url, headers=KEY, timeout=10) as client:
        yield client


def finish(http: httpx.Client, body: dict[str, Any] = BODY) -> dict[str, Any]:
    created = http.post("/v1/videos/text2video", json=body)
    assert created.status_code == 200, created.text
    task_id = created.json()["data"]["task_id"]
    assert (
        http.get(f"/v1/videos/text2video/{task_id}").json()["data"]["task_status"] == "processing"
    )
    task: dict[str, Any] = http.get(f"/v1/videos/text2video/{task_id}").json()["data"]
    return task


def test_full_job_over_http(http: httpx.Client, kling_mock_server: RunningServer) -> None:  # noqa: F811
    task = finish(http)
    assert task["task_status"] == "succeed"
    [video] = task["task_result"]["videos"]
    assert video["duration"] == "7.0"
    assert video["url"] == f"{kling_mock_server.base_url}/mock/videos/{task['task_id']}.mp4"
    download = httpx.get(video["url"])
    assert download.status_code == 200
    assert download.headers["content-type"] == "video/mp4"
    assert download.content == sample_video_bytes()
    resumed = httpx.get(video["url"], headers={"Range": "bytes=4000-"})
    assert resumed.status_code == 206
    assert resumed.content == sample_video_bytes()[4000:]
    listed = http.get("/v1/videos/text2video", params={"pageNum": 1, "pageSize": 10}).json()
    assert [t["task_id"] for t in listed["data"]] == [task["task_id"]]


def test_errors_over_http(http: httpx.Client, kling_mock: MockGateway) -> None:  # noqa: F811
    anonymous = httpx.post(f"{http.base_url}v1/videos/text2video", json=BODY)
    assert (anonymous.status_code, anonymous.json()["code"]) == (401, 1001)
    wrong = http.get("/v1/videos/text2video", headers={"Authorization": "Bearer nope"})
    assert (wrong.status_code, wrong.json()["code"]) == (401, 1002)
    invalid = http.post("/v1/videos/text2video", json={**BODY, "duration": "20"})
    assert (invalid.status_code, invalid.json()["code"]) == (400, 1201)
    assert invalid.json()["message"].startswith("duration: '20' is not allowed")
    missing = http.get("/v1/videos/text2video/order 42 ✓")
    assert missing.json()["message"] == "Task not found by id/external id: order 42 ✓"
    paging = http.get("/v1/videos/text2video", params={"pageSize": "many"})
    assert (paging.status_code, paging.json()["code"]) == (400, 1201)
    assert http.get("/v1/unknown").status_code == 404
    assert kling_mock.tasks == []


def test_official_paths_and_failures_over_http(kling_mock_server: RunningServer) -> None:  # noqa: F811
    with httpx.Client(base_url=kling_mock_server.root_url, headers=KEY) as official:
        failed = finish(official, {**BODY, "prompt": "a fox [mock:fail:risk control]"})
    assert (failed["task_status"], failed["task_status_msg"]) == ("failed", "risk control")


def test_connection_faults_over_http(http: httpx.Client, kling_mock: MockGateway) -> None:  # noqa: F811
    kling_mock.inject(Fault(operation="create", kind="stored_then_drop"))
    with pytest.raises(httpx.RemoteProtocolError):
        http.post("/v1/videos/text2video", json={**BODY, "external_task_id": "e-1"})
    assert http.get("/v1/videos/text2video/e-1").status_code == 200  # it was stored
    kling_mock.inject(Fault(operation="create", kind="drop"))
    with pytest.raises(httpx.RemoteProtocolError):  # a socket cannot un-arrive; closed instead
        http.post("/v1/videos/text2video", json=BODY)
    assert len(kling_mock.tasks) == 1


def test_cut_download_over_http(http: httpx.Client, kling_mock: MockGateway) -> None:  # noqa: F811
    url = finish(http)["task_result"]["videos"][0]["url"]
    kling_mock.inject(Fault(operation="download", kind="cut_download", after_bytes=300))
    with pytest.raises(httpx.RemoteProtocolError, match="received 300 bytes"):
        httpx.get(url)
    assert httpx.get(url).content == sample_video_bytes()


def test_answer_faults_over_http(http: httpx.Client, kling_mock: MockGateway) -> None:  # noqa: F811
    kling_mock.inject(Fault(operation="list", kind="rate_limit", retry_after=4))
    kling_mock.inject(Fault(operation="list", kind="non_json", status=504))
    limited = http.get("/v1/videos/text2video")
    assert (limited.status_code, limited.headers["retry-after"]) == (429, "4")
    page = http.get("/v1/videos/text2video")
    assert (page.status_code, page.headers["content-type"]) == (504, "text/html")
    assert page.text == "<html><body>504 Gateway Timeout</body></html>"


def test_violation_status_goes_over_the_wire() -> None:
    with MockGateway(violations=["undocumented_status"]).serve() as server:
        answer = httpx.get(f"{server.base_url}/v1/videos/text2video/nope", headers=KEY)
    assert answer.status_code == 418


def test_concurrent_creates_get_distinct_tasks(kling_mock_server: RunningServer) -> None:  # noqa: F811
    ids: list[str] = []

    def create(n: int) -> None:
        body = {**BODY, "external_task_id": f"job-{n}"}
        with httpx.Client(base_url=kling_mock_server.base_url, headers=KEY) as client:
            ids.append(client.post("/v1/videos/text2video", json=body).json()["data"]["task_id"])

    threads = [threading.Thread(target=create, args=(n,)) for n in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(ids)) == 16
    assert kling_mock_server.gateway.creates_count == 16


def test_close_releases_the_port() -> None:
    server = MockGateway().serve()
    url = server.base_url
    server.close()
    server.close()  # idempotent
    with pytest.raises(httpx.ConnectError):
        httpx.get(url + "/v1/videos/text2video")


# ------------------------------------------------------------------ the CLI


def test_mock_server_command_prints_its_url_and_stops_on_ctrl_c() -> None:
    command = [sys.executable, "-c", "from kling_ext.cli import main; main()"]
    proc = subprocess.Popen(  # noqa: S603 - our own interpreter and module
        [*command, "mock-server", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        ready, _, _ = select.select([proc.stdout], [], [], 30)
        assert ready, "the server printed no URL"
        base_url = proc.stdout.readline().strip()
        assert base_url.startswith("http://127.0.0.1:")
        assert base_url.endswith("/klingai")
        answer = httpx.post(f"{base_url}/v1/videos/text2video", json=BODY, headers=KEY)
        assert (answer.status_code, answer.json()["code"]) == (200, 0)
        proc.send_signal(signal.SIGINT)
        _, stderr = proc.communicate(timeout=20)
    finally:
        proc.kill()
        proc.wait()
    assert proc.returncode == 0
    assert "sk-mock" in stderr
    assert "Traceback" not in stderr


def test_mock_server_command_refuses_remote_hosts() -> None:
    result = CliRunner().invoke(cli, ["mock-server", "--host", "0.0.0.0"])  # noqa: S104
    assert result.exit_code == 2
    assert "--allow-remote" in result.output


# ------------------------------------------------------------------ request body cap


def _raw_post(server: RunningServer, extra_headers: str) -> tuple[int, dict[str, Any]]:
    """POST a create's headers only, no body byte: the answer must come without waiting for it."""
    host, port = server.base_url.removeprefix("http://").split("/")[0].split(":")
    head = (
        "POST /klingai/v1/videos/text2video HTTP/1.1\r\n"
        f"Host: {host}:{port}\r\nAuthorization: Bearer sk-mock\r\n"
        f"Content-Type: application/json\r\n{extra_headers}\r\n"
    )
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(head.encode())
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    status_line, _, rest = answer.partition(b"\r\n")
    body = rest.partition(b"\r\n\r\n")[2]
    return int(status_line.split()[1]), json.loads(body)


def test_a_body_over_the_cap_is_refused_unread(kling_mock_server: RunningServer) -> None:  # noqa: F811
    status, envelope = _raw_post(kling_mock_server, "Content-Length: 200000000\r\n")

    assert status == 413
    assert envelope["code"] == 1200
    assert str(MAX_BODY_BYTES) in envelope["message"]
    assert kling_mock_server.gateway.creates_count == 0


def test_a_chunked_body_is_refused_unread(kling_mock_server: RunningServer) -> None:  # noqa: F811
    status, envelope = _raw_post(kling_mock_server, "Transfer-Encoding: chunked\r\n")

    assert status == 411
    assert envelope["code"] == 1200
    assert "Content-Length" in envelope["message"]
    assert kling_mock_server.gateway.creates_count == 0


def test_the_in_memory_transport_caps_bodies_too() -> None:
    gateway = MockGateway()
    request = MockRequest(
        method="POST",
        path="/klingai/v1/videos/text2video",
        query={},
        headers={"authorization": "Bearer sk-mock"},
        body=b" " * (MAX_BODY_BYTES + 1),
    )

    answer = gateway.handle(request)

    assert answer.status == 413
    assert gateway.creates_count == 0


# ------------------------------------------------------------------ the documented examples


def _help_examples(command: str) -> list[str]:
    text = CliRunner().invoke(cli, [command, "--help"], terminal_width=200).output
    lines = text.split("Examples:", 1)[1].splitlines()
    return [line.strip() for line in lines if line.startswith("  ") and line.strip()]


def _readme_block_with(needle: str) -> list[str]:
    text = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    # Fences pair in order: the text between an opening and its closing fence is a block.
    blocks = re.findall(r"^```[a-z]*\n(.*?)^```$", text, re.DOTALL | re.MULTILINE)
    [block] = [block for block in blocks if needle in block]
    return [line for line in block.splitlines() if line.strip()]


@pytest.mark.parametrize("source", ["help", "readme"])
def test_the_background_example_gives_a_working_url(source: str, tmp_path: Path) -> None:
    lines = (
        [line for line in _help_examples("mock-server") if "--url-file" in line or "until" in line]
        if source == "help"
        else _readme_block_with("--url-file")
    )
    assert len(lines) == 2, lines
    assert not any("| head" in line for line in _help_examples("mock-server"))
    # The example as a user pastes it, then: use the URL, stop the server (also on failure).
    script = "\n".join(
        [
            "set -e",
            "trap 'kill $! 2>/dev/null || true' EXIT",
            *lines,
            'curl_status=$(python -c "import httpx,sys; print(httpx.get(sys.argv[1] + '
            "'/v1/videos/text2video', headers={'Authorization': 'Bearer sk-mock'}).status_code)\" "
            '"$url")',
            'echo "$url $curl_status"',
            # TERM, not INT: a shell script's background jobs ignore SIGINT.
            "kill $!",
            "wait $! || true",
        ]
    )
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run(  # noqa: S603 - bash running our own documented example
        ["bash", "-c", script],  # noqa: S607
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert done.returncode == 0, done.stderr
    url, status = done.stdout.splitlines()[-1].split()  # the server prints its URL too
    assert url.startswith("http://127.0.0.1:")
    assert url.endswith("/klingai")
    assert status == "200"


def test_a_taken_port_exits_with_the_usage_status() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]

        result = CliRunner().invoke(cli, ["mock-server", "--port", str(port)])

    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"error: cannot serve on 127.0.0.1:{port}: ")
    assert "Traceback" not in result.output
