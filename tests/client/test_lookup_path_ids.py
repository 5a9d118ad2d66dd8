"""An external_task_id whose look-up path is another operation is refused before any create."""

from __future__ import annotations

import httpx
import pytest

import kling_ext
from kling_ext.mock import MockGateway


def test_an_id_naming_a_session_call_is_refused_before_sending() -> None:
    gateway = MockGateway()
    http = httpx.Client(transport=gateway.transport())
    client = kling_ext.Kling(
        api_key="sk-mock", base_url="https://mock.invalid/klingai", http_client=http
    )
    with pytest.raises(kling_ext.ValidationError) as caught:
        client.resource("/v1/videos/multi-elements").create(
            session_id="s-1",
            edit_mode="removal",
            prompt="remove the hat",
            external_task_id="init-selection",
        )
    assert caught.value.field == "external_task_id"
    assert "/v1/videos/multi-elements/init-selection" in str(caught.value)
    assert gateway.creates_count == 0


def test_an_ordinary_id_passes_the_look_up_check() -> None:
    from kling_ext._prepare import _check_lookup_path
    from kling_ext._spec import endpoint

    _check_lookup_path(endpoint("multi-elements"), "order-42")  # no error
