"""`Task`: the small immutable view of a Kling task that users handle, and callback parsing."""

# No `from __future__ import annotations`: `kling_ext/__init__.py` presents these classes as
# `kling_ext.Task`, and typing.get_type_hints (so cattrs, pydantic, FastAPI) would then look the
# postponed names up in the wrong module.
import enum
import functools
import hashlib
import json
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any, Literal

import attrs

from ._exceptions import ResponseValidationError

# A Unix time above this is in milliseconds: 1e11 s is the year 5138, 1e11 ms is 1973.
_MILLISECONDS_THRESHOLD = 100_000_000_000


class TaskStatus(enum.StrEnum):
    """Where a task is. `SUBMITTED` and `PROCESSING` are running; the others are final."""

    SUBMITTED = "submitted"
    PROCESSING = "processing"
    SUCCEED = "succeed"
    FAILED = "failed"
    UNKNOWN = "unknown"
    """A status the spec does not know yet (the raw text is in `Task.raw_status`)."""

    @classmethod
    def parse(cls, value: object) -> "TaskStatus":
        """Read a status liberally: `succeeded` (new API) is SUCCEED; unknown text is UNKNOWN."""
        text = str(value).strip().lower() if value is not None else ""
        if text == "succeeded":
            return cls.SUCCEED
        try:
            return cls(text)
        except ValueError:
            return cls.UNKNOWN


@attrs.frozen(kw_only=True)
class Video:
    """One generated video."""

    url: str
    """Where to download it (Kling keeps it for 30 days)."""
    id: str | None = None
    duration: float | None = None
    """Length in seconds."""
    watermark_url: str | None = None


@attrs.frozen(kw_only=True)
class Image:
    """One generated image."""

    url: str
    """Where to download it (Kling keeps it for 30 days)."""
    index: int | None = None
    """Its place among the task's images, from 0."""
    watermark_url: str | None = None


@attrs.frozen(kw_only=True)
class Audio:
    """One generated audio track: an MP3 and a WAV file (audio tasks), or one URL (speech)."""

    id: str | None = None
    url_mp3: str | None = None
    url_wav: str | None = None
    url: str | None = None
    """The one file, where the answer names a single URL (text-to-speech: an MP3)."""
    duration: float | None = None
    """Length in seconds (of the MP3 when both lengths are given)."""


OutputKind = Literal["video", "image", "audio"]
"""What a file is: a video, an image or an audio track."""

AudioFormat = Literal["mp3", "wav"]
"""Which file of an audio track to save: `mp3` (the default) or `wav`."""

# Extensions a URL's path may show, per kind; anything else gets the kind's default.
_EXTENSIONS: Mapping[str, Mapping[str, str]] = {
    "video": {".mp4": ".mp4", ".mov": ".mov"},
    "image": {".png": ".png", ".jpg": ".jpg", ".jpeg": ".jpg", ".webp": ".webp"},
    "audio": {".mp3": ".mp3", ".wav": ".wav"},
}
_DEFAULT_EXTENSION: Mapping[str, str] = {"video": ".mp4", "image": ".png", "audio": ".mp3"}


def url_extension(url: str, kind: OutputKind) -> str | None:
    """The extension the URL's path shows (`.jpeg` as `.jpg`), if it is one of `kind`'s."""
    from urllib.parse import urlsplit  # here: `import kling_ext` need not pay for it

    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    dot = path.rfind(".")
    suffix = path[dot:].lower() if dot > path.rfind("/") else ""
    return _EXTENSIONS[kind].get(suffix)


@attrs.frozen(kw_only=True)
class Output:
    """One file a task (or a call) made, of any kind, with the extension it is saved under."""

    kind: OutputKind
    url: str
    extension: str
    """`.mp4` for videos; for images the URL's (`.png`, `.jpg`, `.webp`; `.png` when it shows
    none, and a download then trusts the answer's Content-Type); `.mp3` or `.wav` for audio."""
    watermark_url: str | None = None

    @property
    def extension_known(self) -> bool:
        """Whether the URL itself shows the extension (else the download's Content-Type may)."""
        return url_extension(self.url, self.kind) is not None


