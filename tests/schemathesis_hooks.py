"""What the API documents but JSON Schema cannot say, told to schemathesis's generated requests.

`schemathesis.toml` loads this file, so a plain `schemathesis run openapi/kling.yaml ...` from the
repository root knows it. Both rules concern schema-valid (positive) creates only; negative cases
are sent as generated, and every check stays on.

* `external_task_id` must be unique within the account (the spec's `ExternalTaskId`): a replayed
  or re-drawn id is refused as a duplicate, so each positive create gets a fresh one.
* The shot durations of `multi_prompt` add up to `duration` (the spec's `x-kling-rules`), so a
  positive create's storyboard is re-cut to the total it asks for.
"""

from __future__ import annotations

import uuid
from typing import Any

import schemathesis

DEFAULT_DURATION = 5  # the spec's x-kling-rules `default_total`


def _is_positive(case: Any) -> bool:
    meta = case.meta
    return meta is None or meta.generation.mode.is_positive


def _shot_seconds(value: Any) -> int | None:
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # JSON Schema counts 12.0 as an integer
    if isinstance(value, bool) or not isinstance(value, int | str):
        return None
    text = str(value)
    return int(text) if text.isdigit() and 1 <= int(text) <= 15 else None


def _recut_storyboard(body: dict[str, Any]) -> None:
    shots = body.get("multi_prompt")
    total = _shot_seconds(body.get("duration", DEFAULT_DURATION))
    if not isinstance(shots, list) or not shots or total is None:
        return
    if not all(isinstance(s, dict) and _shot_seconds(s.get("duration")) for s in shots):
        return
    del shots[total:]  # every shot lasts at least 1 s
    lengths = [1] * len(shots)
    lengths[0] += total - len(shots)
    for shot, seconds in zip(shots, lengths, strict=True):
        # Keep the type drawn (the schema reads both): only the value changes.
        shot["duration"] = str(seconds) if isinstance(shot["duration"], str) else seconds


def before_call(context: Any, case: Any, kwargs: dict[str, Any]) -> None:
    """Make a positive create obey the two rules above; leave every other request alone."""
    if case.method.upper() != "POST" or not isinstance(case.body, dict) or not _is_positive(case):
        return
    if isinstance(case.body.get("external_task_id"), str) and case.body["external_task_id"]:
        case.body["external_task_id"] = f"schemathesis-{uuid.uuid4()}"
    _recut_storyboard(case.body)


if __name__ == "_schemathesis_hooks":
    # Loaded by schemathesis from schemathesis.toml: for every schema of the run. Imported as a
    # module (by the in-process tests), it registers nothing; they attach it to their schema.
    schemathesis.hook(before_call)
