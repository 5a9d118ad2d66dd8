"""Saving a task's videos, decided once for both clients: where each goes, whether to fetch it,
how to read each answer, when to retry and when to give up.

Everything here is pure but one look at the disk (is `dest` an existing folder?). The server's
text never becomes a path: file names are made from the
task id by `safe_name`, inside the folder the caller chose. The drivers (`_sync_client.py`,
`_async_client.py`) perform the `Stream` effects and the file work (`_download_io.py`): a
private `.part` file per download, renamed into place only by the caller once the flow returns.
"""

from __future__ import annotations

import os
import re
import unicodedata
import urllib.parse
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import attrs
import httpx

from ._constants import (
    DOWNLOAD_MAX_BYTES,
    DOWNLOAD_MAX_RETRIES,
    DOWNLOAD_TIMEOUT,
    MAX_VIDEOS_PER_TASK,
    SAFE_NAME_MAX_BYTES,
)
from ._exceptions import (
    APIConnectionError,
    APITimeoutError,
    KlingError,
    ResponseValidationError,
    TaskStateError,
    ValidationError,
    error_from_response,
)
from ._flow import Context, Flow, Sleep, Stream, Streamed
from ._retry import Outcome, Retry, TransportFailure, parse_retry_after
from ._task import AudioFormat, CallResult, Output, OutputKind, Task, outputs_of

__all__ = [
    "DownloadLimits",
    "Fetched",
    "Plan",
    "Target",
    "answer_problem",
    "capped_timeout",
    "check_video_url",
    "download_flow",
    "download_targets",
    "failure_from",
    "final_path",
    "head_problem",
    "plain_http_hop",
    "safe_name",
    "too_large",
    "too_slow",
]

# Characters no file name gets: separators on any OS, and those Windows forbids.
_FORBIDDEN = frozenset('/\\:*?"<>|')
# Names Windows reserves for devices, whatever the extension.
_DEVICES = frozenset(
    {
        "CON",
        "PRN",
        "AUX",
        "NUL",
        *(f"COM{i}" for i in range(1, 10)),
        *(f"LPT{i}" for i in range(1, 10)),
    }
)
_DOTS = re.compile(r"\.{2,}")
_CONTENT_RANGE = re.compile(r"^\s*bytes\s+(\d+)-(\d+)/(\d+|\*)\s*$", re.IGNORECASE)
# Media types of an error page or an API answer. Other text/* types are left to the sniff of the
# first bytes: a misconfigured CDN labelling a real video text/plain must not cost the video.
_NOT_VIDEO_TYPES = ("text/html", "application/json", "application/xml", "text/xml")
# How an error page or a JSON answer starts (after white space); no video container does.
_NOT_VIDEO_STARTS = (b"<", b"{", b"[")


@attrs.frozen(kw_only=True)
class DownloadLimits:
    """What stops a download that would never end.

    Attributes:
        max_bytes: Largest accepted video, in bytes; None for no cap.
        timeout: Seconds for the whole download of one video, retries included; None for none.
        max_retries: Retries after a cut connection or a 5xx, each resuming where it stopped.
    """

    max_bytes: int | None = DOWNLOAD_MAX_BYTES
    timeout: float | None = DOWNLOAD_TIMEOUT
    max_retries: int = DOWNLOAD_MAX_RETRIES

    @classmethod
    def checked(cls, max_bytes: int | None, timeout: float | None) -> DownloadLimits:
        """Limits from a caller's arguments.

        Raises:
            ValidationError: a cap or timeout that is not a positive number.
        """
        if max_bytes is not None and (
            not isinstance(max_bytes, int) or isinstance(max_bytes, bool) or max_bytes <= 0
        ):
            raise ValidationError(
                "max_bytes", f"{max_bytes!r} is not allowed", "a positive int or None"
            )
        if timeout is not None and (
            not isinstance(timeout, int | float) or isinstance(timeout, bool) or not timeout > 0
        ):
            raise ValidationError(
                "timeout", f"{timeout!r} is not allowed", "positive seconds or None"
            )
        return cls(max_bytes=max_bytes, timeout=None if timeout is None else float(timeout))


