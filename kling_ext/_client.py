"""`Kling` and `AsyncKling`: two thin drivers of the same flows (`_flow.py`).

Everything that decides (building requests, reading answers, retrying, polling, recovering an
ambiguous create, downloading safely) is shared; the drivers only send, sleep and write.
"""

from __future__ import annotations

import copy
import inspect
import logging
import random
import time
from collections.abc import Awaitable, Callable, Mapping
from pathlib import Path
from types import TracebackType
from typing import Any, Self, TypeVar, assert_never

import attrs
import httpx

from ._auth import JWTAuth, redact
from ._constants import DOWNLOAD_MAX_BYTES, DOWNLOAD_TIMEOUT
from ._download import DownloadLimits, capped_timeout, download_flow, download_targets
from ._download_io import PartFile, Receiver
from ._exceptions import ValidationError
from ._flow import (
    AnswerBody,
    Context,
    Effect,
    Flow,
    Notify,
    RenewAuth,
    Send,
    Sent,
    Sleep,
    Stream,
    Streamed,
)
from ._polling import DEFAULT_POLL_SCHEDULE, PollSchedule
from ._resource_base import AsyncResource, OnUpdate, Resource, _AsyncResource, _Resource
from ._resources_generated import AsyncKlingResources, KlingResources
from ._retry import RetryPolicy
from ._settings import Settings, resolve_retries, resolve_timeout
from ._spec import Endpoint, endpoint, endpoints
from ._task import Task
from ._task_ref import require_task
from ._wire import async_client, async_within, sync_client, within

logger = logging.getLogger("kling_ext")
T = TypeVar("T")
ProgressCallback = Callable[[int, int | None], None]
"""Called with (bytes received, total bytes or None) while a video downloads."""


def _log_exchange(
    request: httpx.Request,
    sent: Sent,
    started: float,
    secrets: tuple[str, ...],
) -> None:
    # Each client redacts its own lines: no process-wide list of every key ever used.
    if not logger.isEnabledFor(logging.DEBUG):
        return
    elapsed_ms = (time.perf_counter() - started) * 1000
    response = sent.response
    outcome = type(sent.error).__name__ if response is None else str(response.status_code)
    line = f"{request.method} {request.url.path} -> {outcome} in {elapsed_ms:.0f} ms"
    logger.debug("%s", redact(line, secrets))


def _resource_endpoint(client: object, kind: str) -> Endpoint:
    """The endpoint `client.resource(kind)` works on, or a ValidationError naming the known ones."""
    try:
        ep = endpoint(kind)
    except KeyError:
        allowed = ", ".join(sorted(endpoints()))
        raise ValidationError("kind", f"{kind!r} is not an endpoint of the spec", allowed) from None
    if isinstance(getattr(client, ep.attr, None), _Resource | _AsyncResource):
        return ep
    # An endpoint added to the spec has no attribute: error hints must name the way it is reached.
    return attrs.evolve(ep, attr=f"resource({ep.kind!r})")


class _BaseClient:
    """What both clients share: settings, policies, the flow context. No I/O."""

    def __init__(
        self,
        api_key: str | None,
        base_url: str | None,
        *,
        timeout: float | httpx.Timeout | None,
        max_retries: int | None,
        access_key: str | None,
        secret_key: str | None,
        allow_insecure: bool,
        poll_schedule: PollSchedule | None,
        default_headers: Mapping[str, str] | None = None,
    ) -> None:
        self._settings = Settings.resolve(
            api_key=api_key,
            base_url=base_url,
            access_key=access_key,
            secret_key=secret_key,
            timeout=timeout,
            max_retries=max_retries,
            allow_insecure=allow_insecure,
            default_headers=default_headers,
        )
        # Videos over plain http only where the API itself is (a local mock) or it was allowed.
        self._plain_http_videos = allow_insecure or self._settings.base_url.startswith("http:")
        self._rng = random.Random()  # noqa: S311 - jitter, not secrets
        # Injectable for tests: a fake clock runs a 10-minute wait in milliseconds.
        self._clock: Callable[[], float] = time.monotonic
        self._context = Context(
            base_url=self._settings.base_url,
            policy=RetryPolicy(max_retries=self._settings.max_retries),
            schedule=poll_schedule or DEFAULT_POLL_SCHEDULE,
            clock=lambda: self._clock(),
            rand=self._rng.random,
            wall_clock=time.time,
            secrets=self._settings.secrets,
            auth_hint=self._settings.auth_hint,
        )

    @property
    def base_url(self) -> str:
        """The API's base URL, e.g. `https://api.agentsflare.com/klingai`."""
        return self._settings.base_url

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(base_url={self.base_url!r}, auth={self._settings.auth_hint!r})"
        )

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Self:
        """A client like this one with other per-request defaults, for one call or a few:
        `client.with_options(timeout=5).text2video.get(task_id)`.

        It shares this client's connections and credentials; closing it closes nothing.

        Args:
            timeout: Seconds (or an `httpx.Timeout`) per HTTP request; default: unchanged.
            max_retries: Retries of a failed request that is safe to retry; default: unchanged.

        Raises:
            ConfigurationError: a timeout of 0 or less, or a negative `max_retries`.
        """
        settings = attrs.evolve(
            self._settings,
            timeout=self._settings.timeout if timeout is None else resolve_timeout(timeout),
            max_retries=(
                self._settings.max_retries if max_retries is None else resolve_retries(max_retries)
            ),
        )
        clone = copy.copy(self)
        clone._settings = settings
        clone._context = attrs.evolve(
            self._context,
            policy=attrs.evolve(self._context.policy, max_retries=settings.max_retries),
            clock=lambda: clone._clock(),
        )
        clone.__dict__["_owns_http"] = False  # the original closes the shared connections
        # Resources hold their client: give the copy its own, bound to the new options.
        for name, value in list(vars(clone).items()):
            if isinstance(value, _Resource | _AsyncResource):
                setattr(clone, name, type(value)(clone, value._ep))  # type: ignore[arg-type]
        return clone

    def _with_timeout(self, effect: Send) -> tuple[httpx.Request, float | None]:
        """The request with its timeouts capped, and the monotonic deadline of its answer."""
        request = effect.request
        request.extensions["timeout"] = capped_timeout(
            self._settings.timeout, effect.timeout
        ).as_dict()
        request.headers.update(self._settings.headers)
        deadline = None if effect.timeout is None else time.monotonic() + effect.timeout
        return request, deadline

    def _fetch(
        self, url: str, part: PartFile, limits: DownloadLimits, on_progress: ProgressCallback | None
    ) -> Flow[int]:
        return download_flow(
            self._context,
            url,
            part.file,
            limits,
            allow_http=self._plain_http_videos,
            on_progress=on_progress,
        )

    def _renew(self) -> None:
        if isinstance(self._settings.auth, JWTAuth):
            self._settings.auth.renew()


