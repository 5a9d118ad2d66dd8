"""The jobs file of a batch: JSON Lines, one job per line, each checked as the library would.

A line is an object with `kind` (an endpoint of the spec), an optional `id` (else its line
number) and that endpoint's fields exactly as `client.<kind>.create()` takes them. An image field
may name a local file, relative to the jobs file's folder: the reader turns it into a `Path`,
as the CLI does with its arguments (the library never reads a plain string as a path).

The file is read as a stream: a job is parsed, checked and handed on, never held in a list (the
ids already used, which the later lines are checked against, wait in a temporary SQLite table).
A line longer than `MAX_JOB_LINE_BYTES` is skipped a slice at a time and refused, never read
whole; a line nested deeper than `MAX_JOB_LINE_DEPTH`, holding a lone surrogate, NaN or an
infinity (none of which a request can carry) is refused before anything else looks at it.

A line may not set `external_task_id`, not even inside `extra_body`: the ledger gives each job
its own, and finds the job's task by it after a crash. A line's own id could belong to another
task (an earlier job's, or another program's), and the batch would take that task's video for
this job.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

import attrs

from . import _constants
from ._download import safe_name
from ._exceptions import ValidationError
from ._image_source import image_source
from ._prepare import EXTRA_BODY, prepare_body
from ._spec import Schema, endpoint, endpoints, resolve

__all__ = ["Job", "JobProblem", "JobsFileError", "library_fields", "read_jobs"]

MAX_ID_CHARS = 100
ID_ALLOWED = (
    "a file name of at most 100 characters: no '/', '\\', '..', control characters or any of "
    "<>:\"|?*, not starting or ending with '.', '_' or a space, not a Windows device name"
)
# The batch sets it: see the module's docstring.
_OWNED = "external_task_id"
_OWNED_ALLOWED = "none: the ledger keeps each job's own (kling batch-status shows it)"
# A too long line is skipped in slices this long, so skipping it holds no more than this.
_SKIP_SLICE_BYTES = 1024 * 1024


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
        self.path: Path = Path(path)
        self.problems: tuple[JobProblem, ...] = tuple(problems)
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

    Besides each line on its own, the file as a whole is checked: an id used by an earlier line,
    bad or not, is a problem of the later line (ids differing only in case or in Unicode
    normalisation count as the same: they name the same file on some systems).

    Raises:
        JobsFileError: the file cannot be read at all.
    """
    base = Path(path).parent
    try:
        with open(path, "rb") as stream, contextlib.closing(_Seen()) as seen:
            number = 0
            while (line := _next_line(stream, _constants.MAX_JOB_LINE_BYTES)) != b"":
                number += 1
                if line is None:
                    yield _too_long(number)
                    continue
                if not line.strip():
                    continue
                text = _utf8(number, line)
                del line  # a long line is not held as bytes while it is parsed
                data = text if isinstance(text, JobProblem) else _decode(number, text)
                del text
                if isinstance(data, JobProblem):
                    yield data
                    continue
                clash = seen.add(_keys(number, data), number)
                checked = _check(number, data, base)
                yield clash if clash is not None and isinstance(checked, Job) else checked
    except OSError as exc:
        reason = exc.strerror or str(exc)
        problem = JobProblem(0, "file", f"cannot be read ({reason})", "a UTF-8 JSON Lines file")
        raise JobsFileError(path, [problem]) from None


def _next_line(stream: IO[bytes], limit: int) -> bytes | None:
    """The next line of `stream` (b"" at its end), or None for a line longer than `limit` bytes
    (not counting its newline): that one is skipped a slice at a time, never read whole."""
    line = stream.readline(limit + 1)
    if line.endswith(b"\n") or len(line) <= limit:
        return line
    del line
    while (rest := stream.readline(_SKIP_SLICE_BYTES)) and not rest.endswith(b"\n"):
        pass
    return None


def _too_long(number: int) -> JobProblem:
    limit = _constants.MAX_JOB_LINE_BYTES
    shown = f"{limit // 1024**2} MiB" if limit >= 1024**2 else f"{limit} bytes"
    return JobProblem(
        number,
        "line",
        f"is longer than {shown}; it was not read",
        f"lines of at most {shown}: name large or many images as files (relative to the jobs "
        "file's folder) instead of inline Base64",
    )


