"""A task argument may be a `Task` or an id where either makes sense; else a clear TypeError."""

from __future__ import annotations

from pathlib import Path

import pytest
import respx
from client_support import Harness, envelope, task

from kling_ext import Task

ID = "867283741759111202"
GET = f"/v1/videos/text2video/{ID}"


async def test_get_accepts_a_task_as_well_as_an_id(h: Harness, router: respx.Router) -> None:
    router.get(GET).respond(200, json=envelope(task()))
    first = await h(h.client.text2video.get, ID)

    again = await h(h.client.text2video.get, first)

    assert isinstance(again, Task)
    assert again.task_id == ID


async def test_get_with_neither_a_task_nor_an_id_is_a_clear_type_error(h: Harness) -> None:
    with pytest.raises(TypeError, match=r"get\(\) takes a Task or a task id \(str\), not int"):
        await h(h.client.text2video.get, 123)


async def test_wait_with_neither_a_task_nor_an_id_is_a_clear_type_error(h: Harness) -> None:
    with pytest.raises(TypeError, match=r"wait\(\) takes a Task or a task id"):
        await h(h.client.text2video.wait, 123)


async def test_download_of_an_id_says_to_fetch_the_task_first(h: Harness, tmp_path: Path) -> None:
    with pytest.raises(TypeError, match=r"download\(\) needs a Task .*fetch it first"):
        await h(h.client.download, ID, tmp_path)
    assert list(tmp_path.iterdir()) == []
