"""A create with a large local image reaches the gateway intact, sync and async."""

from __future__ import annotations

import base64
import os
import struct
import zlib
from pathlib import Path

import pytest

import kling_ext
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
