"""``kling text2video`` and the other create commands, built from the spec, and status/wait/list.

Each create command's options are read from its request schema (``_spec``), never hand-listed:
every property becomes ``--kebab-case``; an enum becomes a choice, a boolean a flag, an image field
takes a URL or a local file (sent as Base64 by the library), and any other object or array takes
JSON text. Lists whose items hold one media URL also get a repeatable shorthand (``--image``,
``--video``), and ``multi_prompt`` gets ``--shot "PROMPT:SECONDS"``. So a field added to the spec
appears here without a code change. The library checks every value, so bad input exits with 2
before a request is sent.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import click

from kling_ext import Kling, Task
from kling_ext._constants import DEFAULT_WAIT_TIMEOUT
from kling_ext._prepare import new_external_task_id
from kling_ext._spec import Endpoint, Schema, endpoints, load_spec, resolve

from ._output import Job, Watch, echo_json, reporting, task_json, wait_hint

__all__ = [
    "CREATE_COMMANDS",
    "follow",
    "image2video",
    "list_tasks",
    "motion_control",
    "multi_image2video",
    "omni_video",
    "spec_options",
    "status",
    "text2video",
    "wait",
]

# Flag names that read better than the field's own; the field's name stays an alias.
_FLAG_NAMES: Mapping[str, str] = {"model_name": "model"}
# Options the run itself takes; a spec field must never shadow one of them.
_RESERVED = frozenset(
    {"--wait", "-w", "--output", "-o", "--timeout", "--json", "--api-key", "--base-url", "--help"}
)
# Shown first in --help because nearly every call sets them; the rest follow in spec order.
_LEADING = ("prompt", "negative_prompt", "model_name", "mode", "duration", "aspect_ratio")
# The prompt may hold colons itself: only the last one separates the seconds.
_SHOT = re.compile(r"^(?P<prompt>.+):\s*(?P<seconds>\d+)\s*$", re.DOTALL)


class _ImageSource(click.ParamType[Any]):
    """An image as the user types it: a URL (kept) or an existing file (sent as Base64)."""

    name = "URL|FILE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if not isinstance(value, str):
            return value
        try:
            is_file = Path(value).is_file()
        except (OSError, ValueError):
            is_file = False  # far too long for a file name (Base64 text), or a NUL byte in it
        return Path(value) if is_file else value  # the library reads, checks and encodes a file


class _JSONText(click.ParamType[Any]):
    """JSON text for an object or array field, e.g. ``--camera-control '{"type": "simple"}'``."""

    def __init__(self, expected: type[dict[str, Any]] | type[list[Any]]) -> None:
        self.expected = expected
        self.name = "JSON" if expected is dict else "JSON-ARRAY"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if not isinstance(value, str):
            return value
        try:
            parsed = json.loads(value)
        except ValueError as exc:
            self.fail(f"is not valid JSON ({exc})", param, ctx)
        if not isinstance(parsed, self.expected):
            self.fail(
                f"must be a JSON {'object' if self.expected is dict else 'array'}", param, ctx
            )
        return parsed


@attrs.frozen
class _FieldOption:
    """One click option and how its value becomes (part of) a request field."""

    field: str
    option: click.Option
    to_value: Callable[[Any], Any] = lambda value: value


def _help(schema: Schema, *, required: bool, note: str = "") -> str:
    text = " ".join(str(schema.get("description", "")).split())
    text = text.replace("`", "").replace("**", "")
    first = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0] if text else ""
    first = f"{first} {note}".strip()
    notes = []
    if "x-kling-default" in schema:
        notes.append(f"default: {schema['x-kling-default']}")
    if required:
        notes.append("required")
    return f"{first} [{'; '.join(notes)}]" if notes else first


def _media_kind(schema: Schema) -> str | None:
    kind = schema.get("x-kling-media", {}).get("kind")
    return str(kind) if kind else None


def _single_media_item(schema: Schema) -> str | None:
    """The one required media property of a list's items (``image_url``), if that is all."""
    items = resolve(schema.get("items", {}))
    required = items.get("required", [])
    if len(required) != 1:
        return None
    prop = resolve(items.get("properties", {}).get(required[0], {}))
    return str(required[0]) if _media_kind(prop) else None


def _parse_shots(values: Sequence[str]) -> list[dict[str, Any]]:
    shots = []
    for index, value in enumerate(values, start=1):
        match = _SHOT.match(value)
        if match is None:
            raise click.BadParameter(
                f"{value!r} is not PROMPT:SECONDS (e.g. 'a cat wakes up:3')", param_hint="--shot"
            )
        prompt, seconds = match["prompt"].strip(), match["seconds"]
        shots.append({"index": index, "prompt": prompt, "duration": seconds})
    return shots


