"""The benchmarks at tiny sizes: they must keep running and keep their shape (not their timings)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

import benchmarks
from benchmarks.__main__ import compare, document, main, table

EXPECTED_KEYS = {"name", "value", "baseline", "ratio", "target", "met", "unit"}


@pytest.fixture(scope="module")
def sections() -> list[benchmarks.Section]:
    return benchmarks.run_all(quick=True)


def test_every_benchmark_reports_rows(sections: list[benchmarks.Section]) -> None:
    assert [s.name for s in sections] == [
        "overhead",
        "polling",
        "scale",
        "import",
        "upload",
        "batch",
        "callbacks",
        "workers",
    ]
    names = [r.name for s in sections for r in s.results]
    assert len(names) == len(set(names)), "row names must be unique: --check matches on them"
    for section in sections:
        # Only the workers rows need something beyond the repository (PostgreSQL's binaries):
        # without them the section says why instead.
        assert section.results or (section.name == "workers" and section.notes), section.name
        for result in section.results:
            assert math.isfinite(result.value)
            assert result.baseline >= 0, result.name  # ru_maxrss may not move at tiny sizes
            assert result.ratio >= 0, result.name
            assert result.unit
            assert (result.target is None) == (result.met is None), result.name


def test_every_asked_figure_has_a_target(sections: list[benchmarks.Section]) -> None:
    targeted = {r.name.split(":")[0] for s in sections for r in s.results if r.target}
    assert {"overhead/sync", "overhead/async", "scale", "import", "upload", "batch"} <= targeted
    assert any(name.startswith("polling/default") for name in targeted)


def test_results_document_and_table(sections: list[benchmarks.Section]) -> None:
    doc = json.loads(json.dumps(document(sections), sort_keys=True))
    assert set(doc) == {"machine", "date", "results"}
    assert set(doc["machine"]) == {"python", "platform", "cpu_count"}
    assert all(set(row) == EXPECTED_KEYS for row in doc["results"])
    text = table([r for s in sections for r in s.results])
    header = text.splitlines()[0].split()
    assert header == ["benchmark", "figure", "baseline", "ratio", "target", "met"]


def test_check_flags_only_worse_ratios(sections: list[benchmarks.Section]) -> None:
    fresh = [r for s in sections for r in s.results]
    recorded = document(sections)
    assert compare(recorded, fresh, 0.2) == []
    for row in recorded["results"]:
        row["ratio"] = row["ratio"] / 2  # everything was twice as good before
    regressions = compare(recorded, fresh, 0.2)
    assert len(regressions) == sum(r.ratio > 0 for r in fresh)
    for row in recorded["results"]:
        row["ratio"] = row["ratio"] * 10  # everything was worse before: improvements pass
    assert compare(recorded, fresh, 0.2) == []


def test_main_quick_check_round_trip(tmp_path: Path) -> None:
    results = tmp_path / "results.json"
    assert main(["--quick", "--only", "polling", "--results", str(results)]) == 0
    assert main(["--quick", "--only", "polling", "--results", str(results), "--check"]) == 0
    doc = json.loads(results.read_text())
    doc["results"][0]["ratio"] /= 2
    results.write_text(json.dumps(doc))
    assert main(["--quick", "--only", "polling", "--results", str(results), "--check"]) == 1
