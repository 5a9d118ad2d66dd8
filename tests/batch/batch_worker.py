"""`python batch_worker.py JOBS OUTPUT LEDGER CONCURRENCY ACCOUNT_SLOTS LEASE`: one worker of a
batch shared through LEDGER (a PostgreSQL URL); prints its report as JSON.

Like batch_child.py: a child process so that a test can kill it with SIGKILL, fast polling, a
1 s grace window (the tests' gateway stores a create before it answers), and the environment's
KLING_API_KEY and KLING_BASE_URL. ACCOUNT_SLOTS may be `-` (no bound).
"""

from __future__ import annotations

import asyncio
import json
import sys

import attrs

from kling_ext import AsyncKling, Batch
from kling_ext.testing import FAST_POLLING


async def main(argv: list[str]) -> int:
    jobs, output, ledger, concurrency, slots, lease = argv
    async with AsyncKling(poll_schedule=FAST_POLLING) as client:
        context = client._context
        client._context = attrs.evolve(context, policy=attrs.evolve(context.policy, create_grace=1))
        batch = Batch(
            jobs,
            output,
            ledger=ledger,
            concurrency=int(concurrency),
            account_slots=None if slots == "-" else int(slots),
            lease=float(lease),
        )
        report = await batch.arun(client)
    print(json.dumps(report.to_json()))
    for result in report.failed:
        print(f"failed {result.id}: {result.reason}", file=sys.stderr)
    return report.exit_code


if __name__ == "__main__":
    sys.exit(asyncio.run(main(sys.argv[1:])))