# ------------------------------------------------------------------ sync


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
        self._owns_http = http_client is None
        self._http = http_client or sync_client(
            self._settings.base_url, timeout=self._settings.timeout
        )
        self._sleep: Callable[[float], None] = time.sleep
        self._bind_resources(self)

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
            case _:
                assert_never(effect)
        return None

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
        _log_exchange(request, sent, started, self._settings.secrets)
        return sent

    def _stream(self, eff: Stream) -> Streamed:
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
        task: Task,
        dest: str | Path = ".",
        *,
        on_progress: ProgressCallback | None = None,
        max_bytes: int | None = DOWNLOAD_MAX_BYTES,
        timeout: float | None = DOWNLOAD_TIMEOUT,
    ) -> list[Path]:
        """Save a finished task's videos.

        Args:
            task: A succeeded task.
            dest: A folder (an existing one, one ending in `/`, or a name without suffix): each
                video is named after the task id, made a safe file name (`<task_id>.mp4`,
                `<task_id>-2.mp4`). Otherwise the file for a task's only video.
            on_progress: Called with (bytes received, total or None) as the download runs.
            max_bytes: Refuse a video larger than this (default 2 GiB); None for no cap.
            timeout: Seconds for each video's whole download, retries included (default an
                hour); None for no limit. A stalled connection also ends at the read timeout.

        Returns:
            The saved files. Each appears under its name only once complete and verified.

        Raises:
            ResponseValidationError: the URL is not http(s) (or plain http from an https API),
                or the answer is a web page or JSON, too large, or undecodable.
            APITimeoutError: `timeout` passed.
            APIConnectionError: the transfer kept breaking off, or redirected in a loop.
        """
        task = require_task(task, "download")
        limits = DownloadLimits.checked(max_bytes, timeout)
        saved: list[Path] = []
        for url, target in download_targets(task, dest, allow_http=self._plain_http_videos):
            with PartFile(target) as part:
                self._drive(self._fetch(url, part, limits, on_progress))
                saved.append(part.commit(target))
        return saved

    def resource(self, kind: str) -> Resource:
        """Any endpoint of the spec by its path name, e.g. `resource("text2video")`.

        The same `create`/`get`/`wait`/`run`/`list` as the typed attributes, with untyped keyword
        arguments (still validated against the spec): an endpoint added to `openapi/kling.yaml`
        works after `scripts/regenerate`, before it has an attribute of its own.

        Raises:
            ValidationError: the spec has no such endpoint (the known ones are listed).
        """
        return Resource(self, _resource_endpoint(self, kind))

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


# ------------------------------------------------------------------ async


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
        self._owns_http = http_client is None
        self._http = http_client or async_client(
            self._settings.base_url, timeout=self._settings.timeout
        )
        import asyncio  # here, not at the top: it costs a sync-only user ~20 ms of import time

        self._sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
        self._bind_resources(self)

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
            case _:
                assert_never(effect)
        return None

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
        _log_exchange(request, sent, started, self._settings.secrets)
        return sent

    async def _stream(self, eff: Stream) -> Streamed:
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
        task: Task,
        dest: str | Path = ".",
        *,
        on_progress: ProgressCallback | None = None,
        max_bytes: int | None = DOWNLOAD_MAX_BYTES,
        timeout: float | None = DOWNLOAD_TIMEOUT,
    ) -> list[Path]:
        """Save a finished task's videos; see `Kling.download`."""
        task = require_task(task, "download")
        limits = DownloadLimits.checked(max_bytes, timeout)
        saved: list[Path] = []
        for url, target in download_targets(task, dest, allow_http=self._plain_http_videos):
            with PartFile(target) as part:
                await self._drive(self._fetch(url, part, limits, on_progress))
                saved.append(part.commit(target))
        return saved

    def resource(self, kind: str) -> AsyncResource:
        """Any endpoint of the spec by its path name; see `Kling.resource`.

        Raises:
            ValidationError: the spec has no such endpoint (the known ones are listed).
        """
        return AsyncResource(self, _resource_endpoint(self, kind))

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


def _list_resources(doc: str | None, resources: type) -> str:
    """`doc` with `{resources}` replaced by the generated per-endpoint attribute list."""
    listed = (resources.__doc__ or "").split("Attributes:\n", 1)[-1].strip()
    return (doc or "").replace("{resources}", listed)


# The attributes are generated from the spec; help(Kling) lists them like any other.
Kling.__doc__ = _list_resources(Kling.__doc__, KlingResources)
AsyncKling.__doc__ = _list_resources(AsyncKling.__doc__, AsyncKlingResources)
