"""The mock gateway over real HTTP on 127.0.0.1: the threaded server, the WSGI app and the CLI."""

from __future__ import annotations

import select
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from click.testing import CliRunner

from kling_ext._media import sample_video_bytes
from kling_ext.cli import cli
from kling_ext.mock import Fault, MockGateway, RunningServer
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
        failed = finish(official, {"prompt": "a fox [mock:fail:risk control]"})
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
