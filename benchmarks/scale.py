"""3. Scale: ``AsyncKling`` waiting on thousands of concurrent tasks, on virtual time.

``asyncio.gather`` of N ``client.text2video.wait(task_id)`` against the in-process mock gateway
(``steps`` clock: every query moves a task one status on, so each wait queries twice). The
client's clock and sleep are a virtual-time scheduler: a sleep parks the coroutine until every
live coroutine is parked, then the clock jumps to the earliest wake-up. Nothing really sleeps,
and the polling decisions still see consistent time.

Baseline: the same N coroutines doing the same queries with the same ``httpx.AsyncClient`` on the
same transport, by hand (``get`` + ``json.loads`` + a status check), on the same scheduler.

Figures: CPU seconds (``time.process_time``) per 1,000 queries, and peak memory: the growth of
``ru_maxrss`` during the untraced pass, and tracemalloc's peak during a second, traced pass.
Tracing slows Python ~4x, so the traced pass runs 2,000 waits and is scaled up linearly (the
output says so). Each side runs in its own fresh interpreter, so ``ru_maxrss`` is not polluted
by the other side or by the other benchmarks. If the untraced passes would not fit the CPU
budget, fewer waits run and the output says so.
"""

from __future__ import annotations

import asyncio
import gc
import heapq
import json
import resource
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Coroutine
from pathlib import Path
from typing import Any

import httpx

from ._common import API_KEY, BASE_URL, Result, Section, mock_gateway

FULL_SIZE = 10_000
QUICK_SIZE = 40
STEPS = 1  # queries per status change: each wait queries twice, sleeping in between
TRACE_SIZE = 2_000
PROBE_SIZE = 500
CPU_TARGET = 0.5  # CPU-s per 1,000 queries
MEMORY_TARGET_MB = 150.0
# If both sides' untraced passes would need more CPU than this, run fewer waits and scale up.
BUDGET_CPU_SECONDS = 40.0
BASELINE_FACTOR = 1.8  # raw httpx needs ~0.8x kling-ext's CPU, and both sides run
KIND = "text2video"
NEXT_DELAY = 5.6  # the baseline's fixed poll interval (the default schedule's floor)


class VirtualTime:
    """A clock and an async sleep for many coroutines at once, with no real waiting."""

    def __init__(self) -> None:
        self.now = 0.0
        self._heap: list[tuple[float, int, asyncio.Future[None]]] = []
        self._seq = 0

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._heap, (self.now + max(seconds, 0.0), self._seq, future))
        self._seq += 1
        await future

    async def gather(self, coros: list[Coroutine[Any, Any, Any]]) -> list[Any]:
        """Run ``coros`` concurrently to completion, advancing time when all are parked."""
        tasks = [asyncio.ensure_future(c) for c in coros]
        live = len(tasks)

        def finished(_: object) -> None:
            nonlocal live
            live -= 1

        for task in tasks:
            task.add_done_callback(finished)
        while live:
            await asyncio.sleep(0)
            if live and len(self._heap) >= live:
                when = self._heap[0][0]
                self.now = when
                while self._heap and self._heap[0][0] == when:
                    heapq.heappop(self._heap)[2].set_result(None)
        return await asyncio.gather(*tasks)


def _setup(size: int) -> tuple[Any, list[str]]:
    """A fresh gateway holding ``size`` new tasks, created through its core (no HTTP: faster)."""
    from kling_ext.mock import MockRequest

    gateway = mock_gateway(clock="steps", steps=STEPS, seed=1)
    create = MockRequest(
        method="POST",
        path=f"/klingai/v1/videos/{KIND}",
        headers={"Authorization": f"Bearer {API_KEY}", "Content-Type": "application/json"},
        body=b'{"model_name":"kling-v1","prompt":"scale","duration":"5"}',
    )
    ids = []
    for _ in range(size):
        answer = gateway.handle(create)
        ids.append(str(json.loads(answer.body)["data"]["task_id"]))
    return gateway, ids


