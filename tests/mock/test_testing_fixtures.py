"""The fixtures users import from kling_ext.testing work as their docstring promises."""

from __future__ import annotations

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
