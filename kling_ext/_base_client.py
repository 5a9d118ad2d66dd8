"""What `Kling` and `AsyncKling` share: settings, policies, the flow context, `with_options`.

The two drivers (`_sync_client.py`, `_async_client.py`) only send, sleep and write; everything
that decides (building requests, reading answers, retrying, polling, recovering an ambiguous
create, downloading safely) lives in the sans-I/O flows of `_flow.py` and `_download.py`. This
module holds the hand-written part both drivers have in common and does no I/O itself; the typed
per-endpoint attributes are generated into `_resources_generated.py`.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Self

import attrs
import httpx

from ._auth import JWTAuth, redact
from ._download import DownloadLimits, Fetched, capped_timeout, download_flow
from ._exceptions import ValidationError
from ._flow import Context, Flow, Send, Sent
from ._polling import DEFAULT_POLL_SCHEDULE, PollSchedule
from ._resource_base import _AsyncResource, _Resource
from ._retry import RetryPolicy
from ._settings import Settings, resolve_retries, resolve_timeout
from ._spec import Call, Endpoint, calls, endpoints, operation

if TYPE_CHECKING:
    from ._download_io import PartFile

logger = logging.getLogger("kling_ext")

ProgressCallback = Callable[[int, int | None], None]
"""Called with (bytes received, total bytes or None) while a file downloads."""


def log_exchange(
    request: httpx.Request,
    sent: Sent,
    started: float,
    secrets: tuple[str, ...],
) -> None:
    """One debug line per API exchange (method, path, status or error, time), secrets cut out."""
    # Each client redacts its own lines: no process-wide list of every key ever used.
    if not logger.isEnabledFor(logging.DEBUG):
        return
    elapsed_ms = (time.perf_counter() - started) * 1000
    response = sent.response
    outcome = type(sent.error).__name__ if response is None else str(response.status_code)
    line = f"{request.method} {request.url.path} -> {outcome} in {elapsed_ms:.0f} ms"
    logger.debug("%s", redact(line, secrets))


def resource_endpoint(client: object, kind: str) -> Endpoint | Call:
    """The task endpoint or call `client.resource(kind)` works on (by name, Python name or spec
    path), or a ValidationError naming the known ones."""
    try:
        ep = operation(kind)
    except KeyError:
        allowed = ", ".join(sorted([*endpoints(), *calls()]))
        raise ValidationError("kind", f"{kind!r} is not an endpoint of the spec", allowed) from None
    if isinstance(ep, Call):
        return ep
    if isinstance(getattr(client, ep.attr, None), _Resource | _AsyncResource):
        return ep
    # An endpoint added to the spec has no attribute: error hints must name the way it is reached.
    return attrs.evolve(ep, attr=f"resource({ep.kind!r})")


def list_resources(doc: str | None, resources: type) -> str:
    """`doc` with `{resources}` replaced by the generated per-endpoint attribute list."""
    listed = (resources.__doc__ or "").split("Attributes:\n", 1)[-1].strip()
    return (doc or "").replace("{resources}", listed)


class _BaseClient:
    """What both clients share: settings, policies, the flow context. No I/O.

    `with_options` builds its copy field by field (`_init_copy` here, then the driver's
    `_init_driver`), never by copying the instance wholesale: each field the copy has is set on
    purpose, and the HTTP connections are shared but owned (and closed) by the original only.
    """

    _settings: Settings
    _plain_http_videos: bool
    _rng: random.Random
    _clock: Callable[[], float]
    _context: Context
    _owns_http: bool

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
        settings = Settings.resolve(
            api_key=api_key,
            base_url=base_url,
            access_key=access_key,
            secret_key=secret_key,
            timeout=timeout,
            max_retries=max_retries,
            allow_insecure=allow_insecure,
            default_headers=default_headers,
        )
        self._settings = settings
        # Videos over plain http only where the API itself is (a local mock) or it was allowed.
        self._plain_http_videos = allow_insecure or settings.base_url.startswith("http:")
        self._rng = random.Random()  # noqa: S311 - jitter, not secrets
        # Injectable for tests: a fake clock runs a 10-minute wait in milliseconds.
        self._clock = time.monotonic
        self._context = Context(
            base_url=settings.base_url,
            policy=RetryPolicy(max_retries=settings.max_retries),
            schedule=poll_schedule or DEFAULT_POLL_SCHEDULE,
            clock=self._now,
            rand=self._rng.random,
            wall_clock=time.time,
            secrets=settings.secrets,
            auth_hint=settings.auth_hint,
        )

    def _init_copy(self, original: Self, settings: Settings) -> None:
        """Set the shared fields of a copy of `original` that uses `settings`."""
        self._settings = settings
        self._plain_http_videos = original._plain_http_videos
        self._rng = original._rng  # `original._context.rand` draws from it
        self._clock = original._clock  # a test's fake clock holds for the copy too
        self._context = attrs.evolve(
            original._context,
            policy=attrs.evolve(original._context.policy, max_retries=settings.max_retries),
            clock=self._now,
        )

    def _now(self) -> float:
        # Read `_clock` at each call, not once: tests replace it after the client is built.
        return self._clock()

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
        return self._clone(settings)

    def _clone(self, settings: Settings) -> Self:
        """A new client of this type on this one's connections, using `settings`."""
        raise NotImplementedError  # each driver builds its own: its HTTP client and sleep differ

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
    ) -> Flow[Fetched]:
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
