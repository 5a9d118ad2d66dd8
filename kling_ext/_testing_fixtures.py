"""The pytest fixtures of :mod:`kling_ext.testing`, which imports them when pytest is installed."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from kling_ext import AsyncKling, Kling
from kling_ext.mock import MockGateway, RunningServer

from .testing import FAST_POLLING

__all__ = ["kling_async_client", "kling_client", "kling_mock", "kling_mock_server"]

# The mock serves any host over its transport; loopback keeps the client's https rule happy.
_MOCK_BASE_URL = "http://127.0.0.1/klingai"


@pytest.fixture
def kling_mock() -> MockGateway:
    """A fresh mock gateway (API key ``sk-mock``, ``steps`` clock) for one test.

    Returns:
        The gateway; use ``kling_mock.transport()`` as an httpx transport.
    """
    return MockGateway()


@pytest.fixture
def kling_mock_server(kling_mock: MockGateway) -> Iterator[RunningServer]:
    """The ``kling_mock`` gateway served over HTTP on 127.0.0.1, closed after the test.

    Args:
        kling_mock: The gateway to serve; faults injected into it apply to the server too.

    Yields:
        The running server; ``.base_url`` is ``http://127.0.0.1:<port>/klingai``.
    """
    with kling_mock.serve() as server:
        yield server


@pytest.fixture
def kling_client(kling_mock: MockGateway) -> Iterator[Kling]:
    """A `Kling` client on the ``kling_mock`` gateway, polling fast; closed after the test.

    Args:
        kling_mock: The gateway it talks to (inject faults there).

    Yields:
        The client.
    """
    http = httpx.Client(transport=kling_mock.transport())
    with Kling(
        api_key=kling_mock.api_key,
        base_url=_MOCK_BASE_URL,
        http_client=http,
        poll_schedule=FAST_POLLING,
    ) as client:
        yield client
    http.close()


@pytest.fixture
def kling_async_client(kling_mock: MockGateway) -> AsyncKling:
    """An `AsyncKling` client on the ``kling_mock`` gateway, polling fast.

    Args:
        kling_mock: The gateway it talks to (inject faults there).

    Returns:
        The client (its in-memory transport holds no sockets, so there is nothing to close).
    """
    return AsyncKling(
        api_key=kling_mock.api_key,
        base_url=_MOCK_BASE_URL,
        http_client=httpx.AsyncClient(transport=kling_mock.transport()),
        poll_schedule=FAST_POLLING,
    )
