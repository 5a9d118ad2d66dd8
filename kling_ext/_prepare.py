"""Turn a caller's keyword arguments into the request body the API documents, or refuse them.

Everything is driven by the spec: which fields exist, which are strings on the wire (so `5`
becomes `"5"`), which are images (encoded and checked against `x-kling-media`), which are video
URLs, what is sent by default (`x-kling-default`) and every rule (`_validation`).

Two escape hatches for what the spec does not know yet: `extra_body` (fields the spec does not
have, merged into the body as given, after validation) and `allow_unknown` (a value missing from
an enum, such as a new model, is warned about instead of refused; everything else is still
checked). `extra_body` cannot undo a check: it may not set a field of the endpoint's schema
(those are validated, or set by the client itself, like `external_task_id` and the defaults),
nor hold NaN or an infinity, which JSON cannot carry.
"""

from __future__ import annotations

import enum
import math
import os
import warnings
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ._body import VerbatimText
from ._constants import MAX_JSON_DEPTH
from ._exceptions import ValidationError
from ._spec import Call, Schema, load_spec, operation, resolve

if TYPE_CHECKING:
    from ._validation import Violation

# Legacy field names the docs still accept, read as the current one and never sent: the
# official API takes `model` for `model_name`, the default gateway only `model_name`.
LEGACY_NAMES: Mapping[str, str] = {"model": "model_name"}

EXTRA_BODY = "extra_body"
"""The keyword argument whose mapping is merged into the sent body unchecked."""
ALLOW_UNKNOWN = "allow_unknown"
"""The keyword argument that lets values the spec's enums do not list through, with a warning."""


# Text longer than this (Base64 of an image, to decode and check) is checked off the event loop.
_LARGE_TEXT_CHARS = 65_536
# Base64-shaped (the spec's Base64Image pattern), and no image a caller could mean.
_IMAGE_STAND_IN = "klingExtImageStandIn"


class UnknownValueWarning(UserWarning):
    """A request was sent with a value the spec does not list (``allow_unknown=True``)."""


def new_external_task_id() -> str:
    """A fresh id for a create, so a lost answer can be found instead of paid for twice."""
    import uuid  # here: ~1 ms of `import kling_ext` otherwise

    return f"kling-ext-{uuid.uuid4()}"


def prepare_body(kind: str, params: Mapping[str, Any]) -> dict[str, Any]:
    """The JSON body for a create on endpoint `kind` (or a call's arguments), validated against
    the spec.

    `None` means "not given". Every create on an endpoint whose request takes an
    `external_task_id` gets one (the others cannot be looked up after a lost answer: see
    `_flow.create_task`). `params` may also hold
    `extra_body` (a mapping merged into the body as given, after validation: for fields the spec
    does not have yet) and `allow_unknown` (send enum values the spec does not list, such as a
    newer model name, with an `UnknownValueWarning` naming the field, instead of refusing them).

    Raises:
        ValidationError: the first violation of the spec, naming the field and what is allowed.
    """
    # Imported on the first create: jsonschema-rs and the image checks cost `import kling_ext`
    # ~8 ms that a user who only polls or downloads never needs.
    from ._validation import check_request, unknown_values

    ep = operation(kind)
    properties = ep.schema.get("properties", {})
    # "" stands for "not given" unless the field is required and has no default to fill
    # (an empty prompt is refused, not dropped); a defaulted field, required on the wire
    # (model_name, duration, ...), is filled below.
    required = set(ep.schema.get("required", ())) - set(ep.defaults)
    params = dict(params)
    for name, value in params.items():
        _check_depth(name, value)
    extra = params.pop(EXTRA_BODY, None) or {}
    if not isinstance(extra, Mapping) or not all(isinstance(key, str) for key in extra):
        raise ValidationError(EXTRA_BODY, "must be a mapping of field names to JSON values")
    _check_extra(extra, properties, ep.kind)
    allow_unknown = bool(params.pop(ALLOW_UNKNOWN, False))
    _rename_legacy(params, properties)
    body: dict[str, Any] = {}
    images: dict[str, str | VerbatimText] = {}
    for name, value in params.items():
        if value is None or (value == "" and name not in required):
            continue  # seed-style code sends "" for "not given"; the official API means absent
        if name not in properties:
            raise ValidationError(
                name, f"is not a field of {ep.kind} requests", ", ".join(ep.fields)
            )
        body[name] = _normalize(value, resolve(properties[name]), name, images)
    if isinstance(ep, Call) and ep.schema_name is None:
        body = _as_query(body, properties)
    for name, default in ep.defaults.items():
        body.setdefault(name, default)
    if "external_task_id" in properties and not body.get("external_task_id"):
        body["external_task_id"] = new_external_task_id()
    _check_lookup_path(ep, body.get("external_task_id"))
    # With allow_unknown, the rules are checked too, so each one broken is at least warned about.
    violations = check_request(ep.kind, body, everything=allow_unknown)
    warned: list[Violation] = []
    if allow_unknown:
        violations, warned = unknown_values(violations)
    if violations:
        first = violations[0]
        more = f" (and {len(violations) - 1} more problem(s))" if len(violations) > 1 else ""
        raise ValidationError(first.field, first.message + more, first.allowed)
    for violation in warned:
        warnings.warn(_describe(violation), UnknownValueWarning, stacklevel=4)
    if images:
        body = _restore(body, images)
    body.update(extra)
    return body


