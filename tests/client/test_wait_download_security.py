"""Waiting, downloading and secrets: what a user notices when things go wrong."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx
from client_support import BASE, KEY, Harness, envelope, error, task

from kling_ext import (
    APIConnectionError,
    AuthenticationError,
    ConfigurationError,
    Kling,
    Task,
    TaskFailedError,
    TaskStatus,
    TaskTimeoutError,
    ValidationError,
    parse_callback,
)

VIDEO = b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 64


async def test_failed_task_raises_with_the_gateway_reason(h: Harness, router: respx.Router) -> None:
    failed = task("failed", task_status_msg="Image pixel is invalid")
    router.get("/v1/videos/image2video/t").respond(200, json=envelope(failed))
    with pytest.raises(TaskFailedError, match="Image pixel is invalid") as caught:
        await h(h.client.image2video.wait, "t")
    assert caught.value.task.task_id == "867283741759111202"


async def test_timeout_keeps_the_task_and_says_how_to_resume(
    h: Harness, router: respx.Router
) -> None:
    route = router.get("/v1/videos/text2video/t").respond(200, json=envelope(task("processing")))
    with pytest.raises(TaskTimeoutError) as caught:
        await h(h.client.text2video.wait, "t", timeout=120)
    message = str(caught.value)
    assert "867283741759111202" in message
    assert "wait(" in message
    assert h.clock.now <= 120.0 + 1e-9, "never sleeps past the deadline"
    assert route.call_count <= 120 // 5 + 2, "polls far less than once a second"


async def test_wait_survives_a_network_blip(h: Harness, router: respx.Router) -> None:
    router.get("/v1/videos/text2video/t").mock(
        side_effect=[
            httpx.Response(200, json=envelope(task("processing"))),
            httpx.ConnectError("down"),
            httpx.ConnectError("down"),
            httpx.ConnectError("down"),
            httpx.Response(503, json=error(5001, "maintenance")),
            httpx.Response(200, json=envelope(task("succeed"))),
        ]
    )
    assert (await h(h.client.text2video.wait, "t")).succeeded


async def test_wait_schedule_backs_off(h: Harness, router: respx.Router) -> None:
    states = iter(["processing"] * 30 + ["succeed"])
    router.get("/v1/videos/text2video/867283741759111202").mock(
        side_effect=lambda _: httpx.Response(200, json=envelope(task(next(states))))
    )
    created = Task.from_data(task("submitted"), kind="text2video")
    await h(h.client.text2video.wait, created)
    assert h.clock.sleeps[0] == pytest.approx(5.0, rel=0.05), "first look soon"
    assert max(h.clock.sleeps) <= 30.0 * 1.03 + 1e-9
    assert h.clock.sleeps[-1] > h.clock.sleeps[1]


async def test_download_resumes_a_cut_transfer_and_renames_atomically(
    flavor: str, router: respx.Router, tmp_path: Path
) -> None:
    calls: list[str | None] = []

    def serve(request: httpx.Request) -> httpx.Response:
        calls.append(request.headers.get("range"))
        if len(calls) == 1:  # the first transfer breaks off after 1000 bytes
            return httpx.Response(
                200,
                headers={"content-length": str(len(VIDEO))},
                stream=_Cut(VIDEO[:1000]),
            )
        start = int(request.headers["range"].removeprefix("bytes=").rstrip("-"))
        return httpx.Response(
            206,
            content=VIDEO[start:],
            headers={"content-range": f"bytes {start}-{len(VIDEO) - 1}/{len(VIDEO)}"},
        )

    h = Harness(flavor, router, cdn=serve)
    done = Task.from_data(task("succeed"), kind="text2video")
    [path] = await h(h.client.download, done, tmp_path / "out/")
    assert path == tmp_path / "out" / "867283741759111202.mp4"
    assert path.read_bytes() == VIDEO
    assert calls == [None, "bytes=1000-"], "resumed where it broke off"
    assert not router.calls, "the API (and its key) is not involved in fetching the video"
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name], "no .part left over"


async def test_download_that_keeps_breaking_leaves_no_file(
    flavor: str, router: respx.Router, tmp_path: Path
) -> None:
    h = Harness(
        flavor,
        router,
        cdn=lambda _: httpx.Response(
            200, headers={"content-length": str(len(VIDEO))}, stream=_Cut(VIDEO[:10])
        ),
    )
    target = tmp_path / "video.mp4"
    with pytest.raises(APIConnectionError, match="kept breaking off"):
        await h(h.client.download, Task.from_data(task("succeed"), kind="text2video"), target)
    assert list(tmp_path.iterdir()) == [], "never a partial file under the target name"


class _Cut(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body that breaks off with a dropped connection after `data`."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def __iter__(self) -> Any:
        yield self.data
        raise httpx.RemoteProtocolError("peer closed connection")

    async def __aiter__(self) -> Any:
        yield self.data
        raise httpx.RemoteProtocolError("peer closed connection")


async def test_key_never_leaks(
    h: Harness, router: respx.Router, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="kling_ext")
    router.get("/v1/videos/text2video/t").respond(401, json=error(1002, "Authorization is invalid"))
    with pytest.raises(AuthenticationError) as caught:
        await h(h.client.text2video.get, "t")
    assert caught.value.code == 1002
    shown = [repr(h.client), str(caught.value), repr(caught.value), caplog.text]
    assert all(KEY not in text for text in shown)
    assert "GET /klingai/v1/videos/text2video/t -> 401" in caplog.text, "one DEBUG line a request"


def test_no_credentials_fail_before_any_request(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("KLING_API_KEY", "API_KEY", "KLING_ACCESS_KEY", "KLING_SECRET_KEY"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(ConfigurationError, match="KLING_API_KEY"):
        Kling()


def test_environment_configures_the_client(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KLING_API_KEY", raising=False)
    monkeypatch.setenv("API_KEY", "sk-from-env-0123456789")
    monkeypatch.setenv("KLING_BASE_URL", "https://other.example.test/klingai/")
    client = Kling()
    assert client.base_url == "https://other.example.test/klingai"
    assert "sk-from-env-0123456789" not in repr(client)


@pytest.mark.parametrize("url", ["http://gw.example.test/klingai", "ftp://x"])
def test_insecure_base_url_is_refused(url: str) -> None:
    with pytest.raises(ConfigurationError):
        Kling(KEY, url)
    assert Kling(KEY, "http://127.0.0.1:8080/klingai").base_url.startswith("http://127.0.0.1")
    assert Kling(KEY, "http://gw.example.test", allow_insecure=True)


async def test_expired_jwt_is_renewed_once(flavor: str, router: respx.Router) -> None:
    route = router.get("/v1/videos/text2video/t").mock(
        side_effect=[
            httpx.Response(401, json=error(1004, "Authorization expired")),
            httpx.Response(200, json=envelope(task())),
        ]
    )
    h = Harness(flavor, router)
    h.client = type(h.client)(
        base_url=BASE,
        access_key="ak-0123456789abcdef",
        secret_key="sk-secret-0123456789abcdef",
        http_client=h.client._http,
    )
    assert (await h(h.client.text2video.get, "t")).task_id == "867283741759111202"
    assert route.call_count == 2, "renewed once and sent again"
    assert route.calls[0].request.headers["authorization"].startswith("Bearer ey"), "a signed JWT"
    route.mock(return_value=httpx.Response(401, json=error(1004, "Authorization expired")))
    with pytest.raises(AuthenticationError):
        await h(h.client.text2video.get, "t")
    assert route.call_count == 4, "renewed at most once per call: no loop"


def test_parse_callback_reads_the_bare_task() -> None:
    body = b'{"task_id":"1","task_status":"succeed","task_result":{"videos":[{"url":"https://v"}]}}'
    got = parse_callback(body, kind="text2video")
    assert got.status is TaskStatus.SUCCEED
    assert got.videos[0].url == "https://v"
    with pytest.raises(Exception, match="not JSON"):
        parse_callback(b"<html>")


async def test_invalid_input_sends_nothing(h: Harness, router: respx.Router) -> None:
    route = router.post("/v1/videos/text2video")
    with pytest.raises(ValidationError, match="duration") as caught:
        await h(h.client.text2video.create, prompt="x", model_name="kling-v2-6", duration=7)
    assert "'5', '10'" in str(caught.value), "says what is allowed"
    assert not route.called


async def test_without_deadline_an_outage_is_ridden_out(h: Harness, router: respx.Router) -> None:
    outage = [httpx.ConnectError("down")] * 4 + [httpx.Response(502, text="bad gateway")] * 3
    router.get("/v1/videos/text2video/t").mock(
        side_effect=[*outage, httpx.Response(200, json=envelope(task("succeed")))]
    )
    done = await h(h.client.text2video.wait, "t", timeout=None)
    assert done.succeeded, "an unbounded wait survives what a bounded one survives"
