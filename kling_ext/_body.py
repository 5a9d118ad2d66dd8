"""JSON request bodies that never hold a second copy of a large image.

A create with a 10 MB image carries ~13 MB of Base64. `json.dumps(body).encode()` would hold
the Base64 text, the JSON text and the bytes at once (4x the file). Here large strings are cut
out of the JSON skeleton and encoded slice by slice while httpx sends them, so the body costs
little more than the Base64 text the caller already holds.
"""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx

from ._constants import BODY_SLICE_CHARS

_MARK = "\x00kling-ext-large-{}\x00"
# The marker as json.dumps writes it (quotes included), with the slot number captured.
_MARK_IN_JSON = re.compile(r'"\\u0000kling-ext-large-(\d+)\\u0000"')


# Printable ASCII but '"' and '\\': text of only these is its own JSON (Base64 is).
_VERBATIM = bytes(sorted(set(range(0x20, 0x80)) - set(b'"\\')))


class VerbatimText:
    """A JSON string value held as ASCII bytes that need no escaping: Base64 the client made.

    A 10 MB image is 13 MB of Base64; held as bytes it is sent slice by slice as it is, and
    never becomes a `str` (which would be a second full copy while it is made).
    """

    __slots__ = ("data",)

    def __init__(self, data: bytearray) -> None:
        self.data = data
        """The text's bytes (only characters that are their own JSON: no quote, backslash or
        control character)."""

    def __str__(self) -> str:
        return self.data.decode("ascii")

    def __len__(self) -> int:
        return len(self.data)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, VerbatimText):
            return self.data == other.data
        if isinstance(other, str):
            return other.isascii() and self.data == other.encode("ascii")
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable bytes inside

    def __repr__(self) -> str:  # never the 13 MB themselves
        return f"<{type(self).__name__}: {len(self.data):,} characters>"


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _verbatim(text: str) -> bool:
    """Whether `text` needs no JSON escaping (checked slice by slice: no full copy)."""
    if not text.isascii():  # O(1) in CPython
        return False
    for start in range(0, len(text), BODY_SLICE_CHARS):
        if text[start : start + BODY_SLICE_CHARS].encode("ascii").translate(None, _VERBATIM):
            return False
    return True


class JSONBodyStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A JSON body whose large strings are encoded in slices as they are sent (sync or async)."""

    def __init__(self, pieces: list[str | tuple[str | VerbatimText]]) -> None:
        # A str is ready JSON text; a 1-tuple holds a large string value still to be encoded.
        self._pieces = pieces
        # Large strings that need no escaping (Base64) are sent as they are: their length is
        # known without encoding them once only to count.
        self._verbatim = [
            isinstance(p, tuple) and (isinstance(p[0], VerbatimText) or _verbatim(p[0]))
            for p in pieces
        ]
        self.length = sum(
            len(piece[0]) + 2 if verbatim else sum(len(chunk) for chunk in self._encode(piece))
            for piece, verbatim in zip(pieces, self._verbatim, strict=True)
        )

    def _encode(
        self, piece: str | tuple[str | VerbatimText], verbatim: bool = False
    ) -> Iterator[bytes]:
        if isinstance(piece, str):
            yield piece.encode()
            return
        text = piece[0]
        yield b'"'
        if isinstance(text, VerbatimText):
            with memoryview(text.data) as view:
                for start in range(0, len(view), BODY_SLICE_CHARS):
                    yield bytes(view[start : start + BODY_SLICE_CHARS])
            yield b'"'
            return
        for start in range(0, len(text), BODY_SLICE_CHARS):
            part = text[start : start + BODY_SLICE_CHARS]
            # Escaping is per character, so escaping slices equals escaping the whole.
            yield part.encode("ascii") if verbatim else _dump(part)[1:-1].encode()
        yield b'"'

    def _chunks(self) -> Iterator[bytes]:
        for piece, verbatim in zip(self._pieces, self._verbatim, strict=True):
            yield from self._encode(piece, verbatim)

    def __iter__(self) -> Iterator[bytes]:
        yield from self._chunks()

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self._chunks():
            yield chunk


def encode_json(body: Any) -> bytes | JSONBodyStream:
    """The body as JSON: bytes when small, a slice-by-slice stream when it has large strings."""
    large: list[str | VerbatimText] = []

    def swap(value: Any) -> Any:
        if isinstance(value, VerbatimText) or (
            isinstance(value, str) and len(value) > BODY_SLICE_CHARS
        ):
            large.append(value)
            return _MARK.format(len(large) - 1)
        if isinstance(value, dict):
            return {key: swap(item) for key, item in value.items()}
        if isinstance(value, list):
            return [swap(item) for item in value]
        return value

    text = _dump(swap(body))
    if not large:
        return text.encode()
    parts = _MARK_IN_JSON.split(text)  # text, slot, text, slot, ..., text
    pieces: list[str | tuple[str | VerbatimText]] = [
        part if i % 2 == 0 else (large[int(part)],) for i, part in enumerate(parts)
    ]
    return JSONBodyStream([p for p in pieces if p != ""])
