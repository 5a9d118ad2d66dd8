"""Test helpers for your own code against a mock Kling gateway, with no network.

``FAST_POLLING`` and ``MockGateway`` import without pytest. The pytest fixtures below are defined
only when pytest is installed (importing one without it raises an ``ImportError`` saying so).
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

import importlib.util
from typing import Any

from kling_ext import PollSchedule
from kling_ext.mock import MockGateway

__all__ = [
    "FAST_POLLING",
    "MockGateway",
    "kling_async_client",
    "kling_client",
    "kling_mock",
    "kling_mock_server",
]

FAST_POLLING = PollSchedule(
    first_delay=0.0, min_delay=0.001, max_delay=0.001, growth=0.0, jitter=0.0
)
"""A poll schedule for tests against the mock: query again after a millisecond."""

_FIXTURES = ("kling_async_client", "kling_client", "kling_mock", "kling_mock_server")

# The fixtures need pytest; the schedule and the gateway do not, so a script or another test
# runner can use them. Defined here, not via __getattr__, because pytest finds a plugin's
# fixtures among the module's own attributes.
if importlib.util.find_spec("pytest") is not None:
    from ._testing_fixtures import (
        kling_async_client,
        kling_client,
        kling_mock,
        kling_mock_server,
    )


def __getattr__(name: str) -> Any:
    # Reached only for a fixture when pytest is missing: say what to install, not "no attribute".
    if name in _FIXTURES:
        msg = f"kling_ext.testing.{name} is a pytest fixture: install pytest to use it"
        raise ImportError(msg, name=name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
