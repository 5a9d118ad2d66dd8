"""A create with a large local image reaches the gateway intact, sync and async.

`AsyncKling` reads and encodes the image in a worker thread: the event loop's other tasks go on
while a 10 MB file is read and turned into 13 MB of Base64.
"""

from __future__ import annotations

import asyncio
import base64
import io
import os
import struct
import threading
import tracemalloc
import zlib
from pathlib import Path
from typing import Any

import pytest

import kling_ext
import kling_ext._validation
from kling_ext._prepare import prepare_body
from kling_ext.mock import MockGateway, RunningServer


def _png(path: Path, side: int) -> bytes:
    """An incompressible RGB PNG (stored, not deflated), so its Base64 is large."""
    rows = b"".join(b"\x00" + os.urandom(side * 3) for _ in range(side))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    data = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows, 0))
        + chunk(b"IEND", b"")
    )
    path.write_bytes(data)
    return data


@pytest.fixture
def image(tmp_path: Path) -> tuple[Path, bytes]:
    path = tmp_path / "start.png"
    return path, _png(path, 700)  # ~1.5 MB: its Base64 is streamed in slices


def test_sync(
    kling_mock: MockGateway, kling_client: kling_ext.Kling, image: tuple[Path, bytes]
) -> None:
    path, data = image
    task = kling_client.image2video.create(image=path, prompt="the camera pulls back")
    assert kling_mock.tasks[-1].task_id == task.task_id
    assert base64.b64decode(kling_mock.tasks[-1].body["image"]) == data


async def test_async(
    kling_mock: MockGateway, kling_async_client: kling_ext.AsyncKling, image: tuple[Path, bytes]
) -> None:
    path, data = image
    await kling_async_client.image2video.create(image=path, prompt="the camera pulls back")
    assert base64.b64decode(kling_mock.tasks[-1].body["image"]) == data


def test_over_a_real_socket(
    kling_mock: MockGateway, kling_mock_server: RunningServer, image: tuple[Path, bytes]
) -> None:
    path, data = image
    with kling_ext.Kling(api_key="sk-mock", base_url=kling_mock_server.base_url) as client:
        client.image2video.create(image=path, prompt="the camera pulls back")
    assert base64.b64decode(kling_mock.tasks[-1].body["image"]) == data


async def test_async_over_a_real_socket(
    kling_mock: MockGateway, kling_mock_server: RunningServer, image: tuple[Path, bytes]
) -> None:
    path, data = image
    async with kling_ext.AsyncKling(api_key="sk-mock", base_url=kling_mock_server.base_url) as c:
        await c.image2video.create(image=path, prompt="the camera pulls back")
    assert base64.b64decode(kling_mock.tasks[-1].body["image"]) == data


async def test_async_reads_a_path_off_the_event_loop(
    kling_mock: MockGateway,
    kling_async_client: kling_ext.AsyncKling,
    image: tuple[Path, bytes],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path, data = image
    inode, real_fstat, readers = path.stat().st_ino, os.fstat, []

    def fstat(fd: int) -> os.stat_result:
        info = real_fstat(fd)
        if info.st_ino == inode:  # the image's file is open: it is being read here
            readers.append(threading.get_ident())
        return info

    monkeypatch.setattr(os, "fstat", fstat)
    await kling_async_client.image2video.create(image=path, prompt="the camera pulls back")
    assert readers
    assert threading.get_ident() not in readers  # not on the event loop's thread
    assert base64.b64decode(kling_mock.tasks[-1].body["image"]) == data


async def test_the_event_loop_keeps_running_while_an_image_is_read(
    kling_mock: MockGateway, kling_async_client: kling_ext.AsyncKling, image: tuple[Path, bytes]
) -> None:
    _, data = image
    ticked = threading.Event()
    waits: list[bool] = []

    class SlowFile(io.BytesIO):
        """A file whose first read lasts until the loop has run another task a few times."""

        def read(self, size: int | None = -1) -> bytes:
            if not waits:
                # On the loop's own thread no tick can come: this waits out the timeout.
                waits.append(ticked.wait(timeout=1.0))
            return super().read(size)

    async def ticker() -> None:
        for _ in range(3):
            await asyncio.sleep(0)
        ticked.set()

    ticking = asyncio.create_task(ticker())
    await kling_async_client.image2video.create(image=SlowFile(data), prompt="pull back")
    await ticking
    assert waits == [True]
    assert base64.b64decode(kling_mock.tasks[-1].body["image"]) == data


def test_a_path_becomes_a_body_in_at_most_twice_its_size_of_memory(tmp_path: Path) -> None:
    path = tmp_path / "large.png"
    data = _png(path, 1400)  # ~5.9 MB
    prepare_body("image2video", {"image": "https://cdn.test/a.png", "prompt": "x"})  # spec loaded
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        body = prepare_body("image2video", {"image": path, "prompt": "x"})
        peak = tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()
    assert base64.b64decode(str(body["image"])) == data
    assert peak <= 2 * len(data)  # the Base64 text (4/3) and one slice, not file + text + copy


def test_base64_the_client_made_is_not_matched_against_the_pattern_again(
    image: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, data = image
    checked: list[Any] = []
    real = kling_ext._validation.check_request

    def spy(kind: str, body: Any, **options: Any) -> Any:
        checked.append(dict(body))
        return real(kind, body, **options)

    monkeypatch.setattr(kling_ext._validation, "check_request", spy)
    body = prepare_body("image2video", {"image": path, "image_tail": data, "prompt": "x"})
    assert len(checked) == 1
    assert all(len(str(value)) < 100 for value in checked[0].values())  # short stand-ins
    assert base64.b64decode(str(body["image"])) == data
    assert base64.b64decode(str(body["image_tail"])) == data
