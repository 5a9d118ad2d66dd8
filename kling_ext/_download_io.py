"""The file side of a download, shared by both drivers: a private `.part` file, and the writing
of one answer into it within the limits `_download` decides.

Each download gets its own `.part` (a random suffix, created exclusively), so two processes
saving the same video into one folder never write, resume or rename each other's half file.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import BinaryIO, Self

import httpx

from ._constants import DOWNLOAD_MAX_REDIRECTS, PART_NAME_MAX_BYTES
from ._download import (
    answer_problem,
    capped_timeout,
    failure_from,
    head_problem,
    plain_http_hop,
    too_large,
)
from ._exceptions import KlingError
from ._flow import Stream, Streamed
from ._wire import identity_headers

__all__ = ["PartFile", "Receiver", "part_files", "part_path"]

# The random part of a `.part` file's name: 8 bytes, 16 hex digits, never guessed or reused.
PART_TOKEN_BYTES = 8


def _part_prefix(target: Path) -> str:
    """What every `.part` name of `target` starts with: a dot and (the start of) its name."""
    stem = target.name.encode("utf-8", "surrogateescape")[:PART_NAME_MAX_BYTES]
    return f".{stem.decode('utf-8', 'ignore')}."


def part_path(target: Path) -> Path:
    """A new `.part` name beside `target`: `.<name>.<16 hex>.part`, the name cut to
    `PART_NAME_MAX_BYTES` so that a long target name still fits.

    The one place that builds the name; `part_files` is the one that recognises it.
    """
    token = secrets.token_hex(PART_TOKEN_BYTES)
    return target.with_name(f"{_part_prefix(target)}{token}.part")


def part_files(target: Path) -> list[Path]:
    """The `.part` files of `target` in its folder: half downloads, ours or a dead process's.

    Only names `part_path` makes match (prefix, a token of exactly its length in lowercase hex,
    `.part`), so no file of the user's is taken for one.
    """
    prefix = _part_prefix(target)
    token = re.compile(f"[0-9a-f]{{{2 * PART_TOKEN_BYTES}}}")
    found = []
    with contextlib.suppress(OSError), os.scandir(target.parent) as entries:
        for entry in entries:
            name = entry.name
            if (
                name.startswith(prefix)
                and name.endswith(".part")
                and token.fullmatch(name[len(prefix) : -len(".part")])
            ):
                found.append(Path(entry.path))
    return found


class PartFile:
    """A `.part` file of our own beside `target`; it takes the target's name only by `commit`.

    Leaving the `with` block removes it unless it was committed: a failed download leaves no
    debris, and the target name never holds a partial file.
    """

    def __init__(self, target: Path) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        self.path = part_path(target)
        self.file: BinaryIO = self.path.open("xb")  # exclusive: never someone else's file

    def commit(self, target: Path) -> Path:
        """Make the complete file durable, then give it the target's name in one step."""
        self.file.flush()
        os.fsync(self.file.fileno())
        self.file.close()
        os.replace(self.path, target)
        return target

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.file.close()
        self.path.unlink(missing_ok=True)


