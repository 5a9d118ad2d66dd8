"""The request schemas' rules are written so that generic tools read them right (issue 19).

Redocly (and other tools built on its reading) takes a subschema holding `properties` without
`additionalProperties` for a closed object, and a `required` name missing from `properties`
for a mistake; generic validators print a broken `not` as `{…} is not allowed for {…}`. So a
rule's `then`/`else` is an open subschema that constrains fields through `properties` (a refused
field is `false`), every `required` name is listed in `properties`, and the client's messages
stay what they were.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import jsonschema_rs
import pytest

from kling_ext import ValidationError
from kling_ext._prepare import prepare_body
from kling_ext._spec import endpoint, load_spec
from kling_ext._validation import check_request

SCHEMAS = load_spec()["components"]["schemas"]
RULED = [
    "Text2VideoRequest",
    "Image2VideoRequest",
    "MotionControlRequest",
    "OmniVideoRequest",
    "CameraControl",
]
# Keywords whose subschema applies to the instance itself, outside any `anyOf`/`not`/`if`:
# there a subschema with `properties` is read as closed unless it says otherwise.
_PLAIN = ("then", "else")


def _nodes(node: Any, where: str, plain: bool) -> Iterator[tuple[str, Mapping[str, Any], bool]]:
    """Every schema under a rule, with whether it applies outside a composite keyword."""
    if not isinstance(node, Mapping):
        return
    yield where, node, plain
    for key, value in node.items():
        if key in _PLAIN:
            yield from _nodes(value, f"{where}/{key}", True)
        elif key in ("properties",) and isinstance(value, Mapping):
            for name, sub in value.items():
                yield from _nodes(sub, f"{where}/properties/{name}", plain)
        elif key in ("items", "contains", "not", "if"):
            yield from _nodes(value, f"{where}/{key}", plain and key == "items")
        elif key in ("allOf", "anyOf", "oneOf") and isinstance(value, list):
            for index, sub in enumerate(value):
                yield from _nodes(sub, f"{where}/{key}/{index}", plain and key == "allOf")


def _rule_nodes() -> Iterator[tuple[str, Mapping[str, Any], bool]]:
    for name in RULED:
        for index, rule in enumerate(SCHEMAS[name].get("allOf", ())):
            yield from _nodes(rule, f"{name}/allOf/{index}", False)


def test_no_rule_subschema_reads_as_a_closed_object() -> None:
    closed = [
        where
        for where, node, plain in _rule_nodes()
        if plain and "properties" in node and node.get("additionalProperties") is not True
    ]
    assert closed == [], "rule subschemas with properties but no additionalProperties: true"


def test_every_required_name_of_a_rule_is_listed_in_its_properties() -> None:
    unlisted = [
        f"{where}: {name}"
        for where, node, _ in _rule_nodes()
        for name in node.get("required", ())
        if name not in node.get("properties", {})
    ]
    assert unlisted == []


def _generic_messages(kind: str, body: dict[str, Any]) -> list[str]:
    ref = {"$ref": f"#/components/schemas/{endpoint(kind).schema_name}"}
    validator = jsonschema_rs.Draft202012Validator({**ref, "components": load_spec()["components"]})
    return [error.message for error in validator.iter_errors(body)]


I2V = {
    "model_name": "kling-v2-6",
    "prompt": "zoom",
    "image": "https://x.test/a.png",
    "duration": "5",
}
# (kind, body, the client's message, what a generic validator says)
CASES = {
    "cfg_scale refused by the model": (
        "image2video",
        {**I2V, "cfg_scale": 0.5},
        "cfg_scale: the kling-v2 models take no cfg_scale",
        "False schema does not allow 0.5",
    ),
    "duration outside the model's": (
        "text2video",
        {"model_name": "kling-v2-6", "prompt": "a fox", "duration": "7"},
        "duration: '7' is not allowed: models before kling-v3 make 5 or 10 s videos",
        '"7" is not one of "5" or "10"',
    ),
    "two fields that exclude each other": (
        "image2video",
        {
            **I2V,
            "model_name": "kling-v3",
            "element_list": [{"element_id": 1}],
            "voice_list": [{"voice_id": "v"}],
        },
        "voice_list: element_list cannot be used together with voice_list",
        "False schema does not allow",
    ),
    "an end frame and a mask": (
        "image2video",
        {
            **I2V,
            "model_name": "kling-v1",
            "image_tail": "https://x.test/b.png",
            "static_mask": "https://x.test/m.png",
        },
        "static_mask: image_tail cannot be used together with static_mask",
        "False schema does not allow",
    ),
    "a mode the model does not take": (
        "text2video",
        {"model_name": "kling-v2-master", "prompt": "a fox", "duration": "5", "mode": "pro"},
        "mode: kling-v2-master and kling-v2-1-master take no mode",
        'False schema does not allow "pro"',
    ),
}


@pytest.mark.parametrize(("kind", "body", "client", "generic"), CASES.values(), ids=CASES)
def test_a_broken_rule_reads_well_in_a_generic_validator_and_in_the_client(
    kind: str, body: dict[str, Any], client: str, generic: str
) -> None:
    messages = _generic_messages(kind, body)
    assert any(generic in message for message in messages), messages
    if kind != "image2video" or "voice_list" not in body:  # that body breaks model rules too
        assert not any(" is not allowed for " in message for message in messages), messages
    with pytest.raises(ValidationError):
        prepare_body(kind, body)
    said = [f"{v.field}: {v.message}" for v in check_request(kind, body, everything=True)]
    assert any(text.startswith(client) for text in said), said
