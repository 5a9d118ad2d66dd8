"""Running a batch against the mock gateway: results, re-runs, limits and faults on the way."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from batch_support import ledger_states, prompts, tasks_per_prompt, whole_videos, write_jobs
from batch_time import FakeTime

from kling_ext import APIConnectionError, AsyncKling, Batch, InsufficientBalanceError, Kling
from kling_ext.mock import Fault, MockGateway, MockRequest, MockResponse, MockTransport
from kling_ext.testing import FAST_POLLING


def _one_task_each(gateway: MockGateway, count: int) -> None:
    assert tasks_per_prompt(gateway) == {f"shot {n}": 1 for n in range(1, count + 1)}


def _all_whole(folder: Path, count: int) -> None:
    assert whole_videos(folder) == {f"job-{n:02d}.mp4": True for n in range(1, count + 1)}


async def test_async_batch_saves_every_video_and_names_failures(
    tmp_path: Path, async_client: AsyncKling, gateway: MockGateway
) -> None:
    jobs = write_jobs(
        tmp_path / "jobs.jsonl",
        [*prompts(3), {"kind": "text2video", "id": "bad", "prompt": "x [mock:fail:no luck]"}],
    )
    ended: list[str] = []
    report = await Batch(jobs, tmp_path / "out", on_result=lambda r: ended.append(r.id)).arun(
        async_client
    )
    assert report.exit_code == 1
    assert report.succeeded == 3
    assert [(r.id, r.reason) for r in report.failed] == [("bad", "the task failed: no luck")]
    assert sorted(ended) == ["bad", "job-01", "job-02", "job-03"]
    _all_whole(tmp_path / "out", 3)


def test_a_rerun_skips_finished_jobs_and_refetches_a_deleted_video(
    tmp_path: Path, client: Kling, gateway: MockGateway
) -> None:
    jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(3))
    assert Batch(jobs, tmp_path / "out").run(client).exit_code == 0
    (tmp_path / "out" / "job-02.mp4").unlink()

    report = Batch(jobs, tmp_path / "out").run(client)
    assert (report.exit_code, report.succeeded, report.skipped) == (0, 3, 2)
    _all_whole(tmp_path / "out", 3)
    _one_task_each(gateway, 3)


def test_failed_jobs_are_retried_only_when_asked(
    tmp_path: Path, client: Kling, gateway: MockGateway
) -> None:
    jobs = write_jobs(tmp_path / "jobs.jsonl", [{"kind": "text2video", "prompt": "[mock:fail]"}])
    assert Batch(jobs, tmp_path / "out").run(client).exit_code == 1
    again = Batch(jobs, tmp_path / "out").run(client)
    assert again.failed[0].skipped
    assert gateway.creates_count == 1
    Batch(jobs, tmp_path / "out", retry_failed=True).run(client)
    assert gateway.creates_count == 2


def _limited(gateway: MockGateway, limit: int, refusals: list[int]) -> httpx.AsyncClient:
    """A gateway that answers 1303 while `limit` tasks are unfinished, as Kling does."""

    def handle(request: MockRequest) -> MockResponse:
        if request.method == "POST":
            unfinished = [t for t in gateway.tasks if t.status not in ("succeed", "failed")]
            if len(unfinished) >= limit:
                refusals.append(len(unfinished))
                body = json.dumps(
                    {"code": 1303, "message": "parallel task over resource pack limit"}
                ).encode()
                headers = {"Content-Type": "application/json", "Retry-After": "0"}
                return MockResponse(429, headers, body)
        return gateway.handle(request)

    return httpx.AsyncClient(transport=MockTransport(handle))


async def test_the_parallel_task_limit_slows_the_batch_instead_of_failing_jobs(
    tmp_path: Path,
) -> None:
    gateway = MockGateway(steps=3)
    refusals: list[int] = []
    client = AsyncKling(
        api_key=gateway.api_key,
        base_url="http://127.0.0.1/klingai",
        http_client=_limited(gateway, 2, refusals),
        poll_schedule=FAST_POLLING,
    )
    jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(6))
    report = await Batch(jobs, tmp_path / "out", concurrency=4).arun(client)
    assert report.exit_code == 0, report.failed
    assert refusals  # the limit was hit...
    _one_task_each(gateway, 6)  # ...and cost no job and no second task
    _all_whole(tmp_path / "out", 6)


def test_never_more_tasks_in_flight_than_the_concurrency(tmp_path: Path) -> None:
    gateway = MockGateway(steps=3)
    in_flight: list[int] = []

    def handle(request: MockRequest) -> MockResponse:
        if request.method == "POST":
            in_flight.append(sum(t.status not in ("succeed", "failed") for t in gateway.tasks) + 1)
        return gateway.handle(request)

    with Kling(
        api_key=gateway.api_key,
        base_url="http://127.0.0.1/klingai",
        http_client=httpx.Client(transport=MockTransport(handle)),
        poll_schedule=FAST_POLLING,
    ) as client:
        jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(8))
        assert Batch(jobs, tmp_path / "out", concurrency=3).run(client).exit_code == 0
    assert len(in_flight) == 8
    assert max(in_flight) == 3


@pytest.mark.parametrize(
    "faults",
    [
        [Fault(operation="create", kind="stored_then_error", times=2)],
        [Fault(operation="create", kind="stored_then_drop", times=2)],
        [Fault(operation="create", kind="drop", times=2)],
        [Fault(operation="create", kind="rate_limit", retry_after=0, times=3)],
        [Fault(operation="query", kind="server_error", times=3)],
        [Fault(operation="query", kind="drop", times=2)],
        [Fault(operation="download", kind="cut_download", after_bytes=1000, times=3)],
    ],
    ids=lambda faults: faults[0].kind + "-" + faults[0].operation,
)
def test_faults_on_the_way_cost_neither_a_job_nor_a_second_task(
    tmp_path: Path, client: Kling, gateway: MockGateway, faults: list[Fault]
) -> None:
    for fault in faults:
        gateway.inject(fault)
    jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(3))
    report = Batch(jobs, tmp_path / "out", concurrency=2).run(client)
    assert report.exit_code == 0, report.failed
    _one_task_each(gateway, 3)
    _all_whole(tmp_path / "out", 3)
    assert not gateway.pending_faults


def test_a_refused_balance_stops_creation_and_a_rerun_resumes(
    tmp_path: Path, client: Kling, gateway: MockGateway
) -> None:
    jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(3))
    gateway.inject(Fault(operation="create", kind="balance"))
    report = Batch(jobs, tmp_path / "out", concurrency=1).run(client)
    assert isinstance(report.stopped, InsufficientBalanceError)
    assert (report.exit_code, report.not_started, gateway.creates_count) == (3, 3, 1)
    assert not gateway.tasks

    report = Batch(jobs, tmp_path / "out", concurrency=1).run(client)
    assert report.exit_code == 0
    _one_task_each(gateway, 3)


def test_a_create_whose_outcome_stays_unknown_is_looked_up_by_the_next_run(
    tmp_path: Path, client: Kling, gateway: MockGateway
) -> None:
    jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(1))
    gateway.inject(Fault(operation="create", kind="stored_then_error"))
    gateway.inject(Fault(operation="query", kind="server_error", times=20))
    report = Batch(jobs, tmp_path / "out").run(client)
    assert report.exit_code == 1
    assert report.failed[0].state == "creating"
    assert "look it up" in (report.failed[0].reason or "")

    while gateway.pending_faults:  # the outage ends
        gateway.handle(MockRequest("GET", "/klingai/v1/videos/text2video/x"))
    assert Batch(jobs, tmp_path / "out").run(client).exit_code == 0
    _one_task_each(gateway, 1)


def test_two_batches_never_share_a_ledger_at_once(
    tmp_path: Path, client: Kling, gateway: MockGateway
) -> None:
    from kling_ext import LedgerBusyError
    from kling_ext._batch_ledger import Ledger

    jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(2))
    running = Ledger(tmp_path / "out" / "kling-batch.sqlite3")
    try:
        with pytest.raises(LedgerBusyError, match="another batch is running"):
            Batch(jobs, tmp_path / "out").run(client)
    finally:
        running.close()
    assert gateway.creates_count == 0
    assert Batch(jobs, tmp_path / "out").run(client).exit_code == 0


def test_an_api_out_of_reach_stops_creation_instead_of_failing_every_job(
    tmp_path: Path, gateway: MockGateway, monkeypatch: pytest.MonkeyPatch
) -> None:
    FakeTime().install(monkeypatch)  # the batch's backoff between creates takes no real time
    gateway.inject(Fault(operation="create", kind="drop", times=1000))
    with Kling(
        api_key=gateway.api_key,
        base_url="http://127.0.0.1/klingai",
        http_client=httpx.Client(transport=gateway.transport()),
        poll_schedule=FAST_POLLING,
        max_retries=0,
    ) as client:
        jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(5))
        report = Batch(jobs, tmp_path / "out", concurrency=1).run(client)
    assert (report.exit_code, report.not_started, report.failed) == (4, 5, ())
    assert not gateway.tasks


def test_a_batch_polls_each_task_no_more_than_a_single_wait_does(
    tmp_path: Path, client: Kling, gateway: MockGateway
) -> None:
    client.text2video.run(prompt="alone")
    alone = gateway.tasks[0].queries
    jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(6))
    assert Batch(jobs, tmp_path / "out", concurrency=3).run(client).exit_code == 0
    assert [task.queries for task in gateway.tasks[1:]] == [alone] * 6


async def test_each_client_goes_to_its_own_entry_point(
    tmp_path: Path, client: Kling, async_client: AsyncKling, gateway: MockGateway
) -> None:
    jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(1))
    with pytest.raises(TypeError, match="arun"):
        Batch(jobs, tmp_path / "out").run(async_client)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="run"):
        await Batch(jobs, tmp_path / "out").arun(client)  # type: ignore[arg-type]
    assert gateway.creates_count == 0


def test_a_refused_connection_stops_creation_after_one_create_s_own_retries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    FakeTime().install(monkeypatch)
    attempts: list[str] = []

    def refuse(request: httpx.Request) -> httpx.Response:
        attempts.append(request.method)
        raise httpx.ConnectError("connection refused", request=request)

    def refusing_client() -> Kling:
        return Kling(
            api_key="sk-refused",
            base_url="http://127.0.0.1/klingai",
            http_client=httpx.Client(transport=httpx.MockTransport(refuse)),
            poll_schedule=FAST_POLLING,
        )

    with refusing_client() as client, pytest.raises(APIConnectionError):
        client.text2video.create(prompt="alone")
    single = len(attempts)
    attempts.clear()
    jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(3))
    with refusing_client() as client:
        report = Batch(jobs, tmp_path / "out", concurrency=1).run(client)
    assert (report.exit_code, report.not_started, report.failed) == (4, 3, ())
    assert len(attempts) == single  # the first job's create alone, no batch-level retries
    assert set(ledger_states(report.ledger).values()) == {"pending"}
