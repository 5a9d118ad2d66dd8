"""Every constrained request field of the spec is enforced before a request is sent.

The cases are derived from the spec itself, so a field or limit added to openapi/kling.yaml
is covered without touching this file.
"""

from __future__ import annotations

from typing import Any

import pytest

from kling_ext import ValidationError
from kling_ext._prepare import prepare_body
from kling_ext._spec import endpoints, resolve

VALID: dict[str, dict[str, Any]] = {
    "text2video": {"prompt": "a rabbit", "model_name": "kling-v3"},
    "image2video": {"image": "https://x.test/a.png", "prompt": "zoom", "model_name": "kling-v3"},
    "motion-control": {"image_url": "https://x.test/a.png", "video_url": "https://x.test/m.mp4"},
    "omni-video": {"prompt": "next shot", "aspect_ratio": "16:9"},
    "multi-image2video": {"image_list": [{"image": "https://x.test/a.png"}], "prompt": "blend"},
}
GIF = b"GIF89a" + b"\x00" * 64


def _bad_value(schema: dict[str, Any]) -> Any:
    """A value that breaks the field's own constraint, or None if it has none."""
    media = schema.get("x-kling-media", {}).get("kind")
    if media == "image":
        return GIF
    if media == "video_url":
        return "/home/me/motion.mp4"
    if "enum" in schema:
        return "kling-ext-not-allowed"
    if "maxLength" in schema:
        return "x" * (schema["maxLength"] + 1)
    if "maximum" in schema:
        return schema["maximum"] + 1
    if "pattern" in schema:
        return "ftp://example.test/x"
    if schema.get("type") == "boolean":
        return "yes"
    if schema.get("type") == "array" and "maxItems" in schema:
        return [{}] * (schema["maxItems"] + 1)
    if schema.get("type") == "object":
        return {"kling_ext_unknown": 1}
    return None


CASES = [
    pytest.param(ep.kind, name, bad, id=f"{ep.kind}.{name}")
    for ep in endpoints().values()
    for name, sub in ep.schema["properties"].items()
    if (bad := _bad_value(dict(resolve(sub)))) is not None
]


@pytest.mark.parametrize(("kind", "field", "bad"), CASES)
def test_constrained_field_is_refused_naming_it(kind: str, field: str, bad: Any) -> None:
    params = {**VALID[kind], field: bad}
    with pytest.raises(ValidationError) as caught:
        prepare_body(kind, params)
    assert caught.value.field.startswith(field), str(caught.value)
    assert str(caught.value).startswith(field)


def test_every_endpoint_has_constrained_fields_covered() -> None:
    covered = {kind for kind, _, _ in (c.values for c in CASES)}
    assert covered == set(VALID)
    assert len(CASES) > 60


@pytest.mark.parametrize(
    ("kind", "extra", "field"),
    [
        (
            "text2video",
            {"camera_control": {"type": "simple", "config": {"zoom": 11}}},
            "camera_control",
        ),
        ("text2video", {"multi_shot": True}, "shot_type"),
        (
            "text2video",
            {
                "multi_shot": True,
                "shot_type": "customize",
                "duration": 5,
                "multi_prompt": [{"index": 1, "prompt": "a", "duration": 2}],
            },
            "multi_prompt",
        ),
        (
            "image2video",
            {"image_tail": "https://x.test/b.png", "static_mask": "https://x.test/m.png"},
            "static_mask",
        ),
        ("image2video", {"voice_list": [{"voice_id": "v"}], "model_name": "kling-v2-6"}, "sound"),
        ("text2video", {"model_name": "kling-v2-6", "sound": "on", "mode": "std"}, "sound"),
        ("text2video", {"model_name": "kling-v2-5-turbo", "cfg_scale": 0.5}, "cfg_scale"),
        (
            "omni-video",
            {"video_list": [{"video_url": "https://x.test/v.mp4"}], "sound": "on"},
            "sound",
        ),
        ("motion-control", {"element_list": [{"element_id": 1}]}, "character_orientation"),
        ("text2video", {"not_a_field": 1}, "not_a_field"),
    ],
    ids=[
        "camera-range",
        "multi-shot-needs-shot-type",
        "shot-durations-sum",
        "tail-excludes-mask",
        "voices-need-sound",
        "v2-6-sound-needs-pro",
        "v2-has-no-cfg",
        "reference-video-mutes",
        "element-follows-video",
        "unknown-field",
    ],
)
def test_cross_field_rules(kind: str, extra: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        prepare_body(kind, {**VALID[kind], **extra})
    assert caught.value.field.startswith(field), str(caught.value)


def test_inputs_are_normalised_to_the_wire_format(tmp_path: Any) -> None:
    body = prepare_body("text2video", {"prompt": "x", "duration": 10, "model_name": "kling-v3"})
    assert body["duration"] == "10"
    assert body["model_name"] == "kling-v3"
    assert prepare_body("text2video", {"prompt": "x"})["model_name"] == "kling-v1", (
        "the official default model is sent when none is given"
    )
