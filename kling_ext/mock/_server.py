"""The mock gateway over real HTTP: a WSGI app on the core, and a threaded stdlib server for it.

Dropped and cut connections need a server that can close a socket mid-answer. The WSGI app
raises :class:`MockConnectionDropped` (a ``ConnectionAbortedError``) for them: ``wsgiref``, which
this module's server is built on, then closes the connection without a word, which is exactly
the fault. Other WSGI servers report it as an application error instead.
"""

from __future__ import annotations

import http
import json
import socket
import socketserver
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator
from types import TracebackType
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer

from ._core import GATEWAY_PREFIX, MAX_BODY_BYTES, MockRequest, MockResponse, body_too_large

if TYPE_CHECKING:
    from wsgiref.types import StartResponse, WSGIApplication, WSGIEnvironment

    from ._core import MockGateway

__all__ = [
    "MockConnectionDropped",
    "RunningServer",
    "make_server",
    "make_wsgi_app",
    "serve_forever",
]

# How often the background server checks for shutdown: short, so close() returns at once.
_POLL_INTERVAL = 0.05


class MockConnectionDropped(ConnectionAbortedError):
    """Raised by the WSGI app to make the server close the connection (a fault, not a bug)."""


def make_wsgi_app(handler: Callable[[MockRequest], MockResponse]) -> WSGIApplication:
    """Wrap the core in a WSGI application.

    Args:
        handler: The core, usually ``MockGateway.handle``.

    Returns:
        The application.
    """

    def app(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        try:
            request = _request_from(environ)
        except _BodyRefused as refused:
            # Answered before a byte of the body is read; the connection closes after it.
            envelope = {"code": 1200, "message": str(refused), "request_id": str(uuid.uuid4())}
            body = json.dumps(envelope).encode()
            headers = [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
            start_response(f"{refused.status} {_phrase(refused.status)}", headers)
            return [body]
        answer = handler(request)
        if answer.drop:
            raise MockConnectionDropped("[mock] connection dropped without an answer")
        reason = _phrase(answer.status)
        start_response(f"{answer.status} {reason}", list(answer.headers.items()))
        if answer.cut_after is not None:
            return _cut(answer.body[: answer.cut_after])
        return [answer.body]

    return app


class _BodyRefused(Exception):
    """A request body the mock will not read: too large, or of a size not told up front."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def _cut(partial: bytes) -> Iterator[bytes]:
    yield partial
    raise MockConnectionDropped("[mock] download cut short")


def _phrase(status: int) -> str:
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


def _request_from(environ: WSGIEnvironment) -> MockRequest:
    # PEP 3333 hands the path over as bytes decoded as latin-1; undo that to get UTF-8 text.
    path = environ.get("PATH_INFO", "").encode("latin-1").decode("utf-8", "replace")
    headers = {
        key[5:].replace("_", "-").lower(): str(value)
        for key, value in environ.items()
        if key.startswith("HTTP_")
    }
    for key in ("CONTENT_TYPE", "CONTENT_LENGTH"):
        if environ.get(key):
            headers[key.replace("_", "-").lower()] = str(environ[key])
    if "host" not in headers:
        headers["host"] = (
            f"{environ.get('SERVER_NAME', 'localhost')}:{environ.get('SERVER_PORT', '80')}"
        )
    if "chunked" in str(environ.get("HTTP_TRANSFER_ENCODING", "")).lower():
        # wsgiref does not decode chunked bodies; refusing keeps the size known before reading.
        raise _BodyRefused(411, "Invalid request parameters: send the body with Content-Length")
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > MAX_BODY_BYTES:
        raise _BodyRefused(413, body_too_large(length))
    body = environ["wsgi.input"].read(length) if length > 0 else b""
    return MockRequest(
        method=environ.get("REQUEST_METHOD", "GET"),
        path=path,
        query=dict(parse_qsl(environ.get("QUERY_STRING", ""), keep_blank_values=True)),
        headers=headers,
        body=body,
        scheme=environ.get("wsgi.url_scheme", "http"),
    )


class _ThreadingWSGIServer(socketserver.ThreadingMixIn, WSGIServer):
    # Each connection on its own thread, so a slow download never blocks a poll.
    daemon_threads = True

    def server_bind(self) -> None:
        # HTTPServer.server_bind would look the host up with getfqdn(), which can hang on a
        # machine without DNS; the mock only ever needs the address it was given.
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name, self.server_port = str(host), int(port)
        self.setup_environ()


class _ThreadingWSGIServerV6(_ThreadingWSGIServer):
    address_family = socket.AF_INET6


class _Handler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass  # one stderr line per poll would drown the output of the tests using the mock


def make_server(app: WSGIApplication, host: str = "127.0.0.1", port: int = 0) -> WSGIServer:
    """Bind a threaded ``wsgiref`` server for ``app`` (not yet serving).

    Args:
        app: The WSGI application.
        host: The address to listen on (IPv4 or IPv6).
        port: The port; 0 picks a free one.

    Returns:
        The bound server.
    """
    server_class = _ThreadingWSGIServerV6 if ":" in host else _ThreadingWSGIServer
    server = server_class((host, port), _Handler)
    server.set_app(app)
    return server


def base_url_of(server: WSGIServer) -> str:
    """The gateway-style base URL of a bound server, e.g. ``http://127.0.0.1:54321/klingai``."""
    return root_url_of(server) + GATEWAY_PREFIX


def root_url_of(server: WSGIServer) -> str:
    """The server's URL without the gateway prefix, e.g. ``http://127.0.0.1:54321``."""
    host, port = server.server_address[:2]
    host = str(host)
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


def serve_forever(
    gateway: MockGateway,
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    on_ready: Callable[[str], None] | None = None,
) -> None:
    """Serve a gateway in the calling thread until ``KeyboardInterrupt`` (which propagates).

    Args:
        gateway: The mock gateway.
        host: The address to listen on.
        port: The port; 0 picks a free one.
        on_ready: Called with the base URL once the socket listens.
    """
    server = make_server(gateway.wsgi_app(), host, port)
    try:
        if on_ready is not None:
            on_ready(base_url_of(server))
        server.serve_forever()
    finally:
        server.server_close()


class RunningServer:
    """A mock gateway served over HTTP from a background thread.

    Example:
        ``with MockGateway().serve() as server: httpx.get(server.base_url + "/v1/videos/...")``
    """

    def __init__(self, gateway: MockGateway, server: WSGIServer) -> None:
        """Serve an already bound server from a daemon thread.

        Args:
            gateway: The mock gateway it serves.
            server: The bound server (see :func:`make_server`).
        """
        self.gateway = gateway
        self._server = server
        self._closed = False
        self._thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": _POLL_INTERVAL},
            name=f"kling-mock-server:{self.port}",
            daemon=True,
        )
        self._thread.start()

    @classmethod
    def start(cls, gateway: MockGateway, host: str = "127.0.0.1", port: int = 0) -> RunningServer:
        """Bind and start serving a gateway.

        Args:
            gateway: The mock gateway.
            host: The address to listen on.
            port: The port; 0 picks a free one.

        Returns:
            The running server.
        """
        return cls(gateway, make_server(gateway.wsgi_app(), host, port))

    @property
    def port(self) -> int:
        """The port it listens on."""
        return int(self._server.server_address[1])

    @property
    def root_url(self) -> str:
        """The URL without the gateway prefix, like the official host: ``http://127.0.0.1:<port>``."""
        return root_url_of(self._server)

    @property
    def base_url(self) -> str:
        """The gateway-style base URL: ``http://127.0.0.1:<port>/klingai``."""
        return base_url_of(self._server)

    def close(self) -> None:
        """Stop serving and release the port; calling it again does nothing."""
        if self._closed:
            return
        self._closed = True
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    def __enter__(self) -> RunningServer:
        """Return the server itself."""
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Close the server."""
        self.close()

    def __repr__(self) -> str:
        """Show the base URL."""
        return f"<RunningServer {self.base_url}{' closed' if self._closed else ''}>"
