"""The file side of a download, shared by both drivers: a private `.part` file, and the writing
of one answer into it within the limits `_download` decides.

Each download gets its own `.part` (a random suffix, created exclusively), so two processes
saving the same video into one folder never write, resume or rename each other's half file.
"""

from __future__ import annotations

import os
import secrets
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import BinaryIO, Self

import httpx

from ._constants import PART_NAME_MAX_BYTES
from ._download import (
    answer_problem,
    capped_timeout,
    failure_from,
    head_problem,
    too_large,
)
from ._exceptions import KlingError
from ._flow import Stream, Streamed

__all__ = ["PartFile", "Receiver"]


class PartFile:
    """A `.part` file of our own beside `target`; it takes the target's name only by `commit`.

    Leaving the `with` block removes it unless it was committed: a failed download leaves no
    debris, and the target name never holds a partial file.
    """

    def __init__(self, target: Path) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        stem = target.name.encode("utf-8", "surrogateescape")[:PART_NAME_MAX_BYTES]
        token = secrets.token_hex(8)
        self.path = target.with_name(f".{stem.decode('utf-8', 'ignore')}.{token}.part")
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

    The drivers only open the request and iterate the body (sync or async); every check on the
    way (status, headers, first bytes, size cap, deadline, httpx errors) is made here, once.
    """

    def __init__(self, eff: Stream, clock: Callable[[], float], *, user_agent: str) -> None:
        self._eff = eff
        self._clock = clock
        self._user_agent = user_agent
        self._status: int | None = None
        self._size = eff.offset
        self._expected: int | None = None
        self._sniff = False

    @property
    def headers(self) -> dict[str, str]:
        """The request headers: the User-Agent, and a Range from the bytes already written."""
        headers = {"User-Agent": self._user_agent}
        if self._eff.offset:
            headers["Range"] = f"bytes={self._eff.offset}-"
        return headers

    def timeout(self, base: httpx.Timeout) -> httpx.Timeout:
        """The request timeout, capped by the time left before the deadline."""
        left = None if self._eff.deadline is None else self._eff.deadline - self._clock()
        return capped_timeout(base, left)

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
        return Streamed(self._status, self._size, self._expected)

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
