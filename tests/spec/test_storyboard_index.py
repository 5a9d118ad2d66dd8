"""A storyboard shot's `index` counts from 1, as the official examples do (issue 19, item 2)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from kling_ext import ValidationError
from kling_ext._prepare import prepare_body
from kling_ext.mock import MockGateway, MockRequest

AUTH = {"Authorization": "Bearer sk-mock", "Host": "gw.test"}


def _body(index: int) -> dict[str, Any]:
    return {
        "model_name": "kling-v3",
        "multi_shot": True,
        "shot_type": "customize",
        "duration": "5",
        "multi_prompt": [
            {"index": index, "prompt": "a fox runs", "duration": "2"},
            {"index": index + 1, "prompt": "it stops", "duration": "3"},
        ],
    }


def _mock_status(body: dict[str, Any]) -> int:
    raw = json.dumps(body).encode()
    request = MockRequest("POST", "/klingai/v1/videos/text2video", {}, AUTH, raw)
    return MockGateway().handle(request).status


@pytest.mark.parametrize("index", [0, -1])
def test_a_shot_index_below_1_is_refused_before_sending(index: int) -> None:
    with pytest.raises(ValidationError) as caught:
        prepare_body("text2video", _body(index))
    assert caught.value.field == "multi_prompt[0].index", str(caught.value)
    assert caught.value.allowed == "at least 1"
    assert _mock_status(_body(index)) == 400


def test_shots_indexed_from_1_are_accepted() -> None:
    prepare_body("text2video", _body(1))
    assert _mock_status(_body(1)) == 200
