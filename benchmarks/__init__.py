"""kling-ext's benchmarks: ``python -m benchmarks`` (``make bench``) and ``--check``.

One module per benchmark, each with ``run(quick=False) -> Section``:

1. :mod:`.overhead`: per-request overhead of ``get()`` against raw httpx, sync and async.
2. :mod:`.polling`: queries and noticing delay of the real wait loop on a virtual clock.
3. :mod:`.scale`: ``AsyncKling`` waiting on 10,000 concurrent tasks: CPU and memory.
4. :mod:`.import_time`: ``import kling_ext`` against ``import httpx``.
5. :mod:`.upload`: Base64 of a 10 MB image into a request body: time and peak memory.
6. :mod:`.batch`: 1,000 jobs through ``Batch`` (CPU per job) and 10,000 (memory stays flat).
7. :mod:`.callbacks`: queries per task waiting by callback against polling (a 300 s task
   through the real loop on a virtual clock; a batch of 1,000 by the pure schedules).
8. :mod:`.workers`: 1,000 jobs shared by 1, 2 and 4 worker processes on one PostgreSQL ledger.

Every figure is a ratio against a baseline measured in the same run (lower is better), so
``--check`` can compare runs made on a noisy machine. ``quick=True`` runs tiny sizes that only
keep the code working (``tests/test_benchmarks_smoke.py``); its figures mean nothing.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

from . import batch, callbacks, import_time, overhead, polling, scale, upload, workers
from ._common import Result, Section

__all__ = ["BENCHMARKS", "Result", "Section", "run_all"]

BENCHMARKS: dict[str, Callable[[bool], Section]] = {
    "overhead": overhead.run,
    "polling": polling.run,
    "scale": scale.run,
    "import": import_time.run,
    "upload": upload.run,
    "batch": batch.run,
    "callbacks": callbacks.run,
    "workers": workers.run,
}
"""Every benchmark by name, in report order."""


def run_all(
    quick: bool = False,
    only: Iterable[str] | None = None,
    progress: Callable[[str], None] | None = None,
) -> list[Section]:
    """Run the benchmarks (all, or those named in ``only``) and time each.

    Args:
        quick: Tiny sizes: checks that the code runs, measures nothing.
        only: Names from :data:`BENCHMARKS`; ``None`` runs all.
        progress: Called with a line of text as each benchmark starts and ends.

    Raises:
        KeyError: An unknown name in ``only``.
    """
    names = list(BENCHMARKS) if only is None else list(only)
    for name in names:
        if name not in BENCHMARKS:
            raise KeyError(f"unknown benchmark {name!r}; known: {', '.join(BENCHMARKS)}")
    sections = []
    for name in names:
        if progress is not None:
            progress(f"running {name} ...")
        start = time.perf_counter()
        section = BENCHMARKS[name](quick)
        section.seconds = time.perf_counter() - start
        if progress is not None:
            progress(f"  {name}: {section.seconds:.1f} s")
        sections.append(section)
    return sections
