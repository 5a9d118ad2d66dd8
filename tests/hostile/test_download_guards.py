"""Downloads that cannot be fooled (issue 10.6): a video host that lies, loops, never ends,
answers with a web page, or hands out a URL that is not one to fetch."""

from __future__ import annotations

import asyncio
import itertools
import threading
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from files_support import VIDEO, VIDEO_PATH, Client, files_under, gateway, run_kling, task_at
from hostile_server import Action, Answer, HostileServer, Raw, Seen, slow_chunks

from kling_ext import (
    APIConnectionError,
    APITimeoutError,
    Kling,
    ResponseValidationError,
    Task,
    ValidationError,
)

Start = Callable[[Callable[[Seen], Action]], HostileServer]
MP4 = {"Content-Type": "video/mp4"}


def _video_server(hostile: Start, video: Callable[[Seen], Action]) -> HostileServer:
    return hostile(gateway(video=video))


def _cut_after(size: int) -> Raw:
    """A 200 that promises the whole video and breaks off after `size` bytes."""
    head = f"HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nContent-Length: {len(VIDEO)}\r\n\r\n"
    return Raw(head.encode() + VIDEO[:size])


def _start_download(client: Client, task: Task, dest: Path) -> Awaitable[Any]:
    """A download running concurrently: in a thread for `Kling`, a coroutine for `AsyncKling`."""
    if isinstance(client.lib, Kling):
        return asyncio.to_thread(client.lib.download, task, dest)
    return client.lib.download(task, dest)  # type: ignore[no-any-return]


# ------------------------------------------------------------------ .part files of their own


