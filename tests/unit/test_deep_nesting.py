"""JSON nested absurdly deep is a clear error, never a RecursionError traceback (issue 17.9)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from kling_ext import ResponseValidationError, parse_callback
from kling_ext.cli import cli
from kling_ext.mock import MockGateway


def _nested(depth: int) -> str:
    return '{"a":' * depth + "1" + "}" * depth


@pytest.mark.parametrize("depth", [5_000, 100_000])
@pytest.mark.parametrize("as_bytes", [True, False])
def test_parse_callback_refuses_deep_nesting(depth: int, as_bytes: bool) -> None:
    text = '{"task_id": "1", "task_status": "succeed", "x": ' + _nested(depth) + "}"

    with pytest.raises(ResponseValidationError, match="nested too deeply"):
        parse_callback(text.encode() if as_bytes else text)


@pytest.mark.parametrize("depth", [900, 5_000])
@pytest.mark.parametrize("option", ["--extra-body", "--camera-control"])
def test_cli_json_options_refuse_deep_nesting(depth: int, option: str) -> None:
    gateway = MockGateway()
    with gateway.serve() as server:
        env = {"KLING_API_KEY": gateway.api_key, "KLING_BASE_URL": server.base_url}
        args = ["text2video", "--prompt", "x", option, _nested(depth)]

        result = CliRunner().invoke(cli, args, env=env)

    assert result.exit_code == 2, result.output
    assert f"'{option}': is nested more than 32 levels deep" in result.stderr
    assert isinstance(result.exception, SystemExit)
    assert gateway.creates_count == 0


def test_cli_json_options_take_ordinary_nesting() -> None:
    gateway = MockGateway()
    with gateway.serve() as server:
        env = {"KLING_API_KEY": gateway.api_key, "KLING_BASE_URL": server.base_url}
        extra = '{"meta": {"a": {"b": [1, {"c": null}]}}}'

        result = CliRunner().invoke(
            cli, ["text2video", "--prompt", "x", "--extra-body", extra], env=env
        )

    # Sent as given (the mock, which knows only the spec's fields, is what refuses it).
    assert "nested" not in result.stderr
    assert gateway.creates_count == 1
