"""What the live line of `kling batch` says: counts, elapsed time and an estimate."""

from __future__ import annotations

import time

from kling_ext import BatchProgress
from kling_ext.cli._batch import describe


def test_the_live_line_counts_jobs_and_estimates_the_rest() -> None:
    progress = BatchProgress(total=10, succeeded=3, failed=1, running=2)
    progress.started = time.monotonic() - 120  # 4 jobs ended in 2 minutes
    line = describe(progress)
    assert line.startswith("done 3  running 2  failed 1  queued 4  of 10  elapsed 2m00s")
    assert line.endswith("~3m00s left")  # 6 more at 30 s each


def test_no_estimate_before_the_first_job_ends() -> None:
    assert "left" not in describe(BatchProgress(total=5, running=2))
