"""A small HTTP server that misbehaves on purpose, written apart from the mock gateway.

The mock gateway is cooperative: its faults are the ones the project thought of. These tests
need a server that lies and attacks in ways a client must survive: answers that are not
envelopes, connections that hang, bodies that never end, echoed secrets. Each test scripts the
server with a handler: it receives every request (`Seen`) and returns what to do with it.
It speaks raw HTTP/1.1 over a socket, so it can send what no framework would let it.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from types import TracebackType
from typing import Any, Self
from urllib.parse import parse_qs, urlsplit

import attrs


@attrs.frozen
class Seen:
    """One request as the server read it."""

    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]  # lower-cased names
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


@attrs.frozen
class Answer:
    """A (possibly lying) HTTP answer. `body` may be an iterable of chunks, sent as they come."""

    status: int = 200
    body: bytes | Iterable[bytes] = b""
    headers: dict[str, str] = attrs.field(factory=dict)
    content_length: bool = True
    """Send a Content-Length for a bytes body (False: end the body by closing the connection)."""


@attrs.frozen
class Raw:
    """Exactly these bytes on the wire, then close."""

    data: bytes


@attrs.frozen
class Hang:
    """Accept the request and never answer (until the server stops or `seconds` pass)."""

    seconds: float = 600.0


@attrs.frozen
class Drop:
    """Close the connection without a byte of answer."""


@attrs.frozen
class Trickle:
    """These bytes one at a time, `pause` seconds apart (headers no read timeout ever trips
    on), then close."""

    data: bytes
    pause: float


Action = Answer | Raw | Hang | Drop | Trickle
Handler = Callable[[Seen], Action]


def envelope(data: Any, *, code: int = 0, message: str = "SUCCEED", status: int = 200) -> Answer:
    """A Kling envelope answer."""
    body = {"code": code, "message": message, "request_id": "req-hostile", "data": data}
    return json_answer(body, status=status)


def json_answer(body: Any, *, status: int = 200, headers: dict[str, str] | None = None) -> Answer:
    """Any JSON body (an envelope or not)."""
    return Answer(
        status,
        json.dumps(body).encode(),
        {"Content-Type": "application/json", **(headers or {})},
    )


_REASONS = {200: "OK", 206: "Partial Content", 302: "Found", 404: "Not Found"}


class HostileServer:
    """Serves `handler` on 127.0.0.1 in background threads; records every request in `seen`."""

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.seen: list[Seen] = []
        self._stop = threading.Event()
        self._sock = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._sock.getsockname()[1]
        self._threads: list[threading.Thread] = []
        self._conns: list[socket.socket] = []
        self._lock = threading.Lock()
        self._accepter = threading.Thread(target=self._accept, daemon=True)

    @property
    def url(self) -> str:
        """`http://127.0.0.1:<port>`: add `/klingai` for a gateway base URL."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def base_url(self) -> str:
        """A gateway-style base URL on this server."""
        return self.url + "/klingai"

    def requests_to(self, method: str, path_part: str = "") -> list[Seen]:
        """The requests with this method whose path contains `path_part`."""
        return [s for s in self.seen if s.method == method and path_part in s.path]

    def start(self) -> Self:
        self._accepter.start()
        return self

    def stop(self) -> None:
        """Stop at once: wake the blocked `accept()` and every connection's read, then join."""
        self._stop.set()
        with self._lock:
            sockets = [self._sock, *self._conns]
        for sock in sockets:
            # shutdown() wakes a thread blocked in accept()/recv() on Linux; close() alone does not.
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        self._accepter.join(timeout=5)
        self._sock.close()
        for thread in self._threads:
            thread.join(timeout=5)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except OSError:
                continue  # woken by stop(): the loop condition ends it
            with self._lock:
                if self._stop.is_set():
                    conn.close()
                    return
                self._conns.append(conn)
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, conn: socket.socket) -> None:
        conn.settimeout(5)
        # An answer goes out as head, then body: without this, Nagle's algorithm holds the body
        # until the client's delayed ACK (40 ms a request on Linux).
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        reader = conn.makefile("rb")
        try:
            while not self._stop.is_set():
                seen = _read_request(reader)
                if seen is None:
                    return
                self.seen.append(seen)
                action = self.handler(seen)
                if not self._act(conn, action):
                    return
        except OSError:
            return
        finally:
            reader.close()
            conn.close()

    def _act(self, conn: socket.socket, action: Action) -> bool:
        """Perform one action; True when the connection may serve another request."""
        match action:
            case Drop():
                return False
            case Hang(seconds):
                self._stop.wait(seconds)
                return False
            case Raw(data):
                conn.sendall(data)
                return False
            case Trickle(data, pause):
                for byte in data:
                    conn.sendall(bytes([byte]))
                    if self._stop.wait(pause):
                        break
                return False
            case Answer(status, body, headers, content_length):
                head = [f"HTTP/1.1 {status} {_REASONS.get(status, 'Status')}"]
                head += [f"{k}: {v}" for k, v in headers.items()]
                names = {k.lower() for k in headers}
                chunks: Iterator[bytes]
                if isinstance(body, bytes):
                    if content_length and "content-length" not in names:
                        head.append(f"Content-Length: {len(body)}")
                    chunks = iter([body])
                else:
                    chunks = iter(body)
                keep = isinstance(body, bytes) and content_length
                head.append("Connection: keep-alive" if keep else "Connection: close")
                conn.sendall(("\r\n".join(head) + "\r\n\r\n").encode("latin-1"))
                for chunk in chunks:
                    if self._stop.is_set():
                        return False
                    conn.sendall(chunk)
                return keep
        raise AssertionError(f"unknown action {action!r}")


def _read_request(reader: Any) -> Seen | None:
    line = reader.readline(65537)
    if not line:
        return None
    method, target, _ = line.decode("latin-1").split(" ", 2)
    headers: dict[str, str] = {}
    while True:
        header = reader.readline(65537).decode("latin-1")
        if header in ("\r\n", "\n", ""):
            break
        name, _, value = header.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0") or 0)
    body = reader.read(length) if length else b""
    parts = urlsplit(target)
    return Seen(method, parts.path, parse_qs(parts.query), headers, body)


def slow_chunks(chunk: bytes, count: int, pause: float) -> Iterator[bytes]:
    """`count` chunks with `pause` seconds between them (a trickling or endless body)."""
    for _ in range(count):
        yield chunk
        time.sleep(pause)