class Receiver:
    """Writes one answer to a `Stream` effect into its file; each step says whether to stop.

    The drivers only send the requests and iterate the body (sync or async); every check on the
    way (each redirect hop, status, headers, first bytes, size cap, deadline, httpx errors) is
    made here, once.
    """

    def __init__(self, eff: Stream, clock: Callable[[], float], *, user_agent: str) -> None:
        self._eff = eff
        self._clock = clock
        self._user_agent = user_agent
        self._status: int | None = None
        self._size = eff.offset
        self._expected: int | None = None
        self._sniff = False
        self._hops = 0
        self._media_type: str | None = None

    @property
    def headers(self) -> dict[str, str]:
        """The request headers: the User-Agent, no content coding (`identity`: the size cap
        counts what is written), and a Range from the bytes already written."""
        headers = identity_headers({"User-Agent": self._user_agent})
        if self._eff.offset:
            headers["Range"] = f"bytes={self._eff.offset}-"
        return headers

    def timeout(self, base: httpx.Timeout) -> httpx.Timeout:
        """The request timeout, capped by the time left before the deadline."""
        return capped_timeout(base, self._left())

    @property
    def deadline(self) -> float | None:
        """When this attempt must end, headers included, in `time.monotonic()` seconds (the
        drivers bound the whole exchange by it: `_wire.deadline`, `_wire.async_deadline`)."""
        left = self._left()
        return None if left is None else time.monotonic() + left

    def _left(self) -> float | None:
        return None if self._eff.deadline is None else self._eff.deadline - self._clock()

    def request(
        self, client: httpx.Client | httpx.AsyncClient, base: httpx.Timeout
    ) -> httpx.Request:
        """The first request of this attempt; the drivers send it without following redirects
        (`follow` decides each hop)."""
        return client.build_request(
            "GET", self._eff.url, headers=self.headers, timeout=self.timeout(base)
        )

    def answer(self, response: httpx.Response) -> httpx.Request | Streamed | None:
        """What to do with a response: follow it (the next hop's request), stop (a `Streamed`),
        or None: read its body with `feed`."""
        return self.follow(response) or self.begin(response)

    def follow(self, response: httpx.Response) -> httpx.Request | Streamed | None:
        """The next request when `response` redirects, a `Streamed` when the hop is refused, or
        None: `response` is the answer.

        Each hop is checked before it is requested: a plain-http hop anywhere in the chain is
        refused like a final one (over it anyone on the way can send the chain on to a video of
        their choosing, even back over https), and a redirect's body is never read (it could be
        endless, or a compression bomb).
        """
        hop = response.next_request
        if hop is None:
            return None
        self._hops += 1
        url, status = self._eff.url, response.status_code
        if self._hops > DOWNLOAD_MAX_REDIRECTS:
            problem = failure_from(httpx.TooManyRedirects("too many redirects"), url)
            assert problem is not None
            return Streamed(status, self._eff.offset, None, failure=problem)
        scheme = hop.url.scheme
        if scheme not in ("http", "https"):
            problem = failure_from(httpx.UnsupportedProtocol(f"a redirect to {scheme}:"), url)
            assert problem is not None
            return Streamed(status, self._eff.offset, None, failure=problem)
        if scheme == "http" and not self._eff.allow_http:
            return Streamed(status, self._eff.offset, None, failure=plain_http_hop(hop.url, status))
        return hop

    def begin(self, response: httpx.Response) -> Streamed | None:
        """Read the status and headers; a `Streamed` means: stop here, the body is not wanted."""
        self._status = response.status_code
        eff = self._eff
        plan = answer_problem(
            response,
            eff.offset,
            max_bytes=eff.max_bytes,
            allow_http=eff.allow_http,
            now=time.time(),
        )
        if isinstance(plan, Streamed):
            return plan
        self._size, self._expected, self._sniff = plan.start, plan.expected, plan.start == 0
        self._media_type = plan.media_type
        eff.file.seek(plan.start)
        eff.file.truncate()
        return None

    def feed(self, chunk: bytes) -> Streamed | None:
        """Write one piece of the body; a `Streamed` means: stop reading, here is the result."""
        eff = self._eff
        if self._sniff and chunk.strip():
            self._sniff = False
            problem = head_problem(chunk, eff.url, self._status or 0)
            if problem is not None:
                return self._stop(problem)
        if eff.max_bytes is not None and self._size + len(chunk) > eff.max_bytes:
            return self._stop(too_large(eff.url, self._size + len(chunk), eff.max_bytes))
        eff.file.write(chunk)
        self._size += len(chunk)
        if eff.on_progress is not None:
            eff.on_progress(self._size, self._expected)
        if self._past_deadline():
            return Streamed(self._status, self._size, self._expected, timed_out=True)
        return None

    def done(self) -> Streamed:
        """The body ended."""
        return Streamed(self._status, self._size, self._expected, media_type=self._media_type)

    def failed(self, exc: httpx.RequestError | httpx.InvalidURL) -> Streamed:
        """The request or the body raised: a final failure, or a cut transfer to retry."""
        failure = failure_from(exc, self._eff.url)
        if isinstance(exc, httpx.TimeoutException) and self._past_deadline():
            return Streamed(self._status, self._size, self._expected, timed_out=True)
        if failure is not None:
            return self._stop(failure)
        if isinstance(exc, httpx.TransportError):
            return Streamed(self._status, self._size, self._expected, error=exc)
        raise exc  # pragma: no cover - every other RequestError is classified by failure_from

    def _stop(self, failure: KlingError) -> Streamed:
        return Streamed(self._status, self._size, self._expected, failure=failure)

    def _past_deadline(self) -> bool:
        return self._eff.deadline is not None and self._clock() >= self._eff.deadline