def outputs_of(
    videos: tuple[Video, ...],
    images: tuple[Image, ...],
    audios: tuple[Audio, ...],
    audio_format: AudioFormat = "mp3",
) -> tuple[Output, ...]:
    """Every file, videos first, then images, then audio (each track once, in `audio_format`
    when it has it, else in the other format)."""
    found = [
        Output(
            kind="video",
            url=v.url,
            extension=url_extension(v.url, "video") or ".mp4",
            watermark_url=v.watermark_url,
        )
        for v in videos
    ]
    found += [
        Output(
            kind="image",
            url=i.url,
            extension=url_extension(i.url, "image") or ".png",
            watermark_url=i.watermark_url,
        )
        for i in images
    ]
    for audio in audios:
        mp3 = audio.url_mp3 or audio.url
        order = [(mp3, ".mp3"), (audio.url_wav, ".wav")]
        if audio_format == "wav":
            order.reverse()
        url, default = next((pair for pair in order if pair[0]), (None, ""))
        if url is not None:
            ext = url_extension(url, "audio") if url == audio.url else default
            found.append(Output(kind="audio", url=url, extension=ext or default))
    return tuple(found)


@attrs.frozen(kw_only=True, repr=False)
class Task:
    """A Kling task as last seen. Immutable: `get` and `wait` return new instances.

    Its fields are the API's data as sent. Its repr never shows the client's key, even one a
    server echoed into a field: that field is shown with the key cut out.
    """

    task_id: str
    kind: str
    """The endpoint that owns the task, e.g. `text2video` or `motion-control`."""
    status: TaskStatus
    raw_status: str = ""
    status_message: str | None = None
    """Why the task failed (the gateway's `task_status_msg`), if it did."""
    external_task_id: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    videos: tuple[Video, ...] = ()
    images: tuple[Image, ...] = ()
    audios: tuple[Audio, ...] = ()
    request_id: str | None = None
    data: Mapping[str, Any] = attrs.field(factory=dict, repr=False, eq=False)
    """The task object exactly as the API sent it (decoded JSON)."""
    # The spec's schema of `data`: `CreatedTask` after a create, else `Task`.
    _schema: Literal["Task", "CreatedTask"] = attrs.field(default="Task", repr=False, eq=False)
    # Fields whose repr holds a secret: (name, SHA-256 of that repr, the repr with it cut out).
    # A digest, not the secret, so a task pickled or logged never carries the key; a field
    # changed with `attrs.evolve` no longer matches its digest and shows its own value.
    _hidden: tuple[tuple[str, str, str], ...] = attrs.field(default=(), repr=False, eq=False)

    def __repr__(self) -> str:
        hidden = {name: (digest, shown) for name, digest, shown in self._hidden}
        parts = []
        for field in attrs.fields(type(self)):
            if not field.repr:
                continue
            text = repr(getattr(self, field.name))
            if field.name in hidden and _digest(text) == hidden[field.name][0]:
                text = hidden[field.name][1]
            parts.append(f"{field.name}={text}")
        return f"Task({', '.join(parts)})"

    @functools.cached_property
    def raw(self) -> Any:
        """`data` as a generated model (`kling_ext_openapi.models`), or None if it does not fit.

        Parsed on first access, not on every call: most callers never look, and parsing costs
        about a third of a query's overhead. `CreatedTask` after a create, else `Task`.
        """
        return parse_task_model(self.data, self._schema)

    @property
    def outputs(self) -> tuple[Output, ...]:
        """Every file the task made, of any kind (audio as MP3 where offered); see `Output`."""
        return outputs_of(self.videos, self.images, self.audios)

    @property
    def done(self) -> bool:
        """True once the task succeeded or failed."""
        return self.status in (TaskStatus.SUCCEED, TaskStatus.FAILED)

    @property
    def succeeded(self) -> bool:
        """True if the task finished with its outputs to download."""
        return self.status is TaskStatus.SUCCEED

    def to_dict(self) -> dict[str, Any]:
        """The task as JSON-ready data: the attribute names, times as ISO 8601 text, no `raw`.

        `json.dumps(task.to_dict())` works as it is.
        """
        return {
            "task_id": self.task_id,
            "kind": self.kind,
            "status": self.status.value,
            "raw_status": self.raw_status,
            "status_message": self.status_message,
            "external_task_id": self.external_task_id,
            "created_at": _iso(self.created_at),
            "updated_at": _iso(self.updated_at),
            "videos": [attrs.asdict(video) for video in self.videos],
            "images": [attrs.asdict(image) for image in self.images],
            "audios": [attrs.asdict(audio) for audio in self.audios],
            "request_id": self.request_id,
        }

    @classmethod
    def from_data(
        cls,
        data: Mapping[str, Any],
        *,
        kind: str,
        request_id: str | None = None,
        external_task_id: str | None = None,
        schema: Literal["Task", "CreatedTask"] = "Task",
    ) -> "Task":
        """Build a Task from the `data` object of an answer (or a callback body).

        `schema` names the spec's schema of `data`, which `Task.raw` parses it as when asked.

        Raises:
            ResponseValidationError: `data` has no usable `task_id`.
        """
        task_id = data.get("task_id")
        # Ids have been seen as bare JSON numbers of 15+ digits; Python reads them exactly.
        if task_id is None or isinstance(task_id, bool) or str(task_id) == "":
            raise ResponseValidationError(
                message=f"the answer has no task_id: {_preview(data)}", status_code=None, code=None
            )
        info: Mapping[str, Any] = (
            data["task_info"] if isinstance(data.get("task_info"), Mapping) else {}
        )
        result: Mapping[str, Any] = (
            data["task_result"] if isinstance(data.get("task_result"), Mapping) else {}
        )
        raw_status = data.get("task_status")
        return cls(
            task_id=str(task_id),
            kind=kind,
            status=TaskStatus.parse(raw_status) if raw_status is not None else TaskStatus.SUBMITTED,
            raw_status=str(raw_status or "submitted"),
            status_message=data.get("task_status_msg") or None,
            external_task_id=(info.get("external_task_id") or external_task_id or None),
            created_at=parse_timestamp(data.get("created_at")),
            updated_at=parse_timestamp(data.get("updated_at")),
            videos=tuple(_videos(result.get("videos"))),
            # An omni-image series lists its images apart (`series_images`).
            images=tuple(_images(result.get("images")) + _images(result.get("series_images"))),
            audios=tuple(_audios(result.get("audios"))),
            request_id=request_id,
            data=data,
            schema=schema,
        )


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def hide_in_repr(task: Task, redact: Callable[[str], str]) -> Task:
    """The same task, whose repr shows each field through `redact` (which cuts secrets out).

    The data is untouched: `task.status_message` still reads what the server sent.
    """
    hidden = []
    for field in attrs.fields(Task):
        if not field.repr:
            continue
        text = repr(getattr(task, field.name))
        shown = redact(text)
        if shown != text:
            hidden.append((field.name, _digest(text), shown))
    return attrs.evolve(task, hidden=tuple(hidden)) if hidden else task


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def _videos(items: Any) -> list[Video]:
    if not isinstance(items, list):
        return []
    return [
        Video(
            url=str(item["url"]),
            id=str(item["id"]) if item.get("id") is not None else None,
            duration=_seconds(item.get("duration")),
            watermark_url=item.get("watermark_url") or None,
        )
        for item in items
        if isinstance(item, Mapping) and item.get("url")
    ]


