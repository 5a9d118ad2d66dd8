"""Against the real gateway with your key. Skipped unless KLING_LIVE=1; spends no credits.

KLING_LIVE=1 KLING_API_KEY=sk-... make live
"""

from __future__ import annotations

import os
import uuid

import pytest

import kling_ext

pytestmark = [
    pytest.mark.live,
    pytest.mark.skipif(os.environ.get("KLING_LIVE") != "1", reason="live: set KLING_LIVE=1"),
]


@pytest.fixture
def client() -> kling_ext.Kling:
    return kling_ext.Kling()  # KLING_API_KEY / API_KEY and KLING_BASE_URL from the environment


def test_list_reads_as_tasks(client: kling_ext.Kling) -> None:
    tasks = client.text2video.list(page_size=5)
    assert all(task.task_id for task in tasks)


def test_unknown_task_is_a_not_found_error(client: kling_ext.Kling) -> None:
    with pytest.raises(kling_ext.APIError) as caught:
        client.text2video.get(f"kling-ext-live-missing-{uuid.uuid4()}")
    assert caught.value.code in (1201, 1203) or caught.value.status_code in (400, 404)


def test_conformance_without_credits() -> None:
    from kling_ext.conformance import run_conformance

    report = run_conformance(
        base_url=os.environ.get("KLING_BASE_URL", "https://api.agentsflare.com/klingai"),
        api_key=os.environ.get("KLING_API_KEY") or os.environ["API_KEY"],
        max_examples=5,
    )
    assert report.ok, report.render()
