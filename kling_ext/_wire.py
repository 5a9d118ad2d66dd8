"""What crosses the wire, bounded, for both drivers and the conformance suite.

- Content codings (`gzip`, `deflate`) are undone here, piece by piece, so whoever reads an
  answer counts its *unpacked* size as it is produced: a few kilobytes of nested gzip cannot
  unpack to gigabytes before a cap is checked (httpx decodes each received chunk whole).
- A deadline covers a whole exchange, headers included: httpx's timeouts restart with every
  read, so a server trickling one header byte at a time would otherwise outlive any deadline.
  `AsyncKling` cancels the exchange (`async_within`); `Kling` cannot cancel a blocking read,
  so the clients built here carry a network backend that caps every connect, read and write by
  the deadline in force (`within`, a context variable).
- A plain-http API (the mock gateway on this machine, or one allowed with `allow_insecure`) is
  reached directly: the environment's proxies would otherwise receive the key in cleartext.
"""

from __future__ import annotations

import ssl
import time
import zlib
from collections.abc import AsyncIterator, Iterable, Iterator, Mapping
from contextlib import asynccontextmanager, contextmanager
from contextvars import ContextVar
from typing import Any

import httpx

from ._constants import ANSWER_PIECE_BYTES, MAX_CONTENT_CODINGS

__all__ = [
    "ANSWER_ENCODINGS",
    "Undecodable",
    "Unpacker",
    "async_client",
    "async_within",
    "sync_client",
    "within",
]

ANSWER_ENCODINGS = "gzip, deflate"
"""The `Accept-Encoding` of API requests: the codings `Unpacker` undoes, and no other."""

_GZIP = {"gzip", "x-gzip"}


class Undecodable(ValueError):
    """An answer whose content coding was not asked for, or whose coded bytes are broken."""


class _Layer:
    """One content coding, undone with a bounded output per call."""

    def __init__(self, coding: str) -> None:
        self._deflate = coding == "deflate"
        # RFC 9110 `deflate` is zlib-wrapped, but some servers send raw deflate: try both.
        self._raw_tried = False
        self._obj = zlib.decompressobj(zlib.MAX_WBITS | 16 if not self._deflate else zlib.MAX_WBITS)
        self._started = False

    def pieces(self, data: bytes) -> Iterator[bytes]:
        """The unpacked bytes of `data`, in pieces of at most `ANSWER_PIECE_BYTES`."""
        while True:
            try:
                out = self._obj.decompress(data, ANSWER_PIECE_BYTES)
            except zlib.error as exc:
                if self._deflate and not self._started and not self._raw_tried:
                    self._raw_tried = True
                    self._obj = zlib.decompressobj(-zlib.MAX_WBITS)
                    continue
                kind = "deflate" if self._deflate else "gzip"
                raise Undecodable(f"broken {kind} data ({exc})") from None
            self._started = self._started or bool(out)
            data = self._obj.unconsumed_tail
            if out:
                yield out
            # A full piece may leave output pending inside zlib: ask again with no new input.
            if not data and len(out) < ANSWER_PIECE_BYTES:
                return


class Unpacker:
    """Undoes an answer's content codings as its raw bytes arrive, a bounded piece at a time.

    The caller counts the pieces and stops when it has enough: memory never holds more than one
    piece per coding beyond what the caller kept.
    """

    def __init__(self, codings: Iterable[str]) -> None:
        # Content-Encoding lists codings in the order applied: undo them from the last.
        self._layers = [_Layer(coding) for coding in reversed(list(codings))]

    @classmethod
    def for_headers(cls, headers: httpx.Headers) -> Unpacker:
        """The unpacker for an answer's `Content-Encoding`.

        Raises:
            Undecodable: a coding other than gzip, deflate or identity (none other was asked
                for), or more than `MAX_CONTENT_CODINGS` of them.
        """
        codings: list[str] = []
        for value in headers.get_list("content-encoding"):
            for part in value.split(","):
                coding = part.strip().lower()
                if coding in ("", "identity"):
                    continue
                if coding not in _GZIP and coding != "deflate":
                    raise Undecodable(f"it is encoded as {coding[:40]!r}, which was not asked for")
                codings.append("deflate" if coding == "deflate" else "gzip")
        if len(codings) > MAX_CONTENT_CODINGS:
            raise Undecodable(f"it is encoded {len(codings)} times over")
        return cls(codings)

    def feed(self, data: bytes) -> Iterator[bytes]:
        """The unpacked bytes of the next raw chunk, piece by piece (raises `Undecodable`)."""
        return self._through(0, data)

    def _through(self, index: int, data: bytes) -> Iterator[bytes]:
        if index == len(self._layers):
            if data:
                yield data
            return
        for piece in self._layers[index].pieces(data):
            yield from self._through(index + 1, piece)


# ------------------------------------------------------------------ deadlines

_DEADLINE: ContextVar[float | None] = ContextVar("kling_ext_deadline", default=None)