def _value_type(schema: Schema) -> click.ParamType[Any] | type[Any]:
    """The click type of a field: a choice, an image source, a scalar, or JSON text."""
    kind = schema.get("type")
    if "enum" in schema:
        return click.Choice([str(value) for value in schema["enum"]])
    if _media_kind(schema) == "image":
        return _ImageSource()
    scalars: Mapping[str, type[Any]] = {"string": str, "integer": int, "number": float}
    if isinstance(kind, str) and kind in scalars:
        return scalars[kind]
    return _JSONText(list if kind == "array" else dict)


def _note(schema: Schema) -> str:
    if _media_kind(schema) == "image":
        return "Also a local file (sent as Base64)."
    if schema.get("type") in ("object", "array") and "enum" not in schema:
        return "(JSON)"
    return ""


def _field_options(name: str, schema: Schema, *, required: bool) -> list[_FieldOption]:
    flag = "--" + _FLAG_NAMES.get(name, name).replace("_", "-")
    decls = [flag] if name not in _FLAG_NAMES else [flag, "--" + name.replace("_", "-")]
    help_text = _help(schema, required=required, note=_note(schema))
    if name == "multi_prompt":
        # The storyboard reads better as shots than as JSON; index follows the order given.
        shot = click.Option(
            ["--shot", name],
            multiple=True,
            metavar="PROMPT:SECONDS",
            help="One shot of a multi-shot storyboard (repeat, in order; with --multi-shot).",
        )
        return [_FieldOption(name, shot, lambda v: _parse_shots(v) if v else None)]
    if schema.get("type") == "boolean":
        negative = "--no-" + flag.removeprefix("--")
        toggle = click.Option([f"{flag}/{negative}", name], default=None, help=help_text)
        return [_FieldOption(name, toggle)]
    result = [
        _FieldOption(name, click.Option([*decls, name], type=_value_type(schema), help=help_text))
    ]
    item_key = _single_media_item(schema) if schema.get("type") == "array" else None
    if item_key is not None:
        # image_list -> repeatable --image, each value becoming {"image_url": value}.
        items = resolve(schema.get("items", {}))
        item_schema = resolve(items["properties"][item_key])
        option = click.Option(
            ["--" + name.removesuffix("_list").replace("_", "-"), f"{name}__each"],
            multiple=True,
            type=_value_type(item_schema),
            help=f"One item of {flag} (repeatable): "
            + ("an image URL or local file." if _media_kind(item_schema) == "image" else "a URL."),
        )
        result.append(_FieldOption(name, option, _wrap_items(item_key)))
    return result


def _wrap_items(key: str) -> Callable[[Sequence[Any]], list[dict[str, Any]] | None]:
    """Turn the values of a repeated shorthand into list items: `{key: value}` each."""
    return lambda values: [{key: value} for value in values] or None


def spec_options(ep: Endpoint) -> list[_FieldOption]:
    """The options of one endpoint's create command, read from its request schema.

    Args:
        ep: The endpoint.

    Returns:
        One entry per option, in help order.

    Raises:
        RuntimeError: a spec field would shadow another option (a bug to fix, not to hide).
    """
    properties: Mapping[str, Schema] = ep.schema.get("properties", {})
    required = set(ep.schema.get("required", ()))
    order = [n for n in _LEADING if n in properties] + [n for n in properties if n not in _LEADING]
    result: list[_FieldOption] = []
    seen = set(_RESERVED)
    for name in order:
        for entry in _field_options(name, resolve(properties[name]), required=name in required):
            flags = set(entry.option.opts) | set(entry.option.secondary_opts)
            if flags & seen:
                if entry.option.name and entry.option.name.endswith("__each"):
                    continue  # a shorthand that a real field already owns: JSON form only
                raise RuntimeError(f"{ep.kind}: option {sorted(flags & seen)} is taken twice")
            seen |= flags
            result.append(entry)
    return result


def _collect(entries: Sequence[_FieldOption], values: Mapping[str, Any]) -> dict[str, Any]:
    """The request fields given on the command line (absent options are left to the library)."""
    fields: dict[str, Any] = {}
    for entry in entries:
        raw = values.get(entry.option.name or "")
        value = entry.to_value(raw) if raw not in (None, ()) else None
        if value is None:
            continue
        if entry.field in fields:
            raise click.UsageError(f"give {entry.field} either as JSON or item by item, not both")
        fields[entry.field] = value
    return fields


