"""The mock gateway as an httpx transport: real httpx clients, sync and async, no sockets."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from kling_ext._media import looks_like_mp4, sample_video_bytes
from kling_ext._spec import endpoints
from kling_ext.mock import Fault, MockGateway
from kling_ext.testing import kling_mock  # noqa: F401 - the fixture users import this way

BASE = "https://gw.example.test/klingai"
OFFICIAL = "https://api-singapore.example.test"
KEY = {"Authorization": "Bearer sk-mock"}
BODY = {
    "model_name": "kling-v2-6",
    "prompt": "a red fox",
    "duration": "5",
    "external_task_id": "fox-1",
}


def client(gateway: MockGateway, base_url: str = BASE) -> httpx.Client:
    return httpx.Client(transport=gateway.transport(), base_url=base_url, headers=KEY)


def fetch(gateway: MockGateway, url: str) -> httpx.Response:
    """GET without credentials, as a browser or CDN client would."""
    with httpx.Client(transport=gateway.transport()) as anonymous:
        return anonymous.get(url)


def run_to_the_end(http: httpx.Client, kind: str = "text2video") -> dict[str, Any]:
    created = http.post(endpoints()[kind].path, json=BODY)
    assert created.status_code == 200, created.text
    task_id = created.json()["data"]["task_id"]
    statuses = []
    for ident in (task_id, "fox-1"):
        task: dict[str, Any] = http.get(f"{endpoints()[kind].path}/{ident}").json()["data"]
        statuses.append(task["task_status"])
    assert statuses == ["processing", "succeed"]
    return task


def test_create_poll_and_download_the_sample(kling_mock: MockGateway) -> None:  # noqa: F811
    with client(kling_mock) as http:
        task = run_to_the_end(http)
        [video] = task["task_result"]["videos"]
        assert video["url"].startswith(f"{BASE}/mock/videos/")
        download = fetch(kling_mock, video["url"])  # no auth: video URLs are CDN URLs
    assert download.status_code == 200
    assert download.headers["content-type"] == "video/mp4"
    assert download.headers["accept-ranges"] == "bytes"
    assert int(download.headers["content-length"]) == len(sample_video_bytes())
    assert download.content == sample_video_bytes()
    assert looks_like_mp4(download.content)


def test_range_resumes_a_download() -> None:
    gateway = MockGateway()
    with client(gateway) as http:
        url = run_to_the_end(http)["task_result"]["videos"][0]["url"]
        video = sample_video_bytes()
        part = http.get(url, headers={"Range": "bytes=1000-"})
        assert part.status_code == 206
        assert part.headers["content-range"] == f"bytes 1000-{len(video) - 1}/{len(video)}"
        assert part.content == video[1000:]
        middle = http.get(url, headers={"Range": "bytes=10-19"})
        assert (middle.status_code, middle.content) == (206, video[10:20])
        beyond = http.get(url, headers={"Range": f"bytes={len(video)}-"})
        assert beyond.status_code == 416
        assert beyond.headers["content-range"] == f"bytes */{len(video)}"
        head = http.head(url)
        assert (head.content, head.headers["content-length"]) == (b"", str(len(video)))


def test_official_paths_give_official_video_urls() -> None:
    gateway = MockGateway()
    with client(gateway, OFFICIAL) as http:
        url = run_to_the_end(http)["task_result"]["videos"][0]["url"]
        assert url.startswith(f"{OFFICIAL}/mock/videos/")
        assert http.get(url).content == sample_video_bytes()


async def test_async_client_uses_the_same_transport() -> None:
    gateway = MockGateway()
    headers = KEY
    async with httpx.AsyncClient(
        transport=gateway.transport(), base_url=BASE, headers=headers
    ) as http:
        created = await http.post(
            "/v1/videos/omni-video",
            json={"model_name": "kling-video-o1", "prompt": "a fox", "aspect_ratio": "1:1"},
        )
        task_id = created.json()["data"]["task_id"]
        await http.get(f"/v1/videos/omni-video/{task_id}")
        done = (await http.get(f"/v1/videos/omni-video/{task_id}")).json()["data"]
        assert done["task_status"] == "succeed"
        video = await http.get(done["task_result"]["videos"][0]["url"])
        assert video.content == sample_video_bytes()
        listed = (await http.get("/v1/videos/omni-video", params={"pageSize": 1})).json()
        assert [task["task_id"] for task in listed["data"]] == [task_id]


def test_auth_and_validation_errors_are_plain_http_answers() -> None:
    gateway = MockGateway()
    with httpx.Client(transport=gateway.transport(), base_url=BASE) as anonymous:
        refused = anonymous.post("/v1/videos/text2video", json=BODY)
    assert (refused.status_code, refused.json()["code"]) == (401, 1001)
    with client(gateway) as http:
        invalid = http.post("/v1/videos/text2video", json={**BODY, "mode": "ultra"})
    assert (invalid.status_code, invalid.json()["code"]) == (400, 1201)
    assert invalid.json()["message"].startswith("mode: 'ultra' is not allowed")


def test_drop_raises_connect_error_and_stores_nothing() -> None:
    gateway = MockGateway()
    gateway.inject(Fault(operation="create", kind="drop"))
    with client(gateway) as http, pytest.raises(httpx.ConnectError):
        http.post("/v1/videos/text2video", json=BODY)
    assert gateway.tasks == []


def test_stored_then_drop_raises_remote_protocol_error_after_storing() -> None:
    gateway = MockGateway()
    gateway.inject(Fault(operation="create", kind="stored_then_drop"))
    with client(gateway) as http:
        with pytest.raises(httpx.RemoteProtocolError, match="without sending a response"):
            http.post("/v1/videos/text2video", json=BODY)
        assert http.get("/v1/videos/text2video/fox-1").json()["data"]["task_status"] == "processing"


def test_stored_then_error_can_be_recovered_by_external_id() -> None:
    gateway = MockGateway()
    gateway.inject(Fault(operation="create", kind="stored_then_error"))
    with client(gateway) as http:
        lost = http.post("/v1/videos/text2video", json=BODY)
        assert (lost.status_code, lost.json()["code"]) == (502, 5000)
        found = http.get("/v1/videos/text2video/fox-1").json()["data"]
    assert found["task_id"] == gateway.tasks[0].task_id
    assert gateway.creates_count == 1


async def stream_sync(gateway: MockGateway, url: str, into: list[bytes]) -> None:
    with httpx.Client(transport=gateway.transport()) as http, http.stream("GET", url) as response:
        # The headers promise the whole file; only the body falls short.
        assert response.headers["content-length"] == str(len(sample_video_bytes()))
        into.extend(response.iter_bytes())


async def stream_async(gateway: MockGateway, url: str, into: list[bytes]) -> None:
    async with (
        httpx.AsyncClient(transport=gateway.transport()) as http,
        http.stream("GET", url) as response,
    ):
        async for chunk in response.aiter_bytes():
            into.append(chunk)


@pytest.mark.parametrize("flavor", ["sync", "async"])
async def test_cut_download_breaks_mid_body(flavor: str) -> None:
    gateway = MockGateway()
    with client(gateway) as http:
        url = run_to_the_end(http)["task_result"]["videos"][0]["url"]
    gateway.inject(Fault(operation="download", kind="cut_download", after_bytes=500))
    received: list[bytes] = []
    with pytest.raises(httpx.RemoteProtocolError):
        await (stream_sync if flavor == "sync" else stream_async)(gateway, url, received)
    assert b"".join(received) == sample_video_bytes()[:500]
    assert fetch(gateway, url).content == sample_video_bytes()


def test_rate_limit_and_html_pages_reach_the_client() -> None:
    gateway = MockGateway()
    gateway.inject(Fault(operation="any", kind="rate_limit", retry_after=2))
    gateway.inject(Fault(operation="query", kind="non_json"))
    with client(gateway) as http:
        limited = http.get("/v1/videos/text2video")
        assert (limited.status_code, limited.headers["retry-after"]) == (429, "2")
        page = http.get("/v1/videos/text2video/1")
    assert page.status_code == 502
    assert page.headers["content-type"] == "text/html"
    assert page.text == "<html><body>502 Bad Gateway</body></html>"
