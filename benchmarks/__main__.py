"""``python -m benchmarks``: run, print the table, record benchmarks/results.json.

``--check`` runs afresh and compares with the recorded results.json instead of replacing it: it
exits 1 when any ratio got worse by more than the tolerance (20%), naming each one. Ratios are
"lower is better" throughout, so only growth counts.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import sys
import time
from pathlib import Path
from typing import Any

from . import BENCHMARKS, run_all
from ._common import Result, Section, fmt

RESULTS = Path(__file__).with_name("results.json")
TOLERANCE = 0.20
COLUMNS = ("benchmark", "figure", "baseline", "ratio", "target", "met")


def _row(result: Result) -> tuple[str, ...]:
    figure = fmt(result.value, result.unit)
    if result.note:
        figure += f" ({result.note})"
    met = "-" if result.met is None else ("yes" if result.met else "no")
    return (
        result.name,
        figure,
        fmt(result.baseline, result.unit),
        f"{result.ratio:.3g}x",
        result.target or "-",
        met,
    )


def table(results: list[Result]) -> str:
    """The results as an aligned text table."""
    rows = [COLUMNS, *(_row(r) for r in results)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS))]
    lines = []
    for n, row in enumerate(rows):
        lines.append("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def document(sections: list[Section]) -> dict[str, Any]:
    """What results.json holds."""
    return {
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpu_count": os.cpu_count(),
        },
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "results": [r.to_json() for s in sections for r in s.results],
    }


def compare(recorded: dict[str, Any], fresh: list[Result], tolerance: float) -> list[str]:
    """The regressions: ratios that grew by more than ``tolerance`` since ``recorded``."""
    before = {row["name"]: row for row in recorded.get("results", [])}
    regressions = []
    for result in fresh:
        old = before.get(result.name)
        if old is None:
            print(f"  new (not compared): {result.name}")
            continue
        limit = float(old["ratio"]) * (1 + tolerance)
        if result.ratio > limit + 1e-9:
            growth = f"+{result.ratio / float(old['ratio']) - 1:.0%}" if old["ratio"] else "from 0"
            regressions.append(
                f"{result.name}: ratio {float(old['ratio']):.3g}x -> {result.ratio:.3g}x "
                f"({growth}, limit {limit:.3g}x)"
            )
    for name in before.keys() - {r.name for r in fresh}:
        print(f"  recorded but not measured now: {name}")
    return regressions


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument(
        "--check",
        action="store_true",
        help="compare a fresh run with the recorded results; exit 1 on a ratio regression",
    )
    parser.add_argument("--quick", action="store_true", help="tiny sizes (smoke test only)")
    parser.add_argument("--only", action="append", choices=list(BENCHMARKS), help="repeatable")
    parser.add_argument("--results", type=Path, default=RESULTS, help="default: %(default)s")
    parser.add_argument(
        "--tolerance", type=float, default=TOLERANCE, help="default: %(default)s (20%%)"
    )
    args = parser.parse_args(argv)

    recorded = None
    if args.check:
        if not args.results.exists():
            print(f"--check: no recorded results at {args.results}; run without --check first")
            return 2
        recorded = json.loads(args.results.read_text("utf-8"))

    started = time.perf_counter()
    sections = run_all(
        quick=args.quick, only=args.only, progress=lambda line: print(line, flush=True)
    )
    total = time.perf_counter() - started
    results = [r for s in sections for r in s.results]

    print()
    print(table(results))
    print()
    for section in sections:
        for note in section.notes:
            print(f"- {note}")
    timings = ", ".join(f"{s.name} {s.seconds:.1f} s" for s in sections)
    print(f"\ntotal {total:.1f} s ({timings}) on {os.cpu_count()} CPU(s)")
    missed = [r.name for r in results if r.met is False]
    print("targets missed: " + ("; ".join(missed) if missed else "none"))

    if recorded is not None:
        print(f"\ncomparing with {args.results} ({recorded.get('date', 'undated')}):")
        regressions = compare(recorded, results, args.tolerance)
        # Targets are absolute promises (import <= 1.6x httpx, upload <= 1.0x): a missed target
        # fails --check even when the recorded figure was already as bad.
        regressions += [
            f"{r.name}: target {r.target} missed ({r.ratio:.3g}x)"
            for r in results
            if r.met is False
        ]
        if regressions:
            print(f"REGRESSIONS (ratio worse by more than {args.tolerance:.0%}):")
            for line in regressions:
                print(f"  {line}")
            return 1
        print(f"no ratio worse by more than {args.tolerance:.0%}")
        return 0
    if (args.quick or args.only) and args.results.resolve() == RESULTS.resolve():
        print(f"(--quick/--only: {RESULTS.name} left alone; pass --results PATH to record)")
        return 0
    text = json.dumps(document(sections), indent=2, sort_keys=True) + "\n"
    args.results.write_text(text, "utf-8")
    print(f"wrote {args.results}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
