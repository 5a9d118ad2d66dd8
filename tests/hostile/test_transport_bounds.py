"""Bounded on the wire (issue 17.1, 17.4, 17.5, 17.8): coded answers cannot exhaust memory,
deadlines hold while headers trickle in, the key never goes to a proxy over plain http, every
redirect hop of a download is checked, and conformance reads bounded answers."""

from __future__ import annotations

import functools
import gzip
import json
import os
import subprocess
import sys
import time
import tracemalloc
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from files_support import VIDEO, VIDEO_PATH, Client, files_under, gateway, task_at
from hostile_clients import KEY, kling, no_traceback, run, task_data
from hostile_server import Action, Answer, HostileServer, Seen, Trickle, envelope

from kling_ext import (
    APIConnectionError,
    APITimeoutError,
    Kling,
    ResponseValidationError,
    TaskTimeoutError,
)
from kling_ext.conformance import run_conformance

Start = Callable[[Callable[[Seen], Action]], HostileServer]

MIB = 1024 * 1024
MAX_ANSWER_BYTES = 16 * MIB  # the cap the README promises
# A bomb unpacking to 16 times the cap; a client that unpacks before counting holds all of it.
BOMB_BYTES = 256 * MIB
# Peak memory of a client that counts as it unpacks: the cap, a copy of it, and change.
BOUNDED_PEAK = 64 * MIB
SLACK = 3.0  # "the deadline plus a few seconds", as in test_deadlines.py
# A conformance run reads every answer through the same bounded reader: one endpoint's probes
# show a bound holds as well as every endpoint's, at a fraction of the cost.
ONE_ENDPOINT = ["text2video"]


