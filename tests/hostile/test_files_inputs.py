"""Files only from file-like arguments (issue 10.9): a `str` is never read as a path, devices
and FIFOs are refused, and no read goes past the size limit."""

from __future__ import annotations

import asyncio
import base64
import io
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from files_support import Client, run_kling
from hostile_server import Action, HostileServer, Seen, envelope

from kling_ext import ValidationError

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "cli"))
from cli_support import make_png

Start = Callable[[Callable[[Seen], Action]], HostileServer]
PNG = make_png(400, 320)
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")


def _api(seen: Seen) -> Action:
    return envelope({"task_id": "t-1", "task_status": "submitted"})


def _sent_images(server: HostileServer) -> list[Any]:
    return [seen.json()["image"] for seen in server.requests_to("POST", "/image2video")]


class _Endless(io.RawIOBase):
    """A binary file object that never ends: a real PNG's first bytes, then zeros for ever.

    The header is a PNG's, so that it is the size limit, not the format check of the first
    piece, that ends the read.
    """

    def __init__(self) -> None:
        self._head = PNG[:1024]

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        size = len(buffer)
        piece, self._head = self._head[:size], self._head[size:]
        buffer[:size] = piece + bytes(size - len(piece))
        return size


async def test_a_str_naming_a_local_file_is_not_uploaded(
    flavor: str, hostile: Start, tmp_path: Path
) -> None:
    secret = tmp_path / "private.png"
    secret.write_bytes(PNG)
    server = hostile(_api)
    async with Client(flavor, server.base_url) as client:
        with pytest.raises(ValidationError, match=r"pathlib\.Path"):
            await client(client.lib.image2video.create, image=str(secret), prompt="x")
    assert not server.seen, "nothing was sent"


@pytest.mark.parametrize(
    "make",
    [lambda p: p, lambda p: p.read_bytes(), lambda p: p.open("rb"), lambda p: io.BytesIO(PNG)],
    ids=["Path", "bytes", "open-rb", "BytesIO"],
)
async def test_files_come_as_path_bytes_or_binary_file_objects(
    flavor: str, hostile: Start, tmp_path: Path, make: Callable[[Path], Any]
) -> None:
    path = tmp_path / "frame.png"
    path.write_bytes(PNG)
    server = hostile(_api)
    image = make(path)
    async with Client(flavor, server.base_url) as client:
        await client(client.lib.image2video.create, image=image, prompt="x")
    if hasattr(image, "close"):
        image.close()
    assert _sent_images(server) == [base64.b64encode(PNG).decode()]


async def test_a_text_mode_file_object_is_refused(
    flavor: str, hostile: Start, tmp_path: Path
) -> None:
    path = tmp_path / "frame.png"
    path.write_bytes(PNG)
    server = hostile(_api)
    async with Client(flavor, server.base_url) as client:
        with path.open(encoding="latin-1") as text, pytest.raises(ValidationError, match="'rb'"):
            await client(client.lib.image2video.create, image=text, prompt="x")
    assert not server.seen


async def test_an_endless_file_object_is_read_no_further_than_the_limit(
    flavor: str, hostile: Start
) -> None:
    server = hostile(_api)
    async with Client(flavor, server.base_url) as client:
        with pytest.raises(ValidationError, match="more than 10,485,760 bytes"):
            await client(client.lib.image2video.create, image=_Endless(), prompt="x")
    assert not server.seen


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
async def test_a_device_is_refused_without_reading_it(flavor: str, hostile: Start) -> None:
    server = hostile(_api)
    async with Client(flavor, server.base_url) as client:
        with pytest.raises(ValidationError, match="character device"):
            await client(client.lib.image2video.create, image=Path("/dev/zero"), prompt="x")
    assert not server.seen


@needs_fifo
def test_a_fifo_is_refused_without_waiting_for_a_writer(
    flavor: str, hostile: Start, tmp_path: Path
) -> None:
    fifo = tmp_path / "pipe.png"
    os.mkfifo(fifo)
    server = hostile(_api)
    outcome: list[BaseException | None] = []

    async def create() -> None:
        async with Client(flavor, server.base_url) as client:
            await client(client.lib.image2video.create, image=fifo, prompt="x")

    def run() -> None:  # in a thread: the old code blocked opening the FIFO, for ever
        try:
            asyncio.run(create())
        except BaseException as exc:
            outcome.append(exc)
        else:
            outcome.append(None)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout=5)
    if worker.is_alive():  # stuck opening the FIFO: unblock it so the thread can end
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        worker.join(timeout=5)
        pytest.fail("opening the FIFO blocked")
    assert isinstance(outcome[0], ValidationError), outcome
    assert "FIFO" in str(outcome[0])
    assert not server.seen


# ------------------------------------------------------------------ the command line


def test_cli_turns_its_arguments_into_files(hostile: Start, tmp_path: Path) -> None:
    (tmp_path / "frame.png").write_bytes(PNG)
    server = hostile(_api)
    result = run_kling(
        server.base_url, tmp_path, "image2video", "--image", "frame.png", "--prompt", "x"
    )
    assert result.code == 0, result.output
    assert _sent_images(server) == [base64.b64encode(PNG).decode()]


def test_cli_sends_base64_text_as_given(hostile: Start, tmp_path: Path) -> None:
    server = hostile(_api)
    text = base64.b64encode(PNG).decode()
    result = run_kling(server.base_url, tmp_path, "image2video", "--image", text, "--prompt", "x")
    assert result.code == 0, result.output
    assert _sent_images(server) == [text]


def test_cli_says_a_missing_file_is_missing(hostile: Start, tmp_path: Path) -> None:
    server = hostile(_api)
    result = run_kling(
        server.base_url, tmp_path, "image2video", "--image", "nope.png", "--prompt", "x"
    )
    assert result.code == 2, result.output
    assert "file not found: nope.png" in result.stderr
    assert not server.seen


@needs_fifo
def test_cli_refuses_a_fifo(hostile: Start, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.png")
    server = hostile(_api)
    result = run_kling(
        server.base_url, tmp_path, "image2video", "--image", "pipe.png", "--prompt", "x"
    )
    assert result.code == 2, result.output
    assert "FIFO" in result.stderr
    assert not server.seen
