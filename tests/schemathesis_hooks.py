"""Two documented rules of the API that JSON Schema cannot say, told to schemathesis.

`schemathesis.toml` loads this file, so a plain `schemathesis run openapi/kling.yaml ...` from the
repository root knows them. No check is switched off and no response is excused.

* In multi-shot customize mode (`multi_shot` true, `shot_type` `customize`) the shot durations of
  `multi_prompt` add up to `duration` (the spec's `x-kling-rules`). A sum over array items
  compared with another field is beyond JSON Schema, so `filter_body` declares it the way
  schemathesis offers for such rules: generated bodies that break it are not drawn. No value is
  changed. Written here from the documented rule, not imported from kling_ext, so that the mock's
  own implementation of the rule stays under test.
* `external_task_id` must be unique within the account (the spec's `ExternalTaskId`): a create
  that repeats one is refused 400/1201 "already exists". Uniqueness across requests is state,
  which neither JSON Schema nor hypothesis's per-example generation can express (schemathesis
  dropped its "unique data" option for that reason), and schemathesis deliberately re-sends
  values it saw in responses. So `before_call` replaces an id only when a schema-valid create
  repeats one this process already sent; every first use goes out as drawn. (Run it against a
  fresh mock: ids a previous run left in the mock count as taken.)
"""

from __future__ import annotations

import uuid
from typing import Any

import schemathesis

DEFAULT_DURATION = 5  # the spec's x-kling-rules `default_total`

_sent_ids: set[str] = set()


def _seconds(value: Any) -> int | None:
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # JSON Schema counts 12.0 as an integer
    if isinstance(value, bool) or not isinstance(value, int | str):
        return None
    text = str(value)
    return int(text) if text.isdigit() else None


def storyboard_adds_up(body: Any) -> bool:
    """False only for a multi-shot customize body whose shot durations miss `duration`."""
    if not isinstance(body, dict):
        return True
    if body.get("multi_shot") is not True or body.get("shot_type") != "customize":
        return True  # the storyboard is read only in this mode
    shots = body.get("multi_prompt")
    total = _seconds(body.get("duration", DEFAULT_DURATION))
    if not isinstance(shots, list) or not shots or total is None:
        return True  # malformed: the schema's business, not this rule's
    lengths = [_seconds(s.get("duration")) if isinstance(s, dict) else None for s in shots]
    if None in lengths:
        return True
    return sum(x for x in lengths if x is not None) == total


def filter_body(context: Any, body: Any) -> bool:
    """Keep only bodies that obey the storyboard rule above."""
    return storyboard_adds_up(body)


def before_call(context: Any, case: Any, kwargs: dict[str, Any]) -> None:
    """Give a schema-valid create that repeats an `external_task_id` a fresh one."""
    body = case.body
    if case.method.upper() != "POST" or not isinstance(body, dict):
        return
    if case.meta is not None and not case.meta.generation.mode.is_positive:
        return
    ident = body.get("external_task_id")
    if not isinstance(ident, str) or not ident:
        return  # an empty string means none
    if ident in _sent_ids:
        ident = body["external_task_id"] = f"schemathesis-{uuid.uuid4()}"
    _sent_ids.add(ident)


if __name__ == "_schemathesis_hooks":
    # Loaded by schemathesis from schemathesis.toml: for every schema of the run. Imported as a
    # module (by the in-process tests), it registers nothing; they attach it to their schema.
    schemathesis.hook(filter_body)
    schemathesis.hook(before_call)
