"""A stateful, in-memory mock of the Kling video API, for tests, demos and conformance runs.

One pure core (:meth:`MockGateway.handle`) served three ways: as an httpx transport
(:meth:`MockGateway.transport`), as a WSGI app (:meth:`MockGateway.wsgi_app`) and as a real HTTP
server on 127.0.0.1 (:meth:`MockGateway.serve`, or ``kling mock-server`` from the shell).

It implements every endpoint of the bundled spec under both ``/klingai/v1/...`` (the gateway) and
``/v1/...`` (the official host): create with full request validation, query by ``task_id`` or
``external_task_id``, list with ``pageNum``/``pageSize``, and a downloadable MP4 per finished task.

Test hooks:

* **Failure marker**: a prompt containing ``[mock:fail]`` makes the task end ``failed`` with
  ``task_status_msg`` "Failure requested by the prompt marker [mock:fail]";
  ``[mock:fail:some reason]`` makes it fail with "some reason".
* **Faults** (:class:`Fault`, :meth:`MockGateway.inject`): rate limits, balance refusals, server
  errors, creates that are stored but answered with an error or not at all, dropped connections,
  cut downloads and HTML error pages, each consumed by the requests it matches.
* **Breaks** (:data:`BREAKS`, ``MockGateway(violations=[...])``, ``kling mock-server --break``):
  deliberate contract breaches, switched on by name, for testing tools that must notice them.
* **Callbacks** (:class:`MockCallbacks`, opt-in): POSTed to each task's ``callback_url`` at
  each status, signed or not, with faults (:class:`CallbackFaults`): duplicated, reordered,
  delayed, dropped, forged, and a receiver down for a while; sent by
  :meth:`MockGateway.pump_callbacks` (or :meth:`MockGateway.run_callbacks` on a thread).
* **Clock**: ``clock="steps"`` moves a task one status per query; ``clock="real"`` moves it with
  time, which :meth:`MockGateway.advance` can skip ahead.

Example:
    >>> import httpx
    >>> from kling_ext.mock import MockGateway
    >>> gateway = MockGateway()
    >>> http = httpx.Client(transport=gateway.transport(), base_url="http://mock/klingai",
    ...                     headers={"Authorization": "Bearer sk-mock"})
    >>> created = http.post("/v1/videos/text2video", json={"prompt": "a cat"})
    >>> task_id = created.json()["data"]["task_id"]
    >>> http.get(f"/v1/videos/text2video/{task_id}").json()["data"]["task_status"]
    'processing'
"""

from __future__ import annotations

from ._breaks import BREAKS
from ._callbacks import CallbackDelivery, CallbackFaults, Forgery, MockCallbacks
from ._core import (
    FAIL_MARKER,
    MAX_BODY_BYTES,
    MOCK_JWT_ACCESS_KEY,
    MOCK_JWT_SECRET,
    VIOLATIONS,
    MockGateway,
    MockRequest,
    MockResponse,
)
from ._server import MockConnectionDropped, RunningServer
from ._state import Fault, MockTask
from ._transport import MockTransport

__all__ = [
    "BREAKS",
    "FAIL_MARKER",
    "MAX_BODY_BYTES",
    "MOCK_JWT_ACCESS_KEY",
    "MOCK_JWT_SECRET",
    "VIOLATIONS",
    "CallbackDelivery",
    "CallbackFaults",
    "Fault",
    "Forgery",
    "MockCallbacks",
    "MockConnectionDropped",
    "MockGateway",
    "MockRequest",
    "MockResponse",
    "MockTask",
    "MockTransport",
    "RunningServer",
]
