"""Image-to-video frames as the official API documents them (issue 19, item 2).

Checked three ways: plain JSON Schema validation of the spec (what any tool reading it sees),
the client's check before sending (`prepare_body`), and the mock gateway's answer.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema_rs
import pytest
import yaml

from kling_ext import ValidationError
from kling_ext._prepare import prepare_body
from kling_ext.mock import MockGateway, MockRequest

SPEC_PATH = Path(__file__).resolve().parents[2] / "openapi" / "kling.yaml"
SPEC: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text("utf-8"))
VALIDATOR = jsonschema_rs.Draft202012Validator(
    {"$ref": "#/components/schemas/Image2VideoRequest", "components": SPEC["components"]}
)
START = "https://x.test/start.png"
END = "https://x.test/end.png"
MULTI_SHOT = {
    "model_name": "kling-v3",
    "multi_shot": True,
    "shot_type": "customize",
    "duration": "5",
    "multi_prompt": [
        {"index": 1, "prompt": "a fox runs", "duration": "2"},
        {"index": 2, "prompt": "it stops", "duration": "3"},
    ],
}
AUTH = {"Authorization": "Bearer sk-mock", "Host": "gw.test"}


def _mock_status(body: dict[str, Any]) -> int:
    raw = json.dumps(body).encode()
    request = MockRequest("POST", "/klingai/v1/videos/image2video", {}, AUTH, raw)
    return MockGateway().handle(request).status


def _accepted(body: dict[str, Any]) -> None:
    assert [e.message for e in VALIDATOR.iter_errors(body)] == []
    prepare_body("image2video", body)
    assert _mock_status(body) == 200


def _refused(body: dict[str, Any], field: str) -> None:
    assert not VALIDATOR.is_valid(body)
    with pytest.raises(ValidationError) as caught:
        prepare_body("image2video", body)
    assert caught.value.field == field, str(caught.value)
    assert _mock_status(body) == 400


def test_multi_shot_takes_a_start_frame() -> None:
    # The official kling-v3 multi-shot image-to-video example sends an image.
    _accepted({**MULTI_SHOT, "image": START})


def test_multi_shot_without_a_start_frame_is_refused() -> None:
    _refused(dict(MULTI_SHOT), "image")


def test_multi_shot_still_takes_no_end_frame() -> None:
    _refused({**MULTI_SHOT, "image": START, "image_tail": END}, "image_tail")


@pytest.mark.parametrize("model", ["kling-v1-5", "kling-v1-6"])
def test_an_end_frame_alone_is_accepted_where_the_capability_map_lists_it(model: str) -> None:
    # "At least one of image or image_tail must be provided"; end-frame-only is mapped for
    # kling-v1-5 and kling-v1-6 in mode pro.
    _accepted(
        {"model_name": model, "mode": "pro", "image_tail": END, "prompt": "x", "duration": "5"}
    )


@pytest.mark.parametrize("model", ["kling-v1", "kling-v2-1", "kling-v2-6", "kling-v3"])
def test_an_end_frame_alone_is_refused_for_other_models(model: str) -> None:
    _refused({"model_name": model, "mode": "pro", "image_tail": END, "prompt": "x"}, "model_name")


def test_an_end_frame_alone_still_needs_mode_pro() -> None:
    _refused({"model_name": "kling-v1-6", "image_tail": END, "prompt": "x"}, "mode")


@pytest.mark.parametrize("tail", [None, ""], ids=["no-tail", "empty-tail"])
def test_a_body_with_neither_frame_is_refused(tail: str | None) -> None:
    body: dict[str, Any] = {"model_name": "kling-v1-6", "mode": "pro", "prompt": "x"}
    if tail is not None:
        body["image_tail"] = tail
    _refused(body, "image")
