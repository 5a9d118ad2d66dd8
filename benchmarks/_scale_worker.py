"""``python -m benchmarks._scale_worker SIDE SIZE TRACE_SIZE``: one side of the scale benchmark.

Run by :mod:`benchmarks.scale` in a fresh interpreter so that ``ru_maxrss`` starts clean; prints
the figures as one JSON line.
"""

from __future__ import annotations

import argparse
import json
import sys

from .scale import measure


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks._scale_worker")
    parser.add_argument("side", choices=("kling", "raw"))
    parser.add_argument("size", type=int)
    parser.add_argument("trace_size", type=int)
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.side, args.size, args.trace_size)))


if __name__ == "__main__":
    main(sys.argv[1:])
