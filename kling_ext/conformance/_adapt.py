"""Between httpx and schemathesis: the answer in the form its checks take, and its failures in
the form a report gives them. Pure apart from building a ``requests`` object.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Hashable
from typing import Any

import httpx
import requests
from schemathesis.core.failures import Failure
from schemathesis.core.transport import Response as StResponse

__all__ = ["clip", "describe", "to_schemathesis", "value_text"]

# How much of a body or value a report quotes.
PREVIEW_CHARS = 300


def to_schemathesis(response: httpx.Response) -> StResponse:
    """The answer as schemathesis's checks take it, with the key removed from its request.

    schemathesis formats the request, headers included, into its messages (curl commands); the
    request it sees therefore never carries the Authorization header.
    """
    request = response.request
    prepared = requests.Request(
        method=request.method,
        url=str(request.url),
        headers={k: v for k, v in request.headers.items() if k.lower() != "authorization"},
        data=request.content,
    ).prepare()
    return StResponse(
        status_code=response.status_code,
        headers={key: response.headers.get_list(key) for key in response.headers.keys()},  # noqa: SIM118
        content=response.content,
        request=prepared,
        elapsed=response.elapsed.total_seconds() if _has_elapsed(response) else 0.0,
        verify=True,
        message=response.reason_phrase,
        http_version=response.http_version,
        encoding=response.encoding,
    )


def _has_elapsed(response: httpx.Response) -> bool:
    try:
        response.elapsed  # noqa: B018
    except RuntimeError:
        # httpx sets `elapsed` only once the stream closes; an in-memory transport may not.
        return False
    return True


def clip(text: str) -> str:
    return text if len(text) <= PREVIEW_CHARS else text[:PREVIEW_CHARS] + "..."


def _json_path(parts: list[str | int]) -> str:
    text = "$"
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text


def value_text(value: Any) -> str:
    """A value as JSON, clipped for a report."""
    return clip(json.dumps(value, ensure_ascii=False, default=str))


_SCHEMA_AT = re.compile(r"Schema at (\S+?):")


def describe(
    failure: Failure, status_code: int, rule_at: Callable[..., str]
) -> tuple[str, Hashable, str, str | None]:
    """What is wrong, what makes two such failures one problem, the rule broken, the field.

    Args:
        failure: One failure a schemathesis check raised.
        status_code: The answer's HTTP status.
        rule_at: The probe's :meth:`~._exchange.Probe.rule`, for failures the schema alone
            does not place.
    """
    status = f"HTTP {status_code}"
    path = getattr(failure, "instance_path", None)
    if path is not None:
        where = _SCHEMA_AT.search(failure.message)
        keyword = str((getattr(failure, "schema_path", None) or ["?"])[-1])
        rule = f"{where.group(1)}/{keyword}" if where else rule_at(status_code)
        parts = list(path)
        field = next((str(p) for p in reversed(parts) if isinstance(p, str)), None)
        if keyword == "required":
            # The missing property is the field that matters, not its parent.
            missing = re.search(r'"([^"]+)" is a required property', failure.message)
            field = missing.group(1) if missing else field
        # Indices vary between list items and pages; the field and the broken keyword do not.
        generic = re.sub(r"\[\d+\]", "[*]", _json_path(parts))
        detail = (
            f"{status}: {failure.title}: at {_json_path(parts)} the value "
            f"{value_text(getattr(failure, 'instance', None))} is wrong: "
            f"{getattr(failure, 'validation_message', failure.message)}"
        )
        return detail, (status_code, generic, keyword), rule, field
    content_type = getattr(failure, "content_type", None)
    content_rule = rule_at(status_code, "content")
    if content_type is not None:
        documented = ", ".join(getattr(failure, "defined_content_types", []) or [])
        detail = (
            f"{status}: {failure.title}: Content-Type {content_type!r}; the spec documents "
            f"{documented or 'none'}"
        )
        return detail, (status_code, content_type), content_rule, None
    message = failure.message.strip()
    detail = f"{status}: {failure.title}" + (f": {message}" if message else "")
    rule = content_rule if "JSON" in failure.title else rule_at()
    return detail, (status_code, failure.title), rule, None