def _images(items: Any) -> list[Image]:
    """Each image: its `url`, or each view `url_1`..`url_3` of an AI multi-shot result."""
    if not isinstance(items, list):
        return []
    found = []
    for item in items:
        if not isinstance(item, Mapping):
            continue
        index = item["index"] if type(item.get("index")) is int else None
        urls = [item.get("url")] if item.get("url") else [item.get(f"url_{n}") for n in (1, 2, 3)]
        watermark = _text(item.get("watermark_url"))
        found += [Image(url=str(url), index=index, watermark_url=watermark) for url in urls if url]
    return found


def _audios(items: Any) -> list[Audio]:
    if not isinstance(items, list):
        return []
    found = []
    for item in items:
        if not isinstance(item, Mapping):
            continue
        audio = Audio(
            id=_text(item.get("id")),
            url_mp3=_text(item.get("url_mp3")),
            url_wav=_text(item.get("url_wav")),
            url=_text(item.get("url")),
            duration=_seconds(
                next(
                    (
                        item.get(k)
                        for k in ("duration", "duration_mp3", "duration_wav")
                        if item.get(k) not in (None, "")
                    ),
                    None,
                )
            ),
        )
        if audio.url_mp3 or audio.url_wav or audio.url:
            found.append(audio)
    return found


def _text(value: Any) -> str | None:
    return str(value) if value not in (None, "") and not isinstance(value, bool) else None


