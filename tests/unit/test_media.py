"""Tests for kling_ext._media: the bundled sample video and the MP4 sniffing."""

from __future__ import annotations

import struct

import pytest

from kling_ext._media import looks_like_mp4, sample_video_bytes


def box(kind: bytes, body: bytes = b"") -> bytes:
    return struct.pack(">I", 8 + len(body)) + kind + body


def test_sample_is_small_cached_mp4() -> None:
    data = sample_video_bytes()
    assert 1_000 < len(data) < 15_000
    assert looks_like_mp4(data)
    assert sample_video_bytes() is data


def test_sample_is_faststart_h264() -> None:
    data = sample_video_bytes()
    # +faststart puts the index before the media data, so players can start while downloading.
    assert data.index(b"moov") < data.index(b"mdat")
    assert b"avc1" in data


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (box(b"ftyp", b"isom") + box(b"moov") + box(b"mdat", b"x" * 10), True),
        (box(b"ftyp", b"isom") + box(b"mdat", b"x" * 10) + box(b"moov"), True),
        (
            box(b"ftyp", b"isom")
            + struct.pack(">I4sQ", 1, b"mdat", 20)
            + b"\x00" * 4
            + box(b"moov"),
            True,
        ),
        (box(b"ftyp", b"isom") + box(b"mdat", b"x" * 10), False),
        (box(b"ftyp", b"isom") + box(b"mdat", b"x" * 10)[:12], False),
        (box(b"ftyp", b"isom") + struct.pack(">I4s", 0, b"mdat") + b"moov", False),
        (box(b"ftyp", b"isom") + struct.pack(">I4s", 3, b"free") + box(b"moov"), False),
        (box(b"moov") + box(b"ftyp"), False),
        (b"GIF89a" + b"\x00" * 20, False),
        (b"", False),
    ],
    ids=[
        "faststart",
        "moov-last",
        "largesize",
        "no-moov",
        "truncated",
        "size-zero",
        "bad-size",
        "no-ftyp",
        "gif",
        "empty",
    ],
)
def test_looks_like_mp4(data: bytes, expected: bool) -> None:
    assert looks_like_mp4(data) is expected