def _waiters(side: str, gateway: Any, ids: list[str], vt: VirtualTime) -> tuple[Any, list[Any]]:
    """The HTTP client to close and one coroutine per task, for ``side`` kling or raw."""
    headers = {"Authorization": f"Bearer {API_KEY}"}
    http = httpx.AsyncClient(transport=gateway.transport(), base_url=BASE_URL, headers=headers)
    if side == "kling":
        from kling_ext import AsyncKling

        client = AsyncKling(api_key=API_KEY, base_url=BASE_URL, http_client=http)
        client._clock = vt.clock
        client._sleep = vt.sleep
        client._rng.seed(1)
        wait = client.text2video.wait
        return http, [wait(task_id) for task_id in ids]

    async def raw_wait(task_id: str) -> Any:
        url = f"{BASE_URL}/v1/videos/{KIND}/{task_id}"
        while True:
            data = json.loads((await http.get(url)).content)["data"]
            if data["task_status"] in ("succeed", "failed"):
                return data
            await vt.sleep(NEXT_DELAY)

    return http, [raw_wait(task_id) for task_id in ids]


def _succeeded(result: Any) -> bool:
    if isinstance(result, dict):  # the raw side returns the task's data
        return result.get("task_status") == "succeed"
    return bool(result.succeeded)


def _pass(side: str, size: int, trace: bool) -> dict[str, float]:
    """Wait on ``size`` fresh tasks at once; CPU, wall and virtual time, and RSS or traced peak."""
    gateway, ids = _setup(size)
    vt = VirtualTime()

    async def main() -> dict[str, float]:
        gc.collect()
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        if trace:
            tracemalloc.start()
            traced_before = tracemalloc.get_traced_memory()[0]
        cpu, wall = time.process_time(), time.perf_counter()
        http, coros = _waiters(side, gateway, ids, vt)
        results = await vt.gather(coros)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        out = {"cpu_s": cpu, "wall_s": wall, "virtual_s": vt.now}
        if trace:
            out["peak_bytes"] = tracemalloc.get_traced_memory()[1] - traced_before
            tracemalloc.stop()
        else:
            rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            out["rss_delta_bytes"] = (rss_after - rss_before) * 1024  # Linux: KiB
        await http.aclose()
        finished = sum(_succeeded(result) for result in results)
        if finished != size:
            raise RuntimeError(f"{finished} of {size} waits ended with a succeeded task")
        return out

    out = asyncio.run(main())
    out["queries"] = float(sum(task.queries for task in gateway.tasks))
    return out


def measure(side: str, size: int, trace_size: int) -> dict[str, float]:
    """One side, in this process: CPU and RSS untraced at ``size``, then tracemalloc."""
    figures = _pass(side, size, trace=False)
    traced = _pass(side, trace_size, trace=True)
    figures["peak_bytes"] = traced["peak_bytes"]
    figures["size"] = float(size)
    figures["trace_size"] = float(trace_size)
    return figures


def _measure_fresh(side: str, size: int, trace_size: int) -> dict[str, float]:
    """``measure`` in a fresh interpreter (``python -m benchmarks._scale_worker``)."""
    out = subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "benchmarks._scale_worker", side, str(size), str(trace_size)],
        check=True,
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    figures: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return figures


