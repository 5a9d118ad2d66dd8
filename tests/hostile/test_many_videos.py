"""A task listing thousands of videos is refused before one is fetched (issue 17.9)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from files_support import VIDEO_PATH, Client, files_under, gateway, run_kling
from hostile_server import HostileServer, Seen

from kling_ext import ResponseValidationError
from kling_ext._constants import MAX_VIDEOS_PER_TASK

Start = Callable[[Callable[[Seen], object]], HostileServer]
MANY = 20_000


async def test_a_task_with_too_many_videos_downloads_nothing(
    flavor: str, hostile: Start, tmp_path: Path
) -> None:
    server = hostile(gateway("t-1", videos=MANY))
    async with Client(flavor, server.base_url) as client:
        task = await client(client.lib.text2video.get, "t-1")
        assert len(task.videos) == MANY  # reading the task is fine; saving its videos is not
        with pytest.raises(ResponseValidationError, match=f"{MANY} videos") as caught:
            await client.download(task, tmp_path / "out")
    assert str(MAX_VIDEOS_PER_TASK) in str(caught.value)
    assert files_under(tmp_path) == []
    assert server.requests_to("GET", VIDEO_PATH) == []


async def test_the_cap_still_saves_a_task_with_a_few_videos(
    flavor: str, hostile: Start, tmp_path: Path
) -> None:
    server = hostile(gateway("t-1", videos=3))
    async with Client(flavor, server.base_url) as client:
        task = await client(client.lib.text2video.get, "t-1")
        paths = await client.download(task, tmp_path)
    assert len(paths) == 3


def test_the_cli_refuses_it_with_the_refused_status(hostile: Start, tmp_path: Path) -> None:
    server = hostile(gateway("t-1", videos=MANY))

    result = run_kling(server.base_url, tmp_path, "wait", "text2video", "t-1", "--output", "out/")

    assert result.code == 3, result.stderr
    assert f"lists {MANY} videos" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists() or files_under(tmp_path / "out") == []
    assert server.requests_to("GET", VIDEO_PATH) == []