# ------------------------------------------------------------------ where files go


def safe_name(text: str, fallback: str = "video") -> str:
    """A file name made from server text that cannot leave the folder it is put in.

    Separators, characters Windows forbids, control and format characters (NUL, ESC, bidi
    overrides, lone surrogates) and white space other than a plain space become `_`; runs of
    dots become one; leading and trailing dots, spaces and `_` go; the result is cut to
    `SAFE_NAME_MAX_BYTES` UTF-8 bytes. What is left empty, or a Windows device name, falls back
    to or is prefixed with something harmless.
    """
    name = "".join("_" if _unsafe(ch) else ch for ch in text)
    name = _DOTS.sub(".", name).strip(" ._")
    name = name.encode("utf-8")[:SAFE_NAME_MAX_BYTES].decode("utf-8", "ignore").rstrip(" .")
    if not name:
        return fallback
    if name.split(".")[0].upper() in _DEVICES:
        return f"_{name}"
    return name


def _unsafe(ch: str) -> bool:
    # Categories C (control, format, surrogate, private, unassigned) and Z but the plain space
    # (line and paragraph separators, look-alike spaces) are invisible or break a file name.
    return ch in _FORBIDDEN or (ch != " " and unicodedata.category(ch)[0] in "CZ")


@attrs.frozen
class Target:
    """One file to save: where from, where to, and whether its extension is only a guess."""

    url: str
    path: Path
    guessed: bool = False
    """The URL shows no extension of its kind (an image URL without `.png`/`.jpg`/`.webp`):
    the answer's Content-Type decides it (`final_path`)."""
    kind: OutputKind = "video"


# What an answer's Content-Type makes an image's or audio track's extension.
_TYPE_EXTENSIONS = {
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/jpg": ".jpg",
    "image/webp": ".webp",
    "audio/mpeg": ".mp3",
    "audio/mp3": ".mp3",
    "audio/wav": ".wav",
    "audio/x-wav": ".wav",
    "audio/wave": ".wav",
}


def final_path(target: Target, media_type: str | None) -> Path:
    """Where a fetched file goes: a guessed extension gives way to the answer's Content-Type
    (`image/jpeg` → `.jpg`) when that names one of the file's kind."""
    if not target.guessed or not media_type:
        return target.path
    ext = _TYPE_EXTENSIONS.get(media_type.split(";")[0].strip().lower())
    kind_of = "image" if ext in (".png", ".jpg", ".webp") else "audio" if ext else None
    if ext is None or kind_of != target.kind:
        return target.path
    return target.path.with_suffix(ext)


def _noun(holder: Task | CallResult) -> str:
    from ._spec import endpoints  # here: the spec is read only when nothing is there

    kinds = {output.kind for output in holder.outputs}
    if len(kinds) > 1 or isinstance(holder, CallResult):
        return "files"
    if kinds:
        return {"image": "images", "audio": "audio files"}.get(kinds.pop(), "videos")
    ep = endpoints().get(holder.kind)
    return {"images": "images", "audios": "audio files"}.get(ep.output if ep else "", "videos")


