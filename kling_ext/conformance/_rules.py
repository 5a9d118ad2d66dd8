"""Which rule of the bundled spec a finding breaks (a JSON pointer), and what a client suffers.

Pure: reads the spec, sends nothing. A pointer names the exact place in the spec a gateway's
maintainer can read (``/components/schemas/Task/properties/task_id/type``); the consequence says
why it matters to the people calling the gateway.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from kling_ext._spec import load_spec

__all__ = [
    "CONSEQUENCES",
    "consequence",
    "known_statuses",
    "node",
    "operation_pointer",
    "pointer",
    "response_pointer",
    "schema_pointer",
]

WHOLE_API = ""
"""The pointer to the whole document: for an answer that never came, no single rule applies."""

CONSEQUENCES: Mapping[str, str] = {
    "answered": "a client gets a connection error instead of an answer",
    "answer_size": "a client that caps what it reads (kling-ext: 16 MiB) refuses the answer; "
    "one that does not can be made to run out of memory",
    "readable_answer": "a client cannot read the answer: it is coded in a way that was not "
    "asked for, or its coding is broken",
    "response_schema_conformance": "a client that follows the spec misreads or rejects this "
    "answer (a typed client raises a validation error)",
    "content_type_conformance": "a client cannot parse the answer as the spec says it can",
    "status_code_conformance": "a client cannot map this status to a documented outcome",
    "documented_status": "a client cannot map this status to a documented outcome and treats "
    "it as an unknown error",
    "response_headers_conformance": "a client relying on the documented headers misses them",
    "not_a_server_error": "a client retries and then gives up: the operation is unusable",
    "unknown_task_answer": "a client cannot tell 'no such task' from other errors, or believes "
    "a task exists and waits for it",
    "auth_rejected": "a client cannot tell a missing or wrong key from other errors, and a "
    "caller without a valid key may see data",
    "error_status": "a client reading HTTP 2xx as success takes the refusal for a created task",
    "rejects_invalid_input": "a mistaken request is carried out instead of refused: it may "
    "cost credits and produce the wrong video",
    "task_status_known": "a client cannot tell whether the task is running or finished, and "
    "waits until its own timeout",
    "create_accepted": "a client cannot create a task, or cannot follow the task it created",
    "task_found": "a client cannot follow the task it created",
    "listed_task_found": "a client cannot query a task its own list shows",
    "task_finished": "a client waiting for the task gets no video",
    "task_listed": "a client looking for its task in the list does not find it",
    "video_downloads": "a client cannot download the finished video",
    "duplicate_external_id_refused": "a client that re-sends a create whose answer was lost "
    "(the only way not to lose it) may pay for the same video twice",
}

# A schema failure at one of these fields hurts more than "misreads the answer".
_FIELD_CONSEQUENCES: Mapping[str, str] = {
    "task_status": CONSEQUENCES["task_status_known"],
    "task_id": "a client cannot query, match or resume the task by its id",
    "code": "a client cannot tell success from refusal",
    "videos": "a client finds no video to download in a finished task",
    "url": "a client finds no video to download in a finished task",
}


def consequence(check: str, field: str | None = None) -> str:
    """What a client suffers from a finding of ``check`` (at ``field``, for a schema failure)."""
    if field is not None and field in _FIELD_CONSEQUENCES:
        return _FIELD_CONSEQUENCES[field]
    return CONSEQUENCES.get(check, "a client relying on the spec is misled")


def pointer(*parts: str | int) -> str:
    """An RFC 6901 JSON pointer from its unescaped parts."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def operation_pointer(path: str, method: str) -> str:
    """The operation in the spec, e.g. ``/paths/~1v1~1videos~1text2video/post``."""
    return pointer("paths", path, method.lower())


def response_pointer(path: str, method: str, status: int | str | None = None) -> str:
    """The operation's responses, or one of them when ``status`` is given."""
    base = operation_pointer(path, method) + "/responses"
    return base if status is None else base + pointer(str(status))


def node(at: str) -> Any:
    """The part of the spec a pointer names."""
    found: Any = load_spec()
    for part in at.split("/")[1:]:
        key = part.replace("~1", "/").replace("~0", "~")
        found = found[int(key)] if isinstance(found, list) else found[key]
    return found


def _follow(at: str) -> tuple[str, Any]:
    found = node(at)
    while isinstance(found, Mapping) and isinstance(found.get("$ref"), str):
        at = found["$ref"].removeprefix("#")
        found = node(at)
    return at, found


def schema_pointer(at: str, *steps: str) -> str:
    """Where ``steps`` lead from ``at``, following every ``$ref`` on the way.

    Raises:
        KeyError: a step does not exist.
    """
    at, _ = _follow(at)
    for step in steps:
        at, _ = _follow(at + pointer(step))
    return at


@functools.cache
def known_statuses(path: str, method: str) -> tuple[frozenset[str], str]:
    """The task statuses the operation's 200 answer may carry, and the pointer to their enum.

    Empty when the answer carries no task (or no status). The spec keeps the status open (any
    string parses) so that a client survives a new status; a gateway that *sends* one anyway
    leaves every client unable to tell running from finished.
    """
    try:
        at = schema_pointer(
            response_pointer(path, method, 200),
            *("content", "application/json", "schema", "properties", "data"),
        )
        if "items" in node(at):
            at = schema_pointer(at, "items")
        at = schema_pointer(at, "properties", "task_status")
    except KeyError:
        return frozenset(), WHOLE_API
    status = node(at)
    if "enum" in status:
        return frozenset(status["enum"]), at + "/enum"
    for keyword in ("anyOf", "oneOf"):
        for index, _ in enumerate(status.get(keyword, ())):
            branch_at, branch = _follow(at + pointer(keyword, index))
            if "enum" in branch:
                return frozenset(branch["enum"]), branch_at + "/enum"
    return frozenset(), WHOLE_API
