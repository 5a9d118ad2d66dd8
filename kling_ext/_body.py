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


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class JSONBodyStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A JSON body whose large strings are encoded in slices as they are sent (sync or async)."""

    def __init__(self, pieces: list[str | tuple[str]]) -> None:
        # A str is ready JSON text; a 1-tuple holds a large string value still to be encoded.
        self._pieces = pieces
        self.length = sum(len(chunk) for chunk in self._chunks())

    def _chunks(self) -> Iterator[bytes]:
        for piece in self._pieces:
            if isinstance(piece, str):
                yield piece.encode()
                continue
            text = piece[0]
            yield b'"'
            for start in range(0, len(text), BODY_SLICE_CHARS):
                # Escaping is per character, so escaping slices equals escaping the whole.
                yield _dump(text[start : start + BODY_SLICE_CHARS])[1:-1].encode()
            yield b'"'

    def __iter__(self) -> Iterator[bytes]:
        yield from self._chunks()

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self._chunks():
            yield chunk


def encode_json(body: Any) -> bytes | JSONBodyStream:
    """The body as JSON: bytes when small, a slice-by-slice stream when it has large strings."""
    large: list[str] = []

    def swap(value: Any) -> Any:
        if isinstance(value, str) and len(value) > BODY_SLICE_CHARS:
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
    pieces: list[str | tuple[str]] = [
        part if i % 2 == 0 else (large[int(part)],) for i, part in enumerate(parts)
    ]
    return JSONBodyStream([p for p in pieces if p != ""])