class _Seen:
    """The ids of the lines read so far (as `_id_key` makes them), on disk, not in memory.

    SQLite's temporary database spills to a file as it grows: a huge jobs file stays cheap.
    """

    def __init__(self) -> None:
        self._db = sqlite3.connect("", isolation_level=None)
        self._db.execute(
            "CREATE TABLE seen (field TEXT, key TEXT, line INT, PRIMARY KEY (field, key))"
        )

    def add(self, keys: Sequence[tuple[str, str, str]], line: int) -> JobProblem | None:
        """Record the line's keys (field, key, as written); the problem if one was used before."""
        clash = None
        for field, key, written in keys:
            found = self._db.execute(
                "SELECT line FROM seen WHERE field=? AND key=?", (field, key)
            ).fetchone()
            if found is None:
                self._db.execute("INSERT INTO seen VALUES (?, ?, ?)", (field, key, line))
            elif clash is None:
                clash = JobProblem(
                    line,
                    field,
                    f"{written!r} is already the {field} of line {found[0]}",
                    _UNIQUE[field],
                )
        return clash

    def close(self) -> None:
        self._db.close()


_UNIQUE = {
    "id": "one id per job (ids differing only in case or Unicode normalisation count as the same)",
}


def _keys(number: int, data: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    """What must differ between lines: the job's id, compared without case or normalisation."""
    ident = _id_text(_raw_id(number, data))
    return [] if ident is None else [("id", _id_key(ident), ident)]


def _id_key(ident: str) -> str:
    """What two ids that would name the same file on some system have in common.

    Ids differing only in case name the same file on macOS and Windows, and `café` written
    with one code point or with two (NFC, NFD) the same file on macOS. This is Unicode's
    canonical caseless match: NFD, case folded, NFD again.
    """
    return unicodedata.normalize("NFD", unicodedata.normalize("NFD", ident).casefold())


def _raw_id(number: int, data: Mapping[str, Any]) -> Any:
    """The line's id as written; its line number when it has none."""
    ident = data.get("id")
    return number if ident is None else ident


def _id_text(ident: Any) -> str | None:
    if isinstance(ident, int) and not isinstance(ident, bool):
        return str(ident)
    return ident if isinstance(ident, str) else None


class _NotJSON(ValueError):
    """A value Python's reader accepts but JSON has not (NaN, Infinity)."""


def _refuse_constant(name: str) -> Any:
    raise _NotJSON(f"{name} is not a JSON number")


def _utf8(number: int, line: bytes) -> str | JobProblem:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError as exc:
        return JobProblem(
            number, "line", f"is not UTF-8 text (byte {exc.start + 1})", "a UTF-8 JSON Lines file"
        )


def _decode(number: int, text: str) -> dict[str, Any] | JobProblem:
    try:
        data = json.loads(text, parse_constant=_refuse_constant)
    except RecursionError:  # deeper than Python can read: refused as too deep
        return _too_deep(number, "line")
    except ValueError as exc:
        reason = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
        return JobProblem(number, "line", f"is not JSON ({reason})", "one JSON object per line")
    if not isinstance(data, dict):
        return JobProblem(number, "line", "is not a JSON object", "one JSON object per line")
    return _unsendable(number, data) or data


def _too_deep(number: int, where: str) -> JobProblem:
    depth = _constants.MAX_JOB_LINE_DEPTH
    return JobProblem(
        number, where, f"is nested more than {depth} levels deep", f"at most {depth} levels"
    )


def _unsendable(number: int, data: dict[str, Any]) -> JobProblem | None:
    """The first part of a line no request can carry: nesting too deep, or a lone surrogate
    (`"\\ud800"` reads as one, and UTF-8 cannot encode it). Walked without recursion."""
    todo: list[tuple[str, Any, int]] = [("", data, 1)]
    while todo:
        where, value, depth = todo.pop()
        if isinstance(value, str):
            if (problem := _surrogate(number, where, value, "holds")) is not None:
                return problem
            continue
        if not isinstance(value, dict | list):
            continue
        if depth > _constants.MAX_JOB_LINE_DEPTH:
            return _too_deep(number, where or "line")
        if isinstance(value, list):
            todo.extend((f"{where}[{i}]", item, depth + 1) for i, item in enumerate(value))
            continue
        for key, item in value.items():
            if (
                problem := _surrogate(number, where or "line", key, "has a name that holds")
            ) is not None:
                return problem
            todo.append((f"{where}.{key}" if where else key, item, depth + 1))
    return None


def _surrogate(number: int, where: str, text: str, what: str) -> JobProblem | None:
    if text.isascii():  # the common case, Base64 images included: no copy made
        return None
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return JobProblem(
            number,
            where,
            f"{what} a lone surrogate ({text[exc.start]!r} at character {exc.start}), "
            "which UTF-8 cannot encode",
            "text without lone surrogates (\\ud800-\\udfff only as a valid pair)",
        )
    return None


def _check(number: int, data: dict[str, Any], base: Path) -> Job | JobProblem:
    """One line's object checked: known kind, safe id, fields the spec accepts."""
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
    raw_id = _raw_id(number, data)
    data.pop("id", None)
    ident = _id_text(raw_id)
    if ident is None:
        return JobProblem(number, "id", f"{raw_id!r} is not a string", ID_ALLOWED)
    if (wrong := id_problem(ident)) is not None:
        return JobProblem(number, "id", f"{ident!r} {wrong}", ID_ALLOWED)
    if (owned := _owned_field(number, data)) is not None:
        return owned
    job = Job(id=ident, line=number, kind=ep.kind, fields=data)
    try:
        prepare_body(ep.kind, library_fields(job, base))
    except ValidationError as exc:
        return JobProblem(number, exc.field, exc.message, exc.allowed)
    except TypeError as exc:  # a value of a type no field takes, e.g. an image given as a number
        field, _, message = str(exc).partition(": ")
        return JobProblem(number, field if message else "line", message or str(exc))
    return job


def _owned_field(number: int, data: Mapping[str, Any]) -> JobProblem | None:
    """A line setting `external_task_id`, directly or through `extra_body`: see the module."""
    extra = data.get(EXTRA_BODY)
    for where, holder in ((_OWNED, data), (f"{EXTRA_BODY}.{_OWNED}", extra)):
        if isinstance(holder, Mapping) and _OWNED in holder:
            return JobProblem(
                number,
                where,
                "may not be set in a jobs line: the batch gives each job its own, so that a "
                "re-run finds this job's task and no other",
                _OWNED_ALLOWED,
            )
    return None


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
    """The job's fields as `create()` takes them: image fields naming a file become a `Path`.

    Raises:
        ValidationError: an image field names a file that does not exist.
    """
    properties: Mapping[str, Schema] = endpoint(job.kind).schema.get("properties", {})
    return {
        name: _with_paths(value, resolve(properties[name]), base, name)
        if name in properties
        else value
        for name, value in job.fields.items()
    }


def _with_paths(value: Any, schema: Schema, base: Path, field: str) -> Any:
    if schema.get("x-kling-media", {}).get("kind") == "image":
        return _as_path(value, base, field)
    if isinstance(value, list) and schema.get("type") == "array":
        items = resolve(schema.get("items", {}))
        return [_with_paths(item, items, base, f"{field}[{i}]") for i, item in enumerate(value)]
    if isinstance(value, dict) and schema.get("type") == "object":
        props = schema.get("properties", {})
        return {
            key: _with_paths(item, resolve(props[key]), base, f"{field}.{key}")
            if key in props
            else item
            for key, item in value.items()
        }
    return value


def _as_path(value: Any, base: Path, field: str) -> Any:
    if not isinstance(value, str):
        return value
    try:
        return image_source(value, base)
    except FileNotFoundError:
        raise ValidationError(
            field,
            f"file not found: {value}",
            "an image file (its path relative to the jobs file's folder), a public http(s) URL "
            "or Base64 text",
        ) from None
