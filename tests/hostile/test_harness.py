"""The hostile server itself does what the other tests rely on."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
from hostile_server import Answer, Drop, Hang, HostileServer, Raw, Seen, envelope

Start = Callable[[Callable[[Seen], object]], HostileServer]


def test_answers_and_records(hostile: Start) -> None:
    server = hostile(lambda seen: envelope({"echo": seen.path}))
    reply = httpx.post(server.base_url + "/v1/x", json={"a": 1})
    assert reply.json()["data"] == {"echo": "/klingai/v1/x"}
    assert server.requests_to("POST", "/v1/x")[0].json() == {"a": 1}


def test_raw_bytes_and_drops(hostile: Start) -> None:
    server = hostile(lambda seen: Raw(b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort"))
    with pytest.raises(httpx.RemoteProtocolError):
        httpx.get(server.url)
    dropper = hostile(lambda seen: Drop())
    with pytest.raises(httpx.RemoteProtocolError):
        httpx.get(dropper.url)


def test_hang_is_a_read_timeout(hostile: Start) -> None:
    server = hostile(lambda seen: Hang())
    with pytest.raises(httpx.ReadTimeout):
        httpx.get(server.url, timeout=0.3)


def test_streamed_body_without_length(hostile: Start) -> None:
    server = hostile(lambda seen: Answer(200, iter([b"ab", b"cd"])))
    assert httpx.get(server.url).content == b"abcd"