async def test_two_downloads_of_one_task_into_one_folder_both_end_complete(
    flavor: str, hostile: Start, tmp_path: Path
) -> None:
    second_asked = threading.Event()
    count = itertools.count()

    def video(seen: Seen) -> Action:
        if next(count) == 0:

            def slow() -> Any:
                yield VIDEO[: len(VIDEO) // 2]
                second_asked.wait(10)
                time.sleep(0.5)  # the second download finishes meanwhile
                yield VIDEO[len(VIDEO) // 2 :]

            return Answer(200, slow(), {**MP4, "Content-Length": str(len(VIDEO))})
        second_asked.set()
        return Answer(200, VIDEO, MP4)

    server = _video_server(hostile, video)
    task = task_at(server.url)
    async with Client(flavor, server.base_url) as one, Client(flavor, server.base_url) as two:
        first = asyncio.ensure_future(_start_download(one, task, tmp_path))
        while not server.requests_to("GET", VIDEO_PATH):
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.3)  # the first has written half its file
        results = await asyncio.gather(first, _start_download(two, task, tmp_path))
    assert results == [[tmp_path / "t-1.mp4"]] * 2, "both report success"
    assert (tmp_path / "t-1.mp4").read_bytes() == VIDEO, "and the file is whole"
    assert files_under(tmp_path) == ["t-1.mp4"], "no .part left behind"


# ------------------------------------------------------------------ ranges


async def test_a_206_for_the_wrong_range_restarts_from_zero(
    flavor: str, hostile: Start, tmp_path: Path
) -> None:
    asked: list[str | None] = []

    def video(seen: Seen) -> Action:
        asked.append(seen.headers.get("range"))
        if len(asked) == 1:
            return _cut_after(1000)
        if seen.headers.get("range"):  # claims a partial answer, but sends it all from byte 0
            whole = f"bytes 0-{len(VIDEO) - 1}/{len(VIDEO)}"
            return Answer(206, VIDEO, {**MP4, "Content-Range": whole})
        return Answer(200, VIDEO, MP4)

    server = _video_server(hostile, video)
    async with Client(flavor, server.base_url) as client:
        [path] = await client.download(task_at(server.url), tmp_path)
    assert path.read_bytes() == VIDEO, "never the first 1000 bytes twice"
    assert asked == [None, "bytes=1000-", None], "started over, without a range"


async def test_a_matching_206_resumes(flavor: str, hostile: Start, tmp_path: Path) -> None:
    asked: list[str | None] = []

    def video(seen: Seen) -> Action:
        asked.append(seen.headers.get("range"))
        if len(asked) == 1:
            return _cut_after(1000)
        rest = f"bytes 1000-{len(VIDEO) - 1}/{len(VIDEO)}"
        return Answer(206, VIDEO[1000:], {**MP4, "Content-Range": rest})

    server = _video_server(hostile, video)
    async with Client(flavor, server.base_url) as client:
        [path] = await client.download(task_at(server.url), tmp_path)
    assert path.read_bytes() == VIDEO
    assert asked == [None, "bytes=1000-"]


# ------------------------------------------------------------------ bodies that never end


async def test_an_endless_body_stops_at_the_size_cap(
    flavor: str, hostile: Start, tmp_path: Path
) -> None:
    endless = slow_chunks(VIDEO[:65536], 1_000_000, 0.0)
    server = _video_server(hostile, lambda seen: Answer(200, endless, MP4))
    async with Client(flavor, server.base_url) as client:
        with pytest.raises(ResponseValidationError, match="1,000,000-byte cap"):
            await client.download(task_at(server.url), tmp_path / "out/", max_bytes=1_000_000)
    assert files_under(tmp_path) == [], "nothing under the final name, no .part"


async def test_a_declared_length_over_the_default_cap_is_refused_before_reading(
    flavor: str, hostile: Start, tmp_path: Path
) -> None:
    huge = {**MP4, "Content-Length": str(5 * 2**30)}
    server = _video_server(
        hostile, lambda seen: Answer(200, slow_chunks(VIDEO[:1024], 5, 0.2), huge)
    )
    began = time.monotonic()
    async with Client(flavor, server.base_url) as client:
        with pytest.raises(ResponseValidationError, match="cap"):
            await client.download(task_at(server.url), tmp_path)
    assert time.monotonic() - began < 3
    assert len(server.requests_to("GET", VIDEO_PATH)) == 1, "not retried"
    assert files_under(tmp_path) == []


async def test_a_trickling_body_stops_at_the_time_limit(
    flavor: str, hostile: Start, tmp_path: Path
) -> None:
    trickle = slow_chunks(VIDEO[:16], 100_000, 0.05)  # never trips the read timeout
    server = _video_server(hostile, lambda seen: Answer(200, trickle, MP4))
    began = time.monotonic()
    async with Client(flavor, server.base_url) as client:
        with pytest.raises(APITimeoutError, match="longer than 1 s"):
            await client.download(task_at(server.url), tmp_path, timeout=1)
    assert time.monotonic() - began < 3
    assert files_under(tmp_path) == []


async def test_a_stalled_body_ends_at_the_time_limit_not_the_read_timeout(
    flavor: str, hostile: Start, tmp_path: Path
) -> None:
    release = threading.Event()

    def stalled() -> Any:
        yield VIDEO[:100]
        release.wait(30)

    server = _video_server(hostile, lambda seen: Answer(200, stalled(), MP4))
    began = time.monotonic()
    try:
        async with Client(flavor, server.base_url) as client:  # read timeout: 60 s
            with pytest.raises(APITimeoutError):
                await client.download(task_at(server.url), tmp_path, timeout=1)
    finally:
        release.set()
    assert time.monotonic() - began < 3
    assert files_under(tmp_path) == []


async def test_a_cancelled_download_leaves_no_file(hostile: Start, tmp_path: Path) -> None:
    release = threading.Event()

    def stalled() -> Any:
        yield VIDEO[:100]
        release.wait(30)

    server = _video_server(hostile, lambda seen: Answer(200, stalled(), MP4))
    try:
        async with Client("async", server.base_url) as client:
            job = asyncio.ensure_future(client.download(task_at(server.url), tmp_path))
            while not any(tmp_path.iterdir()):  # the .part exists: the body is arriving
                await asyncio.sleep(0.01)
            job.cancel()
            with pytest.raises(asyncio.CancelledError):
                await job
    finally:
        release.set()
    assert files_under(tmp_path) == []


# ------------------------------------------------------------------ answers that are no video


async def test_a_redirect_loop_is_an_error(flavor: str, hostile: Start, tmp_path: Path) -> None:
    server = _video_server(hostile, lambda seen: Answer(302, b"", {"Location": VIDEO_PATH}))
    async with Client(flavor, server.base_url) as client:
        with pytest.raises(APIConnectionError, match="redirects in a loop"):
            await client.download(task_at(server.url), tmp_path)
    assert files_under(tmp_path) == []


@pytest.mark.parametrize("location", ["ftp://127.0.0.1/v.mp4", "file:///etc/passwd"])
async def test_a_redirect_to_a_url_that_is_not_http_is_refused(
    flavor: str, hostile: Start, tmp_path: Path, location: str
) -> None:
    server = _video_server(hostile, lambda seen: Answer(302, b"", {"Location": location}))
    async with Client(flavor, server.base_url) as client:
        with pytest.raises(ResponseValidationError, match="not http"):
            await client.download(task_at(server.url), tmp_path)
    assert len(server.requests_to("GET", VIDEO_PATH)) == 1, "not retried"
    assert files_under(tmp_path) == []


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("text/html; charset=utf-8", b"<!doctype html><html><body>Access denied</body></html>"),
        ("video/mp4", b'{"code": 1001, "message": "expired"}'),
        ("application/octet-stream", b"\r\n  <html><title>502 Bad Gateway</title></html>"),
        ("application/json", b"[]"),
    ],
    ids=["html", "json-body-posing-as-mp4", "html-body-posing-as-binary", "json"],
)
async def test_a_web_page_or_json_instead_of_a_video_is_an_error(
    flavor: str, hostile: Start, tmp_path: Path, content_type: str, body: bytes
) -> None:
    server = _video_server(hostile, lambda seen: Answer(200, body, {"Content-Type": content_type}))
    async with Client(flavor, server.base_url) as client:
        with pytest.raises(ResponseValidationError, match="not a video"):
            await client.download(task_at(server.url), tmp_path)
    assert files_under(tmp_path) == []
    assert len(server.requests_to("GET", VIDEO_PATH)) == 1, "not retried"


