"""Content codings undone piece by piece (`_wire.Unpacker`): what each coding gives back, and
what is refused."""

from __future__ import annotations

import gzip
import zlib

import httpx
import pytest

from kling_ext._constants import ANSWER_PIECE_BYTES
from kling_ext._wire import Undecodable, Unpacker

TEXT = b'{"code": 0, "data": {"task_id": "t"}}' * 5000


def _unpack(coding: str, data: bytes, split: int = 7) -> bytes:
    unpacker = Unpacker.for_headers(httpx.Headers({"Content-Encoding": coding}))
    pieces = [p for i in range(0, len(data), split) for p in unpacker.feed(data[i : i + split])]
    assert all(len(piece) <= ANSWER_PIECE_BYTES for piece in pieces)
    return b"".join(pieces)


def _raw_deflate(data: bytes) -> bytes:
    packer = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    return packer.compress(data) + packer.flush()


@pytest.mark.parametrize(
    ("coding", "data"),
    [
        ("gzip", gzip.compress(TEXT, mtime=0)),
        ("x-gzip", gzip.compress(TEXT, mtime=0)),
        ("deflate", zlib.compress(TEXT)),
        ("deflate", _raw_deflate(TEXT)),  # what some servers send as deflate
        ("identity", TEXT),
        ("gzip, deflate", zlib.compress(gzip.compress(TEXT, mtime=0))),
        ("GZIP , identity", gzip.compress(TEXT, mtime=0)),
    ],
)
def test_each_coding_gives_the_body_back(coding: str, data: bytes) -> None:
    assert _unpack(coding, data) == TEXT


def test_a_bomb_comes_out_in_bounded_pieces() -> None:
    bomb = gzip.compress(gzip.compress(bytes(8 * ANSWER_PIECE_BYTES)))
    unpacker = Unpacker.for_headers(httpx.Headers({"Content-Encoding": "gzip, gzip"}))
    sizes = [len(piece) for piece in unpacker.feed(bomb)]
    assert sum(sizes) == 8 * ANSWER_PIECE_BYTES
    assert max(sizes) <= ANSWER_PIECE_BYTES


@pytest.mark.parametrize(
    ("coding", "message"),
    [("br", "'br', which was not asked for"), ("zstd", "'zstd'"), ("gzip, " * 5, "5 times")],
)
def test_codings_not_asked_for_are_refused(coding: str, message: str) -> None:
    with pytest.raises(Undecodable, match=message):
        Unpacker.for_headers(httpx.Headers({"Content-Encoding": coding}))


def test_broken_data_is_undecodable() -> None:
    with pytest.raises(Undecodable, match="broken gzip"):
        _unpack("gzip", b"not gzip at all")
