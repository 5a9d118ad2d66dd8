"""`python batch_child.py JOBS OUTPUT CONCURRENCY`: run a batch and print its report as JSON.

The batch tests run this in a child process so that they can kill it with SIGKILL at a chosen
instant. It polls fast (the mock's tasks end after a few queries) and uses the environment's
KLING_API_KEY and KLING_BASE_URL like any user script.
"""

from __future__ import annotations

import asyncio
import json
import sys

import attrs

from kling_ext import AsyncKling, Batch
from kling_ext.testing import FAST_POLLING


async def main(jobs: str, output: str, concurrency: int) -> int:
    async with AsyncKling(poll_schedule=FAST_POLLING) as client:
        # The kill tests' gateway stores a create before it answers: the 30 s grace window kept
        # for a gateway slow to store one (tests/hostile/test_batch_hostile.py) would only make
        # every re-run wait it out. A short one still looks again before re-sending.
        context = client._context
        client._context = attrs.evolve(context, policy=attrs.evolve(context.policy, create_grace=1))
        report = await Batch(jobs, output, concurrency=concurrency).arun(client)
    print(json.dumps(report.to_json()))
    for result in report.failed:
        print(f"failed {result.id}: {result.reason}", file=sys.stderr)
    return report.exit_code


if __name__ == "__main__":
    sys.exit(asyncio.run(main(sys.argv[1], sys.argv[2], int(sys.argv[3]))))
