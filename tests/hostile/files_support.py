"""Helpers of the download and file tests: a gateway-like hostile handler, both clients."""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
from hostile_server import Action, Answer, Seen, envelope

from kling_ext import AsyncKling, Kling, Task

# The CLI tests' runner, so `kling` runs here exactly as it does there.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "cli"))
from cli_support import Result, cli_env, finish, start

KEY = "sk-hostile-files-0123456789"
# Enough of an MP4 to pass for one: an ftyp box, then bytes whose every offset differs.
VIDEO = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + bytes(range(256)) * 256
VIDEO_PATH = "/cdn/video.mp4"


def video_url(seen: Seen, path: str = VIDEO_PATH) -> str:
    """An absolute URL on the server that received `seen`."""
    return f"http://{seen.headers['host']}{path}"


def finished_task(task_id: str, url: str, *, videos: int = 1) -> dict[str, Any]:
    """A succeeded task object as the gateway sends it."""
    return {
        "task_id": task_id,
        "task_status": "succeed",
        "task_info": {"external_task_id": "ext-files"},
        "task_result": {"videos": [{"id": f"v{i}", "url": url} for i in range(videos)]},
    }


def gateway(
    task_id: str = "t-1",
    *,
    video: Callable[[Seen], Action] | None = None,
    url: Callable[[Seen], str] = video_url,
    videos: int = 1,
) -> Callable[[Seen], Action]:
    """A handler: task queries answer a finished task whose videos `video` serves."""

    def handle(seen: Seen) -> Action:
        if seen.path.startswith("/klingai/v1/videos/"):
            return envelope(finished_task(task_id, url(seen), videos=videos))
        if video is not None:
            return video(seen)
        return Answer(200, VIDEO, {"Content-Type": "video/mp4"})

    return handle


def task_at(base: str, task_id: str = "t-1", *, url: str | None = None) -> Task:
    """A finished task built locally, its video on `base` (a server's URL) unless `url` is given."""
    return Task.from_data(finished_task(task_id, url or base + VIDEO_PATH), kind="text2video")


class Client:
    """A `Kling` or an `AsyncKling` on one base URL; `await client(fn, ...)` calls either.

    Use it as `async with Client(flavor, url) as client:` so its connections are closed. With
    `answer`, every request goes to that function instead of the network (an `httpx` client of
    the flavour on a `MockTransport`, passed as `http_client` and closed with the client).
    """

    def __init__(
        self,
        flavor: str,
        base_url: str,
        *,
        answer: Callable[[httpx.Request], httpx.Response] | None = None,
        **options: Any,
    ) -> None:
        self._close_http: Callable[[], Any] | None = None
        if answer is not None:
            transport = httpx.MockTransport(answer)
            if flavor == "sync":
                http: Any = httpx.Client(transport=transport)
                self._close_http = http.close
            else:
                http = httpx.AsyncClient(transport=transport)
                self._close_http = http.aclose
            options["http_client"] = http
        cls = Kling if flavor == "sync" else AsyncKling
        self.lib: Any = cls(api_key=KEY, base_url=base_url, **options)

    async def __aenter__(self) -> Client:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self(self.lib.close)
        if self._close_http is not None:
            await self(self._close_http)

    async def __call__(self, method: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        result = method(*args, **kwargs)
        return await result if inspect.isawaitable(result) else result

    async def download(self, task: Task, dest: str | Path, **kwargs: Any) -> list[Path]:
        """`client.download(...)`, awaited when async."""
        return list(await self(self.lib.download, task, dest, **kwargs))


def run_kling(base_url: str, cwd: Path, *args: str) -> Result:
    """Run `kling ARGS` in `cwd` as a user whose KLING_API_KEY and KLING_BASE_URL are set."""
    return finish(start(args, cli_env(base_url, KEY), cwd), secret=KEY)


def files_under(folder: Path) -> list[str]:
    """Every file below `folder`, as paths relative to it, sorted."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if not p.is_dir())
