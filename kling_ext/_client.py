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
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self, TypeVar, Unpack, assert_never

import attrs
import httpx

from ._auth import JWTAuth, redact
from ._constants import DEFAULT_WAIT_TIMEOUT, DOWNLOAD_MAX_BYTES, DOWNLOAD_TIMEOUT
from ._docs import document_create
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
    create_task,
    get_task,
    list_tasks,
    wait_task,
)
from ._polling import DEFAULT_POLL_SCHEDULE, PollSchedule
from ._prepare import prepare_body
from ._retry import RetryPolicy
from ._settings import Settings, resolve_retries, resolve_timeout
from ._spec import Endpoint, endpoint, endpoints, load_spec
from ._task import Task
from ._task_ref import checked_task_ref, require_task, task_id_of

if TYPE_CHECKING:  # only the annotations need them; importing them costs start-up time
    from kling_ext_openapi.params import (
        Image2VideoParams,
        MotionControlParams,
        MultiImage2VideoParams,
        OmniVideoParams,
        Text2VideoParams,
    )

logger = logging.getLogger("kling_ext")
T = TypeVar("T")
OnUpdate = Callable[[Task], object]
"""Called with the task whenever its status changes (an async callback is awaited by AsyncKling)."""
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


def _max_page() -> int:
    """The highest `pageNum` the spec allows."""
    return int(load_spec()["components"]["parameters"]["PageNum"]["schema"]["maximum"])


def _repeats(tasks: list[Task], previous: list[Task]) -> bool:
    """True when a page is the previous page again (the gateway ignored `pageNum`)."""
    ids = [task.task_id for task in tasks]
    return bool(ids) and ids == [task.task_id for task in previous]


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


class Kling(_BaseClient):
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
        text2video (Text2Video): Text to video.
        image2video (Image2Video): Image (start and optional end frame) to video.
        motion_control (MotionControl): A character image driven by a reference video's motion.
        omni_video (OmniVideo): Omni models: continuation, editing, multi-shot, element references.
        multi_image2video (MultiImage2Video): Legacy multi-image to video (kling-v1-6).

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
        self._http = http_client or httpx.Client(timeout=self._settings.timeout)
        self._sleep: Callable[[float], None] = time.sleep
        self.text2video = Text2Video(self, endpoint("text2video"))
        """Text to video."""
        self.image2video = Image2Video(self, endpoint("image2video"))
        """Image (start and optional end frame) to video."""
        self.motion_control = MotionControl(self, endpoint("motion-control"))
        """A character image driven by a reference video's motion."""
        self.omni_video = OmniVideo(self, endpoint("omni-video"))
        """Omni models: continuation, editing, multi-shot, element references."""
        self.multi_image2video = MultiImage2Video(self, endpoint("multi-image2video"))
        """Legacy multi-image to video (kling-v1-6)."""

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
            response = self._http.send(request, auth=self._settings.auth, stream=True)
            try:
                body = AnswerBody(self._context.max_answer_bytes, deadline)
                if not body.refuses(response.headers):
                    for chunk in response.iter_bytes():
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
            with self._http.stream(
                "GET",
                eff.url,
                headers=receiver.headers,
                follow_redirects=True,
                timeout=receiver.timeout(self._settings.timeout),
            ) as response:
                stop = receiver.begin(response)
                if stop is not None:
                    return stop
                for chunk in response.iter_bytes():
                    stop = receiver.feed(chunk)
                    if stop is not None:
                        return stop
        except (httpx.RequestError, httpx.InvalidURL) as exc:
            return receiver.failed(exc)
        return receiver.done()

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


