"""Request validation: plain JSON Schema 2020-12 validation of the bundled spec.

Pure: a request body in, a list of violations out. The client raises the first one as a
`ValidationError` before anything is sent; the mock gateway answers them as the documented 400.
Model capabilities and cross-field rules are the request schemas' `allOf` entries, each with a
`description` that says the rule; that text is the violation's message. The one rule JSON Schema
cannot say (in multi-shot customize mode, shot durations adding up to `duration`) is the spec's
`x-kling-rules`, each applying where the body matches its `if` schema. OpenAPI's integer formats
(int32, int64) bound their values, as OpenAPI defines them.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import attrs
import jsonschema_rs

from ._spec import Call, Endpoint, Schema, call, endpoint, load_spec, operation, resolve


@attrs.frozen
class Violation:
    """One way a request body breaks the contract."""

    field: str
    message: str
    allowed: str | None = None
    rule: bool = attrs.field(default=False, eq=False)
    """Whether a model capability or cross-field rule (not the field's own schema) is broken."""
    enum: bool = attrs.field(default=False, eq=False)
    """Whether the value is one the spec's enum does not list (see `unknown_values`)."""


def check_request(
    kind: str, body: Mapping[str, Any], *, everything: bool = False
) -> list[Violation]:
    """The violations of the spec in a request body for endpoint `kind`, most basic first.

    A field's own schema (type, enum, length, pattern) is reported before the rules between
    fields, which assume well-typed fields, and only those unless `everything` is set; the
    durations sum is checked last.
    """
    ep = operation(kind)
    found = [_violation(ep, body, error) for error in _validator(_key(ep)).iter_errors(body)]
    # One message per field: a wrong type also misses the field's enum, and saying it twice
    # ("(and 1 more problem(s))") only hides what is allowed.
    basic: list[Violation] = []
    for violation in found:
        if not violation.rule and all(v.field != violation.field for v in basic):
            basic.append(violation)
    rules = [v for v in found if v.rule]
    if basic and not everything:
        return basic
    if rules and not everything:
        return rules
    return basic + rules + _sum_violations(ep.schema.get("x-kling-rules", ()), body)


def unknown_values(violations: Sequence[Violation]) -> tuple[list[Violation], list[Violation]]:
    """Split violations for a caller who sends values the spec does not list yet.

    Returns:
        (refused, warned): an enum miss (e.g. a model name newer than the spec) is only warned
        about, and so is every rule between fields when there is one, since the spec's rules
        cannot know the new value; everything else (types, lengths, formats, unknown fields) is
        still refused.
    """
    misses = [v for v in violations if v.enum]
    if not misses:
        return list(violations), []
    refused = [v for v in violations if not v.enum and not v.rule]
    warned = [v for v in violations if v.enum or v.rule]
    return refused, warned


def required_fields(schema: Schema, samples: Mapping[str, Any]) -> list[str]:
    """The fields a plain body of a request schema must carry, its unconditional rules included.

    Found by validation: starting from an empty body, every top-level field a `Required` error
    names is filled from `samples` until no field is missing (or no sample is left).

    Args:
        schema: A request body schema of the spec (resolved or a `$ref`).
        samples: A value for each field that may be needed.
    """
    root = {**schema, "components": _components()}
    validator = _schema_validator(json.dumps(root, sort_keys=True, default=dict))
    body: dict[str, Any] = {}
    while True:
        missing = [
            name
            for error in validator.iter_errors(body)
            if type(error.kind).__name__ == "Required" and not list(error.instance_path)
            for name in [error.message.split('"')[1]]
            if name in samples and name not in body
        ]
        if not missing:
            return list(body)
        body.update({name: samples[name] for name in missing})


def check_list_query(kind: str, query: Mapping[str, str]) -> tuple[dict[str, int], list[Violation]]:
    """The list operation's paging parameters, read and checked against their spec schemas.

    Each value is read from its URL text as `typed_query` reads a call's (so `1e3` or `5.0` is
    text, not an integer) and held to its schema with integer formats bounding it, as bodies are.

    Returns:
        Every integer parameter of the endpoint's list operation, `GET {path}` (its spec
        `default` when absent), and the violations (a value that is not an integer, or out of its
        schema's range).
    """
    listing = load_spec()["paths"][endpoint(kind).path]["get"]
    found: dict[str, int] = {}
    problems: list[Violation] = []
    for ref in listing.get("parameters", ()):
        param = _pointer(load_spec(), ref["$ref"]) if "$ref" in ref else ref
        name, schema = param["name"], _with_format_ranges(param["schema"])
        text = query.get(name)
        if text is None:
            if "default" in schema:
                found[name] = schema["default"]
            continue
        allowed = _range(schema.get("minimum"), schema.get("maximum"))
        value = _typed(schema, text)
        validator = _schema_validator(json.dumps(schema, sort_keys=True))
        if type(value) is not int or not validator.is_valid(value):
            problems.append(Violation(name, f"{text!r} is not allowed", f"integers {allowed}"))
        else:
            found[name] = value
    return found, problems


def typed_query(kind: str, query: Mapping[str, str]) -> dict[str, Any]:
    """A call's query parameters, as text from the URL, read as their schemas' types.

    `"5"` becomes 5 for an integer parameter, `"true"` True for a boolean, so that they are
    validated like a body's fields; text that is not of its parameter's type (`"5.0"` or `"1e3"`
    for an integer) stays text, and is refused by its schema. Parameters the call does not
    have stay text too.
    """
    schemas = {param.name: resolve(param.schema) for param in call(kind).query}
    return {name: _typed(schemas.get(name, {}), text) for name, text in query.items()}


def check_query(kind: str, query: Mapping[str, str]) -> list[Violation]:
    """The violations of the spec in a synchronous call's query string (`GET /account/costs`).

    Exactly `check_request` on the parameters `typed_query` reads: the same schemas, integer
    formats (int32, int64) bounding their values, `minimum`/`maximum`, types and `required`.
    """
    return check_request(kind, typed_query(kind, query))


# Integer and number texts as a URL spells them; longer digit runs are still integers (and are
# then out of any int64 range), so an absurd value is refused for its size, not its spelling.
_INTEGER_TEXT = re.compile(r"[+-]?\d{1,4000}")
_NUMBER_TEXT = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def _typed(schema: Schema, text: str) -> Any:
    """`text` as the type its (resolved) schema names, or the text itself if it is not one."""
    kinds = schema.get("type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    if "integer" in kinds and _INTEGER_TEXT.fullmatch(text):
        return int(text)
    if "number" in kinds and len(text) <= 400 and _NUMBER_TEXT.fullmatch(text):
        number = float(text)
        return number if math.isfinite(number) else text
    if "boolean" in kinds and text in ("true", "false"):
        return text == "true"
    return text


@functools.cache
def _schema_validator(schema_json: str) -> jsonschema_rs.Draft202012Validator:
    return jsonschema_rs.Draft202012Validator(json.loads(schema_json))


# ------------------------------------------------------------------ JSON Schema


# The validator key of a GET call's query parameters: they have no component schema of their own.
_QUERY = "query:"


def _key(target: Endpoint | Call) -> str:
    """What `_root` and `_validator` know a request's schema by."""
    return target.schema_name if target.schema_name is not None else _QUERY + target.kind


@functools.cache
def _root(schema_name: str) -> Mapping[str, Any]:
    if schema_name.startswith(_QUERY):
        query = json.loads(json.dumps(call(schema_name.removeprefix(_QUERY)).schema, default=dict))
        # Query parameters' schemas are inline, not components: their formats bound them too.
        return {**_with_format_ranges(query), "components": _components()}
    return {"$ref": f"#/components/schemas/{schema_name}", "components": _components()}


# OpenAPI defines these formats as fixed-width integers, and schemathesis, generated clients and
# the API's servers hold values to them; JSON Schema only annotates `format`, so without their
# range an int64 field would take 2**63 here and nowhere else.
_INTEGER_FORMATS = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}


@functools.cache
def _components() -> Mapping[str, Any]:
    """The spec's components, each integer `format`'s range written out as minimum/maximum."""
    components: Mapping[str, Any] = _with_format_ranges(load_spec()["components"])
    return components


def _with_format_ranges(node: Any) -> Any:
    if isinstance(node, list):
        return [_with_format_ranges(item) for item in node]
    if not isinstance(node, Mapping):
        return node
    out = {key: _with_format_ranges(value) for key, value in node.items()}
    kinds = out.get("type")
    fmt = out.get("format")
    integer = kinds == "integer" or (isinstance(kinds, list) and "integer" in kinds)
    if integer and isinstance(fmt, str) and fmt in _INTEGER_FORMATS:
        low, high = _INTEGER_FORMATS[fmt]
        out["minimum"] = max(out.get("minimum", low), low)  # a narrower declared range stays
        out["maximum"] = min(out.get("maximum", high), high)
    return out


@functools.cache
def _validator(schema_name: str) -> jsonschema_rs.Draft202012Validator:
    return jsonschema_rs.Draft202012Validator(dict(_root(schema_name)), validate_formats=True)


def _pointer(root: Mapping[str, Any], ref: str) -> Any:
    node: Any = root
    for part in ref.removeprefix("#/").split("/"):
        node = node[part]
    return node


def _walk(root: Mapping[str, Any], path: Sequence[str | int]) -> tuple[Any, str | None]:
    """The schema node an error's `schema_path` ends at, and the innermost rule's description.

    A rule is an `allOf` entry; its `description` says the rule in words.
    """
    node: Any = root
    rule: str | None = None
    previous: str | int | None = None
    for step in path:
        if step == "$ref" and isinstance(node, Mapping) and "$ref" in node:
            node = _pointer(root, node["$ref"])
        elif isinstance(node, Mapping | list):
            try:
                node = node[step]  # type: ignore[index]
            except (KeyError, IndexError, TypeError):
                break
        if previous == "allOf" and isinstance(node, Mapping) and "description" in node:
            rule = str(node["description"])
        previous = step
    return node, rule


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


def _present(schema: Any, instance: Any) -> Iterator[str]:
    """Names a `not`/`anyOf` subschema requires that the instance has, most specific last."""
    if not isinstance(schema, Mapping) or not isinstance(instance, Mapping):
        return
    for name in schema.get("properties", {}):
        if name in instance:
            yield name
    names = schema.get("required", ())
    if names and all(name in instance for name in names):
        yield from names
    for sub in schema.get("anyOf", ()):
        yield from _present(sub, instance)


def _violation(ep: Endpoint | Call, body: Mapping[str, Any], error: Any) -> Violation:
    path = list(error.instance_path)
    schema_path = list(error.schema_path)
    node, rule = _walk(_root(_key(ep)), schema_path)
    parent, _ = _walk(_root(_key(ep)), schema_path[:-1])
    parent = parent if isinstance(parent, Mapping) else {}
    instance = _get(body, path)
    field = _field_name(path) or "body"
    kind = type(error.kind).__name__
    allowed: str | None = None
    message = rule or error.message
    if kind == "Required":
        missing = error.message.split('"')[1] if '"' in error.message else ""
        field = _field_name([*path, missing]) if missing else field
        return Violation(field, rule or "is required", rule=bool(rule))
    if kind == "Not":
        names = list(_present(node, instance))
        field = _field_name([*path, names[-1]]) if names else field
        message = rule or "is not allowed here"
    elif kind == "AnyOf" and rule:
        names = [n for branch in node for n in _present(branch, instance)]
        field = _field_name([*path, names[0]]) if names and not path else field
    elif kind == "AnyOf":
        message = f"{_show(instance)} is not allowed"
        allowed = parent.get("title")
    elif kind == "Enum":
        sub = parent if "enum" in parent else _schema_at(ep.schema, path)
        allowed = _listing(sub.get("enum", ()))
        message = f"{_show(instance)} is not allowed" + (f": {rule}" if rule else "")
        return Violation(field, message, allowed, rule=bool(rule), enum=not rule)
    elif kind == "Type":
        sub = _schema_at(ep.schema, path)
        message = f"{_show(instance)} is {_kind_of(instance)}, not {_kinds(parent.get('type'))}"
        allowed = _listing(sub["enum"]) if "enum" in sub else None
    elif kind == "Constant":
        allowed = repr(parent.get("const"))
        message = f"{_show(instance)} is not allowed" + (f": {rule}" if rule else "")
    elif kind in ("Minimum", "Maximum"):
        allowed = _range(parent.get("minimum"), parent.get("maximum"))
    elif kind == "MaxLength":
        message = f"is {len(str(instance))} characters long"
        allowed = f"at most {parent.get('maxLength')} characters"
    elif kind == "MaxItems":
        message = rule or f"has {len(instance)} items"
        allowed = f"at most {parent.get('maxItems')} items"
    elif kind == "Pattern":
        message = f"{_show(instance)} is not allowed"
        allowed = parent.get("title") or f"text matching {parent.get('pattern')}"
    elif kind == "AdditionalProperties":
        sub = _schema_at(ep.schema, path)
        extra = sorted(set(instance) - set(sub.get("properties", {})))
        field = _field_name([*path, extra[0]]) if extra else field
        message = "is not a field of this request"
        allowed = ", ".join(sub.get("properties", {}))
    return Violation(field, message, allowed, rule=bool(rule))


def _get(body: Any, path: Sequence[str | int]) -> Any:
    for part in path:
        body = body[part]
    return body


def _show(value: Any) -> str:
    return (
        repr(value) if not isinstance(value, str) or len(value) < 60 else repr(value[:57] + "...")
    )


# JSON Schema's type names as a caller reads them (a Python caller passes Python values).
_KIND_WORDS = {
    "string": "text (a str)",
    "integer": "an integer",
    "number": "a number",
    "boolean": "a boolean",
    "object": "an object (a dict)",
    "array": "a list",
    "null": "null (None)",
}


def _kind_of(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, Mapping):
        return "an object"
    return "a list" if isinstance(value, list | tuple) else "null" if value is None else "a value"


def _kinds(expected: Any) -> str:
    names = expected if isinstance(expected, list) else [expected]
    return " or ".join(_KIND_WORDS.get(str(name), str(name)) for name in names)


def _range(low: Any, high: Any) -> str | None:
    if low is not None and high is not None:
        return f"{low} to {high}"
    if low is not None:
        return f"at least {low}"
    return None if high is None else f"at most {high}"


def _listing(values: Sequence[Any]) -> str:
    return ", ".join(repr(v) for v in values)


# ------------------------------------------------------------------ what JSON Schema cannot say


def _sum_violations(rules: Sequence[Mapping[str, Any]], body: Mapping[str, Any]) -> list[Violation]:
    found = []
    for rule in rules:
        spec = rule["sum_equals"]
        items = body.get(spec["list"])
        condition = json.dumps(rule.get("if", True), sort_keys=True)
        if not items or not _schema_validator(condition).is_valid(dict(body)):
            continue
        try:
            total = sum(int(item[spec["item"]]) for item in items)
            wanted = int(body.get(spec["total"], spec.get("default_total", 0)))
        except (KeyError, TypeError, ValueError):
            continue  # malformed items are reported by the schema check
        if total != wanted:
            message = f"{rule.get('message', 'sum mismatch')} ({total} != {wanted})"
            found.append(Violation(spec["list"], message, rule=True))
    return found