def _results(kling: dict[str, float], raw: dict[str, float], wanted: int) -> list[Result]:
    """Rows at ``wanted`` waits; traced peaks measured smaller are scaled up linearly."""
    cpu = kling["cpu_s"] * 1000 / kling["queries"]
    base_cpu = raw["cpu_s"] * 1000 / raw["queries"]
    peak = kling["peak_bytes"] * wanted / kling["trace_size"] / 1e6
    base_peak = raw["peak_bytes"] * wanted / raw["trace_size"] / 1e6
    rss = kling["rss_delta_bytes"] * wanted / kling["size"] / 1e6
    base_rss = raw["rss_delta_bytes"] * wanted / raw["size"] / 1e6
    return [
        Result(
            name="scale: CPU per 1k queries vs raw httpx",
            value=cpu,
            baseline=base_cpu,
            ratio=cpu / base_cpu,
            target=f"< {CPU_TARGET:g} CPU-s/1k",
            met=cpu < CPU_TARGET,
            unit="CPU-s/1k",
        ),
        Result(
            name=f"scale: tracemalloc peak, {wanted:,} waits, vs raw httpx",
            value=peak,
            baseline=base_peak,
            ratio=peak / base_peak,
            target=f"< {MEMORY_TARGET_MB:g} MB",
            met=peak < MEMORY_TARGET_MB,
            unit="MB",
        ),
        Result(
            name=f"scale: ru_maxrss growth, {wanted:,} waits, vs raw httpx",
            value=rss,
            baseline=base_rss,
            ratio=rss / max(base_rss, 1e-6),
            target=f"< {MEMORY_TARGET_MB:g} MB",
            met=rss < MEMORY_TARGET_MB,
            unit="MB",
        ),
    ]


def run(quick: bool = False, size: int | None = None) -> Section:
    """Measure both sides; ``quick`` runs a few dozen waits in this process (structure only)."""
    section = Section("scale")
    if quick:
        size = size or QUICK_SIZE
        kling, raw = measure("kling", size, size), measure("raw", size, size)
        section.results.extend(_results(kling, raw, size))
        return section
    wanted = size or FULL_SIZE
    # A small untraced probe says whether the full size fits the CPU budget.
    probe_size = min(PROBE_SIZE, wanted)
    probe = _pass("kling", probe_size, trace=False)
    projected = probe["cpu_s"] * wanted / probe_size * BASELINE_FACTOR
    chosen = wanted
    if projected > BUDGET_CPU_SECONDS:
        chosen = max(probe_size, int(wanted * BUDGET_CPU_SECONDS / projected))
    trace_size = min(chosen, TRACE_SIZE)
    kling = _measure_fresh("kling", chosen, trace_size)
    raw = _measure_fresh("raw", chosen, trace_size)
    section.results.extend(_results(kling, raw, wanted))
    section.notes.append(
        f"scale: {chosen:,} concurrent waits ({kling['queries']:,.0f} queries, "
        f"{kling['queries'] / chosen:g} per wait, {kling['virtual_s']:.0f} s of virtual time) "
        f"took {kling['cpu_s']:.1f} CPU-s in {kling['wall_s']:.1f} s; raw httpx "
        f"{raw['cpu_s']:.1f} CPU-s. ru_maxrss grew {kling['rss_delta_bytes'] / 1e6:.0f} MB "
        f"(raw {raw['rss_delta_bytes'] / 1e6:.0f} MB)."
    )
    section.notes.append(
        f"scale: tracemalloc slows Python ~4x, so tracing {wanted:,} waits would not fit the time "
        f"budget: the traced pass ran {trace_size:,} waits, peak {kling['peak_bytes'] / 1e6:.1f} "
        f"MB ({kling['peak_bytes'] / trace_size / 1024:.1f} KiB per wait; raw httpx "
        f"{raw['peak_bytes'] / trace_size / 1024:.1f} KiB), scaled linearly to {wanted:,} "
        "(the per-wait peak shrinks slightly with size, so this over-estimates a little; "
        f"measure directly: python -m benchmarks._scale_worker kling {wanted} {wanted})."
    )
    if chosen < wanted:
        section.notes.append(
            f"scale: {wanted:,} waits would take ~{projected:.0f} CPU-s (both sides), over the "
            f"{BUDGET_CPU_SECONDS:g} s budget: ran {chosen:,}; CPU per query is size-independent "
            f"and ru_maxrss growth was scaled linearly to {wanted:,}."
        )
    return section