class _Resource:
    """Operations on one endpoint's tasks (sync)."""

    def __init__(self, client: Kling, ep: Endpoint) -> None:
        self._client = client
        self._ep = ep

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._ep.kind}>"

    def _create(self, params: Any) -> Task:
        body = prepare_body(self._ep.kind, params)
        return self._client._drive(create_task(self._client._context, self._ep, body))

    def get(self, task: Task | str) -> Task:
        """The task now, by a `Task`, its `task_id` or the `external_task_id` you gave it."""
        task_id = task_id_of(task, "get")
        return self._client._drive(get_task(self._client._context, self._ep, task_id))

    def wait(
        self,
        task: Task | str,
        *,
        timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        on_update: OnUpdate | None = None,
    ) -> Task:
        """Poll until the task is final.

        Args:
            task: A `Task`, or a task id / external_task_id (to resume a wait).
            timeout: Seconds to wait; `None` waits for ever.
            on_update: Called with the task whenever its status changes.

        Raises:
            TaskFailedError: the task failed (the gateway's reason is in the message).
            TaskTimeoutError: still running at the deadline, or not read before it (the
                gateway did not answer in time); resume with `wait(task_id)`.
        """
        task = checked_task_ref(task, "wait")
        flow = wait_task(self._client._context, self._ep, task, timeout)
        return self._client._drive(flow, on_update)

    def list(self, *, page: int = 1, page_size: int = 30) -> list[Task]:
        """One page of this endpoint's tasks, newest first (`pageNum`/`pageSize`)."""
        return self._client._drive(list_tasks(self._client._context, self._ep, page, page_size))

    def iter_all(self, *, page_size: int = 30) -> Iterator[Task]:
        """Every task of this endpoint, newest first, fetching page after page as you iterate.

        Stops after the last page: one shorter than `page_size`, or one that repeats the page
        before it (a gateway that ignores `pageNum`), or the highest page number the API allows.
        """
        previous: list[Task] = []
        for page in range(1, _max_page() + 1):
            tasks = self.list(page=page, page_size=page_size)
            if _repeats(tasks, previous):
                return
            yield from tasks
            if len(tasks) < page_size:
                return
            previous = tasks

    def _run(self, params: Any, timeout: float | None, on_update: OnUpdate | None) -> Task:
        task = self._create(params)
        if on_update is not None:
            on_update(task)
        return self.wait(task, timeout=timeout, on_update=on_update)


class Text2Video(_Resource):
    """Text-to-video tasks."""

    def create(self, **params: Unpack[Text2VideoParams]) -> Task:
        """Create a task (validated before sending; never created twice). Returns it submitted."""
        return self._create(params)

    def run(
        self,
        *,
        timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        on_update: OnUpdate | None = None,
        **params: Unpack[Text2VideoParams],
    ) -> Task:
        """Create a task and wait until it is final."""
        return self._run(params, timeout, on_update)


class Image2Video(_Resource):
    """Image-to-video tasks."""

    def create(self, **params: Unpack[Image2VideoParams]) -> Task:
        """Create a task (validated before sending; never created twice). Returns it submitted."""
        return self._create(params)

    def run(
        self,
        *,
        timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        on_update: OnUpdate | None = None,
        **params: Unpack[Image2VideoParams],
    ) -> Task:
        """Create a task and wait until it is final."""
        return self._run(params, timeout, on_update)


class MotionControl(_Resource):
    """Motion-control tasks."""

    def create(self, **params: Unpack[MotionControlParams]) -> Task:
        """Create a task (validated before sending; never created twice). Returns it submitted."""
        return self._create(params)

    def run(
        self,
        *,
        timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        on_update: OnUpdate | None = None,
        **params: Unpack[MotionControlParams],
    ) -> Task:
        """Create a task and wait until it is final."""
        return self._run(params, timeout, on_update)


class OmniVideo(_Resource):
    """Omni-video tasks."""

    def create(self, **params: Unpack[OmniVideoParams]) -> Task:
        """Create a task (validated before sending; never created twice). Returns it submitted."""
        return self._create(params)

    def run(
        self,
        *,
        timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        on_update: OnUpdate | None = None,
        **params: Unpack[OmniVideoParams],
    ) -> Task:
        """Create a task and wait until it is final."""
        return self._run(params, timeout, on_update)


class MultiImage2Video(_Resource):
    """Legacy multi-image-to-video tasks."""

    def create(self, **params: Unpack[MultiImage2VideoParams]) -> Task:
        """Create a task (validated before sending; never created twice). Returns it submitted."""
        return self._create(params)

    def run(
        self,
        *,
        timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        on_update: OnUpdate | None = None,
        **params: Unpack[MultiImage2VideoParams],
    ) -> Task:
        """Create a task and wait until it is final."""
        return self._run(params, timeout, on_update)


