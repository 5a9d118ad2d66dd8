"""The jobs file of a batch: JSON Lines, one job per line, each checked as the library would.

A line is an object with `kind` (an endpoint of the spec), an optional `id` (else its line
number) and that endpoint's fields exactly as `client.<kind>.create()` takes them. An image field
may name a local file, relative to the jobs file's folder: the reader turns it into a `Path`,
as the CLI does with its arguments (the library never reads a plain string as a path).

The file is read as a stream: a job is parsed, checked and handed on, never held in a list.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from ._download import safe_name
from ._exceptions import ValidationError
from ._prepare import prepare_body
from ._spec import Schema, endpoint, endpoints, resolve

__all__ = ["Job", "JobProblem", "JobsFileError", "library_fields", "read_jobs"]

MAX_ID_CHARS = 100
ID_ALLOWED = (
    "a file name of at most 100 characters: no '/', '\\', '..', control characters or any of "
    "<>:\"|?*, not starting or ending with '.', '_' or a space, not a Windows device name"
)
_NOT_A_PATH = ("http://", "https://", "data:")
# Longer text is Base64, not a file name; asking the file system about it only costs time.
_MAX_PATH_TEXT = 4096


@attrs.frozen
class JobProblem:
    """One bad line of a jobs file: where, which field, what is wrong and what is allowed."""

    line: int
    field: str
    message: str
    allowed: str | None = None

    def __str__(self) -> str:
        text = f"line {self.line}: {self.field}: {self.message}"
        return f"{text}; allowed: {self.allowed}" if self.allowed else text


class JobsFileError(ValidationError):
    """A jobs file has bad lines (or jobs changed since the ledger recorded them); nothing was sent.

    Attributes:
        path: The jobs file.
        problems: Every bad line, in file order.
    """

    def __init__(self, path: str | os.PathLike[str], problems: Sequence[JobProblem]) -> None:
        """Initialise the error.

        Args:
            path: The jobs file.
            problems: Every bad line found.
        """
        self.path = Path(path)
        self.problems = tuple(problems)
        lines = "\n".join(f"  {problem}" for problem in self.problems)
        count = len({problem.line for problem in self.problems})
        super().__init__(
            str(path), f"{count} bad line(s), nothing was sent:\n{lines}", allowed=None
        )


@attrs.frozen
class Job:
    """One valid line of a jobs file."""

    id: str
    line: int
    kind: str
    """The endpoint, e.g. `motion-control`."""
    fields: Mapping[str, Any]
    """The line's fields (all but `kind` and `id`) as written, JSON values."""

    @property
    def fingerprint(self) -> str:
        """A digest of what the job asks for, to notice a line edited between runs."""
        text = json.dumps(
            {"kind": self.kind, "fields": self.fields},
            sort_keys=True,
            separators=(",", ":"),
            ensure_ascii=False,
        )
        return hashlib.sha256(text.encode()).hexdigest()


def read_jobs(path: str | os.PathLike[str]) -> Iterator[Job | JobProblem]:
    """Each job of a jobs file, or the problem with its line, in file order; blank lines skipped.

    Raises:
        JobsFileError: the file cannot be read at all.
    """
    base = Path(path).parent
    try:
        with open(path, encoding="utf-8") as stream:
            for number, text in enumerate(stream, start=1):
                if text.strip():
                    yield parse_line(number, text, base)
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        problem = JobProblem(0, "file", f"cannot be read ({reason})", "a UTF-8 JSON Lines file")
        raise JobsFileError(path, [problem]) from None


def parse_line(number: int, text: str, base: Path) -> Job | JobProblem:
    """One line checked: JSON object, known kind, safe id, fields the spec accepts."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        reason = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
        return JobProblem(number, "line", f"is not JSON ({reason})", "one JSON object per line")
    if not isinstance(data, dict):
        return JobProblem(number, "line", "is not a JSON object", "one JSON object per line")
    kinds = ", ".join(sorted(endpoints()))
    kind = data.pop("kind", None)
    if kind is None:
        return JobProblem(number, "kind", "is required", kinds)
    try:
        ep = endpoint(kind) if isinstance(kind, str) else None
    except KeyError:
        ep = None
    if ep is None:
        return JobProblem(number, "kind", f"{kind!r} is not an endpoint", kinds)
    ident = data.pop("id", None)
    if ident is None:
        ident = str(number)
    elif isinstance(ident, int) and not isinstance(ident, bool):
        ident = str(ident)
    elif not isinstance(ident, str):
        return JobProblem(number, "id", f"{ident!r} is not a string", ID_ALLOWED)
    if (wrong := id_problem(ident)) is not None:
        return JobProblem(number, "id", f"{ident!r} {wrong}", ID_ALLOWED)
    job = Job(id=ident, line=number, kind=ep.kind, fields=data)
    try:
        prepare_body(ep.kind, library_fields(job, base))
    except ValidationError as exc:
        return JobProblem(number, exc.field, exc.message, exc.allowed)
    except TypeError as exc:  # a value of a type no field takes, e.g. an image given as a number
        field, _, message = str(exc).partition(": ")
        return JobProblem(number, field if message else "line", message or str(exc))
    return job


def id_problem(ident: str) -> str | None:
    """What makes `ident` unusable as a job id (it names the job's video file), or None.

    An id must already be what `safe_name` would make of it: the rules that keep a downloaded
    file inside its folder are the download's own, not restated here.
    """
    if not ident:
        return "is empty"
    if len(ident) > MAX_ID_CHARS:
        return f"is {len(ident)} characters long"
    safe = safe_name(ident, fallback="")
    if safe != ident:
        return f"is not a safe file name (it would have to become {safe!r})"
    return None


def library_fields(job: Job, base: Path) -> dict[str, Any]:
    """The job's fields as `create()` takes them: image fields naming a file become a `Path`."""
    properties: Mapping[str, Schema] = endpoint(job.kind).schema.get("properties", {})
    return {
        name: _with_paths(value, resolve(properties[name]), base) if name in properties else value
        for name, value in job.fields.items()
    }


def _with_paths(value: Any, schema: Schema, base: Path) -> Any:
    if schema.get("x-kling-media", {}).get("kind") == "image":
        return _as_path(value, base)
    if isinstance(value, list) and schema.get("type") == "array":
        items = resolve(schema.get("items", {}))
        return [_with_paths(item, items, base) for item in value]
    if isinstance(value, dict) and schema.get("type") == "object":
        props = schema.get("properties", {})
        return {
            key: _with_paths(item, resolve(props[key]), base) if key in props else item
            for key, item in value.items()
        }
    return value


def _as_path(value: Any, base: Path) -> Any:
    if not isinstance(value, str) or len(value) > _MAX_PATH_TEXT:
        return value
    if value[:8].lower().startswith(_NOT_A_PATH):
        return value
    try:
        candidate = base / Path(value).expanduser()
        return candidate if candidate.is_file() else value
    except (OSError, ValueError):  # a NUL byte, or a name the file system refuses
        return value
