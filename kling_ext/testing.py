"""Pytest fixtures for testing your own code against a mock Kling gateway, with no network.

Enable them in a ``conftest.py`` with ``pytest_plugins = ["kling_ext.testing"]``, or import the
fixtures you use (``from kling_ext.testing import kling_mock, kling_mock_server``).

* ``kling_mock``: a fresh :class:`~kling_ext.mock.MockGateway` (key ``sk-mock``, ``steps`` clock:
  each query of a task moves it one status on, ``submitted`` → ``processing`` → ``succeed``).
* ``kling_mock_server``: the same gateway served over HTTP on 127.0.0.1 for the test's duration
  (:class:`~kling_ext.mock.RunningServer`; ``.base_url`` is ``http://127.0.0.1:<port>/klingai``).

A prompt containing ``[mock:fail]`` makes the task end ``failed`` with ``task_status_msg``
"Failure requested by the prompt marker [mock:fail]"; ``[mock:fail:some reason]`` fails it with
"some reason". Inject faults with ``kling_mock.inject(Fault(...))``.

Example:
    A complete user test::

        import httpx
        import pytest

        import kling_ext
        from kling_ext.mock import Fault, MockGateway

        pytest_plugins = ["kling_ext.testing"]


        def test_video_survives_a_lost_create_answer(kling_mock: MockGateway) -> None:
            kling_mock.inject(Fault(operation="create", kind="stored_then_error"))
            client = kling_ext.Kling(
                api_key="sk-mock",
                base_url="https://mock.invalid/klingai",
                http_client=httpx.Client(transport=kling_mock.transport()),
            )
            task = client.text2video.run(model_name="kling-v2-6", prompt="a red fox")
            assert task.status is kling_ext.TaskStatus.SUCCEED
            assert kling_mock.creates_count == 1  # recovered, not paid for twice


        def test_failure_is_reported(kling_mock_server) -> None:
            client = kling_ext.Kling(api_key="sk-mock", base_url=kling_mock_server.base_url)
            with pytest.raises(kling_ext.TaskFailedError, match="out of foxes"):
                client.text2video.run(prompt="a red fox [mock:fail:out of foxes]")
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kling_ext.mock import MockGateway, RunningServer

__all__ = ["kling_mock", "kling_mock_server"]


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