class Resource(_Resource):
    """Tasks of any endpoint of the spec (`Kling.resource(kind)`); fields as keyword arguments."""

    def create(self, **params: Any) -> Task:
        """Create a task (validated before sending; never created twice). Returns it submitted."""
        return self._create(params)

    def run(
        self,
        *,
        timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        on_update: OnUpdate | None = None,
        **params: Any,
    ) -> Task:
        """Create a task and wait until it is final."""
        return self._run(params, timeout, on_update)


# ------------------------------------------------------------------ async


class AsyncKling(_BaseClient):
    """The Kling video API, with `await`. Same arguments and behaviour as `Kling`.

    `http_client` takes an `httpx.AsyncClient`; `on_update` callbacks may be async.

    Attributes:
        text2video (AsyncText2Video): Text to video.
        image2video (AsyncImage2Video): Image (start and optional end frame) to video.
        motion_control (AsyncMotionControl): A character image driven by a reference video.
        omni_video (AsyncOmniVideo): Omni models: continuation, editing, multi-shot, elements.
        multi_image2video (AsyncMultiImage2Video): Legacy multi-image to video (kling-v1-6).
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
        self._http = http_client or httpx.AsyncClient(timeout=self._settings.timeout)
        import asyncio  # here, not at the top: it costs a sync-only user ~20 ms of import time

        self._sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
        self.text2video = AsyncText2Video(self, endpoint("text2video"))
        """Text to video."""
        self.image2video = AsyncImage2Video(self, endpoint("image2video"))
        """Image (start and optional end frame) to video."""
        self.motion_control = AsyncMotionControl(self, endpoint("motion-control"))
        """A character image driven by a reference video's motion."""
        self.omni_video = AsyncOmniVideo(self, endpoint("omni-video"))
        """Omni models: continuation, editing, multi-shot, element references."""
        self.multi_image2video = AsyncMultiImage2Video(self, endpoint("multi-image2video"))
        """Legacy multi-image to video (kling-v1-6)."""

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
            response = await self._http.send(request, auth=self._settings.auth, stream=True)
            try:
                body = AnswerBody(self._context.max_answer_bytes, deadline)
                if not body.refuses(response.headers):
                    async for chunk in response.aiter_bytes():
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
            async with self._http.stream(
                "GET",
                eff.url,
                headers=receiver.headers,
                follow_redirects=True,
                timeout=receiver.timeout(self._settings.timeout),
            ) as response:
                stop = receiver.begin(response)
                if stop is not None:
                    return stop
                async for chunk in response.aiter_bytes():
                    stop = receiver.feed(chunk)
                    if stop is not None:
                        return stop
        except (httpx.RequestError, httpx.InvalidURL) as exc:
            return receiver.failed(exc)
        return receiver.done()

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


class _AsyncResource:
    """Operations on one endpoint's tasks (async); see `_Resource`."""

    def __init__(self, client: AsyncKling, ep: Endpoint) -> None:
        self._client = client
        self._ep = ep

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._ep.kind}>"

    async def _create(self, params: Any) -> Task:
        body = prepare_body(self._ep.kind, params)
        return await self._client._drive(create_task(self._client._context, self._ep, body))

    async def get(self, task: Task | str) -> Task:
        """The task now, by a `Task`, its `task_id` or the `external_task_id` you gave it."""
        task_id = task_id_of(task, "get")
        return await self._client._drive(get_task(self._client._context, self._ep, task_id))

    async def wait(
        self,
        task: Task | str,
        *,
        timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        on_update: OnUpdate | None = None,
    ) -> Task:
        """Poll until the task is final; see `_Resource.wait`. Cancellation stops cleanly."""
        task = checked_task_ref(task, "wait")
        flow = wait_task(self._client._context, self._ep, task, timeout)
        return await self._client._drive(flow, on_update)

    async def list(self, *, page: int = 1, page_size: int = 30) -> list[Task]:
        """One page of this endpoint's tasks, newest first."""
        return await self._client._drive(
            list_tasks(self._client._context, self._ep, page, page_size)
        )

    async def iter_all(self, *, page_size: int = 30) -> AsyncIterator[Task]:
        """Every task of this endpoint, page after page; see `_Resource.iter_all`."""
        previous: list[Task] = []
        for page in range(1, _max_page() + 1):
            tasks = await self.list(page=page, page_size=page_size)
            if _repeats(tasks, previous):
                return
            for task in tasks:
                yield task
            if len(tasks) < page_size:
                return
            previous = tasks

    async def _run(self, params: Any, timeout: float | None, on_update: OnUpdate | None) -> Task:
        task = await self._create(params)
        if on_update is not None:
            outcome = on_update(task)
            if inspect.isawaitable(outcome):
                await outcome
        return await self.wait(task, timeout=timeout, on_update=on_update)


