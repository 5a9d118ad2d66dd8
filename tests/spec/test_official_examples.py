"""Kling's own request examples, copied from its API reference as data, against the spec.

Each file of `tests/data/official_examples/` holds the examples of one family: a list of
`{path, method?, name, source, body, valid, why?}`. An example marked valid must pass the spec
(its schema and its rules); one marked invalid is a mistake in the docs, and the spec says so:
`why` appears in the description of the operation or of its request schema.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jsonschema_rs
import pytest

from kling_ext._spec import endpoints, load_spec, resolve
from kling_ext._validation import check_request

DATA = Path(__file__).resolve().parents[1] / "data" / "official_examples"
EXAMPLES: list[dict[str, Any]] = [
    {**entry, "file": path.name}
    for path in sorted(DATA.glob("*.json"))
    for entry in json.loads(path.read_text("utf-8"))
]


def _operation(entry: Mapping[str, Any]) -> Mapping[str, Any]:
    path = str(entry["path"]).removeprefix("/klingai")
    item = load_spec()["paths"].get(path)
    assert item is not None, f"{path} is not a path of the spec"
    op = item.get(entry.get("method", "post"))
    assert op is not None, f"{path} has no {entry.get('method', 'post')} operation"
    return op


def _request_schema(op: Mapping[str, Any]) -> Mapping[str, Any]:
    return op["requestBody"]["content"]["application/json"]["schema"]


def _errors(entry: Mapping[str, Any]) -> list[str]:
    path = str(entry["path"]).removeprefix("/klingai")
    task = next((ep for ep in endpoints().values() if ep.path == path), None)
    if task is not None:  # the client's own check: schema, rules and x-kling-rules
        return [
            f"{v.field}: {v.message}"
            for v in check_request(task.kind, entry["body"], everything=True)
        ]
    root = {**resolve(_request_schema(_operation(entry))), "components": load_spec()["components"]}
    validator = jsonschema_rs.Draft202012Validator(root)
    return [error.message for error in validator.iter_errors(entry["body"])]


@pytest.mark.parametrize(
    "entry", EXAMPLES, ids=[f"{e['file']}:{e['path']}:{e['name']}" for e in EXAMPLES]
)
def test_official_example_is_judged_as_the_spec_says(entry: Mapping[str, Any]) -> None:
    errors = _errors(entry)
    if entry["valid"]:
        assert errors == [], f"{entry['source']}: {errors}"
        return
    assert errors, f"{entry['name']} is marked invalid, but the spec accepts it"
    op = _operation(entry)
    said = json.dumps([op.get("description", ""), resolve(_request_schema(op))], default=str)
    assert entry["why"], f"{entry['name']} is marked invalid without a why"
    assert entry["why"] in said, (
        f"the spec does not say why {entry['name']} is refused: {entry.get('why')!r}"
    )


def test_examples_name_their_source() -> None:
    for entry in EXAMPLES:
        assert str(entry["source"]).startswith("docs/api/"), entry["name"]


# POST operations with no official request example, each with the reason. Keep it short: an
# endpoint leaves this list as soon as an example of it is in tests/data/official_examples/.
NO_OFFICIAL_EXAMPLE: Mapping[str, str] = {
    "/v1/videos/multi-image2video": "the official pages of 2026-09 no longer document it",
    "/v1/images/kolors-virtual-try-on": "the 2026-09 text of the docs has no try-on page",
    "/v1/general/delete-advanced-elements": "the docs give its one field, element_id, no example",
    "/v1/videos/lip-sync": "the 2026-09 text of the docs has no page for the older lip-sync",
    "/v1/videos/video-extend": "the 2026-09 text of the docs has no video extension page",
}


def _post_paths() -> list[str]:
    return [path for path, item in load_spec()["paths"].items() if "post" in item]


def test_every_post_operation_has_an_official_example() -> None:
    covered = {
        str(entry["path"]).removeprefix("/klingai")
        for entry in EXAMPLES
        if entry.get("method", "post") == "post"
    }
    missing = [p for p in _post_paths() if p not in covered and p not in NO_OFFICIAL_EXAMPLE]
    assert missing == [], (
        "POST operations without an official request example in tests/data/official_examples/ "
        "(add the docs' examples, or the path to NO_OFFICIAL_EXAMPLE with the reason):\n  "
        + "\n  ".join(missing)
    )


def test_the_allow_list_names_only_uncovered_spec_paths() -> None:
    covered = {str(entry["path"]).removeprefix("/klingai") for entry in EXAMPLES}
    for path, reason in NO_OFFICIAL_EXAMPLE.items():
        assert reason, path
        assert path in _post_paths(), f"{path} is not a POST path of the spec: drop it"
        assert path not in covered, f"{path} has official examples now: drop it from the list"
