"""A small threaded HTTP server for a `CallbackReceiver`: the standard library's, for scripts
and the CLI (a web app mounts `wsgi_app` or `asgi_app` instead)."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._receiver import CallbackReceiver

__all__ = ["RunningReceiver"]

# A sender that stalls mid-request must not hold a thread for ever.
_REQUEST_SECONDS = 10.0


def _handler(receiver: CallbackReceiver) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        timeout = _REQUEST_SECONDS
        server_version = "kling-ext-callbacks"
        sys_version = ""

        def log_message(self, format: str, *args: Any) -> None:
            pass  # a URL holds a capability token: never written to a log

        def _answer(self) -> None:
            query = self.path.partition("?")[2]
            headers = {name.lower(): value for name, value in self.headers.items()}
            if "chunked" in headers.get("transfer-encoding", "").lower():
                status, answer = 411, {"error": "send the body with a Content-Length"}
            else:
                try:
                    length = int(headers.get("content-length") or 0)
                except ValueError:
                    length = -1
                if length < 0:
                    status, answer = 411, {"error": "send the body with a Content-Length"}
                elif length > receiver.max_body_bytes:
                    status, answer = 413, {"error": "the body is too large"}
                else:
                    body = self.rfile.read(length) if length else b""
                    status, answer = receiver.handle(self.command, query, headers, body)
            content = json.dumps(answer).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(content)))
            if status in (411, 413):
                self.send_header("Connection", "close")
                self.close_connection = True
            self.end_headers()
            self.wfile.write(content)

        do_POST = _answer
        do_GET = _answer
        do_PUT = _answer

    return Handler


class RunningReceiver:
    """A `CallbackReceiver` served on its own thread; a context manager.

    Attributes:
        receiver: The receiver it serves.
        url: The server's own address, e.g. `http://127.0.0.1:8123/`.
    """

    def __init__(self, receiver: CallbackReceiver, server: ThreadingHTTPServer) -> None:
        self.receiver: CallbackReceiver = receiver
        self._server = server
        host, port = str(server.server_address[0]), int(server.server_address[1])
        shown = f"[{host}]" if ":" in host else host
        self.url: str = f"http://{shown}:{port}/"
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True
        )
        self._thread.start()

    @classmethod
    def start(cls, receiver: CallbackReceiver, host: str, port: int) -> RunningReceiver:
        """Listen on `host:port` (0: a free port) and serve in the background."""
        server_class = type(
            "_Server",
            (ThreadingHTTPServer,),
            {"daemon_threads": True, "address_family": _family(host)},
        )
        server = server_class((host, port), _handler(receiver))
        running = cls(receiver, server)
        if receiver.public_url is None:
            receiver.public_url = running.url
        return running

    @property
    def port(self) -> int:
        """The port listened on."""
        return int(self._server.server_address[1])

    def close(self) -> None:
        """Stop serving and release the port."""
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> RunningReceiver:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<RunningReceiver {self.url}>"


def _family(host: str) -> int:
    import socket

    return socket.AF_INET6 if ":" in host else socket.AF_INET
