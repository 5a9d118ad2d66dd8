"""JSON nested absurdly deep is a clear error, never a RecursionError traceback (issue 17.9)."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from click.testing import CliRunner

from kling_ext import AsyncKling, Kling, ResponseValidationError, ValidationError, parse_callback
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


def _nested_dict(depth: int) -> dict[str, Any]:
    value: dict[str, Any] = {"a": 1}
    for _ in range(depth - 1):
        value = {"a": value}
    return value


ANSWER = {"code": 0, "message": "SUCCEED", "data": {"task_id": "t-1", "task_status": "submitted"}}


def _recorder(sent: list[Any]) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(json.loads(request.content))
        return httpx.Response(200, json=ANSWER)

    return httpx.MockTransport(handler)


@pytest.mark.parametrize("depth", [33, 900, 5_000])
def test_library_extra_body_refuses_deep_nesting(depth: int) -> None:
    sent: list[Any] = []
    with (
        httpx.Client(transport=_recorder(sent)) as http,
        Kling(api_key="sk-test", base_url="https://gw.test", http_client=http) as client,
        pytest.raises(ValidationError) as info,
    ):
        client.text2video.create(prompt="x", extra_body={"meta": _nested_dict(depth)})
    assert info.value.field == "extra_body"
    assert "is nested more than 32 levels deep" in str(info.value)
    assert sent == []


@pytest.mark.parametrize("depth", [900, 5_000])
async def test_async_library_extra_body_refuses_deep_nesting(depth: int) -> None:
    sent: list[Any] = []
    async with (
        httpx.AsyncClient(transport=_recorder(sent)) as http,
        AsyncKling(api_key="sk-test", base_url="https://gw.test", http_client=http) as client,
    ):
        with pytest.raises(ValidationError) as info:
            await client.text2video.create(prompt="x", extra_body={"meta": _nested_dict(depth)})
    assert info.value.field == "extra_body"
    assert sent == []


def test_library_extra_body_that_holds_itself_is_refused() -> None:
    loop: dict[str, Any] = {}
    loop["again"] = loop
    with (
        Kling(api_key="sk-test", base_url="https://gw.test") as client,
        pytest.raises(ValidationError, match=r"^extra_body: is nested more than 32"),
    ):
        client.text2video.create(prompt="x", extra_body={"loop": loop})


def test_library_extra_body_at_the_depth_limit_is_sent() -> None:
    sent: list[Any] = []
    extra = {"meta": _nested_dict(31)}  # extra_body, meta and 31 levels below: 32 levels
    with (
        httpx.Client(transport=_recorder(sent)) as http,
        Kling(api_key="sk-test", base_url="https://gw.test", http_client=http) as client,
    ):
        client.text2video.create(prompt="x", extra_body=extra)
    assert sent[0]["meta"] == extra["meta"]
