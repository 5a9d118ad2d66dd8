"""Fixtures that run each client test twice: with `Kling` and with `AsyncKling`."""

from __future__ import annotations

import pytest
import respx
from client_support import BASE, Harness


@pytest.fixture(params=["sync", "async"])
def flavor(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def router() -> respx.Router:
    return respx.Router(base_url=BASE, assert_all_called=False)


@pytest.fixture
def h(flavor: str, router: respx.Router) -> Harness:
    return Harness(flavor, router)
