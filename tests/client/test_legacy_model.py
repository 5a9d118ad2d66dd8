"""The legacy `model` field: read as `model_name`, never sent (issue 19, item 2).

The official API still accepts `model` for text2video and image2video; the default gateway
requires `model_name`. kling-ext accepts either from its callers and sends `model_name`; both
with different values is a clear error naming both, before anything is sent.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from kling_ext import Kling, ValidationError
from kling_ext._prepare import prepare_body
from kling_ext._spec import endpoint, resolve
from kling_ext.mock import MockGateway

KINDS = ["text2video", "image2video"]
MINIMAL: dict[str, dict[str, Any]] = {
    "text2video": {"prompt": "a rabbit"},
    "image2video": {"prompt": "zoom", "image": "https://x.test/a.png"},
}


@pytest.mark.parametrize("kind", KINDS)
def test_model_is_sent_as_model_name(kind: str) -> None:
    body = prepare_body(kind, {**MINIMAL[kind], "model": "kling-v2-6"})
    assert body["model_name"] == "kling-v2-6"
    assert "model" not in body


@pytest.mark.parametrize("kind", KINDS)
def test_model_and_model_name_agreeing_is_fine(kind: str) -> None:
    body = prepare_body(kind, {**MINIMAL[kind], "model": "kling-v3", "model_name": "kling-v3"})
    assert body["model_name"] == "kling-v3"
    assert "model" not in body


@pytest.mark.parametrize("kind", KINDS)
def test_model_and_model_name_disagreeing_names_both(kind: str) -> None:
    with pytest.raises(ValidationError) as caught:
        prepare_body(kind, {**MINIMAL[kind], "model": "kling-v3", "model_name": "kling-v1"})
    assert caught.value.field == "model"
    assert "model_name" in str(caught.value)
    assert "'kling-v3'" in str(caught.value)
    assert "'kling-v1'" in str(caught.value)


@pytest.mark.parametrize("kind", KINDS)
def test_the_spec_documents_model_as_the_legacy_name(kind: str) -> None:
    model = resolve(endpoint(kind).schema["properties"]["model"])
    assert model.get("deprecated") is True
    assert "legacy name of `model_name`" in model["description"]


def test_the_client_sends_model_name_to_the_gateway() -> None:
    gateway = MockGateway()
    with Kling(
        api_key=gateway.api_key, http_client=httpx.Client(transport=gateway.transport())
    ) as client:
        client.text2video.create(model="kling-v2-6", prompt="a red fox")
    (stored,) = gateway.tasks
    assert stored.body["model_name"] == "kling-v2-6"
    assert "model" not in stored.body


def test_a_disagreeing_call_sends_nothing() -> None:
    gateway = MockGateway()
    with (
        Kling(
            api_key=gateway.api_key, http_client=httpx.Client(transport=gateway.transport())
        ) as client,
        pytest.raises(ValidationError, match="model_name"),
    ):
        client.text2video.create(model="kling-v3", model_name="kling-v1", prompt="a fox")
    assert gateway.creates_count == 0


@pytest.mark.parametrize(
    ("extra", "status"),
    [
        ({"model": "kling-v3", "model_name": "kling-v3"}, 200),
        ({"model": "kling-v3"}, 400),  # the default gateway requires model_name
    ],
    ids=["both", "model-alone"],
)
def test_the_mock_reads_a_raw_body_as_the_spec_says(extra: dict[str, str], status: int) -> None:
    gateway = MockGateway()
    answer = httpx.Client(transport=gateway.transport()).post(
        "http://mock.test/klingai/v1/videos/text2video",
        json={"prompt": "a fox", "duration": "5", **extra},
        headers={"Authorization": f"Bearer {gateway.api_key}"},
    )
    assert answer.status_code == status, answer.text
    if status == 400:
        assert "model_name: is required" in json.loads(answer.text)["message"]