async def test_a_coded_body_is_an_error_not_unpacked(
    flavor: str, hostile: Start, tmp_path: Path
) -> None:
    # Videos are asked for unencoded (`identity`); a coded answer is refused before unpacking.
    garbage = {**MP4, "Content-Encoding": "gzip"}
    server = _video_server(hostile, lambda seen: Answer(200, VIDEO, garbage))
    async with Client(flavor, server.base_url) as client:
        with pytest.raises(ResponseValidationError, match="came encoded as 'gzip'"):
            await client.download(task_at(server.url), tmp_path)
    assert files_under(tmp_path) == []
    assert server.requests_to("GET", VIDEO_PATH)[0].headers["accept-encoding"] == "identity"


# ------------------------------------------------------------------ URLs not to fetch


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "ftp://127.0.0.1/v.mp4", "//127.0.0.1/v.mp4", "http:///v.mp4"],
    ids=["file", "ftp", "no-scheme", "no-host"],
)
async def test_a_url_that_is_not_http_is_refused_at_once(
    flavor: str, hostile: Start, tmp_path: Path, url: str
) -> None:
    server = _video_server(hostile, lambda seen: Answer(200, VIDEO, MP4))
    began = time.monotonic()
    async with Client(flavor, server.base_url) as client:
        with pytest.raises(ResponseValidationError, match="not an http"):
            await client.download(task_at(server.url, url=url), tmp_path / "out")
    assert time.monotonic() - began < 1, "not retried"
    assert not server.seen
    assert list(tmp_path.iterdir()) == [], "not even the folder is made"


async def test_an_https_api_handing_out_an_http_video_url_is_refused(
    flavor: str, hostile: Start, tmp_path: Path
) -> None:
    server = _video_server(hostile, lambda seen: Answer(200, VIDEO, MP4))
    async with Client(flavor, "https://api.example.test/klingai") as client:
        with pytest.raises(ResponseValidationError, match="plain http"):
            await client.download(task_at(server.url), tmp_path)
    assert not server.seen
    async with Client(flavor, "https://api.example.test/klingai", allow_insecure=True) as client:
        [path] = await client.download(task_at(server.url), tmp_path)
    assert path.read_bytes() == VIDEO, "allow_insecure=True lets it through"


async def test_a_redirect_from_https_to_http_is_refused(flavor: str, tmp_path: Path) -> None:
    def cdn(request: httpx.Request) -> httpx.Response:
        if request.url.scheme == "https":
            return httpx.Response(302, headers={"Location": "http://cdn.example.test/v.mp4"})
        return httpx.Response(200, content=VIDEO, headers=MP4)

    task = task_at("", url="https://cdn.example.test/v.mp4")
    async with Client(flavor, "https://api.example.test/klingai", answer=cdn) as client:
        with pytest.raises(ResponseValidationError, match="redirected to plain http"):
            await client.download(task, tmp_path)
    assert files_under(tmp_path) == []


def test_download_limits_are_checked(tmp_path: Path) -> None:
    task = task_at("https://cdn.example.test")
    with Kling(api_key="sk-0123456789abcdef", base_url="https://api.example.test") as client:
        with pytest.raises(ValidationError, match="max_bytes"):
            client.download(task, tmp_path, max_bytes=0)
        with pytest.raises(ValidationError, match="timeout"):
            client.download(task, tmp_path, timeout=-1)
    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------------------------ the command line


@pytest.mark.parametrize(
    ("video", "message", "code"),
    [
        (
            lambda seen: Answer(200, b"<html>login</html>", {"Content-Type": "text/html"}),
            "not a video",
            3,  # an answer, but not the one documented
        ),
        (lambda seen: Answer(302, b"", {"Location": VIDEO_PATH}), "loop", 4),  # never reached
    ],
    ids=["html", "redirect-loop"],
)
def test_cli_wait_output_refuses_what_is_not_a_video(
    hostile: Start, tmp_path: Path, video: Callable[[Seen], Action], message: str, code: int
) -> None:
    server = _video_server(hostile, video)
    result = run_kling(server.base_url, tmp_path, "wait", "text2video", "t-1", "-o", "out/")
    assert result.code == code, result.output
    assert message in result.stderr
    assert files_under(tmp_path) == []


def test_cli_refuses_a_video_url_that_is_not_http(hostile: Start, tmp_path: Path) -> None:
    server = hostile(gateway(url=lambda seen: "file:///etc/passwd"))
    began = time.monotonic()
    result = run_kling(server.base_url, tmp_path, "wait", "text2video", "t-1", "-o", "out/")
    assert result.code == 3, result.output
    assert "not an http(s) URL" in result.stderr
    assert time.monotonic() - began < 10, "not retried for seconds"
    assert list(tmp_path.iterdir()) == []
