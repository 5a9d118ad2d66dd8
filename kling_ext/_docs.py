"""Docstrings written from the spec, so what `help()` lists cannot drift from what is checked."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

from ._spec import Call, Endpoint, resolve

_FIRST_SENTENCE = re.compile(r"(?<=[.!?])\s")


def _summary(schema: Any) -> str:
    text = " ".join(str(schema.get("description", "")).split()).replace("`", "")
    return _FIRST_SENTENCE.split(text, maxsplit=1)[0] if text else ""


def _type(schema: Any) -> str:
    if "enum" in schema:
        return " | ".join(repr(str(value)) for value in schema["enum"])
    kinds = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}
    kind = schema.get("type")
    if kind == "array":
        return "list"
    if kind == "object":
        return "dict"
    return kinds.get(str(kind), "Any")


@functools.cache  # `create` and `run` of both clients list the same fields: made once per endpoint
def fields_doc(ep: Endpoint) -> str:
    """The `Fields:` section of a create docstring: each request field, its type and meaning.

    Args:
        ep: The endpoint whose request schema is listed.

    Returns:
        An indented section in Google docstring style, fields in spec order.
    """
    # A field the client fills from x-kling-default is required on the wire, not of the caller.
    required = set(ep.schema.get("required", ())) - set(ep.defaults)
    lines = ["Fields (keyword arguments, from the API spec; checked before sending):"]
    for name, raw in ep.schema.get("properties", {}).items():
        schema = resolve(raw)
        notes = [_type(schema)]
        if name in required:
            notes.append("required")
        if "x-kling-default" in schema:
            notes.append(f"default {schema['x-kling-default']!r}")
        summary = _summary(schema)
        lines.append(f"    {name} ({', '.join(notes)}): {summary}".rstrip(": "))
    return "\n".join(lines)


def document_create(method: Callable[..., Any], ep: Endpoint) -> None:
    """Append the endpoint's fields to a `create`/`run` method's docstring.

    Args:
        method: The function (not bound) whose `__doc__` is extended.
        ep: The endpoint the method creates tasks on.
    """
    method.__doc__ = create_doc(method.__doc__ or "", ep)


def create_doc(head: str, ep: Endpoint) -> str:
    """A `create`/`run` docstring: `head`, the money-safety note where it applies, the fields.

    scripts/regenerate writes these into the generated classes, so `import kling_ext` does not
    read the spec to make them.
    """
    head = head.rstrip()
    if "external_task_id" not in ep.fields:
        head += (
            f"\n\nMoney-safety: {ep.kind} requests take no external_task_id, so a create whose "
            "answer is lost (a dropped connection, a 5xx) cannot be looked up: it is not sent "
            "again, and TaskMayExistError says it may have made a task."
        )
    return f"{head}\n\n{fields_doc(ep)}\n"


@functools.cache
def call_fields_doc(target: Call) -> str:
    """The `Fields:` section of a call's docstring: its body fields or query parameters."""
    required = set(target.schema.get("required", ()))
    where = "query parameters" if target.schema_name is None else "keyword arguments"
    lines = [f"Fields ({where}, from the API spec; checked before sending):"]
    for name, raw in target.schema.get("properties", {}).items():
        schema = resolve(raw)
        notes = [_type(schema)]
        if name in required:
            notes.append("required")
        if "x-kling-default" in schema:
            notes.append(f"default {schema['x-kling-default']!r}")
        lines.append(f"    {name} ({', '.join(notes)}): {_summary(schema)}".rstrip(": "))
    return "\n".join(lines)


def document_call(method: Callable[..., Any], target: Call) -> None:
    """Append a call's fields, and what a lost answer means, to its `__call__` docstring.

    Args:
        method: The function (not bound) whose `__doc__` is extended.
        target: The call it sends.
    """
    method.__doc__ = call_doc(method.__doc__ or "", target)


def call_doc(head: str, target: Call) -> str:
    """A call's `__call__` docstring: `head`, what a lost answer means, the fields."""
    head = head.rstrip()
    safety = (
        "A GET: retried after a failure like any query."
        if target.idempotent
        else f"A {target.method} is not safe to repeat: after an ambiguous failure (a dropped "
        "connection, a 5xx) it is not sent again, and the error says it may have been carried out."
    )
    return f"{head}\n\n{safety}\n\n{call_fields_doc(target)}\n"
