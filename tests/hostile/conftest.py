"""Fixtures for the hostile-server tests: a scripted misbehaving server, sync and async flavours."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from hostile_server import Handler, HostileServer


@pytest.fixture
def hostile() -> Iterator[Callable[[Handler], HostileServer]]:
    """`hostile(handler)` starts a server on 127.0.0.1; every one started is stopped afterwards."""
    servers: list[HostileServer] = []

    def start(handler: Handler) -> HostileServer:
        server = HostileServer(handler).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture(params=["sync", "async"])
def flavor(request: pytest.FixtureRequest) -> str:
    """Each test runs once with `Kling` and once with `AsyncKling`."""
    return str(request.param)
