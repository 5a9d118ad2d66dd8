"""A batch waits by callback: one query per task, and forged callbacks change nothing it reports.

Real clock, short tasks (~1 s): the mock gateway is served on 127.0.0.1 and POSTs its
callbacks to the receiver's own server there. The real polling schedule would first ask after
5 s, so a task found in one query was found by its callback.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from kling_ext import AsyncKling, Batch, Kling
from kling_ext._media import sample_video_bytes
from kling_ext.callbacks import CallbackReceiver
from kling_ext.mock import CallbackFaults, MockCallbacks, MockGateway, RunningServer

JOBS = 4
pytestmark = pytest.mark.slow  # real clock: each batch waits out its ~1 s tasks


def _jobs(folder: Path) -> Path:
    path = folder / "jobs.jsonl"
    lines = [
        json.dumps({"kind": "text2video", "id": f"job-{n}", "prompt": f"shot {n}"})
        for n in range(JOBS)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def receiver() -> Iterator[CallbackReceiver]:
    receiver = CallbackReceiver()
    with receiver.serve("127.0.0.1", 0):
        yield receiver


def _serve(faults: CallbackFaults) -> tuple[MockGateway, RunningServer]:
    mock = MockGateway(clock="real", processing_seconds=0.8, callbacks=MockCallbacks(faults=faults))
    return mock, mock.serve()


@pytest.mark.parametrize("flavor", ["sync", "async"])
@pytest.mark.parametrize(
    "faults",
    [CallbackFaults(), CallbackFaults(forge=("bad_signature", "wrong_token", "other_task"))],
    ids=["faithful", "forged"],
)
def test_a_batch_by_callback_queries_each_task_once_and_reports_the_apis_result(
    flavor: str, faults: CallbackFaults, receiver: CallbackReceiver, tmp_path: Path
) -> None:
    mock, server = _serve(faults)
    batch = Batch(_jobs(tmp_path), tmp_path / "out", callbacks=receiver, timeout=60)
    with server, mock.run_callbacks(0.02):
        if flavor == "sync":
            with Kling(api_key="sk-mock", base_url=server.base_url) as client:
                report = batch.run(client)
        else:

            async def main() -> object:
                async with AsyncKling(api_key="sk-mock", base_url=server.base_url) as client:
                    return await batch.arun(client)

            report = asyncio.run(main())
    assert report.succeeded == JOBS  # type: ignore[attr-defined]
    videos = sorted((tmp_path / "out").glob("*.mp4"))
    assert [p.read_bytes() == sample_video_bytes() for p in videos] == [True] * JOBS
    queries = [task.queries for task in mock.tasks]
    if faults.forge:
        # An unsigned sender's forged "succeed" at the right URL costs one query; the others
        # are refused at the door.
        assert all(q <= 2 for q in queries), queries
        refused = [d for d in mock.callback_log if d.kind in ("wrong_token", "other_task")]
        assert refused
        assert {d.answer for d in refused} == {401}
    else:
        assert queries == [1] * JOBS