def download_targets(
    task: Task | CallResult,
    dest: str | os.PathLike[str],
    *,
    allow_http: bool,
    audio_format: AudioFormat = "mp3",
) -> list[Target]:
    """Each file's URL and where it is saved, checked before anything is fetched or made.

    Every output of the task (or call answer) is saved: videos, images and audio tracks (as
    `audio_format`, `mp3` or `wav`, where the track has it). `dest` is a folder when it exists as
    one, ends with a separator (`"renders.v2/"`) or has no suffix; the files are then named after
    the task id (`<task_id>.mp4`, `<task_id>-2.png`), made safe by `safe_name`, with the
    extension of their kind (see `Output.extension`). Otherwise `dest` is the file for the only
    output.

    Raises:
        TaskStateError: the task has no files (not finished, or failed).
        ValidationError: the task has several files and `dest` names a file.
        ResponseValidationError: a URL that may not be fetched (see `check_video_url`), or
            more files than `MAX_VIDEOS_PER_TASK`.
    """
    if audio_format not in ("mp3", "wav"):
        raise ValidationError("audio_format", f"{audio_format!r} is not allowed", "'mp3', 'wav'")
    outputs = outputs_of(task.videos, task.images, task.audios, audio_format)
    if not outputs:
        noun = _noun(task)
        if isinstance(task, CallResult):
            raise TaskStateError(f"The {task.kind} answer names no files to download.", task=None)
        hint = "wait for it first" if not task.done else f"only a succeeded task has {noun}"
        raise TaskStateError(
            f"Task {task.task_id} has no {noun} to download (status {task.status.value}); {hint}.",
            task=task,
        )
    if len(outputs) > MAX_VIDEOS_PER_TASK:
        raise ResponseValidationError(
            f"task {task.task_id} lists {len(outputs)} {_noun(task)}, more than the "
            f"{MAX_VIDEOS_PER_TASK} a task can make; nothing was downloaded"
        )
    for output in outputs:
        check_video_url(output.url, allow_http=allow_http)
    text = os.fspath(dest)
    folder = Path(text)
    trailing = text.endswith(("/", os.sep, os.altsep or os.sep))
    if not (trailing or folder.is_dir() or folder.suffix == ""):
        if len(outputs) > 1:
            raise ValidationError(
                "dest", f"task {task.task_id} has {len(outputs)} files; give a folder"
            )
        return [Target(outputs[0].url, folder, kind=outputs[0].kind)]
    stem = safe_name(task.task_id, fallback=f"{task.kind}-{outputs[0].kind}")

    def target(output: Output, name: str) -> Target:
        guessed = output.kind != "video" and not output.extension_known
        return Target(output.url, folder / f"{name}{output.extension}", guessed, output.kind)

    if len(outputs) == 1:
        return [target(outputs[0], stem)]
    return [target(output, f"{stem}-{i}") for i, output in enumerate(outputs, 1)]


def check_video_url(url: str, *, allow_http: bool) -> str:
    """Refuse a video URL that is not http(s), before any request.

    A plain `http://` URL is fetched only where the API itself is reached over http (a local
    mock gateway) or the client was built with `allow_insecure=True`: over http anyone on the
    way can swap the video, which an https API's answer must not silently allow.

    Raises:
        ResponseValidationError: not an http(s) URL with a host, or http where it is not allowed.
    """
    try:
        parts = urllib.parse.urlsplit(url)
        host = parts.hostname
    except ValueError:
        parts, host = None, None
    shown = repr(url[:200])
    if parts is None or parts.scheme.lower() not in ("http", "https") or not host:
        raise ResponseValidationError(f"the video URL {shown} is not an http(s) URL; not fetched")
    if parts.scheme.lower() == "http" and not allow_http:
        raise ResponseValidationError(
            f"the video URL {shown} is plain http while the API is https; not fetched "
            "(allow_insecure=True, or kling --allow-insecure, fetches it anyway)"
        )
    return url


# ------------------------------------------------------------------ reading an answer


def capped_timeout(timeout: httpx.Timeout, left: float | None) -> httpx.Timeout:
    """The request timeout, no phase of it longer than the time `left` (None: no deadline)."""
    if left is None:
        return timeout
    left = max(left, 0.001)

    def cap(value: float | None) -> float:
        return left if value is None else min(value, left)

    return httpx.Timeout(
        connect=cap(timeout.connect),
        read=cap(timeout.read),
        write=cap(timeout.write),
        pool=cap(timeout.pool),
    )


@attrs.frozen
class Plan:
    """How to write an answer: from which byte, and how many the whole video has (if known)."""

    start: int
    expected: int | None
    media_type: str | None = attrs.field(default=None, eq=False)
    """The answer's Content-Type: it names a file whose URL shows no extension."""


@attrs.frozen
class Fetched:
    """A complete download: its size, and the Content-Type its answer declared (if any)."""

    size: int
    media_type: str | None = None


