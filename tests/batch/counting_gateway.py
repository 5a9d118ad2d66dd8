"""The mock gateway served over HTTP, counting what a shared batch must bound: the creates it
stored (per prompt) and the tasks running at once (created, not yet seen ended), with their
peak. Counted at the server, so several worker processes are counted together."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from typing import Any

from kling_ext.mock import MockGateway, RunningServer
from kling_ext.mock._server import _request_from, make_server

_ENDED = ("succeed", "failed")


class CountingGateway:
    """`creates`, `running` and `peak` as the gateway saw them; `server.base_url` to use."""

    def __init__(self) -> None:
        self.gateway = MockGateway(clock="steps")
        self.creates = 0
        self.running = 0
        self.peak = 0
        self._ended: set[str] = set()
        self._lock = threading.Lock()
        self.server = RunningServer(self.gateway, make_server(self._app))

    def _count(self, method: str, status: int, body: bytes) -> None:
        if status != 200 or not body.startswith(b"{"):
            return
        data = json.loads(body).get("data")
        if not isinstance(data, dict):
            return
        with self._lock:
            if method == "POST":
                self.creates += 1
                self.running += 1
                self.peak = max(self.peak, self.running)
            elif data.get("task_status") in _ENDED and data["task_id"] not in self._ended:
                self._ended.add(data["task_id"])
                self.running -= 1

    def _app(self, environ: Any, start_response: Any) -> Iterator[bytes]:
        request = _request_from(environ)
        answer = self.gateway.handle(request)
        if not request.path.endswith(".mp4"):
            self._count(request.method, answer.status, answer.body)
        start_response(f"{answer.status} -", list(answer.headers.items()))
        yield answer.body

    def close(self) -> None:
        self.server.close()