def _check_lookup_path(ep: object, external: object) -> None:
    """Refuse an external_task_id whose look-up path is another operation of the spec.

    After a lost create answer the task is found at `GET {path}/{external_task_id}`; an id such
    as `init-selection` on `/v1/videos/multi-elements` names a call there instead, so the task
    could never be found, and a create could not be proven absent.
    """
    path = getattr(ep, "path", None)
    if not isinstance(external, str) or not isinstance(path, str) or isinstance(ep, Call):
        return
    if f"{path}/{external}" in load_spec()["paths"]:
        raise ValidationError(
            "external_task_id",
            f"{external!r} would be looked up at {path}/{external}, another operation of the API",
            "any other id",
        )


def _as_query(body: Mapping[str, Any], properties: Mapping[str, Any]) -> dict[str, Any]:
    """A `GET` call's arguments as the query string will carry them.

    A float that is a whole number (`1.7e12`, `5.0`) given for an integer parameter goes out as
    the integer's digits: in a URL `5.0` is text, which the gateway refuses for an integer. Any
    other value is left for validation to judge, so what is checked is what is sent.
    """
    out = dict(body)
    for name, value in body.items():
        kinds = resolve(properties.get(name, {})).get("type")
        integer = kinds == "integer" or (isinstance(kinds, list) and "integer" in kinds)
        if integer and isinstance(value, float) and math.isfinite(value) and value.is_integer():
            out[name] = int(value)
    return out


def _rename_legacy(params: dict[str, Any], properties: Mapping[str, Any]) -> None:
    """Read a legacy field (`model`) as its current name (`model_name`), in place.

    Raises:
        ValidationError: both names were given, with different values; naming both.
    """
    for old, new in LEGACY_NAMES.items():
        if old not in properties or new not in properties:
            continue  # an endpoint whose spec does not document the legacy name
        value = params.pop(old, None)
        if value is None or value == "":
            continue
        current = params.get(new)
        if current not in (None, "") and current != value:
            raise ValidationError(
                old,
                f"is the legacy name of {new}, and the two name different models "
                f"({old}={value!r}, {new}={current!r})",
                f"{new} alone (or both with the same value)",
            )
        params[new] = value


def _restore(value: Any, images: Mapping[str, str | VerbatimText]) -> Any:
    """`value` with each image placeholder replaced by the Base64 it stands for."""
    if isinstance(value, str):
        return images.get(value, value)
    if isinstance(value, dict):
        return {key: _restore(item, images) for key, item in value.items()}
    if isinstance(value, list):
        return [_restore(item, images) for item in value]
    return value


async def prepare_body_async(kind: str, params: Mapping[str, Any]) -> dict[str, Any]:
    """`prepare_body` for `AsyncKling`: reading and encoding images happens off the event loop.

    A local image (a path, a file object, bytes or long Base64 text to check) costs tens of
    milliseconds per 10 MB; that work runs in a worker thread so the loop's other tasks go on.
    """
    if not _holds_local_media(params):
        return prepare_body(kind, params)
    import asyncio  # here: a sync-only user should not pay for importing it

    return await asyncio.to_thread(prepare_body, kind, params)


def _holds_local_media(params: Mapping[str, Any]) -> bool:
    """Whether any argument (nested in lists and mappings too) is an image to read or check."""
    todo = [value for name, value in params.items() if name != EXTRA_BODY]
    while todo:
        value = todo.pop()
        if isinstance(value, str):
            if len(value) > _LARGE_TEXT_CHARS:
                return True
        elif isinstance(value, Mapping):
            todo.extend(value.values())
        elif isinstance(value, list | tuple):
            todo.extend(value)
        elif isinstance(value, bytes | bytearray | memoryview | os.PathLike) or callable(
            getattr(value, "read", None)
        ):
            return True
    return False


