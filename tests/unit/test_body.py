"""Large request bodies are streamed, byte-for-byte what json.dumps would send."""

from __future__ import annotations

import base64
import json
import tracemalloc
from typing import Any

import httpx
import pytest

from kling_ext._body import JSONBodyStream, VerbatimText, encode_json
from kling_ext._constants import BODY_SLICE_CHARS


def _expected(body: Any) -> bytes:
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()


def _drain(body: bytes | JSONBodyStream) -> bytes:
    return body if isinstance(body, bytes) else b"".join(body)


@pytest.mark.parametrize(
    "body",
    [
        {"prompt": "a small body"},
        {"image": "A" * (BODY_SLICE_CHARS * 2 + 3), "prompt": "x"},
        {"image_list": [{"image": "B/+=" * BODY_SLICE_CHARS}, {"image": "https://x"}]},
        {"prompt": 'quotes " and \\ and \n and 兔子 ' * (BODY_SLICE_CHARS // 10), "n": 1},
        {"a": "C" * (BODY_SLICE_CHARS + 1), "b": "D" * (BODY_SLICE_CHARS + 1)},
        {"prompt": "plain ASCII, one control \x01 far in" + "E" * (BODY_SLICE_CHARS * 2)},
        {"late": "F" * (BODY_SLICE_CHARS + 5) + '"'},
    ],
    ids=[
        "small",
        "one-image",
        "nested-list",
        "escapes-and-unicode",
        "two-large",
        "ascii-control",
        "quote-in-last-slice",
    ],
)
def test_stream_equals_json_dumps(body: dict[str, Any]) -> None:
    encoded = encode_json(body)
    sent = _drain(encoded)
    assert sent == _expected(body)
    if isinstance(encoded, JSONBodyStream):
        assert encoded.length == len(sent), "Content-Length matches what is sent"


async def test_async_iteration_sends_the_same_bytes() -> None:
    body = {"image": "E" * (BODY_SLICE_CHARS * 3)}
    stream = encode_json(body)
    assert isinstance(stream, JSONBodyStream)
    chunks = [chunk async for chunk in stream]
    assert b"".join(chunks) == _expected(body)


def test_sending_a_large_body_holds_no_second_copy() -> None:
    image = base64.b64encode(bytes(10 * 1024 * 1024)).decode()  # ~13.3 MB of Base64 text
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        request = httpx.Request("POST", "https://x.test/", stream=encode_json({"image": image}))
        sent = sum(len(chunk) for chunk in request.stream)  # type: ignore[union-attr]
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert sent == len(image) + len('{"image":""}')
    assert peak < 0.25 * len(image), f"peak {peak / 1e6:.1f} MB while sending"


def test_base64_the_client_made_is_sent_as_it_is() -> None:
    text = base64.b64encode(bytes(range(256)) * 5000).decode("ascii")
    body = {"image": VerbatimText(bytearray(text, "ascii")), "prompt": "x"}
    encoded = encode_json(body)
    assert isinstance(encoded, JSONBodyStream)
    assert _drain(encoded) == _expected({"image": text, "prompt": "x"})
    assert encoded.length == len(_expected({"image": text, "prompt": "x"}))
    assert repr(body["image"]) == f"<VerbatimText: {len(text):,} characters>"  # never the text
