"""The fixtures users import from kling_ext.testing work as their docstring promises."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

import kling_ext
from kling_ext.mock import Fault, MockGateway, RunningServer


def test_run_is_fast_and_recovers_a_lost_create(
    kling_mock: MockGateway, kling_client: kling_ext.Kling
) -> None:
    kling_mock.inject(Fault(operation="create", kind="stored_then_error"))
    started = time.monotonic()
    task = kling_client.text2video.run(model_name="kling-v2-6", prompt="a red fox")
    assert task.status is kling_ext.TaskStatus.SUCCEED
    assert kling_mock.creates_count == 1, "recovered, not paid for twice"
    assert time.monotonic() - started < 2.0, "FAST_POLLING: no real-schedule waits in user tests"


def test_failure_marker(kling_client: kling_ext.Kling) -> None:
    with pytest.raises(kling_ext.TaskFailedError, match="out of foxes"):
        kling_client.text2video.run(prompt="a red fox [mock:fail:out of foxes]")


async def test_async_client(kling_async_client: kling_ext.AsyncKling) -> None:
    task = await kling_async_client.image2video.run(image="https://x.test/a.png", prompt="zoom")
    assert task.succeeded


def test_server_fixture(kling_mock_server: RunningServer) -> None:
    client = kling_ext.Kling(api_key="sk-mock", base_url=kling_mock_server.base_url)
    assert client.text2video.list() == []


def test_schedule_and_gateway_import_without_pytest() -> None:
    # A script or another test runner uses the schedule and the gateway: pytest is not needed.
    code = (
        "import sys\n"
        "sys.modules['pytest'] = None\n"  # as if not installed: `import pytest` fails
        "from kling_ext.testing import FAST_POLLING, MockGateway\n"
        "assert FAST_POLLING.max_delay < 0.01 and MockGateway().api_key == 'sk-mock'\n"
        "try:\n"
        "    from kling_ext.testing import kling_mock\n"
        "except ImportError as exc:\n"
        "    print(exc)\n"
    )
    done = subprocess.run(  # noqa: S603 - our own interpreter, fixed code
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "install pytest" in done.stdout
