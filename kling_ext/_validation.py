"""Request validation against the spec: JSON Schema, model capabilities and cross-field rules.

Pure: a request body in, a list of violations out. The client raises the first one as a
`ValidationError` before anything is sent; the mock gateway answers them as the documented 400.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import Any

import attrs
import jsonschema_rs

from ._spec import Endpoint, Schema, endpoint, load_spec, resolve

PRESENT = "$present"


@attrs.frozen
class Violation:
    """One way a request body breaks the contract."""

    field: str
    message: str
    allowed: str | None = None


def check_request(kind: str, body: Mapping[str, Any]) -> list[Violation]:
    """Every violation of the spec in a request body for endpoint `kind`, most basic first."""
    ep = endpoint(kind)
    found = _schema_violations(ep, body)
    if found:
        # Capability and rule checks assume well-typed fields; report the basics first.
        return found
    found.extend(_model_violations(ep, body))
    found.extend(_rule_violations(ep.schema.get("x-kling-rules", ()), body, prefix=""))
    for name, sub in ep.schema.get("properties", {}).items():
        nested = resolve(sub)
        if name in body and isinstance(body[name], Mapping) and "x-kling-rules" in nested:
            found.extend(_rule_violations(nested["x-kling-rules"], body[name], prefix=f"{name}."))
    return found


# ------------------------------------------------------------------ JSON Schema


@functools.cache
def _validator(schema_name: str) -> jsonschema_rs.Draft202012Validator:
    schema = {
        "$ref": f"#/components/schemas/{schema_name}",
        "components": load_spec()["components"],
    }
    return jsonschema_rs.Draft202012Validator(schema, validate_formats=True)


def _field_name(path: Sequence[str | int]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _schema_at(schema: Schema, path: Sequence[str | int]) -> Schema:
    for part in path:
        schema = resolve(schema)
        schema = (
            schema.get("items", {})
            if isinstance(part, int)
            else schema.get("properties", {}).get(part, {})
        )
    return resolve(schema)


def _schema_violations(ep: Endpoint, body: Mapping[str, Any]) -> list[Violation]:
    found: list[Violation] = []
    for error in _validator(ep.schema_name).iter_errors(body):
        path = list(error.instance_path)
        field = _field_name(path) or "body"
        kind = type(error.kind).__name__
        sub = _schema_at(ep.schema, path)
        allowed = None
        message = error.message
        if kind == "Enum" and "enum" in sub:
            allowed = ", ".join(repr(v) for v in sub["enum"])
            message = f"{_show(_get(body, path))} is not allowed"
        elif kind == "MaxLength":
            message = f"is {len(str(_get(body, path)))} characters long"
            allowed = f"at most {sub.get('maxLength')} characters"
        elif kind == "Required":
            missing = error.message.split('"')[1] if '"' in error.message else ""
            field = _field_name([*path, missing]) if missing else field
            message = "is required"
        elif kind == "AdditionalProperties":
            extra = sorted(set(_get(body, path)) - set(sub.get("properties", {})))
            field = _field_name([*path, extra[0]]) if extra else field
            message = "is not a field of this request"
            allowed = ", ".join(sub.get("properties", {}))
        found.append(Violation(field, message, allowed))
    return found


def _get(body: Any, path: Sequence[str | int]) -> Any:
    for part in path:
        body = body[part]
    return body


def _show(value: Any) -> str:
    return (
        repr(value) if not isinstance(value, str) or len(value) < 60 else repr(value[:57] + "...")
    )


# ------------------------------------------------------------------ model capabilities

# Fields whose support differs between models; a model's entry in x-kling-models says
# whether it takes them. Only listed values trigger the check (multi_shot=false is harmless).
_GATED: Mapping[str, Any] = {
    "cfg_scale": None,
    "camera_control": None,
    "multi_shot": True,
    "element_list": None,
    "voice_list": None,
}


def _model_violations(ep: Endpoint, body: Mapping[str, Any]) -> list[Violation]:
    defaults = ep.defaults
    model = body.get("model_name", defaults.get("model_name"))
    caps = ep.models.get(model) if isinstance(model, str) else None
    if caps is None:
        return []
    found: list[Violation] = []
    mode = body.get("mode", defaults.get("mode"))
    duration = body.get("duration", defaults.get("duration"))
    if "mode" in body and "modes" in caps and mode not in caps["modes"]:
        found.append(
            Violation("mode", f"{mode!r} is not supported by {model}", _listing(caps["modes"]))
        )
    if "duration" in body and "durations" in caps and duration not in caps["durations"]:
        found.append(
            Violation(
                "duration", f"{duration!r} is not allowed for {model}", _listing(caps["durations"])
            )
        )
    if body.get("sound") == "on" and "sound" in caps:
        sound = caps["sound"]
        if sound is False:
            found.append(Violation("sound", f"{model} cannot generate sound", "'off'"))
        elif isinstance(sound, list) and mode is not None and mode not in sound:
            found.append(
                Violation("sound", f"'on' needs mode {_listing(sound)} with {model}", "'off'")
            )
    for field, trigger in _GATED.items():
        if field not in body or (trigger is not None and body[field] != trigger):
            continue
        if not any(field in entry for entry in ep.models.values()):
            continue  # this endpoint does not gate the field by model
        support = caps.get(field, False)
        if not support:
            able = [name for name, entry in ep.models.items() if entry.get(field)]
            found.append(
                Violation(field, f"is not supported by {model}", f"models {_listing(able)}")
            )
        elif isinstance(support, Mapping):
            found.extend(_camera_support(model, support, body, mode, duration))
    return found


def _camera_support(
    model: str, support: Mapping[str, Any], body: Mapping[str, Any], mode: Any, duration: Any
) -> list[Violation]:
    need_mode, need_duration = support.get("mode"), support.get("duration")
    types = support.get("types")
    found = []
    if (need_mode and mode != need_mode) or (need_duration and duration != need_duration):
        found.append(
            Violation(
                "camera_control",
                f"with {model} needs mode {need_mode!r} and duration {need_duration!r}",
            )
        )
    kind = (
        body["camera_control"].get("type") if isinstance(body["camera_control"], Mapping) else None
    )
    if types and kind not in types:
        found.append(
            Violation(
                "camera_control.type", f"{kind!r} is not supported by {model}", _listing(types)
            )
        )
    return found


def _listing(values: Sequence[Any]) -> str:
    return ", ".join(repr(v) for v in values)


# ------------------------------------------------------------------ cross-field rules


def _matches(body: Mapping[str, Any], condition: Mapping[str, Any]) -> bool:
    for field, expected in condition.items():
        value = body.get(field)
        if expected == PRESENT:
            if field not in body:
                return False
        elif isinstance(expected, list):
            if value not in expected:
                return False
        elif value != expected:
            return False
    return True


def _rule_violations(
    rules: Sequence[Mapping[str, Any]], body: Mapping[str, Any], *, prefix: str
) -> list[Violation]:
    found: list[Violation] = []
    for rule in rules:
        if "when" in rule and not _matches(body, rule["when"]):
            continue
        if "unless" in rule and _matches(body, rule["unless"]):
            continue
        found.extend(_apply(rule, body, prefix))
    return found


def _apply(rule: Mapping[str, Any], body: Mapping[str, Any], prefix: str) -> list[Violation]:
    message = rule.get("message")
    out: list[Violation] = []
    for field in rule.get("require", ()):
        empty = field in rule.get("nonempty", ()) and body.get(field) in ("", None)
        if field not in body or empty:
            out.append(Violation(prefix + field, message or "is required"))
    for field in rule.get("forbid", ()):
        if field in body:
            out.append(Violation(prefix + field, message or "is not allowed here"))
    pair = rule.get("exclusive")
    if pair and all(field in body for field in pair):
        out.append(
            Violation(prefix + pair[-1], message or f"cannot be used together with {pair[0]}")
        )
    for field, value in rule.get("equal", {}).items():
        if body.get(field) != value and not (field not in body and rule.get("absent_ok")):
            out.append(Violation(prefix + field, message or f"must be {value!r}", repr(value)))
    if "sum_equals" in rule:
        out.extend(_sum_equals(rule["sum_equals"], body, prefix, message))
    if "max_total" in rule:
        spec = rule["max_total"]
        total = sum(len(body.get(name) or ()) for name in spec["lists"])
        if total > spec["max"]:
            out.append(
                Violation(prefix + spec["lists"][0], message or f"at most {spec['max']} items")
            )
    if "item_requires" in rule:
        spec = rule["item_requires"]
        values = [
            item.get(spec["key"])
            for item in body.get(spec["list"]) or ()
            if isinstance(item, Mapping)
        ]
        if spec["value"] in values and spec["needs_value"] not in values:
            out.append(Violation(prefix + spec["list"], message or "is incomplete"))
    if "exactly_one_nonzero" in rule:
        config = body.get(rule["exactly_one_nonzero"])
        if isinstance(config, Mapping):
            nonzero = [f for f in rule["fields"] if config.get(f, 0) not in (0, None)]
            if len(nonzero) != 1:
                out.append(
                    Violation(prefix + rule["exactly_one_nonzero"], message or "needs one axis")
                )
    return out


def _sum_equals(
    spec: Mapping[str, Any], body: Mapping[str, Any], prefix: str, message: str | None
) -> list[Violation]:
    items = body.get(spec["list"]) or ()
    try:
        total = sum(int(item[spec["item"]]) for item in items)
        wanted = int(body.get(spec["total"], spec.get("default_total", 0)))
    except (KeyError, TypeError, ValueError):
        return []  # malformed items are reported by the schema check
    if total == wanted:
        return []
    return [Violation(prefix + spec["list"], f"{message or 'sum mismatch'} ({total} != {wanted})")]
