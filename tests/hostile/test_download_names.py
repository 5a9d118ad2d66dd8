"""Files stay where the user asked: a task id from the server never becomes a path (issue 10.1)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from files_support import VIDEO, Client, files_under, gateway, run_kling
from hostile_server import HostileServer, Seen

# The tasks here carry hostile task ids: they are asked for by the external_task_id they echo
# (an answer whose task_id and external_task_id both differ from the id asked is refused).
EXTERNAL = "ext-files"

Start = Callable[[Callable[[Seen], object]], HostileServer]

HOSTILE_IDS = {
    "parent": "../../escaped",
    "absolute": "/tmp/escaped",
    "windows": "..\\..\\C:\\escaped",
    "dots": "..",
    "nul": "a\x00b",
    "terminal": "\x1b]0;pwned\x07\x1b[2Jid",
    "bidi": "evil\u202e4pm.exe",
    "long": "x" * 5000,
    "device": "CON",
    "surrogate": "id\ud800",
}


@pytest.mark.parametrize("task_id", HOSTILE_IDS.values(), ids=HOSTILE_IDS.keys())
async def test_a_hostile_task_id_is_a_plain_name_inside_the_folder(
    flavor: str, hostile: Start, tmp_path: Path, task_id: str
) -> None:
    server = hostile(gateway(task_id))
    dest = tmp_path / "dl" / "a" / "b"
    async with Client(flavor, server.base_url) as client:
        task = await client(client.lib.text2video.get, EXTERNAL)
        [path] = await client.download(task, f"{dest}/")
    assert path.parent == dest, "written inside the folder asked for"
    assert files_under(tmp_path) == [str(path.relative_to(tmp_path))], "and nowhere else"
    assert path.read_bytes() == VIDEO
    name = path.name
    assert name.endswith(".mp4")
    assert not name.startswith("."), "not hidden"
    assert all(ch.isprintable() for ch in name), "no control or format characters"
    assert len(name.encode()) <= 255


async def test_several_videos_get_numbered_safe_names(
    flavor: str, hostile: Start, tmp_path: Path
) -> None:
    server = hostile(gateway("../x", videos=2))
    async with Client(flavor, server.base_url) as client:
        task = await client(client.lib.text2video.get, EXTERNAL)
        paths = await client.download(task, tmp_path)
    assert [p.name for p in paths] == ["x-1.mp4", "x-2.mp4"]
    assert files_under(tmp_path) == ["x-1.mp4", "x-2.mp4"]


async def test_a_folder_named_with_a_dot_and_a_slash_is_a_folder(
    flavor: str, hostile: Start, tmp_path: Path
) -> None:
    server = hostile(gateway("t-1"))
    async with Client(flavor, server.base_url) as client:
        task = await client(client.lib.text2video.get, EXTERNAL)
        [path] = await client.download(task, f"{tmp_path / 'renders.v2'}/")
    assert path == tmp_path / "renders.v2" / "t-1.mp4"
    assert path.read_bytes() == VIDEO


async def test_a_file_name_given_is_used_as_is(flavor: str, hostile: Start, tmp_path: Path) -> None:
    server = hostile(gateway("../../escaped"))
    async with Client(flavor, server.base_url) as client:
        task = await client(client.lib.text2video.get, EXTERNAL)
        [path] = await client.download(task, tmp_path / "mine.mp4")
    assert path == tmp_path / "mine.mp4"
    assert files_under(tmp_path) == ["mine.mp4"]


@pytest.mark.parametrize(
    ("task_id", "output", "saved"),
    [
        ("../../escaped", "dl/a/b/", "dl/a/b/escaped.mp4"),
        ("t-1", "renders.v2/", "renders.v2/t-1.mp4"),
    ],
    ids=["escape", "dotted-folder"],
)
def test_cli_wait_output_stays_in_the_folder(
    hostile: Start, tmp_path: Path, task_id: str, output: str, saved: str
) -> None:
    server = hostile(gateway(task_id))
    result = run_kling(
        server.base_url, tmp_path, "wait", "text2video", EXTERNAL, "--output", output
    )
    assert result.code == 0, result.stderr
    assert files_under(tmp_path) == [saved]
    assert (tmp_path / saved).read_bytes() == VIDEO
