"""`AsyncKling`: the asynchronous driver of the flows (`_flow.py`), with the typed resources.

It only sends, sleeps and writes; what it shares with `Kling` is in `_base_client.py`.
"""

from __future__ import annotations

import contextlib
import inspect
import time
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self, TypeVar, assert_never

import httpx

from ._account import ACCOUNT_COSTS, ResourcePack, read_packs, resource_packs_query
from ._base_client import (
    ProgressCallback,
    _BaseClient,
    list_resources,
    log_exchange,
    resource_endpoint,
)
from ._constants import DOWNLOAD_MAX_BYTES, DOWNLOAD_TIMEOUT, LISTEN_RECHECK_SECONDS
from ._download import DownloadLimits, download_targets, final_path
from ._flow import (
    AnswerBody,
    Effect,
    Flow,
    Listen,
    Notify,
    RenewAuth,
    Send,
    Sent,
    Sleep,
    Stream,
    Streamed,
)
from ._polling import PollSchedule
from ._resource_base import AsyncCallResource, AsyncResource, OnUpdate
from ._resources_generated import AsyncKlingResources
from ._settings import Settings
from ._spec import Call
from ._task import AudioFormat, CallResult, Task
from ._task_ref import require_task
from ._wire import async_client, async_within

if TYPE_CHECKING:
    import asyncio

T = TypeVar("T")


async def _idle(seconds: float, wake: asyncio.Event) -> None:
    import asyncio  # only a wait by callback gets here

    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(wake.wait(), seconds)


