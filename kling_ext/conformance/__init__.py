"""Check that a Kling gateway answers as the bundled OpenAPI spec says.

Needs the ``conformance`` extra (schemathesis, hypothesis, requests): importing this package
without it raises ``ImportError``, which ``kling conformance`` turns into an install hint. The
core client never imports it.

Example:
    >>> from kling_ext.conformance import run_conformance
    >>> report = run_conformance(base_url="https://api.agentsflare.com/klingai", api_key=key)
    >>> print(report.render())
    >>> report.exit_code  # 0 conforms, 1 violations, 3 could not run
"""

from __future__ import annotations

from ._engine import run_conformance, select_endpoints
from ._report import JSON_SCHEMA, CheckResult, ConformanceReport, Finding

__all__ = [
    "JSON_SCHEMA",
    "CheckResult",
    "ConformanceReport",
    "Finding",
    "run_conformance",
    "select_endpoints",
]
