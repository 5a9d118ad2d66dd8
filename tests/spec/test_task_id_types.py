"""Answers may carry task_id as a string or a JSON integer (issue 19, item 2)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema_rs
import pytest
import yaml

SPEC_PATH = Path(__file__).resolve().parents[2] / "openapi" / "kling.yaml"
COMPONENTS: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text("utf-8"))["components"]


def _valid(schema: str, value: Any) -> bool:
    root = {"$ref": f"#/components/schemas/{schema}", "components": COMPONENTS}
    return bool(jsonschema_rs.Draft202012Validator(root).is_valid(value))


@pytest.mark.parametrize(
    "task_id", ["867283741759111202", "CjMT7WdSwWcAAAAAALvB3g", 867283741759111202]
)
def test_a_string_or_integer_task_id_is_read(task_id: Any) -> None:
    created = {"code": 0, "message": "SUCCEED", "data": {"task_id": task_id}}
    queried = {
        "code": 0,
        "message": "SUCCEED",
        "data": {"task_id": task_id, "task_status": "succeed"},
    }
    assert _valid("CreateTaskEnvelope", created)
    assert _valid("TaskEnvelope", queried)
    assert _valid("TaskListEnvelope", {"code": 0, "message": "", "data": [queried["data"]]})


@pytest.mark.parametrize("task_id", ["", True, 8.5, -1, None, {"id": "1"}])
def test_a_task_id_that_names_no_task_is_refused(task_id: Any) -> None:
    assert not _valid("Task", {"task_id": task_id, "task_status": "submitted"})
    assert not _valid("CreatedTask", {"task_id": task_id})
