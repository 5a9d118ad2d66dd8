"""A synchronous call's query parameters are held to their spec schemas as strictly as a body.

`GET /account/costs?start_time=2137247600814216183808` was answered 200 by the mock, and sent by
the client: the query parameters' inline schemas were validated without their integer format's
range (int64), unlike a body's fields. Now the mock answers such a query 400 (code 1201) naming
the parameter and what is allowed, and the client refuses it before sending. The parameters
are found in the spec, so one added later is covered without touching this file.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest

import kling_ext
from kling_ext._spec import Call, calls, load_spec, resolve
from kling_ext.mock import MockGateway, MockRequest

AUTH = {"Authorization": "Bearer sk-mock", "Host": "gw.test"}
BASE = "https://gw.test/klingai"
WIDTHS = {"int32": 32, "int64": 64}

QUERY_CALLS = [target for target in calls().values() if target.query]


def _example(target: Call, name: str) -> Any:
    """The parameter's spec example (`official` first), else the lowest value its schema takes."""
    operation = load_spec()["paths"][target.path][target.method.lower()]
    for param in operation.get("parameters", ()):
        if param.get("name") == name and param.get("examples"):
            examples = param["examples"]
            return (examples.get("official") or next(iter(examples.values())))["value"]
    schema = resolve(next(p.schema for p in target.query if p.name == name))
    return schema.get("default", schema.get("minimum", "x"))


def _valid(target: Call) -> dict[str, str]:
    """A query string of the call's required parameters, each at its example, as text."""
    return {p.name: str(_example(target, p.name)) for p in target.query if p.required}


def _get(gateway: MockGateway, target: Call, query: dict[str, str]) -> tuple[int, dict[str, Any]]:
    response = gateway.handle(MockRequest(target.method, f"/klingai{target.path}", query, AUTH))
    answer: dict[str, Any] = json.loads(response.body)
    return response.status, answer


def _ends(fmt: str) -> tuple[int, int]:
    high = 2 ** (WIDTHS[fmt] - 1) - 1
    return -high - 1, high


FORMATTED = [
    pytest.param(target, param.name, param.schema["format"], id=f"{target.kind}.{param.name}")
    for target in QUERY_CALLS
    for param in target.query
    if param.schema.get("type") == "integer" and param.schema.get("format") in WIDTHS
]
INTEGERS = [
    pytest.param(target, param.name, id=f"{target.kind}.{param.name}")
    for target in QUERY_CALLS
    for param in target.query
    if param.schema.get("type") == "integer"
]


def test_the_spec_has_width_formatted_query_parameters() -> None:
    # account-costs's start_time and end_time at least: no vacuous pass.
    assert {(p.values[0].kind, p.values[1]) for p in FORMATTED} >= {
        ("account-costs", "start_time"),
        ("account-costs", "end_time"),
    }


def test_schemathesis_s_draw_is_refused() -> None:
    """The very request schemathesis found accepted."""
    gateway = MockGateway(api_key="sk-mock")
    query = {
        "end_time": "179526944",
        "resource_pack_name": "\U000e0021\u00b2",
        "start_time": "2137247600814216183808",
    }
    status, answer = _get(gateway, calls()["account-costs"], query)
    assert (status, answer["code"]) == (400, 1201), answer
    assert answer["message"].startswith("start_time: "), answer["message"]
    assert answer["message"].endswith("allowed: 0 to 9223372036854775807"), answer["message"]


