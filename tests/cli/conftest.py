"""Fixtures of the CLI tests: a mock gateway on 127.0.0.1, and `kling` run against it."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
from cli_support import KEY, Result, RunKling, cli_env, finish, invoke, make_png, start

import kling_ext._base_client
from kling_ext.mock import MockGateway, RunningServer
from kling_ext.testing import FAST_POLLING


@pytest.fixture
def gateway() -> Iterator[tuple[MockGateway, RunningServer]]:
    """A fresh mock gateway whose tasks move one status per query (the "steps" clock)."""
    mock = MockGateway(api_key=KEY, clock="steps")
    with mock.serve() as server:
        yield mock, server


@pytest.fixture
def kling(
    gateway: tuple[MockGateway, RunningServer],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> RunKling:
    """Run `kling ARGS` against the fixture's gateway, as a user with the right key.

    In-process (click's CliRunner) with exactly the given environment, in `tmp_path`, clients
    polling at once: a subprocess per call cost half a CPU-second of start-up. What needs a real
    process (signals, pipes, the console script's own handlers) uses `kling_process` or `start`.
    """
    _, server = gateway
    monkeypatch.setattr(kling_ext._base_client, "DEFAULT_POLL_SCHEDULE", FAST_POLLING)
    monkeypatch.chdir(tmp_path)

    def run(*args: str, env: Mapping[str, str] | None = None) -> Result:
        return invoke(args, env if env is not None else cli_env(server.base_url))

    return run


@pytest.fixture
def kling_process(gateway: tuple[MockGateway, RunningServer], tmp_path: Path) -> RunKling:
    """Run `kling ARGS` as the console script runs it, in a fresh interpreter."""
    _, server = gateway

    def run(*args: str, env: Mapping[str, str] | None = None) -> Result:
        return finish(start(args, env if env is not None else cli_env(server.base_url), tmp_path))

    return run


@pytest.fixture
def image_file(tmp_path: Path) -> Path:
    """A local PNG the API accepts (at least 300 px a side)."""
    path = tmp_path / "frame.png"
    path.write_bytes(make_png(400, 320))
    return path