def answer_problem(
    response: httpx.Response, offset: int, *, max_bytes: int | None, allow_http: bool, now: float
) -> Plan | Streamed:
    """Read a download answer's status and headers: a `Plan` to write its body, or what it was.

    A 206 is used only when its `Content-Range` starts at `offset`; any other range (or a 416)
    means starting over from zero without ranges. A 200 starts at zero. An answer that declares
    itself HTML, JSON or XML, one over the size cap, one with a content coding (none was asked
    for), or one whose redirect chain passed through plain http where that is not allowed, is a
    final failure.
    """
    status = response.status_code
    if status not in (200, 206):
        if status == 416 and offset:
            return Streamed(status, offset, None, restart=True)
        retry_after = parse_retry_after(response.headers.get("retry-after"), now=now)
        return Streamed(status, offset, None, retry_after=retry_after)
    url = str(response.url)
    # Every hop of a redirect chain, not only the last (the drivers check each hop as they
    # follow it; a client following redirects itself leaves them in `history`).
    hops = [hop.url for hop in response.history] + [response.url]
    plain = next((hop for hop in hops if hop.scheme == "http"), None)
    if plain is not None and not allow_http:
        return _final(status, offset, plain_http_hop(plain, status))
    coding = response.headers.get("content-encoding", "identity").strip().lower()
    if coding != "identity":
        # Asked for as it is (`Accept-Encoding: identity`): a coded body could unpack to far
        # more than the size cap allows before a byte of it is counted, and ranges would count
        # coded bytes. A video does not compress; such an answer is refused, not unpacked.
        return _final(
            status,
            offset,
            ResponseValidationError(
                f"the video at {url[:200]!r} came encoded as {coding[:40]!r} although it was "
                "asked for unencoded; not saved",
                status_code=status,
            ),
        )
    media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type.startswith(_NOT_VIDEO_TYPES) or media_type.endswith(("+json", "+xml")):
        return _final(status, offset, _not_a_video(url, status, f"a {media_type} answer"))
    length = response.headers.get("content-length", "")
    known = length.isdigit()
    if status == 206:
        match = _CONTENT_RANGE.match(response.headers.get("content-range", ""))
        if match is None or int(match[1]) != offset:
            return Streamed(status, offset, None, restart=True)
        total = match[3]
        expected = int(total) if total.isdigit() else (offset + int(length) if known else None)
        plan = Plan(offset, expected, media_type or None)
    else:
        plan = Plan(0, int(length) if known else None, media_type or None)
    if max_bytes is not None and plan.expected is not None and plan.expected > max_bytes:
        return _final(status, offset, too_large(url, plan.expected, max_bytes, status))
    return plan


def plain_http_hop(url: httpx.URL, status: int) -> KlingError:
    """The error for a redirect chain passing through plain http where that is not allowed."""
    return ResponseValidationError(
        f"the video was redirected to plain http ({str(url)[:200]!r}); not fetched",
        status_code=status,
    )


def head_problem(first: bytes, url: str, status: int) -> KlingError | None:
    """An error if a video's first bytes are an error page or JSON instead (None: looks fine)."""
    if first.lstrip().startswith(_NOT_VIDEO_STARTS):
        return _not_a_video(url, status, f"an answer starting {first.lstrip()[:40]!r}")
    return None


def too_large(url: str, size: int, max_bytes: int, status: int | None = None) -> KlingError:
    """The error for a video over the size cap."""
    return ResponseValidationError(
        f"the video at {url[:200]!r} is over the {max_bytes:,}-byte cap ({size:,}+ bytes); "
        "not saved (raise max_bytes to accept it)",
        status_code=status,
    )


def too_slow(url: str, timeout: float | None, size: int) -> KlingError:
    """The error for a download that outlived its time limit."""
    return APITimeoutError(
        f"The download of {url[:200]!r} took longer than {timeout or 0:g} s ({size:,} bytes "
        "received); not saved (raise timeout to allow more)"
    )


