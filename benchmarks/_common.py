"""What every benchmark shares: the result record, medians, and the mock gateway's import.

Every figure is a ratio against a baseline measured in the same run, because absolute times on a
shared machine drift by more than the differences worth catching. All ratios are "lower is
better", so a regression is always a ratio that grew.
"""

from __future__ import annotations

import gc
import statistics
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kling_ext.mock import MockGateway

__all__ = [
    "API_KEY",
    "BASE_URL",
    "Result",
    "Section",
    "fmt",
    "gc_quiet",
    "median",
    "mock_gateway",
]

API_KEY = "sk-mock"
# Any https host will do: the mock transport answers in-process, nothing is resolved.
BASE_URL = "https://mock.invalid/klingai"


@dataclass(frozen=True)
class Result:
    """One row of the table and of results.json.

    Attributes:
        name: Stable identifier, e.g. ``overhead/sync``; ``--check`` matches rows by it.
        value: The measured figure, in ``unit``.
        baseline: The same-run baseline it is compared with, in ``unit``.
        ratio: ``value / baseline``; lower is better, always.
        target: The target as text (on the ratio unless it names a unit), or ``None``.
        met: Whether the target is met; ``None`` for informational rows.
        unit: The unit of ``value`` and ``baseline``.
        note: Shown after the table only (worst case, extrapolation, ...); not in results.json.
    """

    name: str
    value: float
    baseline: float
    ratio: float
    target: str | None
    met: bool | None
    unit: str
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        """The row as results.json stores it, rounded so reruns diff quietly."""
        return {
            "name": self.name,
            "value": _round(self.value),
            "baseline": _round(self.baseline),
            "ratio": _round(self.ratio),
            "target": self.target,
            "met": self.met,
            "unit": self.unit,
        }


@dataclass
class Section:
    """What one benchmark module returns: its rows and free-text notes for the report."""

    name: str
    results: list[Result] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0


def _round(x: float) -> float:
    if x == 0 or x != x or x in (float("inf"), float("-inf")):
        return x
    return float(f"{x:.4g}")


def median(values: list[float]) -> float:
    """The median (an empty list is a bug in the caller)."""
    return float(statistics.median(values))


def fmt(x: float, unit: str = "") -> str:
    """A figure for the table: 3-4 significant digits and the unit."""
    if x != x:
        text = "nan"
    elif float(x).is_integer():
        text = f"{int(x):,}"
    elif abs(x) >= 1000:
        text = f"{x:,.0f}"
    elif abs(x) >= 100:
        text = f"{x:.0f}"
    elif abs(x) >= 10:
        text = f"{x:.1f}"
    elif abs(x) >= 1 or x == 0:
        text = f"{x:.2f}"
    else:
        text = f"{x:.3g}"
    return f"{text} {unit}".rstrip()


@contextmanager
def gc_quiet() -> Iterator[None]:
    """Collect first, then keep the cyclic GC out of a timed region (restored after)."""
    gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def mock_gateway(**kwargs: Any) -> MockGateway:
    """A mock gateway accepting :data:`API_KEY` (imported late, off the import-time path)."""
    from kling_ext.mock import MockGateway

    return MockGateway(api_key=API_KEY, **kwargs)