def nesting_depth(value: Any, *, stop_above: int = MAX_JSON_DEPTH) -> int:
    """How deeply `value` nests mappings and lists (a scalar is 0, `{"a": 1}` is 1).

    Found without recursion, and given up once past `stop_above`, so that a value nested
    thousands deep, or one holding itself, is measured at once.
    """
    deepest = 0
    todo: list[tuple[Any, int]] = [(value, 0)]
    while todo:
        node, level = todo.pop()
        deepest = max(deepest, level)
        if deepest > stop_above:
            break
        if isinstance(node, Mapping):
            todo.extend((child, level + 1) for child in node.values())
        elif isinstance(node, list | tuple):
            todo.extend((child, level + 1) for child in node)
    return deepest


def _check_depth(name: str, value: Any) -> None:
    """Refuse an argument nested more than `MAX_JSON_DEPTH` levels deep (or holding itself).

    Checked first: the later steps (validation, encoding) recurse, and a value nested ~1,000
    deep would end in a RecursionError instead of naming the argument.

    Raises:
        ValidationError: naming the argument.
    """
    if nesting_depth(value) > MAX_JSON_DEPTH:
        raise ValidationError(
            name,
            f"is nested more than {MAX_JSON_DEPTH} levels deep",
            f"at most {MAX_JSON_DEPTH} levels of mappings and lists",
        )


def _check_extra(extra: Mapping[str, Any], properties: Mapping[str, Any], kind: str) -> None:
    """Refuse an `extra_body` that would override a checked field or cannot be JSON.

    Raises:
        ValidationError: naming `extra_body.<field>` (and the path inside it, for a number).
    """
    for name in extra:
        if name in properties:
            raise ValidationError(
                f"{EXTRA_BODY}.{name}",
                f"is a field of {kind} requests, which extra_body may not override (it is "
                f"checked, or set by the client): pass it as {name}=... instead",
                "fields the spec does not have",
            )
    # Walked without recursion: a mapping nested thousands deep must not crash the check.
    todo: list[tuple[str, Any]] = [(f"{EXTRA_BODY}.{name}", value) for name, value in extra.items()]
    while todo:
        where, value = todo.pop()
        if isinstance(value, float) and not math.isfinite(value):
            raise ValidationError(
                where, f"{value!r} cannot be sent: JSON has no NaN or infinity", "finite numbers"
            )
        if isinstance(value, Mapping):
            todo.extend((f"{where}.{key}", item) for key, item in value.items())
        elif isinstance(value, list | tuple):
            todo.extend((f"{where}[{index}]", item) for index, item in enumerate(value))


def _describe(violation: Violation) -> str:
    text = f"{violation.field}: {violation.message}"
    text += f"; the spec allows {violation.allowed}" if violation.allowed else ""
    return text + "; sent anyway (allow_unknown)"


def _normalize(
    value: Any, schema: Schema, field: str, images: dict[str, str | VerbatimText]
) -> Any:
    if hasattr(value, "to_dict") and callable(value.to_dict):
        value = value.to_dict()  # a generated model passed as-is
    if isinstance(value, enum.Enum):
        value = value.value
    media = schema.get("x-kling-media", {})
    if media:
        from ._inputs import ImageLimits, check_url, image_base64  # see prepare_body
    if media.get("kind") == "image":
        limits = ImageLimits(
            formats=frozenset(media.get("formats", ("jpeg", "png"))),
            max_bytes=media.get("max_bytes", ImageLimits().max_bytes),
            min_side=media.get("min_side", ImageLimits().min_side),
            max_aspect=media.get("max_aspect", ImageLimits().max_aspect),
        )
        encoded = image_base64(value, field=field, limits=limits)
        if isinstance(encoded, str) and encoded[:8].lower().startswith(("http://", "https://")):
            return encoded  # a URL: the schema checks it (Base64 has no ':')
        # Base64 that encode_image made or fully decoded: matching the spec's pattern against
        # 13 MB of it again would only cost time. The schema sees a short stand-in of the same
        # shape; prepare_body puts the real text back after validation.
        stand_in = f"{_IMAGE_STAND_IN}{len(images)}A"
        images[stand_in] = encoded
        return stand_in
    if media.get("kind") == "video_url":
        if not isinstance(value, str):
            raise ValidationError(field, "must be a public http(s) URL of the video")
        return check_url(value, field=field)
    kind = schema.get("type")
    strings = kind == "string" or (isinstance(kind, list) and "string" in kind)
    if strings and isinstance(value, int) and not isinstance(value, bool):
        return str(value)  # durations are strings on the wire; callers may write 5
    if kind == "array" and isinstance(value, Sequence) and not isinstance(value, str | bytes):
        items = resolve(schema.get("items", {}))
        return [_normalize(item, items, f"{field}[{i}]", images) for i, item in enumerate(value)]
    if kind == "object" and isinstance(value, Mapping):
        props = schema.get("properties", {})
        return {
            key: _normalize(item, resolve(props[key]), f"{field}.{key}", images)
            if key in props
            else item
            for key, item in value.items()
            if item is not None
        }
    return value
