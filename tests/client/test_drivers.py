"""Both drivers perform every effect a flow yields, and refuse one they do not know."""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import pytest
from client_support import Harness


def _flow_yielding(effect: object) -> Generator[Any, Any, object]:
    got = yield effect
    return got


async def test_an_unknown_effect_is_an_error_not_a_silent_none(h: Harness) -> None:
    # A new effect added to the flows without a driver to perform it must fail loudly.
    with pytest.raises(AssertionError):
        await h(h.client._drive, _flow_yielding(object()))
