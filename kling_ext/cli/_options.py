"""Command-line options derived from a request schema, and the fields they collect.

Every property of an endpoint's request schema becomes ``--kebab-case``: an enum becomes a
choice, a boolean a flag, an image field takes a URL or a local file (sent as Base64 by the
library), any other object or array takes JSON text. Lists whose items hold one media URL also
get a repeatable shorthand (``--image``, ``--video``), and ``multi_prompt`` gets
``--shot "PROMPT:SECONDS"``. So a field added to the spec appears without a code change.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol

import attrs
import click

from kling_ext._constants import MAX_JSON_DEPTH
from kling_ext._image_source import image_source
from kling_ext._prepare import LEGACY_NAMES, nesting_depth
from kling_ext._spec import Schema, resolve

__all__ = [
    "FieldOption",
    "collect_fields",
    "escape_hatch_options",
    "option_words",
    "spec_options",
    "takes_image_files",
]

# Flag names that read better than the field's own; the field's name stays an alias.
_FLAG_NAMES: Mapping[str, str] = {"model_name": "model"}
# Options the run itself takes; a spec field must never shadow one of them.
_RESERVED = frozenset(
    {
        *("--wait", "-w", "--output", "-o", "--timeout", "--json"),
        *("--api-key", "--base-url", "--allow-insecure", "--help"),
    }
)
# Shown first in --help because nearly every call sets them; the rest follow in spec order.
_LEADING = ("prompt", "negative_prompt", "model_name", "mode", "duration", "aspect_ratio")
# The prompt may hold colons itself: only the last one separates the seconds.
_SHOT = re.compile(r"^(?P<prompt>.+):\s*(?P<seconds>\d+)\s*$", re.DOTALL)


class _ImageSource(click.ParamType[Any]):
    """An image as the user types it: a URL or Base64 (kept as text), else a local file.

    The library never reads a ``str`` as a file, so the command line decides, as a jobs file
    does (``image_source``): what exists on disk, or is not a URL, a data URI or long Base64
    text, becomes a ``Path`` (and a missing file is reported as such, not as bad Base64).
    """

    name = "URL|FILE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if not isinstance(value, str):
            return value
        try:
            return image_source(value)
        except FileNotFoundError:
            self.fail(f"file not found: {value}", param, ctx)


class _SpecChoice(click.Choice[str]):
    """The spec's enum values; with ``--allow-unknown`` any other value too (the library warns)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        # --allow-unknown is eager, so it is parsed before any field option.
        if ctx is not None and ctx.params.get("allow_unknown") and isinstance(value, str):
            return value
        return super().convert(value, param, ctx)


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
        except RecursionError:
            parsed = _TOO_DEEP  # deeper than Python can read: refused just below
        if parsed is _TOO_DEEP or nesting_depth(parsed) > MAX_JSON_DEPTH:
            self.fail(f"is nested more than {MAX_JSON_DEPTH} levels deep", param, ctx)
        if not isinstance(parsed, self.expected):
            self.fail(
                f"must be a JSON {'object' if self.expected is dict else 'array'}", param, ctx
            )
        return parsed


_TOO_DEEP = object()


@attrs.frozen
class FieldOption:
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


def option_words(entry: FieldOption, value: Any) -> list[str]:
    """The words that give a field ``value`` on the command line: the inverse of the option.

    Args:
        entry: The field's own option (not a shorthand such as ``--image``).
        value: The value, as the request body holds it.

    Returns:
        For example ``["--duration", "5"]``, ``["--no-sound"]`` or two ``--shot`` words.
    """
    option = entry.option
    if entry.field == "multi_prompt" and isinstance(value, list):
        return [
            word
            for shot in value
            for word in ("--shot", f"{shot.get('prompt', '')}:{shot.get('duration', '')}")
        ]
    if option.is_bool_flag or option.secondary_opts:
        return [option.opts[0] if value else option.secondary_opts[0]]
    if isinstance(value, (dict, list)):
        return [option.opts[0], json.dumps(value, ensure_ascii=False)]
    return [option.opts[0], str(value).lower() if isinstance(value, bool) else str(value)]


def _value_type(schema: Schema) -> click.ParamType[Any] | type[Any]:
    """The click type of a field: a choice, an image source, a scalar, or JSON text."""
    kind = schema.get("type")
    if "enum" in schema:
        return _SpecChoice([str(value) for value in schema["enum"]])
    if _media_kind(schema) == "image":
        return _ImageSource()
    scalars: Mapping[str, type[Any]] = {"string": str, "integer": int, "number": float}
    if isinstance(kind, str) and kind in scalars:
        return scalars[kind]
    union = _scalar_union(schema)
    if union:
        # `[string, integer]`, or `anyOf` an integer range and "auto": a word on the command
        # line, read as the first type it spells; the library checks it against the spec.
        return _ScalarText(union)
    return _JSONText(list if kind == "array" else dict)


_SCALAR_TYPES = ("integer", "number", "boolean", "string")


