"""Every constrained request field of the spec is enforced before a request is sent.

The cases are derived from the spec itself, so a field or limit added to openapi/kling.yaml
is covered without touching this file.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from kling_ext import ValidationError
from kling_ext._prepare import prepare_body
from kling_ext._spec import endpoint, endpoints, load_spec, resolve
from kling_ext.mock import MockGateway

VALID: dict[str, dict[str, Any]] = {
    "text2video": {"prompt": "a rabbit", "model_name": "kling-v3"},
    "image2video": {"image": "https://x.test/a.png", "prompt": "zoom", "model_name": "kling-v3"},
    "motion-control": {"image_url": "https://x.test/a.png", "video_url": "https://x.test/m.mp4"},
    "omni-video": {"prompt": "next shot", "aspect_ratio": "16:9"},
    "multi-image2video": {"image_list": [{"image": "https://x.test/a.png"}], "prompt": "blend"},
}
GIF = b"GIF89a" + b"\x00" * 64


def _valid(kind: str) -> dict[str, Any]:
    """A valid body: the five's chosen above, any other endpoint's official (or first) example."""
    if kind in VALID:
        return VALID[kind]
    content = load_spec()["paths"][endpoint(kind).path]["post"]["requestBody"]["content"]
    examples = content["application/json"].get("examples") or {}
    chosen = examples.get("official") or next(iter(examples.values()))
    return dict(chosen["value"])


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
    params = {**_valid(kind), field: bad}
    with pytest.raises(ValidationError) as caught:
        prepare_body(kind, params)
    assert caught.value.field.startswith(field), str(caught.value)
    assert str(caught.value).startswith(field)


def test_every_endpoint_has_constrained_fields_covered() -> None:
    covered = {kind for kind, _, _ in (c.values for c in CASES)}
    assert set(VALID) <= covered
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
            {
                "video_list": [{"video_url": "https://x.test/v.mp4", "refer_type": "feature"}],
                "sound": "on",
                "model_name": "kling-v3-omni",
            },
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


SHORT_STORYBOARD = [{"index": 1, "prompt": "a", "duration": 2}]  # 2 s of the 5 s asked for


@pytest.mark.parametrize(
    ("kind", "extra"),
    [
        ("text2video", {"model_name": "kling-v2-5-turbo"}),
        ("text2video", {"multi_shot": False}),
        ("text2video", {"multi_shot": True, "shot_type": "intelligence"}),
        ("image2video", {"model_name": "kling-v2-5-turbo"}),
        ("omni-video", {"model_name": "kling-v3-omni", "multi_shot": False}),
    ],
    ids=["no-multi-shot-model", "multi-shot-off", "intelligence", "i2v-turbo", "omni-off"],
)
def test_storyboard_sum_binds_only_in_multi_shot_customize(
    kind: str, extra: dict[str, Any]
) -> None:
    # The API reads multi_prompt only with multi_shot true and shot_type customize.
    params = {**VALID[kind], "duration": 5, "multi_prompt": SHORT_STORYBOARD, **extra}
    assert prepare_body(kind, params)["multi_prompt"][0]["duration"] == "2"


def test_inputs_are_normalised_to_the_wire_format(tmp_path: Any) -> None:
    body = prepare_body("text2video", {"prompt": "x", "duration": 10, "model_name": "kling-v3"})
    assert body["duration"] == "10"
    assert body["model_name"] == "kling-v3"
    assert prepare_body("text2video", {"prompt": "x"})["model_name"] == "kling-v1", (
        "the official default model is sent when none is given"
    )


def _url_fields() -> list[Any]:
    """Every field that takes a URL, with how to put a URL in it: (kind, field, wrap)."""
    found = []
    for ep in endpoints().values():
        for name, sub in ep.schema["properties"].items():
            schema = dict(resolve(sub))
            if schema.get("x-kling-media") or name == "callback_url":
                found.append(pytest.param(ep.kind, name, None, id=f"{ep.kind}.{name}"))
            items = dict(resolve(schema.get("items", {})))
            for key, item in items.get("properties", {}).items():
                if dict(resolve(item)).get("x-kling-media"):
                    found.append(pytest.param(ep.kind, name, key, id=f"{ep.kind}.{name}[].{key}"))
    return found


URL_FIELDS = _url_fields()
BAD_URLS = ["https://", "https:// x.test/a.png", "https://x.test/a b.png", "http://x.test/a\tb"]


@pytest.mark.parametrize(("kind", "field", "key"), URL_FIELDS)
@pytest.mark.parametrize("url", BAD_URLS)
def test_every_url_field_takes_only_a_whole_http_url(
    kind: str, field: str, key: str | None, url: str
) -> None:
    def put(value: str) -> Any:
        if key is None:
            return value
        held = _valid(kind).get(field)  # an item the example holds keeps its required fields
        item = {**(held[0] if isinstance(held, list) and held else {}), key: value}
        if field == "dynamic_masks":
            item["trajectories"] = [{"x": 1, "y": 1}, {"x": 2, "y": 2}]
        if field == "video_list":
            item["refer_type"] = "feature"  # a reference, so the base's aspect_ratio stays valid
        return [item]

    good = "https://x.test/a.png"
    base = {**VALID[kind], "model_name": "kling-v1"} if kind == "image2video" else _valid(kind)
    prepare_body(kind, {**base, field: put(good)})  # accepted as is
    with pytest.raises(ValidationError) as caught:
        prepare_body(kind, {**base, field: put(url)})
    assert caught.value.field.startswith(field), str(caught.value)
    assert "http(s) URL with a host" in str(caught.value)


def test_url_fields_cover_images_and_videos() -> None:
    ids = {param.id for param in URL_FIELDS}
    assert {
        "image2video.image",
        "motion-control.video_url",
        "omni-video.video_list[].video_url",
    } <= ids
    assert len(ids) >= 12


FIRST = {"image_url": "https://x.test/first.png", "type": "first_frame"}
END = {"image_url": "https://x.test/end.png", "type": "end_frame"}
REF = {"image_url": "https://x.test/ref.png"}
ELEMENTS = [{"element_id": n} for n in range(1, 5)]
OMNI_RULES = {
    "first frame alone makes 5 or 10 s": (
        {"image_list": [FIRST], "model_name": "kling-video-o1", "duration": "7"},
        "duration",
    ),
    "text needs a ratio": ({"prompt": "a cat"}, "aspect_ratio"),
    "end frame needs a first": ({"image_list": [END], "aspect_ratio": "16:9"}, "image_list"),
    "frames exclude editing": (
        {"image_list": [FIRST], "video_list": [{"video_url": "https://x.test/v.mp4"}]},
        "video_list",
    ),
    "o1 frames with 3 images": ({"image_list": [FIRST, REF, REF]}, "image_list"),
    "first frame takes 3 elements": ({"image_list": [FIRST], "element_list": ELEMENTS}, "element"),
    "o1 start and end take none": (
        {"image_list": [FIRST, END], "element_list": ELEMENTS[:1]},
        "element_list",
    ),
    "o1 from a first frame 5 or 10 s": ({"image_list": [FIRST], "duration": "7"}, "duration"),
    "o1 has no sound": ({"sound": "on"}, "sound"),
}


@pytest.mark.parametrize(("extra", "field"), OMNI_RULES.values(), ids=OMNI_RULES.keys())
def test_omni_video_rules(extra: dict[str, Any], field: str) -> None:
    params = {"prompt": "next shot", "model_name": "kling-video-o1", **extra}
    with pytest.raises(ValidationError) as caught:
        prepare_body("omni-video", params)
    assert caught.value.field.startswith(field), str(caught.value)


def test_omni_video_rules_accept_what_the_api_does() -> None:
    o1 = {"prompt": "next shot", "model_name": "kling-video-o1"}
    prepare_body("omni-video", {**o1, "image_list": [FIRST], "duration": "10"})
    prepare_body("omni-video", {**o1, "image_list": [FIRST, END], "duration": "7"})
    prepare_body("omni-video", {**o1, "aspect_ratio": "1:1", "image_list": [REF], "duration": "7"})
    edit = {"video_list": [{"video_url": "https://x.test/v.mp4", "refer_type": "base"}]}
    prepare_body("omni-video", {**o1, **edit})
    v3 = {**o1, "model_name": "kling-v3-omni", "sound": "on", "aspect_ratio": "16:9"}
    prepare_body("omni-video", v3)


def test_image2video_empty_image_tail_means_none() -> None:
    # The gateway document's JavaScript example sends image_tail "" when there is no end frame.
    params = {**VALID["image2video"], "model_name": "kling-v2-master", "image_tail": ""}
    assert "image_tail" not in prepare_body("image2video", params)


def test_image2video_camera_control_needs_a_type() -> None:
    camera = {"config": {"zoom": 5}}
    params = {**VALID["image2video"], "model_name": "kling-v1-5", "mode": "pro", "duration": 5}
    with pytest.raises(ValidationError) as caught:
        prepare_body("image2video", {**params, "camera_control": camera})
    assert caught.value.field == "camera_control.type"
    prepare_body("image2video", {**params, "camera_control": {"type": "simple", **camera}})


@pytest.mark.parametrize("kind", sorted(VALID))
def test_a_model_the_rules_do_not_name_is_bound_by_none_of_them(kind: str) -> None:
    # Rules name the models they restrict, so a model added to the spec's enum (by editing the
    # spec and regenerating) is checked by the schema alone, not by older models' limits.
    from kling_ext._validation import check_request

    # A raw body, as the client sends it: the fields it fills from x-kling-default included.
    defaults = dict(endpoints()[kind].defaults)
    body = {**defaults, **VALID[kind], "model_name": "kling-v9", "duration": "12", "sound": "on"}
    if kind == "image2video":
        body["element_list"] = [{"element_id": 1}]
    if kind == "multi-image2video":
        body["duration"] = "10"
    properties = endpoints()[kind].schema["properties"]
    body = {name: value for name, value in body.items() if name in properties}
    problems = check_request(kind, body, everything=True)
    assert [(p.field, p.rule) for p in problems] == [("model_name", False)], problems


WRONG_TYPES = {
    "a float for an enum of text": (
        "text2video",
        {"duration": 5.0},
        "duration: 5.0 is a number, not text (a str); allowed: '3', '4', '5'",
    ),
    "text for a number": ("text2video", {"cfg_scale": "high"}, "cfg_scale: 'high' is text, not"),
    "a list for an object": (
        "text2video",
        {"camera_control": ["simple"]},
        "camera_control: ['simple'] is a list, not an object",
    ),
}


@pytest.mark.parametrize(("kind", "fields", "expected"), WRONG_TYPES.values(), ids=WRONG_TYPES)
def test_a_wrong_type_is_one_clear_message(
    kind: str, fields: dict[str, Any], expected: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        prepare_body(kind, {**VALID[kind], **fields})

    assert str(caught.value).startswith(expected)
    assert "more problem" not in str(caught.value)
    assert "not of type" not in str(caught.value)


@pytest.mark.parametrize("kind", ["text2video", "image2video"])
def test_camera_control_needs_its_type(kind: str) -> None:
    # A config without a type names no movement: refused before sending, as the mock refuses it.
    model = "kling-v1-5" if kind == "image2video" else "kling-v1"  # models with camera moves
    body = {**VALID[kind], "model_name": model, "camera_control": {"config": {"zoom": 5}}}

    with pytest.raises(ValidationError, match=r"camera_control\.type: is required"):
        prepare_body(kind, body)

    gateway = MockGateway()
    answer = httpx.Client(transport=gateway.transport()).post(
        f"http://mock.test/klingai/v1/videos/{kind}",
        json={**body, "duration": "5"},  # a raw body carries what the client fills
        headers={"Authorization": f"Bearer {gateway.api_key}"},
    )
    assert (answer.status_code, answer.json()["code"]) == (400, 1201)
    assert "camera_control.type" in answer.json()["message"]
    assert gateway.tasks == []
