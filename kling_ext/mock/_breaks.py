"""Deliberate contract breaks of the mock gateway, switched on one by one by name.

The core answers as a conformant gateway does; a break rewrites that answer afterwards, for the
kinds of request it concerns. Keeping them here leaves the core honest and lets a tool's tests (the
conformance suite's own, or a user's) see each way a real gateway has been seen to drift.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from ._core import MockResponse

__all__ = ["BREAKS", "VIOLATIONS", "apply_breaks", "check_breaks"]

BREAKS: Mapping[str, str] = {
    "bad_status": "task_status is the number 7 in every task object",
    "status_outside_enum": 'task_status is "done", a string outside the documented enum',
    "wrong_type": 'created_at is the string "yesterday" instead of integer milliseconds',
    "task_id_empty": 'task_id is "" (an empty string) in every task object',
    "missing_envelope_field": "success envelopes lack `code`",
    "wrong_content_type": "success answers say Content-Type: text/plain (the body is still JSON)",
    "html_success": "queries and lists answer HTTP 200 with an HTML page (a login or WAF page)",
    "malformed_task_result": "task_result.videos is an object, not an array, and has no url",
    "undocumented_status": "an unknown task id is answered with HTTP 418 instead of 400",
    "unknown_id_found": "an unknown task id is answered HTTP 200, code 0, `data: null`",
    "bare_401": "a refused key is answered 401 with a plain-text body, not the error envelope",
    "list_not_array": 'a list\'s `data` is an object ({"list": [...], "total": n})',
    "create_without_task_id": "a create answer's `data` has no task_id (the task is stored)",
}
"""Every break by name, with what it does; pass names as ``MockGateway(violations=[...])``."""

VIOLATIONS: tuple[str, ...] = tuple(BREAKS)
"""The names of :data:`BREAKS`, in order."""

_JSON = "application/json"
_HTML = b"<!DOCTYPE html><html><head><title>Sign in</title></head><body>Sign in</body></html>"
_TASK_REQUESTS = frozenset({"create", "query", "list"})


def check_breaks(names: Iterable[str]) -> frozenset[str]:
    """The chosen breaks, or ``ValueError`` naming the unknown ones and listing the known."""
    chosen = frozenset(names)
    if unknown := sorted(chosen - set(BREAKS)):
        msg = f"unknown violations {unknown}; known: {', '.join(BREAKS)}"
        raise ValueError(msg)
    return chosen


def _break_task(task: dict[str, Any], breaks: frozenset[str]) -> None:
    if "bad_status" in breaks and "task_status" in task:
        task["task_status"] = 7
    if "status_outside_enum" in breaks and "task_status" in task:
        task["task_status"] = "done"
    if "wrong_type" in breaks and "created_at" in task:
        task["created_at"] = "yesterday"
    if "task_id_empty" in breaks and "task_id" in task:
        task["task_id"] = ""
    result = task.get("task_result")
    if "malformed_task_result" in breaks and isinstance(result, dict):
        videos = result.get("videos") or [{}]
        task["task_result"] = {"videos": {k: v for k, v in videos[0].items() if k != "url"}}


def _rewrite(
    response: MockResponse, edit: Callable[[dict[str, Any]], Any], status: int | None = None
) -> MockResponse:
    envelope = json.loads(response.body)
    envelope = edit(envelope) or envelope
    body = json.dumps(envelope, ensure_ascii=False).encode()
    headers = {**response.headers, "Content-Length": str(len(body))}
    return attrs.evolve(response, status=status or response.status, headers=headers, body=body)


def _with_body(response: MockResponse, content_type: str, body: bytes) -> MockResponse:
    headers = {**response.headers, "Content-Type": content_type, "Content-Length": str(len(body))}
    return attrs.evolve(response, headers=headers, body=body)


def apply_breaks(breaks: frozenset[str], request_kind: str, response: MockResponse) -> MockResponse:
    """The core's answer to a request with the chosen breaks applied.

    Args:
        breaks: Names from :data:`BREAKS`.
        request_kind: What the request asked (the core's ``RequestKind``: ``create``,
            ``query``, ``list``, ...).
        response: What the conformant core answered.

    Returns:
        The answer to send.
    """
    if not breaks or response.drop or request_kind not in _TASK_REQUESTS:
        return response
    if response.status == 401:
        if "bare_401" in breaks:
            return _with_body(response, "text/plain", b"Unauthorized")
        return response
    if request_kind == "query" and response.status == 400 and "unknown_id_found" in breaks:

        def found(envelope: dict[str, Any]) -> dict[str, Any]:
            return {"code": 0, "message": "SUCCEED", "request_id": envelope.get("request_id")}

        return _rewrite(response, lambda e: {**found(e), "data": None}, status=200)
    if request_kind == "query" and response.status == 400 and "undocumented_status" in breaks:
        return attrs.evolve(response, status=418)
    if response.status != 200:
        return response

    def edit(envelope: dict[str, Any]) -> None:
        data: Any = envelope.get("data")
        for task in data if isinstance(data, list) else [data]:
            if isinstance(task, dict):
                _break_task(task, breaks)
        if "create_without_task_id" in breaks and request_kind == "create":
            envelope["data"] = {k: v for k, v in data.items() if k != "task_id"}
        if "list_not_array" in breaks and request_kind == "list":
            envelope["data"] = {"list": data, "total": len(data)}
        if "missing_envelope_field" in breaks:
            del envelope["code"]

    response = _rewrite(response, edit)
    if "html_success" in breaks and request_kind != "create":
        return _with_body(response, "text/html", _HTML)
    if "wrong_content_type" in breaks:
        return _with_body(response, "text/plain", response.body)
    return response
