"""`kling batch --check-balance`: which packs a batch needs, and when the account lacks them."""

from __future__ import annotations

import pytest

from kling_ext import ResourcePack
from kling_ext._spec import endpoints
from kling_ext.cli._balance import missing_packs, pack_types_needed


def _pack(name: str, status: str = "online", remaining: float = 10.0) -> ResourcePack:
    return ResourcePack(name=name, status=status, remaining=remaining)


VIDEO_NAME = "Video Generation - 10,000 entries"
VIDEO = _pack(VIDEO_NAME)
IMAGE = _pack("Image Generation - 1,000 entries")


@pytest.mark.parametrize("kind", list(endpoints()))
def test_every_task_endpoint_needs_a_known_pack_type_or_any(kind: str) -> None:
    assert pack_types_needed([kind]) <= {"video", "image", "try-on"}


def test_video_jobs_need_a_video_pack_with_units() -> None:
    needed = pack_types_needed(["text2video"])
    assert needed == {"video"}
    assert missing_packs([VIDEO, IMAGE], needed) == []
    empty = [_pack(VIDEO_NAME, status="runOut", remaining=0), IMAGE]
    assert missing_packs(empty, needed) == ["no video resource pack has units left"]
    expired = [_pack(VIDEO_NAME, status="expired", remaining=118.0)]
    assert missing_packs(expired, needed) == ["no video resource pack has units left"]


def test_packs_whose_names_say_no_type_count_for_any_job() -> None:
    needed = pack_types_needed(["text2video"])
    assert missing_packs([_pack("Starter bundle")], needed) == []
    assert missing_packs([_pack("Starter bundle", remaining=0)], needed) == [
        "no resource pack has units left"
    ]
    assert missing_packs([], needed) == ["no resource pack has units left"]
