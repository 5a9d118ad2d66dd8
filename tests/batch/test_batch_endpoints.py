"""Every task endpoint of the spec is a batch job kind: its spec example runs to saved outputs.

Parametrised over the spec's endpoints, so an endpoint added to the spec is a tested job kind
without a new test. In-process (the mock gateway's transport, fast polling): milliseconds each.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from batch_support import write_jobs

from kling_ext import Batch, JobResult, Kling
from kling_ext._spec import Endpoint, endpoints
from kling_ext.cli._tasks import spec_examples
from kling_ext.mock import Fault, MockGateway

ENDPOINTS = [ep for ep in endpoints().values() if spec_examples(ep)]
# What each output kind is saved as.
EXTENSIONS = {"videos": {".mp4"}, "images": {".png", ".jpg", ".jpeg", ".webp"}, "audios": {".mp3"}}
EXTENSIONS["none"] = set()
# The ledger owns external_task_id; an empty callback_url is the docs' way of saying "none".
_NOT_IN_A_JOB = ("external_task_id", "callback_url")


def _job(ep: Endpoint) -> dict[str, Any]:
    body = {k: v for k, v in spec_examples(ep)[0].items() if k not in _NOT_IN_A_JOB}
    return {"kind": ep.kind, "id": f"{ep.kind}-job", **body}


def test_every_task_endpoint_has_an_example_to_run() -> None:
    assert [ep.kind for ep in ENDPOINTS] == list(endpoints())


@pytest.mark.parametrize("ep", ENDPOINTS, ids=[ep.kind for ep in ENDPOINTS])
def test_spec_example_is_a_job_whose_outputs_are_saved(
    ep: Endpoint, tmp_path: Path, client: Kling, gateway: MockGateway
) -> None:
    jobs = write_jobs(tmp_path / "jobs.jsonl", [_job(ep)])
    ended: list[JobResult] = []
    report = Batch(jobs, tmp_path / "out", on_result=ended.append).run(client)

    assert (report.exit_code, report.succeeded) == (0, 1), [r.reason for r in report.failed]
    files = sorted(path.name for path in (tmp_path / "out").iterdir() if path.suffix != ".sqlite3")
    assert bool(files) == (ep.output != "none"), "the job's outputs were saved, if it makes any"
    assert sorted(path.name for path in ended[0].files) == files
    assert all(Path(name).suffix in EXTENSIONS[ep.output] for name in files)
    assert all(name.startswith(f"{ep.kind}-job") for name in files)
    assert len(gateway.tasks) == 1


WITHOUT_ID = [ep for ep in ENDPOINTS if "external_task_id" not in ep.fields]


@pytest.mark.parametrize("ep", WITHOUT_ID, ids=[ep.kind for ep in WITHOUT_ID])
def test_a_job_whose_task_may_exist_without_an_id_is_never_sent_again(
    ep: Endpoint, tmp_path: Path, client: Kling, gateway: MockGateway
) -> None:
    # Money-safety: the create is stored, its answer lost; with no external_task_id the task
    # cannot be looked up, so the job ends failed ("may exist") and no run sends it again
    # unless asked with retry_failed.
    gateway.inject(Fault(operation="create", kind="stored_then_error"))
    jobs = write_jobs(tmp_path / "jobs.jsonl", [_job(ep)])
    first = Batch(jobs, tmp_path / "out").run(client)
    again = Batch(jobs, tmp_path / "out").run(client)

    assert [r.id for r in first.failed] == [f"{ep.kind}-job"]
    assert "may have made a task" in str(first.failed[0].reason)
    assert f"kling list {ep.kind}" in str(first.failed[0].reason)
    assert again.exit_code == 1
    assert len(gateway.tasks) == 1, "never sent twice"
    assert "external_task_id" not in gateway.tasks[0].body
