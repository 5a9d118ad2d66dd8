"""`Kling`: the synchronous driver of the flows (`_flow.py`), with the typed resources.

It only sends, sleeps and writes; what it shares with `AsyncKling` is in `_base_client.py`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self, TypeVar, assert_never

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
from ._resource_base import CallResource, OnUpdate, Resource
from ._resources_generated import KlingResources
from ._settings import Settings
from ._spec import Call
from ._task import AudioFormat, CallResult, Task
from ._task_ref import require_task
from ._wire import sync_client, within

T = TypeVar("T")


def _idle(seconds: float, wake: threading.Event) -> None:
    wake.wait(seconds)


class Kling(_BaseClient, KlingResources):
    """The Kling video API, synchronously.

    Args:
        api_key: The gateway's API key (or an official API key). Default: `KLING_API_KEY`,
            else `API_KEY`.
        base_url: Default: `KLING_BASE_URL`, else the gateway `https://api.agentsflare.com/klingai`
            (or `https://api-singapore.klingai.com` when signing with access/secret keys).
        timeout: Seconds (or an `httpx.Timeout`) per HTTP request. Default 60 s, 10 s to connect.
        max_retries: Retries of a failed request that is safe to retry. Default 2.
        http_client: Your own `httpx.Client` (proxies, transports, mocks); not closed by us.
        access_key: Kling AccessKey (default `KLING_ACCESS_KEY`): signs a short-lived HS256 JWT.
        secret_key: Kling SecretKey (default `KLING_SECRET_KEY`).
        allow_insecure: Allow a plain `http://` base URL that is not on this machine.
        poll_schedule: When `wait` queries a running task. The default suits real tasks
            (30 s to an hour); tests against the mock gateway pass a fast one
            (`kling_ext.testing.FAST_POLLING`).
        default_headers: Headers sent with every API request, e.g. your own `User-Agent`
            (the default is `kling-ext/<version> python/<version> httpx/<version>`).

    Attributes:
        {resources}

    Each resource has `create(**fields)`, `get(task_id)`, `wait(task)`, `run(**fields)`,
    `list(page=, page_size=)` and `iter_all(page_size=)`; `help(client.text2video.create)` lists
    the fields. `with_options(timeout=, max_retries=)` gives a copy with other defaults.

    Raises:
        ConfigurationError: no credentials, or an insecure base URL; before any request is sent.
    """

    def __init__(
        self,
        api_key: str | None = None,
        base_url: str | None = None,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        http_client: httpx.Client | None = None,
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
        self._init_driver(
            http_client or sync_client(self._settings.base_url, timeout=self._settings.timeout),
            owns_http=http_client is None,
            sleep=time.sleep,
        )

    def _init_driver(
        self, http: httpx.Client, *, owns_http: bool, sleep: Callable[[float], None]
    ) -> None:
        self._http = http
        self._owns_http = owns_http
        self._sleep = sleep  # injectable for tests, with `_clock`
        # How a wait by callback idles until a callback wakes it (tests pass a fake-clock one).
        self._idle: Callable[[float, threading.Event], object] = _idle
        self._bind_resources(self)

    def _clone(self, settings: Settings) -> Self:
        clone = type(self).__new__(type(self))
        clone._init_copy(self, settings)
        # The original owns the connections: closing the copy must not close them.
        clone._init_driver(self._http, owns_http=False, sleep=self._sleep)
        clone._idle = self._idle
        return clone

    def _drive(self, flow: Flow[T], on_update: OnUpdate | None = None) -> T:
        result: Any = None
        try:
            while True:
                try:
                    effect = flow.send(result)
                except StopIteration as stop:
                    return stop.value  # type: ignore[no-any-return]
                result = self._perform(effect, on_update)
        finally:
            flow.close()

    def _perform(self, effect: Effect, on_update: OnUpdate | None) -> Any:
        match effect:
            case Send():
                return self._send(effect)
            case Sleep(seconds):
                self._sleep(seconds)
            case Notify(task):
                if on_update is not None:
                    on_update(task)
            case RenewAuth():
                self._renew()
            case Stream():
                return self._stream(effect)
            case Listen():
                return self._listen(effect)
            case _:
                assert_never(effect)
        return None

    def _listen(self, effect: Listen) -> Any:
        """The inbox's new events about the task, waiting up to `effect.seconds` for one."""
        wake = threading.Event()
        unwatch = effect.source.watch(wake.set)
        try:
            end = self._clock() + effect.seconds
            while True:
                wake.clear()
                events = effect.source.events(effect.idents, effect.after)
                left = end - self._clock()
                if events or left <= 0:
                    return events
                # Woken by a callback stored in this process; re-read now and then for one
                # stored by another process sharing the inbox file.
                self._idle(min(left, LISTEN_RECHECK_SECONDS), wake)
        finally:
            unwatch()

    def _send(self, effect: Send) -> Sent:
        request, deadline = self._with_timeout(effect)
        started = time.perf_counter()
        sent = Sent()
        try:
            with within(deadline):  # the whole exchange, headers included
                response = self._http.send(request, auth=self._settings.auth, stream=True)
                try:
                    body = AnswerBody(self._context.max_answer_bytes, deadline)
                    if body.begin(response):
                        for chunk in response.iter_raw():
                            if not body.feed(chunk):
                                break
                    sent = body.sent(response)
                except httpx.DecodingError as exc:
                    sent = AnswerBody.undecodable(response, exc)
                finally:
                    response.close()
        except httpx.RequestError as exc:
            sent = Sent(error=exc)
        log_exchange(request, sent, started, self._settings.secrets)
        return sent

    def _stream(self, eff: Stream) -> Streamed:
        from ._download_io import Receiver  # here: only a download streams

        # Only the User-Agent: the caller's other default_headers may be meant for the API alone.
        receiver = Receiver(eff, self._clock, user_agent=self._settings.headers["User-Agent"])
        try:
            with within(receiver.deadline):  # the whole exchange, headers included
                request = receiver.request(self._http, self._settings.timeout)
                while True:
                    response = self._http.send(request, stream=True, follow_redirects=False)
                    try:
                        step = receiver.answer(response)
                        if isinstance(step, httpx.Request):
                            request = step  # a redirect hop, checked before it is followed
                            continue
                        if step is not None:
                            return step
                        for chunk in response.iter_bytes():
                            if (stop := receiver.feed(chunk)) is not None:
                                return stop
                        return receiver.done()
                    finally:
                        response.close()
        except (httpx.RequestError, httpx.InvalidURL) as exc:
            return receiver.failed(exc)

    def download(
        self,
        task: Task | CallResult,
        dest: str | Path = ".",
        *,
        on_progress: ProgressCallback | None = None,
        max_bytes: int | None = DOWNLOAD_MAX_BYTES,
        timeout: float | None = DOWNLOAD_TIMEOUT,
        audio_format: AudioFormat = "mp3",
    ) -> list[Path]:
        """Save a finished task's files: its videos, images and audio (`task.outputs`).

        Args:
            task: A succeeded task, or a call's answer that names files (`CallResult`).
            dest: A folder (an existing one, one ending in `/`, or a name without suffix): each
                file is named after the task id, made a safe file name (`<task_id>.mp4`,
                `<task_id>-2.png`), with its kind's extension: `.mp4`; an image's from its URL
                (`.png`, `.jpg`, `.webp`), else from the answer's Content-Type (else `.png`);
                `.mp3` or `.wav` for audio. Otherwise the file for a task's only output.
            on_progress: Called with (bytes received, total or None) as the download runs.
            max_bytes: Refuse a video larger than this (default 2 GiB); None for no cap.
            timeout: Seconds for each video's whole download, retries included (default an
                hour); None for no limit. A stalled connection also ends at the read timeout.
            audio_format: Which file of each audio track to save, `"mp3"` (default) or
                `"wav"` (when the track offers only the other, that one is saved).

        Returns:
            The saved files. Each appears under its name only once complete and verified.

        Raises:
            ResponseValidationError: the URL is not http(s) (or plain http from an https API),
                or the answer is a web page or JSON, too large, or undecodable.
            APITimeoutError: `timeout` passed.
            APIConnectionError: the transfer kept breaking off, or redirected in a loop.
        """
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
                fetched = self._drive(self._fetch(target.url, part, limits, on_progress))
                saved.append(part.commit(final_path(target, fetched.media_type)))
        return saved

    def resource_packs(
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
        return read_packs(self.resource(ACCOUNT_COSTS)(**query))

    def resource(self, kind: str) -> Resource:
        """Any endpoint of the spec by its path name, e.g. `resource("text2video")`.

        The same `create`/`get`/`wait`/`run`/`list` as the typed attributes, with untyped keyword
        arguments (still validated against the spec): an endpoint added to `openapi/kling.yaml`
        works after `scripts/regenerate`, before it has an attribute of its own. `kind` may be
        the name (`"motion-control"`), the Python name or the spec path
        (`"/v1/images/generations"`).

        A synchronous call (`"identify-face"`, `"/account/costs"`) gives a `CallResource`:
        call it with the fields, `client.resource("identify-face")(video_url=...)`, for a
        `CallResult`. A `POST` call is never sent again after an ambiguous failure.

        Raises:
            ValidationError: the spec has no such endpoint (the known ones are listed).
        """
        target = resource_endpoint(self, kind)
        if isinstance(target, Call):
            return CallResource(self, target)
        return Resource(self, target)

    def close(self) -> None:
        """Close the HTTP connections this client opened (not a client you passed in)."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


# The attributes are generated from the spec; help(Kling) lists them like any other.
Kling.__doc__ = list_resources(Kling.__doc__, KlingResources)