def _seconds(value: Any) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def parse_timestamp(value: Any) -> datetime | None:
    """A Unix time in seconds or milliseconds (gateways differ) as an aware UTC datetime."""
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    if number >= _MILLISECONDS_THRESHOLD:
        number /= 1000
    try:
        return datetime.fromtimestamp(number, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None


def _preview(data: Any) -> str:
    text = json.dumps(data, default=str)
    return text if len(text) <= 200 else text[:197] + "..."


def parse_callback(body: bytes | str | Mapping[str, Any], *, kind: str = "unknown") -> Task:
    """Read what the gateway POSTs to `callback_url`: the bare task object, no envelope.

    Args:
        body: the raw request body (bytes or text) or the already-decoded JSON object.
        kind: the endpoint the task was created on, if the caller knows it.

    Returns:
        The same `Task` that `get()` returns.

    Raises:
        ResponseValidationError: the body is not a JSON task object (or is nested deeper than
            Python can read).
    """
    if isinstance(body, bytes | str):
        try:
            data = json.loads(body)
        except ValueError as exc:
            raise ResponseValidationError(
                message=f"the callback body is not JSON: {exc}", status_code=None, code=None
            ) from exc
        except RecursionError:
            # Anyone can POST to a callback URL: nesting past Python's limit is an error, not a
            # crash of the caller's web handler.
            raise ResponseValidationError(
                message="the callback body is nested too deeply to be a task",
                status_code=None,
                code=None,
            ) from None
    else:
        data = body
    if isinstance(data, Mapping) and isinstance(data.get("data"), Mapping) and "code" in data:
        data = data["data"]  # liberal: a gateway that wraps callbacks in the envelope
    if not isinstance(data, Mapping):
        raise ResponseValidationError(
            message="the callback body is not a JSON object", status_code=None, code=None
        )
    return Task.from_data(data, kind=kind)


def parse_task_model(
    data: Mapping[str, Any], schema: Literal["Task", "CreatedTask"] = "Task"
) -> Any:
    """The generated model (`Task` or `CreatedTask`) of a task object, or None if it does not fit.

    Liberal: the `Task` view reads what it can either way; the conformance suite judges the rest.
    """
    # Imported here: the generated models cost ~45 ms at import, and only parsing needs them.
    from kling_ext_openapi.models.created_task import CreatedTask
    from kling_ext_openapi.models.task import Task as TaskModel

    model = CreatedTask if schema == "CreatedTask" else TaskModel
    try:
        return model.from_dict(data)
    except (KeyError, TypeError, ValueError):
        return None


@attrs.frozen(kw_only=True, repr=False)
class CallResult:
    """What a synchronous call answered (`client.identify_face(...)`, `client.tts(...)`).

    `data` is the answer envelope's `data` exactly as sent; files it names (the audio of
    text-to-speech, in `data` or in its `task_result`) are read like a task's, leniently, and
    `client.download(result, "out/")` saves them.
    """

    kind: str
    """The call, e.g. `identify-face`."""
    data: Any = attrs.field(eq=False)
    """The envelope's `data`, as the API sent it (decoded JSON)."""
    request_id: str | None = None
    videos: tuple[Video, ...] = ()
    images: tuple[Image, ...] = ()
    audios: tuple[Audio, ...] = ()
    _schema: str | None = attrs.field(default=None, eq=False)

    def __repr__(self) -> str:
        files = len(self.outputs)
        return f"CallResult(kind={self.kind!r}, request_id={self.request_id!r}, files={files})"

    @classmethod
    def from_data(
        cls, data: Any, *, kind: str, request_id: str | None, schema: str | None = None
    ) -> "CallResult":
        """Read a call's answer `data`; files are looked for in it and in its `task_result`."""
        found: dict[str, Any] = {}
        if isinstance(data, Mapping):
            result = data.get("task_result")
            for place in (data, result if isinstance(result, Mapping) else {}):
                for name in ("videos", "images", "series_images", "audios"):
                    if isinstance(place.get(name), list):
                        found.setdefault(name, place[name])
        return cls(
            kind=kind,
            data=data,
            request_id=request_id,
            videos=tuple(_videos(found.get("videos"))),
            images=tuple(_images(found.get("images")) + _images(found.get("series_images"))),
            audios=tuple(_audios(found.get("audios"))),
            schema=schema,
        )

    @property
    def task_id(self) -> str:
        """What saved files are named after: the answer's `task_id`, else its request id."""
        named = self.data.get("task_id") if isinstance(self.data, Mapping) else None
        return str(named or self.request_id or self.kind)

    @property
    def outputs(self) -> tuple[Output, ...]:
        """Every file the answer names, of any kind (audio as MP3 where offered)."""
        return outputs_of(self.videos, self.images, self.audios)

    @functools.cached_property
    def raw(self) -> Any:
        """`data` as the generated model of the spec's answer schema, or None if it does not
        fit (or the spec names no schema). Parsed on first access."""
        if self._schema is None:
            return None
        import kling_ext_openapi.models as models  # here: ~45 ms, only when asked

        model = getattr(models, self._schema, None)
        if model is None or not isinstance(self.data, Mapping):
            return None
        try:
            return model.from_dict(self.data)
        except (KeyError, TypeError, ValueError):
            return None
