"""Integer fields with an OpenAPI `format` (int32, int64) take only values of that width.

JSON Schema reads `format` as an annotation, so a plain validator lets 2**63 into an int64 field;
schemathesis, generated clients and the API's servers do not. The mock gateway and the client's
own check before sending both hold every such field of the spec to its range. The fields are
found in the spec, so one added later is covered without touching this file.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

import kling_ext
from kling_ext._spec import endpoints, load_spec, resolve
from kling_ext.mock import MockGateway, MockRequest

AUTH = {"Authorization": "Bearer sk-mock", "Host": "gw.test"}
BASE = "https://gw.test/klingai"
WIDTHS = {"int32": 32, "int64": 64}
# A body of each endpoint that a field of any allowed value can join.
VALID: dict[str, dict[str, Any]] = {
    "text2video": {"prompt": "a rabbit"},
    "image2video": {"image": "https://x.test/a.png", "prompt": "zoom", "model_name": "kling-v3"},
    "motion-control": {
        "image_url": "https://x.test/a.png",
        "video_url": "https://x.test/m.mp4",
        "character_orientation": "video",
    },
    "omni-video": {"prompt": "next shot", "aspect_ratio": "16:9"},
    "multi-image2video": {"image_list": [{"image": "https://x.test/a.png"}], "prompt": "blend"},
    # Its official example's model (kling-v2-1) takes no element_list, whose ids are tested.
    "image-generation": {"prompt": "a cat", "model_name": "kling-v3"},
}


def _valid(kind: str) -> dict[str, Any]:
    """A valid body: the five's chosen above, any other endpoint's official (or first) example."""
    if kind in VALID:
        return VALID[kind]
    content = load_spec()["paths"][endpoints()[kind].path]["post"]["requestBody"]["content"]
    examples = content["application/json"].get("examples") or {}
    chosen = examples.get("official") or next(iter(examples.values()))
    return dict(chosen["value"])


def _format_fields(schema: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[Any, str]]:
    """(path, format) of every integer field bounded by its width format alone (a narrower
    declared range is the field's own), through objects and arrays."""
    schema = resolve(schema)
    own_range = "minimum" in schema or "maximum" in schema
    if schema.get("type") == "integer" and schema.get("format") in WIDTHS and not own_range:
        yield path, schema["format"]
    for name, sub in schema.get("properties", {}).items():
        yield from _format_fields(sub, (*path, name))
    if "items" in schema:
        yield from _format_fields(schema["items"], (*path, 0))


FIELDS = [
    (ep.kind, path, fmt) for ep in endpoints().values() for path, fmt in _format_fields(ep.schema)
]


def _with(body: dict[str, Any], path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    """`body` with `value` at `path`, the objects and one-item arrays on the way created."""
    root: Any = json.loads(json.dumps(body))
    node = root
    for step, after in itertools.pairwise(path):
        # What the body holds there already is kept (a list item's required fields).
        kept = node[step] if isinstance(node, list) else node.get(step)
        if isinstance(after, int):
            node[step] = kept[:1] if isinstance(kept, list) and kept else [{}]
        else:
            node[step] = kept if isinstance(kept, dict) else {}
        node = node[step]
    node[path[-1]] = value
    return root


def _name(path: tuple[str | int, ...]) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")


def _literals(fmt: str) -> tuple[list[str], list[str]]:
    """(outside, inside): JSON number texts just out of the format's range, and its two ends."""
    high = 2 ** (WIDTHS[fmt] - 1) - 1
    low = -high - 1
    outside = [
        str(high + 1),  # 2**63 for int64
        str(2 * (high + 1)),  # 2**64
        str(low - 1),  # -2**63 - 1
        f"1e{len(str(high))}",  # 1e19
        f"{high + 1}.0",  # 9223372036854775808.0
    ]
    return outside, [str(high), str(low)]


CASES = [
    pytest.param(kind, path, fmt, text, id=f"{kind}.{_name(path)}={text}")
    for kind, path, fmt in FIELDS
    for text in _literals(fmt)[0]
]


def test_the_spec_has_width_formatted_integers() -> None:
    # element_list[].element_id of motion-control and omni-video at least: no vacuous pass.
    assert {(kind, _name(path)) for kind, path, _ in FIELDS} >= {
        ("motion-control", "element_list[0].element_id"),
        ("omni-video", "element_list[0].element_id"),
    }


def _post(gateway: MockGateway, kind: str, raw: str) -> tuple[int, dict[str, Any]]:
    request = MockRequest("POST", f"/klingai{endpoints()[kind].path}", {}, AUTH, raw.encode())
    response = gateway.handle(request)
    answer: dict[str, Any] = json.loads(response.body)
    return response.status, answer


def _raw_body(kind: str, path: tuple[str | int, ...], number_text: str) -> str:
    # The number goes in as the exact JSON text a caller sends, not as a Python value re-encoded.
    marker = "kling-ext-number"
    # A raw body carries the fields the client fills from x-kling-default (model_name, ...).
    body = {**endpoints()[kind].defaults, **_with(_valid(kind), path, marker)}
    return json.dumps(body).replace(f'"{marker}"', number_text)


@pytest.mark.parametrize(("kind", "path", "fmt", "text"), CASES)
def test_mock_refuses_a_number_outside_the_format(
    kind: str, path: tuple[str | int, ...], fmt: str, text: str
) -> None:
    gateway = MockGateway(api_key="sk-mock")
    status, answer = _post(gateway, kind, _raw_body(kind, path, text))
    assert (status, answer["code"]) == (400, 1201), answer
    high, low = _literals(fmt)[1]
    assert answer["message"].startswith(_name(path)), answer["message"]
    assert answer["message"].endswith(f"allowed: {low} to {high}"), answer["message"]
    assert gateway.tasks == []


@pytest.mark.parametrize(("kind", "path", "fmt"), FIELDS)
def test_mock_accepts_both_ends_of_the_format(
    kind: str, path: tuple[str | int, ...], fmt: str
) -> None:
    gateway = MockGateway(api_key="sk-mock")
    for text in _literals(fmt)[1]:
        status, answer = _post(gateway, kind, _raw_body(kind, path, text))
        assert status == 200, answer
    assert len(gateway.tasks) == 2


@pytest.mark.parametrize(("kind", "path", "fmt", "text"), CASES)
def test_client_refuses_it_before_sending(
    kind: str, path: tuple[str | int, ...], fmt: str, text: str
) -> None:
    gateway = MockGateway(api_key="sk-mock")
    params = _with(_valid(kind), path, json.loads(text))  # an int, or a float for 1e19 and x.0
    with (
        httpx.Client(transport=gateway.transport()) as http,
        kling_ext.Kling(api_key="sk-mock", base_url=BASE, http_client=http) as client,
    ):
        resource = getattr(client, kind.replace("-", "_"))
        with pytest.raises(kling_ext.ValidationError) as caught:
            resource.create(**params)
    assert caught.value.field == _name(path)
    high, low = _literals(fmt)[1]
    assert caught.value.allowed == f"{low} to {high}"
    assert gateway.creates_count == 0