def _scalar_union(schema: Schema) -> tuple[str, ...]:
    """The scalar types a field's value may take, if it may take several and nothing else."""
    kind = schema.get("type")
    branches = schema.get("anyOf") or schema.get("oneOf")
    if isinstance(kind, list):
        types = set(kind)
    elif isinstance(branches, list) and kind is None:
        types = set()
        for branch in map(resolve, branches):
            found = branch.get("type")
            types |= set(found) if isinstance(found, list) else {found}
    else:
        return ()
    if not types or not types <= set(_SCALAR_TYPES):
        return ()
    return tuple(name for name in _SCALAR_TYPES if name in types)


class _ScalarText(click.ParamType[Any]):
    """A value of one of several scalar types (``2`` or ``auto``): the first type it spells."""

    def __init__(self, types: tuple[str, ...]) -> None:
        self.types = types
        self.name = "|".join(t.upper() for t in types)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if not isinstance(value, str):
            return value
        if "integer" in self.types and re.fullmatch(r"[+-]?\d+", value.strip()):
            return int(value)
        if "number" in self.types:
            try:
                return float(value)
            except ValueError:
                pass
        if "boolean" in self.types and value.lower() in ("true", "false"):
            return value.lower() == "true"
        return value


def _note(schema: Schema) -> str:
    if _media_kind(schema) == "image":
        return "Also a local file (sent as Base64)."
    if schema.get("type") in ("object", "array") and "enum" not in schema:
        return "(JSON)"
    return ""


def _field_options(name: str, schema: Schema, *, required: bool) -> list[FieldOption]:
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
        return [FieldOption(name, shot, lambda v: _parse_shots(v) if v else None)]
    if schema.get("type") == "boolean":
        negative = "--no-" + flag.removeprefix("--")
        toggle = click.Option([f"{flag}/{negative}", name], default=None, help=help_text)
        return [FieldOption(name, toggle)]
    result = [
        FieldOption(name, click.Option([*decls, name], type=_value_type(schema), help=help_text))
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
        result.append(FieldOption(name, option, _wrap_items(item_key)))
    return result


def _wrap_items(key: str) -> Callable[[Sequence[Any]], list[dict[str, Any]] | None]:
    """Turn the values of a repeated shorthand into list items: `{key: value}` each."""
    return lambda values: [{key: value} for value in values] or None


class WithSchema(Protocol):
    """A task endpoint or a synchronous call: a name and the schema of its arguments."""

    @property
    def kind(self) -> str:
        """The name, as the command's."""

    @property
    def schema(self) -> Schema:
        """The arguments' schema: the request body's, or one of the query parameters."""

    @property
    def defaults(self) -> Mapping[str, Any]:
        """What the client fills in when a field is not given (`x-kling-default`)."""


def spec_options(ep: WithSchema) -> list[FieldOption]:
    """The options of one endpoint's command, read from its request (or query) schema.

    Args:
        ep: The task endpoint or call.

    Returns:
        One entry per option, in help order.

    Raises:
        RuntimeError: a spec field would shadow another option (a bug to fix, not to hide).
    """
    properties: Mapping[str, Schema] = ep.schema.get("properties", {})
    # A field the client fills from x-kling-default is required on the wire, not of the user.
    required = set(ep.schema.get("required", ())) - set(ep.defaults)
    order = [n for n in _LEADING if n in properties] + [n for n in properties if n not in _LEADING]
    result: list[FieldOption] = []
    seen = set(_RESERVED)
    for name in order:
        if name in LEGACY_NAMES:
            continue  # `model`, the legacy name of model_name: --model already sets model_name
        for entry in _field_options(name, resolve(properties[name]), required=name in required):
            flags = set(entry.option.opts) | set(entry.option.secondary_opts)
            if flags & seen:
                if entry.option.name and entry.option.name.endswith("__each"):
                    continue  # a shorthand that a real field already owns: JSON form only
                raise RuntimeError(f"{ep.kind}: option {sorted(flags & seen)} is taken twice")
            seen |= flags
            result.append(entry)
    return result


def takes_image_files(entries: Sequence[FieldOption]) -> bool:
    """Whether any of a command's options takes an image as a URL or a local file."""
    return any(isinstance(entry.option.type, _ImageSource) for entry in entries)


def escape_hatch_options() -> list[click.Option]:
    """``--extra-body JSON`` and ``--allow-unknown``: for what the spec does not know yet.

    Their values arrive as ``extra_body`` and ``allow_unknown``, the library's keyword arguments.
    """
    return [
        click.Option(
            ["--extra-body", "extra_body"],
            type=_JSONText(dict),
            help="Fields the spec does not have yet, as a JSON object merged into the sent body "
            "as given (not validated).",
        ),
        click.Option(
            ["--allow-unknown", "allow_unknown"],
            is_flag=True,
            is_eager=True,
            help="Send values the spec does not list yet (such as a newer model) with a "
            "warning instead of refusing them; everything else is still checked.",
        ),
    ]


def collect_fields(entries: Sequence[FieldOption], values: Mapping[str, Any]) -> dict[str, Any]:
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
