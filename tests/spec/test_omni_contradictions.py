"""Where the docs contradict themselves on omni-video, the spec accepts what the examples send.

kling-video-o1: 3 to 10 s from text alone (API reference FAQ; the capability map says 5 or 10),
5 or 10 s from a first frame alone, 3 to 10 s from a first frame with other references (the
official example sends a first frame, a reference image and 3 s); `aspect_ratio` with a first
frame or a video to edit is accepted (the official examples send it). The schema's description
says so (issue 19, item 2).
"""

from __future__ import annotations

from typing import Any

import pytest

from kling_ext._spec import endpoint
from kling_ext._validation import check_request

FIRST = {"image_url": "https://x.test/first.png", "type": "first_frame"}
REF = {"image_url": "https://x.test/ref.png"}
O1 = {"model_name": "kling-video-o1", "prompt": "a girl on a train", "mode": "pro"}


def _fields(body: dict[str, Any]) -> list[str]:
    return [v.field for v in check_request("omni-video", body, everything=True)]


@pytest.mark.parametrize("duration", ["3", "4", "5", "7", "10"])
def test_o1_text_alone_takes_3_to_10_s(duration: str) -> None:
    assert _fields({**O1, "aspect_ratio": "16:9", "duration": duration}) == []


def test_the_official_o1_example_first_frame_and_reference_image_3_s_is_accepted() -> None:
    body = {**O1, "image_list": [FIRST, REF], "duration": "3"}
    assert _fields(body) == []


@pytest.mark.parametrize("duration", ["3", "7"])
def test_o1_first_frame_alone_still_makes_5_or_10_s(duration: str) -> None:
    assert _fields({**O1, "image_list": [FIRST], "duration": duration}) == ["duration"]
    assert _fields({**O1, "image_list": [FIRST], "duration": "10"}) == []


def test_o1_first_frame_with_a_reference_video_takes_3_to_10_s() -> None:
    video = {"video_url": "https://x.test/v.mp4", "refer_type": "feature"}
    body = {**O1, "image_list": [FIRST], "video_list": [video], "duration": "3"}
    assert _fields(body) == []


def test_the_description_says_where_the_docs_disagree() -> None:
    text = " ".join(str(endpoint("omni-video").schema["description"]).split())
    assert "capability map says 5 or 10 s only" in text
    assert "official examples send it with a first frame" in text