@functools.cache
def bomb() -> bytes:
    """`Content-Encoding: gzip, gzip` of BOMB_BYTES zero bytes: well under 1 KB on the wire."""
    inner = zlib.compressobj(9, zlib.DEFLATED, 31)
    packed = b"".join(inner.compress(bytes(MIB)) for _ in range(BOMB_BYTES // MIB))
    packed += inner.flush()
    return gzip.compress(packed)


BOMB_HEADERS = {"Content-Type": "application/json", "Content-Encoding": "gzip, gzip"}


def peak_of(call: Callable[[], Any]) -> tuple[int, Any]:
    """The peak of memory Python allocated during `call`, and its result or error."""
    tracemalloc.start()
    try:
        try:
            outcome: Any = call()
        except Exception as exc:  # which error it was is checked by the caller
            outcome = exc
        return tracemalloc.get_traced_memory()[1], outcome
    finally:
        tracemalloc.stop()


# ------------------------------------------------------------------ 1. coded answers


def test_a_gzip_bomb_answer_is_refused_in_bounded_memory(hostile: Start, flavor: str) -> None:
    server = hostile(lambda seen: Answer(200, bomb(), BOMB_HEADERS))
    peak, error = peak_of(lambda: run(flavor, server, lambda c: c.text2video.get("t")))
    assert isinstance(error, ResponseValidationError), error
    assert "larger than 16 MiB" in str(error)
    assert peak < BOUNDED_PEAK, f"peak {peak / MIB:.0f} MiB for a {len(bomb())}-byte answer"


def test_a_gzip_answer_is_still_read(hostile: Start, flavor: str) -> None:
    body = json.dumps({"code": 0, "message": "OK", "data": task_data("t")}).encode()
    coded = {"Content-Type": "application/json", "Content-Encoding": "gzip"}
    server = hostile(lambda seen: Answer(200, gzip.compress(body), coded))
    assert run(flavor, server, lambda c: c.text2video.get("t")).task_id == "t"
    assert server.seen[0].headers["accept-encoding"] == "gzip, deflate"


def test_a_coding_not_asked_for_is_an_error_naming_it(hostile: Start, flavor: str) -> None:
    coded = {"Content-Type": "application/json", "Content-Encoding": "br"}
    server = hostile(lambda seen: Answer(200, b"\x8b\x02\x80{}\x03", coded))
    with pytest.raises(ResponseValidationError, match="encoded as 'br', which was not asked"):
        run(flavor, server, lambda c: c.text2video.get("t"))


async def test_a_coded_video_bomb_is_refused_unpacked_never(
    flavor: str, hostile: Start, tmp_path: Path
) -> None:
    video = {"Content-Type": "video/mp4", "Content-Encoding": "gzip, gzip"}
    server = hostile(gateway(video=lambda seen: Answer(200, bomb(), video)))
    bomb()  # made before measuring
    tracemalloc.start()
    try:
        async with Client(flavor, server.base_url) as client:
            with pytest.raises(ResponseValidationError, match="came encoded as 'gzip, gzip'"):
                await client.download(task_at(server.url), tmp_path, max_bytes=50_000_000)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < BOUNDED_PEAK, f"peak {peak / MIB:.0f} MiB"
    assert server.requests_to("GET", VIDEO_PATH)[0].headers["accept-encoding"] == "identity"
    assert files_under(tmp_path) == []


class Endless:
    """A body of 8 times the answer cap that counts what the client took."""

    def __init__(self) -> None:
        self.sent = 0

    def __iter__(self) -> Iterator[bytes]:
        yield b'{"code":0,"data":{"task_id":"1","padding":"'
        for _ in range(8 * MAX_ANSWER_BYTES // MIB):
            yield b"x" * MIB
            self.sent += MIB
        yield b'"}}'


async def test_a_redirect_body_is_never_read(flavor: str, hostile: Start, tmp_path: Path) -> None:
    bodies: list[Endless] = []

    def video(seen: Seen) -> Action:
        if seen.path == "/cdn/hop":
            bodies.append(Endless())
            return Answer(302, bodies[-1], {"Location": VIDEO_PATH})
        return Answer(200, VIDEO, {"Content-Type": "video/mp4"})

    server = hostile(gateway(video=video))
    async with Client(flavor, server.base_url) as client:
        [path] = await client.download(task_at(server.url, url=server.url + "/cdn/hop"), tmp_path)
    assert path.read_bytes() == VIDEO
    # What socket buffers swallowed before the client hung up, not the 128 MiB body.
    assert bodies[0].sent < 16 * MIB


def _kling_peak(server: HostileServer, *args: str) -> tuple[int, str, int]:
    """Run `kling ARGS` for `server`; its exit code, stderr and peak RSS in bytes."""
    code = (
        # VmHWM, not ru_maxrss: ru_maxrss carries over the peak of the (v)forking parent, a test
        # worker that may be far bigger than the command measured.
        "import re, sys\n"
        "from kling_ext.cli import main\n"
        "try:\n    main()\n"
        "finally:\n"
        "    status = open('/proc/self/status').read()\n"
        "    peak = re.search(r'VmHWM:\\s+(\\d+)', status).group(1)\n"
        "    print(f'PEAK-KIB {peak}', file=sys.stderr)\n"
    )
    cleared = ("KLING_API_KEY", "API_KEY", "KLING_BASE_URL")
    env = {k: v for k, v in os.environ.items() if k not in cleared}
    env.update(KLING_API_KEY=KEY, KLING_BASE_URL=server.base_url, NO_COLOR="1")
    done = subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, "-c", code, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    peak = int(done.stderr.rpartition("PEAK-KIB ")[2].split()[0]) * 1024
    return done.returncode, done.stderr, peak


def test_cli_refuses_a_gzip_bomb_in_bounded_memory(hostile: Start) -> None:
    server = hostile(lambda seen: Answer(200, bomb(), BOMB_HEADERS))
    code, stderr, peak = _kling_peak(server, "status", "text2video", "t")
    assert code == 3, stderr
    assert "larger than 16 MiB" in stderr
    assert no_traceback([stderr])
    # An interpreter with the CLI loaded is ~60 MiB; unpacking the bomb would add 256 MiB.
    assert peak < 200 * MIB, f"peak RSS {peak / MIB:.0f} MiB"


def test_conformance_reads_a_gzip_bomb_in_bounded_memory(hostile: Start) -> None:
    server = hostile(lambda seen: Answer(200, bomb(), BOMB_HEADERS))
    bomb()
    peak, report = peak_of(
        lambda: run_conformance(
            base_url=server.base_url, api_key=KEY, max_examples=0, endpoints=ONE_ENDPOINT
        )
    )
    assert not isinstance(report, Exception), report
    assert peak < BOUNDED_PEAK, f"peak {peak / MIB:.0f} MiB"
    assert any(f.check == "answer_size" for f in report.failures)


# ------------------------------------------------------------------ 4. trickled headers

# About 16 s of headers at 0.2 s a byte: no read ever times out, yet they never seem to end.
TRICKLE = Trickle(b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 60 + b"\r\n\r\n{}", 0.2)


def _timed(call: Callable[[], object]) -> tuple[float, BaseException | None]:
    started = time.monotonic()
    try:
        call()
    except Exception as exc:  # which error it was is checked by the caller
        return time.monotonic() - started, exc
    return time.monotonic() - started, None


def test_trickled_headers_cannot_stretch_a_wait(hostile: Start, flavor: str) -> None:
    server = hostile(lambda seen: TRICKLE)
    seconds, error = _timed(
        lambda: run(flavor, server, lambda c: c.text2video.wait("t", timeout=2), real_sleep=True)
    )
    assert isinstance(error, TaskTimeoutError | APIConnectionError), error
    assert seconds < 2 + SLACK, f"wait(timeout=2) took {seconds:.1f} s"


@pytest.mark.parametrize("own_client", [False, True], ids=["its-client", "your-client"])
async def test_trickled_headers_cannot_stretch_a_download(
    flavor: str, hostile: Start, tmp_path: Path, own_client: bool
) -> None:
    if own_client and flavor == "sync":
        pytest.skip("documented: a sync Kling on your own httpx.Client caps each read only")
    server = hostile(gateway(video=lambda seen: TRICKLE))
    options: dict[str, Any] = {"http_client": httpx.AsyncClient()} if own_client else {}
    began = time.monotonic()
    async with Client(flavor, server.base_url, **options) as client:
        with pytest.raises(APITimeoutError, match=r"longer than 1\.5 s"):
            await client.download(task_at(server.url), tmp_path, timeout=1.5)
    if own_client:
        await options["http_client"].aclose()
    assert time.monotonic() - began < 1.5 + SLACK
    assert files_under(tmp_path) == []


def test_cli_wait_timeout_holds_against_trickled_headers(hostile: Start) -> None:
    server = hostile(lambda seen: TRICKLE)
    result = kling(server, "wait", "text2video", "t", "--timeout", "2")
    assert result.code == 1, result.stderr
    assert "resume with: kling wait text2video t" in result.stderr
    assert result.seconds < 2 + SLACK + 3, f"kling wait --timeout 2 took {result.seconds:.1f} s"


def test_conformance_budget_holds_against_trickled_headers(hostile: Start) -> None:
    # The default run, every endpoint planned: the hostile test of that path.
    server = hostile(lambda seen: TRICKLE)
    started = time.monotonic()
    report = run_conformance(base_url=server.base_url, api_key=KEY, max_time=2.0)
    assert time.monotonic() - started < 2.0 + SLACK
    assert report.exit_code == 3
    assert report.could_not_run


def test_every_pool_of_the_sync_client_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    # httpx gives pools no public network backend: this notices an httpx that moved them.
    from kling_ext._wire import has_deadlines

    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")
    with Kling(api_key=KEY, base_url="https://api.example.test") as client:
        assert has_deadlines(client._http)


# ------------------------------------------------------------------ 5. the key stays here


@pytest.fixture
def proxy(hostile: Start, monkeypatch: pytest.MonkeyPatch) -> HostileServer:
    """A proxy in the environment that records what it receives (and answers like the API)."""
    server = hostile(lambda seen: envelope(task_data("via-proxy")))
    for name in ("NO_PROXY", "no_proxy", "http_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", server.url)
    monkeypatch.setenv("ALL_PROXY", server.url)
    return server


def test_a_proxy_never_sees_the_key_of_a_plain_http_api(
    hostile: Start, flavor: str, proxy: HostileServer
) -> None:
    api = hostile(lambda seen: envelope(task_data("t")))
    assert run(flavor, api, lambda c: c.text2video.get("t")).task_id == "t"
    assert proxy.seen == [], "the request went to the proxy"
    assert api.seen[0].headers["authorization"] == f"Bearer {KEY}"


def test_cli_a_proxy_never_sees_the_key_of_a_plain_http_api(
    hostile: Start, proxy: HostileServer
) -> None:
    api = hostile(lambda seen: envelope(task_data("t")))
    result = kling(api, "status", "text2video", "t")
    assert result.code == 0, result.stderr
    assert proxy.seen == []
    assert len(api.seen) == 1


def test_conformance_a_proxy_never_sees_the_key(hostile: Start, proxy: HostileServer) -> None:
    api = hostile(lambda seen: envelope(None, code=1201, message="Task not found", status=400))
    run_conformance(
        base_url=api.base_url, api_key=KEY, max_examples=0, max_time=30, endpoints=ONE_ENDPOINT
    )
    assert not [s for s in proxy.seen if "authorization" in s.headers]
    assert api.seen


async def test_a_plain_http_hop_inside_a_redirect_chain_is_refused(
    flavor: str, tmp_path: Path
) -> None:
    asked: list[str] = []

    def cdn(request: httpx.Request) -> httpx.Response:
        asked.append(str(request.url))
        if request.url.host == "cdn.example.test":  # https -> http -> https
            return httpx.Response(302, headers={"Location": "http://hop.example.test/v.mp4"})
        if request.url.host == "hop.example.test":
            return httpx.Response(302, headers={"Location": "https://cdn2.example.test/v.mp4"})
        return httpx.Response(200, content=VIDEO, headers={"Content-Type": "video/mp4"})

    task = task_at("", url="https://cdn.example.test/v.mp4")
    async with Client(flavor, "https://api.example.test/klingai", answer=cdn) as client:
        with pytest.raises(ResponseValidationError, match="redirected to plain http"):
            await client.download(task, tmp_path)
    assert asked == ["https://cdn.example.test/v.mp4"], "the plain-http hop is never requested"
    assert files_under(tmp_path) == []


# ------------------------------------------------------------------ 8. conformance answers


def test_conformance_reads_no_more_than_the_cap_and_reports_it(hostile: Start) -> None:
    bodies: list[Endless] = []

    def handler(seen: Seen) -> Action:
        bodies.append(Endless())
        return Answer(200, bodies[-1], {"Content-Type": "application/json"})

    server = hostile(handler)
    report = run_conformance(
        base_url=server.base_url, api_key=KEY, max_examples=0, max_time=60, endpoints=ONE_ENDPOINT
    )
    assert bodies
    # What the run read plus what socket buffers swallowed before it hung up.
    assert max(body.sent for body in bodies) < MAX_ANSWER_BYTES + 16 * MIB
    [finding, *_] = [f for f in report.failures if f.check == "answer_size"]
    assert "larger than 16 MiB" in finding.detail
    assert finding.consequence
    assert report.exit_code == 1


def test_cli_conformance_reports_an_endless_answer(hostile: Start) -> None:
    server = hostile(lambda seen: Answer(200, Endless(), {"Content-Type": "application/json"}))
    env = {k: v for k, v in os.environ.items() if k not in ("KLING_API_KEY", "API_KEY")}
    done = subprocess.run(  # noqa: S603 - our own interpreter and module
        [
            sys.executable,
            "-c",
            "from kling_ext.cli import main; main()",
            "conformance",
            "--base-url",
            server.base_url,
            "--api-key",
            KEY,
            "--max-examples",
            "0",
            "--endpoint",
            ONE_ENDPOINT[0],
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "answer_size" in done.stdout
    assert "larger than 16 MiB" in done.stdout
    assert no_traceback([done.stdout, done.stderr])
