"""Every hint the CLI prints is one a shell user can follow: flags and commands, never Python."""

from __future__ import annotations

import pytest
from cli_support import KEY, PYTHON_WORDING, RunKling, cli_env, runner_env
from click.testing import CliRunner

from kling_ext import TaskFailedError, TaskTimeoutError
from kling_ext.cli import cli
from kling_ext.cli._output import CommandState, _error_text
from kling_ext.mock import MockGateway, RunningServer

MALFORMED_BASE_URLS = [
    "http://[::1",
    "http://",
    "ftp://x",
    "http://a b",
    "://x",
    "http://[::1]:99999",
]


@pytest.mark.parametrize("base_url", MALFORMED_BASE_URLS)
def test_malformed_base_url_exits_2_naming_it_without_a_traceback(
    base_url: str, gateway: tuple[MockGateway, RunningServer]
) -> None:
    for args, env in (
        (["list", "text2video"], {**runner_env("x"), "KLING_BASE_URL": base_url}),
        (["list", "text2video", "--base-url", base_url], runner_env("x")),
    ):
        result = CliRunner().invoke(cli, args, env=env)

        assert result.exit_code == 2, result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert result.stderr.startswith("error: The base URL "), result.stderr
        assert "pass --base-url, or set KLING_BASE_URL" in result.stderr
        assert not any(word in result.stderr for word in PYTHON_WORDING), result.stderr
    assert gateway[0].tasks == []


def test_malformed_base_url_in_a_real_process(kling_process: RunKling) -> None:
    result = kling_process("list", "text2video", env=cli_env("http://[::1"))  # checks: no traceback

    assert result.code == 2
    assert "Invalid IPv6 URL" in result.stderr


def test_no_key_names_the_flag_and_variables_not_python_arguments(kling: RunKling) -> None:
    result = kling("list", "text2video", env=cli_env("http://127.0.0.1:9/klingai", key=None))

    assert result.code == 2
    assert "--api-key" in result.stderr
    assert "KLING_API_KEY" in result.stderr
    assert not any(word in result.stderr for word in PYTHON_WORDING), result.stderr


def test_plain_http_elsewhere_names_the_flag_not_the_python_argument() -> None:
    env = runner_env("http://gw.example.test/klingai")

    result = CliRunner().invoke(cli, ["list", "text2video"], env=env)

    assert result.exit_code == 2
    assert "pass --allow-insecure" in result.stderr
    assert not any(word in result.stderr for word in PYTHON_WORDING), result.stderr


def test_a_demo_task_is_never_sent_after_its_vanished_mock() -> None:
    state = CommandState(kind="text2video", task_id="t1", created=True, rerun="kling demo")
    timed_out = TaskTimeoutError(task={"task_id": "t1"}, timeout=60, kind="text2video")
    failed = TaskFailedError(task={"task_id": "t1"}, message="boom")

    for error in (timed_out, failed):
        text = _error_text(error, state)
        assert "run it again with: kling demo" in text
        assert "kling wait" not in text


@pytest.mark.parametrize("base_url", MALFORMED_BASE_URLS)
def test_conformance_refuses_a_malformed_base_url_with_usage_status(base_url: str) -> None:
    args = ["conformance", "--base-url", base_url, "--api-key", KEY]

    result = CliRunner().invoke(cli, args)

    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("error: --base-url: The base URL "), result.stderr
    assert isinstance(result.exception, SystemExit)