@contextmanager
def within(at: float | None) -> Iterator[None]:
    """Within this block, no connect, read or write of a client built here outlives `at`
    (`time.monotonic()` seconds; None: no deadline). A nested deadline never extends an outer one.
    """
    outer = _DEADLINE.get()
    token = _DEADLINE.set(at if outer is None else outer if at is None else min(at, outer))
    try:
        yield
    finally:
        _DEADLINE.reset(token)


@asynccontextmanager
async def async_within(at: float | None) -> AsyncIterator[None]:
    """Cancel the block at `at` (`time.monotonic()` seconds), whatever it awaits: the whole
    exchange, headers included. The timeout surfaces as `httpx.ReadTimeout`, as if the last
    read had timed out, so the flows classify it like any timeout.
    """
    if at is None:
        yield
        return
    import asyncio  # here: the sync client never needs it

    try:
        async with asyncio.timeout(max(at - time.monotonic(), 0.0)):
            yield
    except TimeoutError:
        raise httpx.ReadTimeout("the answer did not arrive before the deadline") from None


def _capped(timeout: float | None, phase: str) -> float | None:
    at = _DEADLINE.get()
    if at is None:
        return timeout
    left = at - time.monotonic()
    if left <= 0:
        import httpcore  # loaded already: a connection exists (importing it at start costs ~20 ms)

        raise getattr(httpcore, phase)("the deadline passed")
    return left if timeout is None else min(timeout, left)


# httpcore's NetworkStream and NetworkBackend, by duck typing: subclassing them would import
# httpcore with kling_ext, which httpx itself only imports when a client is built.
class _DeadlineStream:
    """A connection whose every read and write ends by the deadline in force."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        data: bytes = self._inner.read(max_bytes, _capped(timeout, "ReadTimeout"))
        return data

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _capped(timeout, "WriteTimeout"))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> _DeadlineStream:
        capped = _capped(timeout, "ConnectTimeout")
        return _DeadlineStream(self._inner.start_tls(ssl_context, server_hostname, capped))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _DeadlineBackend:
    """httpcore's own backend, its connections wrapped in `_DeadlineStream`."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> _DeadlineStream:
        capped = _capped(timeout, "ConnectTimeout")
        stream = self._inner.connect_tcp(host, port, capped, local_address, socket_options)
        return _DeadlineStream(stream)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> _DeadlineStream:
        capped = _capped(timeout, "ConnectTimeout")
        return _DeadlineStream(self._inner.connect_unix_socket(path, capped, socket_options))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def with_deadlines(client: httpx.Client) -> httpx.Client:
    """`client` with every connection pool it owns (direct and proxies) bounded by `within`.

    httpx offers no public way to give a pool a network backend, so the pools are reached
    through private attributes (httpx is pinned below 0.29); a test checks they are found.
    """
    transports = [client._transport, *client._mounts.values()]
    for transport in transports:
        pool = getattr(transport, "_pool", None)
        backend = getattr(pool, "_network_backend", None)
        if hasattr(backend, "connect_tcp") and not isinstance(backend, _DeadlineBackend):
            pool._network_backend = _DeadlineBackend(backend)  # type: ignore[union-attr]
    return client


def has_deadlines(client: httpx.Client) -> bool:
    """True when every pool of `client` caps its I/O by `within` (for tests and checks)."""
    pools = [
        getattr(t, "_pool", None)
        for t in [client._transport, *client._mounts.values()]
        if isinstance(t, httpx.HTTPTransport)
    ]
    return bool(pools) and all(
        isinstance(getattr(pool, "_network_backend", None), _DeadlineBackend) for pool in pools
    )


# ------------------------------------------------------------------ clients


def direct_mounts(base_url: str) -> dict[str, None]:
    """Mounts that reach a plain-http `base_url`'s host directly, past any environment proxy.

    A proxy on the way of plain http reads every header, the key included; over https it only
    relays the encrypted tunnel, so https base URLs keep the environment's proxies.
    """
    try:
        url = httpx.URL(base_url)
        if url.scheme != "http":
            return {}
        pattern = f"http://{url.netloc.decode('ascii')}"
        _ = httpx.URL(pattern).host  # as httpx will read the mount: the host is decoded here
    except (httpx.InvalidURL, ValueError):  # IDNA errors are ValueErrors
        return {}  # no request can be made to it: building the first one says why
    # None: the client's own transport, which has no proxy.
    return {pattern: None}


def sync_client(base_url: str, **options: Any) -> httpx.Client:
    """The `httpx.Client` kling-ext builds for itself: deadlines hold, no proxy sees the key."""
    return with_deadlines(httpx.Client(mounts=direct_mounts(base_url), **options))


def async_client(base_url: str, **options: Any) -> httpx.AsyncClient:
    """The `httpx.AsyncClient` kling-ext builds for itself; deadlines hold by cancellation."""
    return httpx.AsyncClient(mounts=direct_mounts(base_url), **options)


def identity_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """`headers` asking for the body as it is: no content coding (videos do not compress, and a
    coded body could unpack to far more than its size on the wire)."""
    return {**headers, "Accept-Encoding": "identity"}
