"""Pytest fixtures for testing your own code against a mock Kling gateway, with no network.

Enable them in a ``conftest.py`` with ``pytest_plugins = ["kling_ext.testing"]``, or import the
fixtures you use (``from kling_ext.testing import kling_mock, kling_mock_server``).

* ``kling_mock``: a fresh :class:`~kling_ext.mock.MockGateway` (key ``sk-mock``, ``steps`` clock:
  each query of a task moves it one status on, ``submitted`` → ``processing`` → ``succeed``).
* ``kling_mock_server``: the same gateway served over HTTP on 127.0.0.1 for the test's duration
  (:class:`~kling_ext.mock.RunningServer`; ``.base_url`` is ``http://127.0.0.1:<port>/klingai``).
* ``kling_client`` / ``kling_async_client``: a :class:`~kling_ext.Kling` /
  :class:`~kling_ext.AsyncKling` wired to ``kling_mock`` that polls with ``FAST_POLLING``, so
  ``run()`` and ``wait()`` finish in milliseconds instead of the real schedule's seconds.

A prompt containing ``[mock:fail]`` makes the task end ``failed`` with ``task_status_msg``
"Failure requested by the prompt marker [mock:fail]"; ``[mock:fail:some reason]`` fails it with
"some reason". Inject faults with ``kling_mock.inject(Fault(...))``.

Example:
    A complete user test::

        import httpx
        import pytest

        import kling_ext
        from kling_ext.mock import Fault, MockGateway
        from kling_ext.testing import FAST_POLLING

        pytest_plugins = ["kling_ext.testing"]


        def test_video_survives_a_lost_create_answer(kling_mock: MockGateway) -> None:
            kling_mock.inject(Fault(operation="create", kind="stored_then_error"))
            client = kling_ext.Kling(
                api_key="sk-mock",
                base_url="https://mock.invalid/klingai",
                http_client=httpx.Client(transport=kling_mock.transport()),
                poll_schedule=FAST_POLLING,
            )
            task = client.text2video.run(model_name="kling-v2-6", prompt="a red fox")
            assert task.status is kling_ext.TaskStatus.SUCCEED
            assert kling_mock.creates_count == 1  # recovered, not paid for twice


        def test_failure_is_reported(kling_client: kling_ext.Kling) -> None:
            with pytest.raises(kling_ext.TaskFailedError, match="out of foxes"):
                kling_client.text2video.run(prompt="a red fox [mock:fail:out of foxes]")
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from kling_ext import AsyncKling, Kling, PollSchedule
from kling_ext.mock import MockGateway, RunningServer

__all__ = ["FAST_POLLING", "kling_async_client", "kling_client", "kling_mock", "kling_mock_server"]

FAST_POLLING = PollSchedule(
    first_delay=0.0, min_delay=0.001, max_delay=0.001, growth=0.0, jitter=0.0
)
"""A poll schedule for tests against the mock: query again after a millisecond."""
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
