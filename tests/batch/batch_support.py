"""Helpers of the batch tests: jobs files, a gateway that holds a request where a test wants the
batch killed, and the child process that runs a batch so that it can be killed with SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import struct
import subprocess
import sys
import threading
import zlib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Literal

from kling_ext._media import sample_video_bytes
from kling_ext.mock import MockConnectionDropped, MockGateway, MockRequest, RunningServer
from kling_ext.mock._server import _request_from, make_server

CHILD = Path(__file__).with_name("batch_child.py")
Hold = Literal["create_unsent", "create_unanswered", "download"]
# A stuck child must fail the test, not hang the suite.
_TIMEOUT = 60


def write_jobs(path: Path, jobs: Iterable[Mapping[str, Any] | str]) -> Path:
    """A jobs file: one JSON object per line (a str is written as the line itself)."""
    lines = [job if isinstance(job, str) else json.dumps(job) for job in jobs]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def prompts(count: int) -> list[dict[str, Any]]:
    """`count` text2video jobs with ids job-01, job-02, ..."""
    return [
        {"kind": "text2video", "id": f"job-{n:02d}", "prompt": f"shot {n}"}
        for n in range(1, count + 1)
    ]


def whole_videos(folder: Path) -> dict[str, bool]:
    """Each .mp4 of the folder, and whether it is the complete sample video."""
    video = sample_video_bytes()
    return {path.name: path.read_bytes() == video for path in sorted(folder.glob("*.mp4"))}


def ledger_states(path: Path) -> dict[str, str]:
    """Each job's state in a ledger file."""
    with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as db:
        return dict(db.execute("SELECT id, state FROM jobs ORDER BY line").fetchall())


def tasks_per_prompt(gateway: MockGateway) -> dict[str, int]:
    """How many tasks the gateway made for each prompt."""
    counts: dict[str, int] = {}
    for task in gateway.tasks:
        prompt = str(task.body.get("prompt"))
        counts[prompt] = counts.get(prompt, 0) + 1
    return counts


def png_header(width: int, height: int) -> bytes:
    """The start of a PNG of that size: all the library reads of an image before sending it."""
    ihdr = b"IHDR" + struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + ihdr + struct.pack(">I", zlib.crc32(ihdr))


class HoldingGateway:
    """The mock gateway behind a server that stops at one chosen request until released.

    `create_unsent`: the n-th create is held and then dropped without being stored, which is,
    for the API, a create that was never sent. `create_unanswered`: it is stored, then held,
    then dropped: the task exists but the client never heard of it. `download`: the n-th
    download sends half the video, then holds.
    """

    def __init__(self, hold: Hold, nth: int = 1) -> None:
        self.gateway = MockGateway(clock="steps")
        self.hold = hold
        self.nth = nth
        self.reached = threading.Event()
        self.release = threading.Event()
        self._seen = 0
        self._lock = threading.Lock()
        self.server = RunningServer(self.gateway, make_server(self._app))

    def _matches(self, request: MockRequest) -> bool:
        create = request.method == "POST"
        download = request.path.endswith(".mp4")
        wanted = download if self.hold == "download" else create
        if not wanted:
            return False
        with self._lock:
            self._seen += 1
            return self._seen == self.nth

    def _app(self, environ: Any, start_response: Any) -> Iterator[bytes]:
        request = _request_from(environ)
        if not self._matches(request):
            answer = self.gateway.handle(request)
            start_response(f"{answer.status} -", list(answer.headers.items()))
            yield answer.body
            return
        if self.hold == "create_unsent":
            self._wait()
            raise MockConnectionDropped("held, never stored")
        answer = self.gateway.handle(request)
        if self.hold == "create_unanswered":
            self._wait()
            raise MockConnectionDropped("stored, never answered")
        start_response(f"{answer.status} -", list(answer.headers.items()))
        yield answer.body[: len(answer.body) // 2]
        self._wait()
        raise MockConnectionDropped("download cut")

    def _wait(self) -> None:
        self.reached.set()
        self.release.wait(_TIMEOUT)

    def close(self) -> None:
        self.release.set()
        self.server.close()


def start_child(
    jobs: Path, output: Path, base_url: str, *, concurrency: int = 1
) -> subprocess.Popen[str]:
    """A batch in a child process (AsyncKling, fast polling), to be killed or waited for."""
    env = {**os.environ, "KLING_API_KEY": "sk-mock", "KLING_BASE_URL": base_url}
    return subprocess.Popen(  # noqa: S603 - our own interpreter and script
        [sys.executable, str(CHILD), str(jobs), str(output), str(concurrency)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish_child(process: subprocess.Popen[str]) -> tuple[int, dict[str, Any], str]:
    """Wait for a child batch: its exit status, its report and its stderr."""
    stdout, stderr = process.communicate(timeout=_TIMEOUT)
    lines = stdout.strip().splitlines()
    return process.returncode, json.loads(lines[-1]) if lines else {}, stderr


def kill_child(process: subprocess.Popen[str]) -> None:
    """SIGKILL: no cleanup of any kind runs in the child."""
    os.kill(process.pid, signal.SIGKILL)
    process.communicate(timeout=_TIMEOUT)