# ------------------------------------------------------------------ shared options


def _api_params() -> list[click.Parameter]:
    return [
        click.Option(
            ["--api-key"],
            metavar="KEY",
            help="API key. Default: $KLING_API_KEY, else $API_KEY (prefer them: flags show in ps).",
        ),
        click.Option(
            ["--base-url"],
            metavar="URL",
            help="API base URL. Default: $KLING_BASE_URL, else the gateway.",
        ),
    ]


def _json_param(help_text: str) -> click.Parameter:
    return click.Option(["--json", "json_output"], is_flag=True, help=help_text)


def _wait_params() -> list[click.Parameter]:
    return [
        click.Option(
            ["--output", "-o"],
            type=click.Path(path_type=Path),
            help="Download the video(s) here: a file, or a folder for several. Implies --wait.",
        ),
        click.Option(
            ["--timeout"],
            type=click.FloatRange(min=0, min_open=True),
            default=DEFAULT_WAIT_TIMEOUT,
            show_default=True,
            metavar="SECONDS",
            help="How long to wait for the task.",
        ),
        _json_param("Print one JSON object on stdout when done (all else goes to stderr)."),
    ]


class _Kind(click.Choice[str]):
    """An endpoint name; `motion_control` is accepted for `motion-control`."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        text = value.replace("_", "-") if isinstance(value, str) else value
        return str(super().convert(text, param, ctx))


def _task_arguments() -> list[click.Parameter]:
    return [click.Argument(["kind"], type=_Kind(sorted(endpoints()))), click.Argument(["task_id"])]


def _resource(client: Kling, kind: str) -> Any:
    return getattr(client, endpoints()[kind].attr)


# ------------------------------------------------------------------ running a task


def _print_result(task: Task, paths: Sequence[Path], json_output: bool) -> None:
    if json_output:
        echo_json(task_json(task, paths))
        return
    for line in [str(path) for path in paths] or [video.url for video in task.videos]:
        click.echo(line)


def follow(
    client: Kling,
    job: Job,
    task: Task | str,
    *,
    output: Path | None,
    timeout: float,
    json_output: bool,
) -> None:
    """Wait for a task with live progress, download it if asked, and print the result.

    Args:
        client: The client to poll and download with.
        job: The running command's job; ``job.kind`` names the endpoint.
        task: The task just created, or a task id / external_task_id to resume.
        output: Where to save the videos (a file or a folder), or ``None`` not to download.
        timeout: Seconds to wait for the task to end.
        json_output: Print one JSON object instead of the paths (or URLs).

    Raises:
        TaskFailedError: the task failed.
        TaskTimeoutError: still running at the deadline.
    """
    kind = job.kind or ""
    paths: list[Path] = []
    with Watch(kind) as watch:
        if isinstance(task, Task):
            watch.on_update(task)
        done = _resource(client, kind).wait(task, timeout=timeout, on_update=watch.on_update)
        job.task = done
        if output is not None:
            paths = client.download(done, output, on_progress=watch.on_download)
            watch.saved(paths)
    _print_result(done, paths, json_output)


def _create(ep: Endpoint, entries: Sequence[_FieldOption], values: dict[str, Any]) -> None:
    output: Path | None = values.pop("output")
    timeout: float = values.pop("timeout")
    json_output: bool = values.pop("json_output")
    wait_for_it: bool = values.pop("wait") or output is not None
    api_key, base_url = values.pop("api_key"), values.pop("base_url")
    with reporting(json_output=json_output) as job:
        fields = _collect(entries, values)
        # Chosen here, not in the library, so an interrupted create can still be looked up.
        fields.setdefault("external_task_id", new_external_task_id())
        job.kind, job.task_id, job.creating = ep.kind, fields["external_task_id"], True
        with Kling(api_key=api_key, base_url=base_url) as client:
            task: Task = _resource(client, ep.kind).create(**fields)
            job.task_id, job.task, job.created = task.task_id, task, True
            if wait_for_it:
                follow(client, job, task, output=output, timeout=timeout, json_output=json_output)
                return
        if json_output:
            echo_json(task_json(task))
        else:
            click.echo(task.task_id)
            click.echo(
                f"{ep.kind} task {task.task_id} {task.status.value}; "
                f"follow it with: {wait_hint(ep.kind, task.task_id)}",
                err=True,
            )


def _create_command(ep: Endpoint) -> click.Command:
    entries = spec_options(ep)
    summary = load_spec()["paths"][f"/v1/videos/{ep.kind}"]["post"].get("summary", ep.kind)

    def callback(**values: Any) -> None:
        _create(ep, entries, values)

    run_params: list[click.Parameter] = [
        click.Option(["--wait", "-w"], is_flag=True, help="Wait until the task ends."),
        *_wait_params(),
        *_api_params(),
    ]
    params = [*(entry.option for entry in entries), *run_params]
    names = [param.name for param in params]
    if len(set(names)) != len(names):
        raise RuntimeError(f"{ep.kind}: a spec field is named like an option of the run: {names}")
    return click.Command(
        ep.kind,
        params=params,
        callback=callback,
        help=f"{summary}.\n\nWithout --wait, prints the task id; follow it with "
        f"`kling wait {ep.kind} ID`. Images may be URLs or local files.",
        short_help=summary + ".",
    )


CREATE_COMMANDS: Mapping[str, click.Command] = {
    kind: _create_command(ep) for kind, ep in sorted(endpoints().items())
}
"""One create command per endpoint of the spec, by its name (``motion-control``)."""
# By name, for the lazy command table of `kling_ext.cli`.
text2video = CREATE_COMMANDS["text2video"]
image2video = CREATE_COMMANDS["image2video"]
motion_control = CREATE_COMMANDS["motion-control"]
omni_video = CREATE_COMMANDS["omni-video"]
multi_image2video = CREATE_COMMANDS["multi-image2video"]


# ------------------------------------------------------------------ status, wait, list


def _status(
    kind: str, task_id: str, json_output: bool, api_key: str | None, base_url: str | None
) -> None:
    with reporting() as job, Kling(api_key=api_key, base_url=base_url) as client:
        job.kind = kind
        task: Task = _resource(client, kind).get(task_id)
        if json_output:
            echo_json(task_json(task))
            return
        lines = [
            f"task_id: {task.task_id}",
            f"status: {task.status.value}",
            f"external_task_id: {task.external_task_id or '-'}",
        ]
        if task.status_message:
            lines.append(f"message: {task.status_message}")
        lines += [f"video: {video.url}" for video in task.videos]
        click.echo("\n".join(lines))
        if not task.done:
            click.echo(f"follow it with: {wait_hint(kind, task.task_id)}", err=True)


status = click.Command(
    "status",
    params=[*_task_arguments(), _json_param("Print the task as one JSON object."), *_api_params()],
    callback=_status,
    help="Show a task now, by its task id or the external_task_id it was created with.",
)


def _wait(
    kind: str,
    task_id: str,
    output: Path | None,
    timeout: float,
    json_output: bool,
    api_key: str | None,
    base_url: str | None,
) -> None:
    with reporting(json_output=json_output) as job:
        job.kind, job.task_id = kind, task_id
        with Kling(api_key=api_key, base_url=base_url) as client:
            follow(client, job, task_id, output=output, timeout=timeout, json_output=json_output)


wait = click.Command(
    "wait",
    params=[*_task_arguments(), *_wait_params(), *_api_params()],
    callback=_wait,
    help="Wait for a task to end, and download its videos with --output.",
)


def _list(
    kind: str,
    page: int,
    page_size: int,
    json_output: bool,
    api_key: str | None,
    base_url: str | None,
) -> None:
    with reporting() as job, Kling(api_key=api_key, base_url=base_url) as client:
        job.kind = kind
        tasks: list[Task] = _resource(client, kind).list(page=page, page_size=page_size)
        if json_output:
            echo_json([task_json(task) for task in tasks])
            return
        for task in tasks:
            created = task.created_at.isoformat(timespec="seconds") if task.created_at else "-"
            click.echo(f"{task.task_id}\t{task.status.value}\t{created}")
        if not tasks:
            click.echo(f"no {kind} tasks on page {page}", err=True)


def _page_range(parameter: str) -> click.IntRange:
    """The bounds the spec gives a paging parameter (`pageNum` 1-1000, `pageSize` 1-500)."""
    schema = load_spec()["components"]["parameters"][parameter]["schema"]
    return click.IntRange(schema.get("minimum"), schema.get("maximum"))


list_tasks = click.Command(
    "list",
    params=[
        click.Argument(["kind"], type=_Kind(sorted(endpoints()))),
        click.Option(["--page"], type=_page_range("PageNum"), default=1, show_default=True),
        click.Option(["--page-size"], type=_page_range("PageSize"), default=30, show_default=True),
        _json_param("Print the tasks as one JSON array."),
        *_api_params(),
    ],
    callback=_list,
    help="List one page of an endpoint's tasks, newest first.",
)