class AsyncText2Video(_AsyncResource):
    """Text-to-video tasks (async)."""

    async def create(self, **params: Unpack[Text2VideoParams]) -> Task:
        """Create a task (validated before sending; never created twice)."""
        return await self._create(params)

    async def run(
        self,
        *,
        timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        on_update: OnUpdate | None = None,
        **params: Unpack[Text2VideoParams],
    ) -> Task:
        """Create a task and wait until it is final."""
        return await self._run(params, timeout, on_update)


class AsyncImage2Video(_AsyncResource):
    """Image-to-video tasks (async)."""

    async def create(self, **params: Unpack[Image2VideoParams]) -> Task:
        """Create a task (validated before sending; never created twice)."""
        return await self._create(params)

    async def run(
        self,
        *,
        timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        on_update: OnUpdate | None = None,
        **params: Unpack[Image2VideoParams],
    ) -> Task:
        """Create a task and wait until it is final."""
        return await self._run(params, timeout, on_update)


class AsyncMotionControl(_AsyncResource):
    """Motion-control tasks (async)."""

    async def create(self, **params: Unpack[MotionControlParams]) -> Task:
        """Create a task (validated before sending; never created twice)."""
        return await self._create(params)

    async def run(
        self,
        *,
        timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        on_update: OnUpdate | None = None,
        **params: Unpack[MotionControlParams],
    ) -> Task:
        """Create a task and wait until it is final."""
        return await self._run(params, timeout, on_update)


class AsyncOmniVideo(_AsyncResource):
    """Omni-video tasks (async)."""

    async def create(self, **params: Unpack[OmniVideoParams]) -> Task:
        """Create a task (validated before sending; never created twice)."""
        return await self._create(params)

    async def run(
        self,
        *,
        timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        on_update: OnUpdate | None = None,
        **params: Unpack[OmniVideoParams],
    ) -> Task:
        """Create a task and wait until it is final."""
        return await self._run(params, timeout, on_update)


class AsyncMultiImage2Video(_AsyncResource):
    """Legacy multi-image-to-video tasks (async)."""

    async def create(self, **params: Unpack[MultiImage2VideoParams]) -> Task:
        """Create a task (validated before sending; never created twice)."""
        return await self._create(params)

    async def run(
        self,
        *,
        timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        on_update: OnUpdate | None = None,
        **params: Unpack[MultiImage2VideoParams],
    ) -> Task:
        """Create a task and wait until it is final."""
        return await self._run(params, timeout, on_update)


class AsyncResource(_AsyncResource):
    """Tasks of any endpoint of the spec (`AsyncKling.resource(kind)`), async."""

    async def create(self, **params: Any) -> Task:
        """Create a task (validated before sending; never created twice)."""
        return await self._create(params)

    async def run(
        self,
        *,
        timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        on_update: OnUpdate | None = None,
        **params: Any,
    ) -> Task:
        """Create a task and wait until it is final."""
        return await self._run(params, timeout, on_update)


# The fields come from the spec at import (a few ms), so help() shows what validation enforces.
for _cls, _kind in (
    (Text2Video, "text2video"),
    (Image2Video, "image2video"),
    (MotionControl, "motion-control"),
    (OmniVideo, "omni-video"),
    (MultiImage2Video, "multi-image2video"),
    (AsyncText2Video, "text2video"),
    (AsyncImage2Video, "image2video"),
    (AsyncMotionControl, "motion-control"),
    (AsyncOmniVideo, "omni-video"),
    (AsyncMultiImage2Video, "multi-image2video"),
):
    document_create(_cls.create, endpoint(_kind))
    document_create(_cls.run, endpoint(_kind))
del _cls, _kind