class AsyncKling(_BaseClient, AsyncKlingResources):
    """The Kling video API, with `await`. Same arguments and behaviour as `Kling`.

    `http_client` takes an `httpx.AsyncClient`; `on_update` callbacks may be async.

    Attributes:
        {resources}
    """

    def __init__(
        self,
        api_key: str | None = None,
        base_url: str | None = None,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        http_client: httpx.AsyncClient | None = None,
        access_key: str | None = None,
        secret_key: str | None = None,
        allow_insecure: bool = False,
        poll_schedule: PollSchedule | None = None,
        default_headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(
            api_key,
            base_url,
            timeout=timeout,
            max_retries=max_retries,
            access_key=access_key,
            secret_key=secret_key,
            allow_insecure=allow_insecure,
            poll_schedule=poll_schedule,
            default_headers=default_headers,
        )
        import asyncio  # here, not at the top: it costs a sync-only user ~20 ms of import time

        self._init_driver(
            http_client or async_client(self._settings.base_url, timeout=self._settings.timeout),
            owns_http=http_client is None,
            sleep=asyncio.sleep,
        )

    def _init_driver(
        self,
        http: httpx.AsyncClient,
        *,
        owns_http: bool,
        sleep: Callable[[float], Awaitable[None]],
    ) -> None:
        self._http = http
        self._owns_http = owns_http
        self._sleep = sleep  # injectable for tests, with `_clock`
        # How a wait by callback idles until a callback wakes it (tests pass a fake-clock one).
        self._idle: Callable[[float, asyncio.Event], Awaitable[object]] = _idle
        self._bind_resources(self)

    def _clone(self, settings: Settings) -> Self:
        clone = type(self).__new__(type(self))
        clone._init_copy(self, settings)
        # The original owns the connections: closing the copy must not close them.
        clone._init_driver(self._http, owns_http=False, sleep=self._sleep)
        clone._idle = self._idle
        return clone

    async def _drive(self, flow: Flow[T], on_update: OnUpdate | None = None) -> T:
        result: Any = None
        try:
            while True:
                try:
                    effect = flow.send(result)
                except StopIteration as stop:
                    return stop.value  # type: ignore[no-any-return]
                result = await self._perform(effect, on_update)
        finally:
            flow.close()

    async def _perform(self, effect: Effect, on_update: OnUpdate | None) -> Any:
        match effect:
            case Send():
                return await self._send(effect)
            case Sleep(seconds):
                await self._sleep(seconds)
            case Notify(task):
                if on_update is not None:
                    outcome = on_update(task)
                    if inspect.isawaitable(outcome):
                        await outcome
            case RenewAuth():
                self._renew()
            case Stream():
                return await self._stream(effect)
            case Listen():
                return await self._listen(effect)
            case _:
                assert_never(effect)
        return None

    async def _listen(self, effect: Listen) -> Any:
        """The inbox's new events about the task, waiting up to `effect.seconds` for one.

        The inbox is a local SQLite file: reading it is quick enough to do on the loop.
        """
        import asyncio  # only a wait by callback gets here

        wake = asyncio.Event()
        loop = asyncio.get_running_loop()
        # The receiver stores events on its own threads: wake this loop from there safely.
        unwatch = effect.source.watch(lambda: loop.call_soon_threadsafe(wake.set))
        try:
            end = self._clock() + effect.seconds
            while True:
                wake.clear()
                events = effect.source.events(effect.idents, effect.after)
                left = end - self._clock()
                if events or left <= 0:
                    return events
                await self._idle(min(left, LISTEN_RECHECK_SECONDS), wake)
        finally:
            unwatch()

    async def _send(self, effect: Send) -> Sent:
        request, deadline = self._with_timeout(effect)
        started = time.perf_counter()
        sent = Sent()
        try:
            async with async_within(deadline):  # the whole exchange, headers included
                response = await self._http.send(request, auth=self._settings.auth, stream=True)
                try:
                    body = AnswerBody(self._context.max_answer_bytes, deadline)
                    if body.begin(response):
                        async for chunk in response.aiter_raw():
                            if not body.feed(chunk):
                                break
                    sent = body.sent(response)
                except httpx.DecodingError as exc:
                    sent = AnswerBody.undecodable(response, exc)
                finally:
                    await response.aclose()
        except httpx.RequestError as exc:
            sent = Sent(error=exc)
        log_exchange(request, sent, started, self._settings.secrets)
        return sent

    async def _stream(self, eff: Stream) -> Streamed:
        from ._download_io import Receiver  # here: only a download streams

        # Only the User-Agent: the caller's other default_headers may be meant for the API alone.
        receiver = Receiver(eff, self._clock, user_agent=self._settings.headers["User-Agent"])
        try:
            async with async_within(receiver.deadline):  # the whole exchange, headers included
                request = receiver.request(self._http, self._settings.timeout)
                while True:
                    response = await self._http.send(request, stream=True, follow_redirects=False)
                    try:
                        step = receiver.answer(response)
                        if isinstance(step, httpx.Request):
                            request = step  # a redirect hop, checked before it is followed
                            continue
                        if step is not None:
                            return step
                        async for chunk in response.aiter_bytes():
                            if (stop := receiver.feed(chunk)) is not None:
                                return stop
                        return receiver.done()
                    finally:
                        await response.aclose()
        except (httpx.RequestError, httpx.InvalidURL) as exc:
            return receiver.failed(exc)

    async def download(
        self,
        task: Task | CallResult,
        dest: str | Path = ".",
        *,
        on_progress: ProgressCallback | None = None,
        max_bytes: int | None = DOWNLOAD_MAX_BYTES,
        timeout: float | None = DOWNLOAD_TIMEOUT,
        audio_format: AudioFormat = "mp3",
    ) -> list[Path]:
        """Save a finished task's files (videos, images, audio); see `Kling.download`."""
        if not isinstance(task, CallResult):
            task = require_task(task, "download")
        limits = DownloadLimits.checked(max_bytes, timeout)
        targets = download_targets(
            task, dest, allow_http=self._plain_http_videos, audio_format=audio_format
        )
        from ._download_io import PartFile  # here: only a download needs it

        saved: list[Path] = []
        for target in targets:
            with PartFile(target.path) as part:
                fetched = await self._drive(self._fetch(target.url, part, limits, on_progress))
                saved.append(part.commit(final_path(target, fetched.media_type)))
        return saved

    async def resource_packs(
        self,
        *,
        since: datetime | float | None = None,
        until: datetime | float | None = None,
        name: str | None = None,
    ) -> list[ResourcePack]:
        """The account's resource packs and what remains of each (`GET /account/costs`).

        The remaining quantities lag by up to 12 hours (the API's own caveat): a pack may
        still read non-empty while creates already fail with 1102 (`InsufficientBalanceError`).
        The API asks for at most one such request a second.

        Args:
            since: Packs bought from then (an aware datetime or Unix seconds); default: a
                year before `until`.
            until: Packs bought until then; default: now.
            name: Only the pack of this name.

        Raises:
            ValidationError: a time that is neither an aware datetime nor a number.
        """
        query = resource_packs_query(since, until, name)
        return read_packs(await self.resource(ACCOUNT_COSTS)(**query))

    def resource(self, kind: str) -> AsyncResource:
        """Any endpoint of the spec by its path name; see `Kling.resource`.

        Raises:
            ValidationError: the spec has no such endpoint (the known ones are listed).
        """
        target = resource_endpoint(self, kind)
        if isinstance(target, Call):
            return AsyncCallResource(self, target)
        return AsyncResource(self, target)

    async def close(self) -> None:
        """Close the HTTP connections this client opened (not a client you passed in)."""
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()


# The attributes are generated from the spec; help(AsyncKling) lists them like any other.
AsyncKling.__doc__ = list_resources(AsyncKling.__doc__, AsyncKlingResources)
