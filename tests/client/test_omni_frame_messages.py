"""Omni-video refusals name the caller's real mistake (issue 19, item 2).

The client refuses before sending, and the mock gateway answers the same first message.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from kling_ext import ValidationError
from kling_ext._prepare import prepare_body
from kling_ext.mock import MockGateway, MockRequest

AUTH = {"Authorization": "Bearer sk-mock", "Host": "gw.test"}
FIRST = {"image_url": "https://x.test/first.png", "type": "first_frame"}
END = {"image_url": "https://x.test/end.png", "type": "end_frame"}


def _refusal(body: dict[str, Any]) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        prepare_body("omni-video", body)
    return caught.value


def _mock_message(body: dict[str, Any]) -> str:
    # A raw body carries model_name (required on the wire; the client fills it).
    raw = json.dumps({"model_name": "kling-video-o1", **body}).encode()
    request = MockRequest("POST", "/klingai/v1/videos/omni-video", {}, AUTH, raw)
    response = MockGateway().handle(request)
    assert response.status == 400
    message: str = json.loads(response.body)["message"]
    return message


def test_a_missing_aspect_ratio_says_it_is_required() -> None:
    body = {"prompt": "a calm sea"}
    error = _refusal(body)
    assert error.field == "aspect_ratio"
    assert "is required" in str(error)
    assert "not accepted" not in str(error)
    assert "is required" in _mock_message(body)


@pytest.mark.parametrize(
    "frame",
    [
        {"image_list": [FIRST]},
        {"video_list": [{"video_url": "https://x.test/v.mp4", "refer_type": "base"}]},
    ],
    ids=["first-frame", "video-to-edit"],
)
def test_aspect_ratio_with_a_frame_is_accepted_as_the_official_examples_send_it(
    frame: dict[str, Any],
) -> None:
    # The legacy field table says "not supported" there; the official kling-video-o1 examples
    # send aspect_ratio with a first frame and with a video to edit. The spec says so.
    body = {"prompt": "a calm sea", "aspect_ratio": "16:9", **frame}
    assert prepare_body("omni-video", body)["aspect_ratio"] == "16:9"
    raw = json.dumps({"model_name": "kling-video-o1", **body}).encode()
    request = MockRequest("POST", "/klingai/v1/videos/omni-video", {}, AUTH, raw)
    assert MockGateway().handle(request).status == 200


def test_an_end_frame_without_a_first_frame_is_named_before_aspect_ratio() -> None:
    body = {"prompt": "a calm sea", "image_list": [END]}
    error = _refusal(body)
    assert error.field == "image_list", str(error)
    assert "end_frame image needs a first_frame image" in str(error)
    assert "needs a first_frame" in _mock_message(body)
