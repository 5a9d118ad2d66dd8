"""Fields the wire requires are `required` in the spec; kling-ext's callers may still omit them.

`model_name` (every endpoint) and `duration` (text2video, image2video) are required by the
default gateway, motion-control's `mode` and `character_orientation` by the official API. The
spec says so, so that any tool reading it sends them; kling-ext fills each from `x-kling-default`
before it validates, so a library or CLI caller may leave them out (issue 19, item 2).
"""

from __future__ import annotations

from typing import Any

import jsonschema_rs
import pytest

from kling_ext._prepare import prepare_body
from kling_ext._spec import endpoint, load_spec, resolve
from kling_ext._validation import check_request
from kling_ext.conformance._requests import NO_SUCH_MODEL, rejected_creates

REQUIRED_ON_THE_WIRE = {
    "text2video": {"model_name", "duration"},
    "image2video": {"model_name", "duration"},
    "motion-control": {"model_name", "mode", "character_orientation"},
    "omni-video": {"model_name"},
    "multi-image2video": {"model_name"},
}
# What a caller must give anyway (the fields the client cannot fill).
MINIMAL: dict[str, dict[str, Any]] = {
    "text2video": {"prompt": "a rabbit"},
    "image2video": {"prompt": "zoom", "image": "https://x.test/a.png"},
    "motion-control": {"image_url": "https://x.test/a.png", "video_url": "https://x.test/m.mp4"},
    "omni-video": {"prompt": "a calm sea", "aspect_ratio": "16:9"},
    "multi-image2video": {"prompt": "blend", "image_list": [{"image": "https://x.test/a.png"}]},
}


def _plain_validator(kind: str) -> jsonschema_rs.Draft202012Validator:
    ref = {"$ref": f"#/components/schemas/{endpoint(kind).schema_name}"}
    return jsonschema_rs.Draft202012Validator({**ref, "components": load_spec()["components"]})


@pytest.mark.parametrize("kind", sorted(REQUIRED_ON_THE_WIRE))
def test_the_spec_requires_what_the_wire_requires(kind: str) -> None:
    schema = endpoint(kind).schema
    assert REQUIRED_ON_THE_WIRE[kind] <= set(schema["required"])
    for name in REQUIRED_ON_THE_WIRE[kind]:  # and the client can fill each of them
        assert "x-kling-default" in resolve(schema["properties"][name]), name


@pytest.mark.parametrize("kind", sorted(REQUIRED_ON_THE_WIRE))
def test_a_raw_body_without_them_is_refused_by_any_validator(kind: str) -> None:
    errors = [e.message for e in _plain_validator(kind).iter_errors(MINIMAL[kind])]
    for name in REQUIRED_ON_THE_WIRE[kind]:
        assert f'"{name}" is a required property' in errors, errors


@pytest.mark.parametrize("kind", sorted(REQUIRED_ON_THE_WIRE))
def test_a_library_caller_may_still_omit_them(kind: str) -> None:
    body = prepare_body(kind, MINIMAL[kind])
    for name in REQUIRED_ON_THE_WIRE[kind]:
        assert body[name] == endpoint(kind).defaults[name]
    assert _plain_validator(kind).is_valid(body)


@pytest.mark.parametrize("kind", sorted(REQUIRED_ON_THE_WIRE))
def test_an_empty_string_for_them_means_not_given(kind: str) -> None:
    # Seed-style code sends "" for "not given"; a required field with a default is filled.
    blanks = dict.fromkeys(REQUIRED_ON_THE_WIRE[kind], "")
    body = prepare_body(kind, {**MINIMAL[kind], **blanks})
    assert {name: body[name] for name in blanks} == {
        name: endpoint(kind).defaults[name] for name in blanks
    }


@pytest.mark.parametrize("kind", sorted(REQUIRED_ON_THE_WIRE))
def test_the_unknown_model_probe_is_wrong_only_in_its_model(kind: str) -> None:
    # The conformance probe fills every other required field, so a gateway that refuses it
    # refuses the model, not a missing duration or mode.
    (probe,) = [p for p in rejected_creates(endpoint(kind).schema) if p.name.startswith("unknown")]
    assert probe.body is not None
    assert probe.body["model_name"] == NO_SUCH_MODEL
    problems = check_request(kind, probe.body, everything=True)
    assert [p.field for p in problems] == ["model_name"], problems


@pytest.mark.parametrize("kind", sorted(REQUIRED_ON_THE_WIRE))
def test_the_typed_keyword_arguments_leave_them_optional(kind: str) -> None:
    # mypy checks callers against these: a call without model_name must type-check.
    from kling_ext_openapi import params

    typed = getattr(params, endpoint(kind).schema_name.removesuffix("Request") + "Params")
    assert not REQUIRED_ON_THE_WIRE[kind] & typed.__required_keys__
