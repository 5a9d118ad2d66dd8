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
    def done(self) -> bool:
        """True once the task succeeded or failed."""
        return self.status in (TaskStatus.SUCCEED, TaskStatus.FAILED)

    @property
    def succeeded(self) -> bool:
        """True if the task finished with videos to download."""
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