def failure_from(exc: Exception, url: str) -> KlingError | None:
    """The final error for an httpx error that retrying cannot fix; None if it may be retried."""
    if isinstance(exc, httpx.TooManyRedirects):
        return APIConnectionError(f"The video at {url[:200]!r} redirects in a loop; not saved.")
    if isinstance(exc, httpx.DecodingError):
        return ResponseValidationError(
            f"the video at {url[:200]!r} could not be decoded ({exc}); not saved"
        )
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return ResponseValidationError(
            f"the video at {url[:200]!r} led to a URL that is not http(s) ({exc}); not saved"
        )
    return None


def _final(status: int, offset: int, failure: KlingError) -> Streamed:
    return Streamed(status, offset, None, failure=failure)


def _not_a_video(url: str, status: int, what: str) -> KlingError:
    return ResponseValidationError(
        f"the video URL {url[:200]!r} gave {what}, not a video; not saved", status_code=status
    )


# ------------------------------------------------------------------ the flow


def download_flow(
    ctx: Context,
    url: str,
    file: BinaryIO,
    limits: DownloadLimits,
    *,
    allow_http: bool,
    on_progress: Callable[[int, int | None], None] | None = None,
) -> Flow[Fetched]:
    """Fetch `url` into `file` (the caller's private `.part`); once complete, return its size
    and the Content-Type its answer declared (which names a file whose URL shows no extension).

    A cut transfer resumes with a Range request from the bytes already written; a range that
    does not match restarts from zero, without ranges from then on. The length is verified, so
    the caller renames the file into place only when this returns. Limits stop an endless or
    trickling body; a server error is retried like a cut connection.

    Raises:
        ResponseValidationError: not a video, too large, or not decodable.
        APITimeoutError: the time limit passed.
        APIConnectionError: the transfer kept breaking off, or redirects in a loop.
        APIError: the video host kept answering with an HTTP error.
    """
    deadline = None if limits.timeout is None else ctx.clock() + limits.timeout
    policy = attrs.evolve(ctx.policy, max_retries=limits.max_retries)
    offset, attempt, ranges = 0, 0, True
    while True:
        got: Streamed = yield Stream(
            url=url,
            file=file,
            offset=offset if ranges else 0,
            deadline=deadline,
            max_bytes=limits.max_bytes,
            allow_http=allow_http,
            on_progress=on_progress,
        )
        if got.failure is not None:
            raise got.failure
        if got.timed_out:
            raise too_slow(url, limits.timeout, got.size)
        ok = got.error is None and got.status_code in (200, 206) and not got.restart
        if ok and (got.expected is None or got.size == got.expected) and got.size > 0:
            return Fetched(got.size, got.media_type)
        offset = 0 if got.restart else got.size
        ranges = ranges and not got.restart
        if got.restart:
            outcome = Outcome(transport=TransportFailure.MAYBE_SENT, message="range mismatch")
        elif got.status_code is not None and got.status_code not in (200, 206):
            outcome = Outcome(status_code=got.status_code, retry_after=got.retry_after)
        elif got.error is not None:
            outcome = Outcome.from_exception(got.error)
        else:  # the body ended early without an error: treat like a cut connection
            outcome = Outcome(transport=TransportFailure.MAYBE_SENT, message="short body")
        decision = policy.decide(outcome, attempt, "download", rand=ctx.rand())
        if isinstance(decision, Retry):
            left = None if deadline is None else deadline - ctx.clock()
            if left is not None and left <= decision.delay:
                raise too_slow(url, limits.timeout, got.size)
            attempt += 1
            yield Sleep(decision.delay)
            continue
        if got.status_code not in (None, 200, 206):
            raise error_from_response(
                status_code=got.status_code,
                code=None,
                message=f"downloading {url[:200]} failed with HTTP {got.status_code}",
                request_id=None,
            )
        where = f"{got.size} of {got.expected} bytes" if got.expected else f"{got.size} bytes"
        raise APIConnectionError(
            f"The download of {url[:200]} kept breaking off ({where} received)."
        )
