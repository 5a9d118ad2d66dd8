"""1. Per-request overhead: ``client.text2video.get(task_id)`` against raw httpx + ``json.loads``.

Both sides use the SAME ``httpx.Client`` (resp. ``httpx.AsyncClient``) on the mock gateway's
in-process transport and query the same existing task, so the only difference is what kling-ext
does around the request: building it, auth, reading the envelope, retry bookkeeping and turning
the JSON into a ``Task``. Runs of N calls alternate between baseline and subject (and which goes
first), and the median of the per-repetition ratios is reported.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Awaitable, Callable

import httpx

from ._common import API_KEY, BASE_URL, Result, Section, gc_quiet, median, mock_gateway

TARGET = 1.3
KIND = "text2video"


def _make_task(http: httpx.Client) -> str:
    """Create a task and query it until it is final, so every timed answer is the same size."""
    # model_name and duration are required on the wire: the client fills them, a raw body names them
    body = {"model_name": "kling-v1", "prompt": "benchmark", "duration": "5"}
    answer = http.post(f"/v1/videos/{KIND}", json=body).json()
    task_id = str(answer["data"]["task_id"])
    for _ in range(10):
        data = http.get(f"/v1/videos/{KIND}/{task_id}").json()["data"]
        if data["task_status"] == "succeed":
            return task_id
    raise RuntimeError(f"mock task {task_id} did not finish")


def _interleave(
    run_baseline: Callable[[], float], run_subject: Callable[[], float], reps: int
) -> tuple[float, float, float]:
    """(median baseline s/call, median subject s/call, median of per-rep ratios)."""
    base, subj, ratios = [], [], []
    for rep in range(reps):
        if rep % 2:
            s, b = run_subject(), run_baseline()
        else:
            b, s = run_baseline(), run_subject()
        base.append(b)
        subj.append(s)
        ratios.append(s / b)
    return median(base), median(subj), median(ratios)


def _sync(calls: int, reps: int) -> tuple[float, float, float]:
    from kling_ext import Kling

    gateway = mock_gateway(clock="steps", steps=1)
    headers = {"Authorization": f"Bearer {API_KEY}"}
    with httpx.Client(transport=gateway.transport(), base_url=BASE_URL, headers=headers) as http:
        task_id = _make_task(http)
        client = Kling(api_key=API_KEY, base_url=BASE_URL, http_client=http)
        url = f"{BASE_URL}/v1/videos/{KIND}/{task_id}"
        get = client.text2video.get

        def baseline() -> float:
            with gc_quiet():
                start = time.perf_counter()
                for _ in range(calls):
                    json.loads(http.get(url).content)
                return (time.perf_counter() - start) / calls

        def subject() -> float:
            with gc_quiet():
                start = time.perf_counter()
                for _ in range(calls):
                    get(task_id)
                return (time.perf_counter() - start) / calls

        # Warm both paths (imports on first use, caches) before timing.
        assert get(task_id).succeeded
        baseline()
        return _interleave(baseline, subject, reps)


def _async(calls: int, reps: int) -> tuple[float, float, float]:
    from kling_ext import AsyncKling

    gateway = mock_gateway(clock="steps", steps=1)
    headers = {"Authorization": f"Bearer {API_KEY}"}
    with httpx.Client(transport=gateway.transport(), base_url=BASE_URL, headers=headers) as sync:
        task_id = _make_task(sync)
    url = f"{BASE_URL}/v1/videos/{KIND}/{task_id}"

    async def main() -> tuple[float, float, float]:
        async with httpx.AsyncClient(
            transport=gateway.transport(), base_url=BASE_URL, headers=headers
        ) as http:
            client = AsyncKling(api_key=API_KEY, base_url=BASE_URL, http_client=http)
            get = client.text2video.get

            async def baseline_once() -> None:
                json.loads((await http.get(url)).content)

            async def subject_once() -> None:
                await get(task_id)

            async def timed(once: Callable[[], Awaitable[None]]) -> float:
                with gc_quiet():
                    start = time.perf_counter()
                    for _ in range(calls):
                        await once()
                    return (time.perf_counter() - start) / calls

            assert (await get(task_id)).succeeded
            await timed(baseline_once)
            base, subj, ratios = [], [], []
            for rep in range(reps):
                if rep % 2:
                    s, b = await timed(subject_once), await timed(baseline_once)
                else:
                    b, s = await timed(baseline_once), await timed(subject_once)
                base.append(b)
                subj.append(s)
                ratios.append(s / b)
            return median(base), median(subj), median(ratios)

    return asyncio.run(main())


def run(quick: bool = False) -> Section:
    """Measure both drivers; ``quick`` runs a handful of calls (structure only)."""
    calls, reps = (20, 2) if quick else (300, 9)
    section = Section("overhead")
    for mode, measure in (("sync", _sync), ("async", _async)):
        base, subj, ratio = measure(calls, reps)
        section.results.append(
            Result(
                name=f"overhead/{mode}: get() vs raw httpx+json",
                value=subj * 1e6,
                baseline=base * 1e6,
                ratio=ratio,
                target=f"<= {TARGET}x",
                met=ratio <= TARGET,
                unit="us/call",
            )
        )
    section.notes.append(
        f"overhead: {calls} calls x {reps} repetitions each side, interleaved; "
        "value/baseline are median microseconds per call, ratio the median per-repetition ratio."
    )
    return section
