"""The request bodies and ids a conformance run sends, derived from the spec. Pure: no I/O.

The create refusal probes (sent only with ``--probe-creates``) are bodies a conformant gateway
refuses before a task exists: a body missing fields the schema requires, a model the spec does not
know, or a body that is not JSON at all. A lenient gateway may still run them, which is why a
default run sends none.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

import attrs

from kling_ext._spec import Schema, endpoint, resolve
from kling_ext._validation import check_request, required_fields

__all__ = [
    "BAD_KEY",
    "CREATE_PROMPT",
    "NOT_JSON",
    "NO_SUCH_MODEL",
    "CreateProbe",
    "bodiless_refusals",
    "cheapest_text2video",
    "external_id",
    "missing_id",
    "rejected_creates",
]

# Prefixes make every id and task this tool ever sends recognisable in a gateway's logs and
# in the user's task list.
ID_PREFIX = "kling-ext-conformance"
NO_SUCH_MODEL = f"{ID_PREFIX}-no-such-model"
# Looks like a gateway key so the gateway's key check, not its format check, refuses it.
BAD_KEY = f"sk-{ID_PREFIX}-invalid-key"
CREATE_PROMPT = "kling-ext conformance check: a calm sea"
NOT_JSON = b"kling-ext conformance check: this body is not JSON {"
# `.invalid` never resolves (RFC 2606): should a gateway wrongly accept a probe, the task it
# starts cannot fetch its inputs and fails instead of rendering a paid video.
_IMAGE_URL = "https://example.invalid/kling-ext-conformance.png"
_VIDEO_URL = "https://example.invalid/kling-ext-conformance.mp4"
_SAMPLES: Mapping[str, Any] = {
    "prompt": CREATE_PROMPT,
    "image": _IMAGE_URL,
    "image_url": _IMAGE_URL,
    "video_url": _VIDEO_URL,
    "image_list": [{"image": _IMAGE_URL}],
    "aspect_ratio": "16:9",
}


def missing_id() -> str:
    """A task id no gateway has: the official API answers such a query with 400/1201."""
    return f"{ID_PREFIX}-missing-{uuid.uuid4()}"


def external_id() -> str:
    """A fresh ``external_task_id`` that marks a task as made by this tool."""
    return f"{ID_PREFIX}-{uuid.uuid4()}"


@attrs.frozen(kw_only=True)
class CreateProbe:
    """A create request that a conformant gateway refuses before any task exists.

    Attributes:
        name: What is wrong with it, e.g. ``unknown model_name``.
        body: The JSON body, or ``None`` when ``raw`` is sent instead.
        raw: Bytes sent as an ``application/json`` body that is not JSON.
        external_task_id: The id in the body, so an accidental task can be found again.
    """

    name: str
    body: Mapping[str, Any] | None = None
    raw: bytes | None = None
    external_task_id: str | None = None


def _samples(schema: Schema) -> dict[str, Any]:
    """A value for each field a probe may need: the spec's `x-kling-default`, else a sample."""
    defaults = {
        name: resolve(sub)["x-kling-default"]
        for name, sub in schema.get("properties", {}).items()
        if "x-kling-default" in resolve(sub)
    }
    return {**defaults, **_SAMPLES}


def _needed_fields(schema: Schema) -> list[str]:
    """Fields a plain body needs to pass the schema, its JSON Schema rules included."""
    return required_fields(schema, _samples(schema))


def rejected_creates(schema: Schema) -> list[CreateProbe]:
    """The create probes for one create operation that a conformant gateway must refuse.

    Args:
        schema: The operation's request body schema (resolved).

    Returns:
        ``{}`` when the schema requires fields, a minimal body naming an unknown model (when
        the schema has ``model_name``), and a body that is not JSON, in the order they are sent.
    """
    probes = bodiless_refusals(schema)
    properties = schema.get("properties", {})
    if "model_name" in properties:
        # An id only where the endpoint takes one: elsewhere it is a field the API never had.
        ext = external_id() if "external_task_id" in properties else None
        body: dict[str, Any] = {"model_name": NO_SUCH_MODEL}
        body.update({"external_task_id": ext} if ext else {})
        # Every other required field is filled (duration, mode, ...), so only the model is wrong.
        samples = _samples(schema)
        body.update({n: samples[n] for n in _needed_fields(schema) if n in samples})
        body["model_name"] = NO_SUCH_MODEL
        probe = CreateProbe(name="unknown model_name", body=body, external_task_id=ext)
        probes.insert(-1, probe)
    return probes


def bodiless_refusals(schema: Schema) -> list[CreateProbe]:
    """The probes that carry nothing a gateway could act on: ``{}`` (when the schema requires
    fields) and a body that is not JSON. A default run sends them to synchronous POSTs.

    Args:
        schema: The operation's request body schema (resolved).
    """
    probes: list[CreateProbe] = []
    if schema.get("required"):
        probes.append(CreateProbe(name="empty body", body={}))
    probes.append(CreateProbe(name="body not JSON", raw=NOT_JSON))
    return probes


def cheapest_text2video(external_task_id: str) -> dict[str, Any]:
    """The one paid request of ``allow_create``: the spec's default model, ``std``, 5 s.

    Args:
        external_task_id: The caller id to send, from :func:`external_id`.

    Returns:
        The request body.
    """
    ep = endpoint("text2video")
    body = {
        "model_name": ep.defaults["model_name"],
        "prompt": CREATE_PROMPT,
        "mode": "std",  # the cheaper tier
        "external_task_id": external_task_id,
    }
    # The shortest length the spec's rules allow for the model.
    durations = sorted(resolve(ep.schema["properties"]["duration"])["enum"], key=int)
    allowed = (d for d in durations if not check_request("text2video", {**body, "duration": d}))
    body["duration"] = next(allowed)
    return body
