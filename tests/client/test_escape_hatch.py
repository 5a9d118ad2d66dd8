"""What the spec does not know yet can still be sent: `extra_body` and `allow_unknown`.

A gateway adds a field or a model before the spec (and so this package) lists it; the caller
sends it anyway, while everything the spec does know is still checked before any request.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from kling_ext import Kling, UnknownValueWarning, ValidationError

ANSWER = {"code": 0, "message": "SUCCEED", "data": {"task_id": "t-1", "task_status": "submitted"}}


@pytest.fixture
def sent() -> list[dict[str, Any]]:
    return []


@pytest.fixture
def client(sent: list[dict[str, Any]]) -> Iterator[Kling]:
    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(json.loads(request.content))
        return httpx.Response(200, json=ANSWER)

    with (
        httpx.Client(transport=httpx.MockTransport(handler)) as http,
        Kling(api_key="sk-test", base_url="https://gw.test/klingai", http_client=http) as kling,
    ):
        yield kling


def test_extra_body_is_merged_into_the_sent_body(client: Kling, sent: list[dict[str, Any]]) -> None:
    client.text2video.create(prompt="a cat", extra_body={"resolution": "4k", "seed": [1, 2.5]})
    (body,) = sent
    assert body["resolution"] == "4k"  # fields the spec does not have
    assert body["seed"] == [1, 2.5]
    assert body["prompt"] == "a cat"
    assert "extra_body" not in body


def test_extra_body_must_be_a_mapping(client: Kling, sent: list[dict[str, Any]]) -> None:
    with pytest.raises(ValidationError, match=r"^extra_body: "):
        client.text2video.create(prompt="a cat", extra_body=["resolution"])  # type: ignore[arg-type]
    assert sent == []


def test_an_unknown_model_is_refused_by_default(client: Kling, sent: list[dict[str, Any]]) -> None:
    with pytest.raises(ValidationError, match=r"^model_name: 'kling-v9' is not allowed"):
        client.text2video.create(prompt="a cat", model_name="kling-v9")  # type: ignore[arg-type]
    assert sent == []


def test_allow_unknown_sends_an_unknown_model_with_a_warning(
    client: Kling, sent: list[dict[str, Any]]
) -> None:
    with pytest.warns(UnknownValueWarning, match=r"^model_name: 'kling-v9' is not allowed") as got:
        client.text2video.create(
            prompt="a cat",
            model_name="kling-v9",  # type: ignore[arg-type]
            duration=12,  # the spec's rules for older models would refuse it
            allow_unknown=True,
        )
    (body,) = sent
    assert (body["model_name"], body["duration"]) == ("kling-v9", "12")
    assert "allow_unknown" not in body
    assert all("sent anyway" in str(w.message) for w in got)


def test_allow_unknown_still_checks_what_the_spec_knows(
    client: Kling, sent: list[dict[str, Any]]
) -> None:
    with pytest.raises(ValidationError, match=r"^callback_url: "):
        client.text2video.create(
            prompt="a cat",
            model_name="kling-v9",  # type: ignore[arg-type]
            callback_url="https://",
            allow_unknown=True,
        )
    assert sent == []


def test_allow_unknown_changes_nothing_for_known_values(
    client: Kling, sent: list[dict[str, Any]]
) -> None:
    # Without an unknown value, the rules still hold: no warning, a refusal.
    with pytest.raises(ValidationError, match=r"^duration: '12' is not allowed"):
        client.text2video.create(
            prompt="a cat", model_name="kling-v2-6", duration=12, allow_unknown=True
        )
    assert sent == []


def test_allow_unknown_warns_about_every_rule_it_lets_through(
    client: Kling, sent: list[dict[str, Any]]
) -> None:
    with pytest.warns(UnknownValueWarning) as got:
        client.image2video.create(
            prompt="zoom",
            image="https://x.test/a.png",
            image_tail="https://x.test/b.png",
            static_mask="https://x.test/m.png",
            model_name="kling-v9",  # type: ignore[arg-type]
            allow_unknown=True,
        )
    messages = [str(w.message) for w in got]
    assert any(m.startswith("model_name: ") for m in messages), messages
    assert any("image_tail cannot be used together with static_mask" in m for m in messages)
    assert len(sent) == 1
