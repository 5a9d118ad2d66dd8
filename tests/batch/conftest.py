"""Fixtures of the batch tests: a mock gateway and clients wired to it, polling fast."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from kling_ext import AsyncKling, Kling
from kling_ext.mock import MockGateway
from kling_ext.testing import FAST_POLLING

BASE_URL = "http://127.0.0.1/klingai"


@pytest.fixture
def gateway() -> MockGateway:
    """A fresh in-process mock gateway (one status per query)."""
    return MockGateway()


@pytest.fixture
def client(gateway: MockGateway) -> Iterator[Kling]:
    """A sync client on the gateway."""
    with Kling(
        api_key=gateway.api_key,
        base_url=BASE_URL,
        http_client=httpx.Client(transport=gateway.transport()),
        poll_schedule=FAST_POLLING,
    ) as kling:
        yield kling


@pytest.fixture
def async_client(gateway: MockGateway) -> AsyncKling:
    """An async client on the gateway."""
    return AsyncKling(
        api_key=gateway.api_key,
        base_url=BASE_URL,
        http_client=httpx.AsyncClient(transport=gateway.transport()),
        poll_schedule=FAST_POLLING,
    )


@pytest.fixture(scope="session")
def _postgres_server() -> Iterator[object]:
    """One PostgreSQL server per test session (per xdist worker): see `pg_cluster`."""
    from pg_cluster import running

    with running() as cluster:
        yield cluster


@pytest.fixture
def postgres_url(_postgres_server: object) -> str:
    """The URL of a fresh, empty PostgreSQL database (skips when no server can be had)."""
    from pg_cluster import Cluster

    if not isinstance(_postgres_server, Cluster):
        pytest.skip(str(_postgres_server))
    return _postgres_server.new_database()