@pytest.mark.parametrize(("target", "name", "fmt"), FORMATTED)
def test_mock_holds_a_query_integer_to_its_format(target: Call, name: str, fmt: str) -> None:
    gateway = MockGateway(api_key="sk-mock")
    low, high = _ends(fmt)
    floor = max(
        low, resolve(next(p.schema for p in target.query if p.name == name)).get("minimum", low)
    )
    for text in (str(high + 1), str(2 * (high + 1)), str(10**30)):
        status, answer = _get(gateway, target, {**_valid(target), name: text})
        assert (status, answer["code"]) == (400, 1201), (text, answer)
        assert answer["message"].startswith(f"{name}: "), answer["message"]
        assert answer["message"].endswith(f"allowed: {floor} to {high}"), answer["message"]
    for text in (str(high), str(floor)):
        status, answer = _get(gateway, target, {**_valid(target), name: text})
        assert status == 200, (text, answer)


@pytest.mark.parametrize(("target", "name"), INTEGERS)
def test_mock_refuses_what_is_not_an_integer_or_below_the_minimum(target: Call, name: str) -> None:
    gateway = MockGateway(api_key="sk-mock")
    schema = resolve(next(p.schema for p in target.query if p.name == name))
    refused = ["1.0", "1e3", "ten", ""]
    if "minimum" in schema:
        refused.append(str(schema["minimum"] - 1))
    for text in refused:
        status, answer = _get(gateway, target, {**_valid(target), name: text})
        assert (status, answer["code"]) == (400, 1201), (text, answer)
        assert answer["message"].startswith(f"{name}: "), answer["message"]


@pytest.mark.parametrize("target", [t for t in QUERY_CALLS if _valid(t)], ids=lambda t: t.kind)
def test_mock_refuses_a_missing_required_parameter(target: Call) -> None:
    gateway = MockGateway(api_key="sk-mock")
    assert _get(gateway, target, _valid(target))[0] == 200
    for name in _valid(target):
        query = {key: text for key, text in _valid(target).items() if key != name}
        status, answer = _get(gateway, target, query)
        assert (status, answer["code"]) == (400, 1201), answer
        assert answer["message"] == f"{name}: is required"


def _client_call(gateway: MockGateway, target: Call, arguments: dict[str, Any]) -> Any:
    with (
        httpx.Client(transport=gateway.transport()) as http,
        kling_ext.Kling(api_key="sk-mock", base_url=BASE, http_client=http) as client,
    ):
        return getattr(client, target.attr)(**arguments)


@pytest.mark.parametrize(("target", "name", "fmt"), FORMATTED)
def test_client_refuses_an_out_of_format_value_before_sending(
    target: Call, name: str, fmt: str
) -> None:
    gateway = MockGateway(api_key="sk-mock")
    high = _ends(fmt)[1]
    arguments = {key: _example(target, key) for key in _valid(target)}
    for value in (high + 1, 10**30, float(2**64)):
        with pytest.raises(kling_ext.ValidationError) as caught:
            _client_call(gateway, target, {**arguments, name: value})
        assert caught.value.field == name
        assert str(caught.value.allowed).endswith(f"to {high}")

    async def go() -> None:
        http = httpx.AsyncClient(transport=gateway.transport())
        async with kling_ext.AsyncKling(api_key="sk-mock", base_url=BASE, http_client=http) as c:
            with pytest.raises(kling_ext.ValidationError, match=name):
                await getattr(c, target.attr)(**{**arguments, name: high + 1})

    asyncio.run(go())
    assert gateway.calls_count == 0


@pytest.mark.parametrize(("target", "name"), INTEGERS)
def test_client_sends_a_whole_float_as_the_integer_the_gateway_takes(
    target: Call, name: str
) -> None:
    """`start_time=time.time() * 1000 // 1` is a float; in a URL `5.0` is refused text."""
    gateway = MockGateway(api_key="sk-mock")
    arguments = {key: _example(target, key) for key in _valid(target)}
    value = _example(target, name)
    result = _client_call(gateway, target, {**arguments, name: float(value)})
    assert result.kind == target.kind
    assert gateway.calls_count == 1
    with pytest.raises(kling_ext.ValidationError, match=f"{name}: 1.5 is a number"):
        _client_call(gateway, target, {**arguments, name: 1.5})
    assert gateway.calls_count == 1
