"""`make test` runs the suite on pytest-xdist workers: a schemathesis sub-test that fails on a
worker must still fail the run, and be counted in pytest's closing line.

schemathesis's pytest integration reports each API operation as a sub-test of one pytest test;
a runner that dropped sub-test reports would let a mock that breaks its contract pass the gate.
This runs a tiny suite of that kind, against a deliberately broken mock, the way `make test` runs
the real one. Two operations (text-to-video's list and query) are enough to prove it: what is
under test is how the runner reports sub-tests, not the mock, whose every operation the contract
tests cover.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_SUITE = """
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import positive_data_acceptance

from kling_ext.mock import MockGateway

CONFIG = SchemathesisConfig.from_dict({"auth": {"openapi": {"bearerAuth": {"bearer": "sk-mock"}}}})


def schema_of(gateway):
    app = gateway.wsgi_app()
    schema = schemathesis.openapi.from_wsgi("/openapi.json", app, config=CONFIG)
    return schema.include(method="GET", path_regex=r"^/v1/videos/text2video")


BROKEN = schema_of(MockGateway(api_key="sk-mock", seed=7, violations=["missing_envelope_field"]))
CONFORMANT = schema_of(MockGateway(api_key="sk-mock", seed=7))
FEW = settings(max_examples=2, deadline=None, suppress_health_check=list(HealthCheck))


@BROKEN.parametrize()
@FEW
def test_broken_mock(case):
    # As the real suite: an id no task has is answered 400, though schema-valid.
    case.call_and_validate(excluded_checks=[positive_data_acceptance])


@CONFORMANT.parametrize()
@FEW
def test_conformant_mock(case):
    # As the real suite: an id no task has is answered 400, though schema-valid.
    case.call_and_validate(excluded_checks=[positive_data_acceptance])
"""


def _parallel_options() -> list[str]:
    """The pytest-xdist options `make test` passes (the Makefile's PYTEST_PARALLEL)."""
    makefile = (ROOT / "Makefile").read_text("utf-8")
    found = re.search(r"^PYTEST_PARALLEL\s*:?=\s*(.+)$", makefile, re.MULTILINE)
    assert found, "the Makefile names its pytest-xdist options in PYTEST_PARALLEL"
    options = shlex.split(found.group(1).replace("$(WORKERS)", "2"))
    assert "-n" in options, options
    return options


def _pytest(suite: Path, *options: str) -> tuple[int, str, list[str]]:
    """pytest on `suite`, configured as the project: exit code, closing counts, FAILED tests."""
    result = subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
        [
            sys.executable,
            "-m",
            "pytest",
            "-c",
            str(ROOT / "pyproject.toml"),
            "--rootdir",
            str(suite.parent),
            "-p",
            "no:cacheprovider",
            "-q",
            *options,
            str(suite),
        ],
        cwd=suite.parent,
        env={**os.environ, "COLUMNS": "300"},  # whole test names in the summary
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    lines = (result.stdout + result.stderr).strip().splitlines()
    counts = re.sub(r" in [\d.]+s.*", "", lines[-1])
    failures = sorted(line.split(" - ")[0] for line in lines if line.startswith("FAILED"))
    return result.returncode, counts, failures


def test_a_failing_schemathesis_sub_test_fails_a_parallel_run(tmp_path: Path) -> None:
    suite = tmp_path / "test_broken_suite.py"
    suite.write_text(_SUITE, "utf-8")
    serial = _pytest(suite)
    code, closing, failures = serial
    assert code == 1, closing
    # The failures are the broken mock's; the same checks pass on the conformant mock.
    assert failures, closing
    assert all("test_broken_mock" in line for line in failures), failures
    assert re.search(r"\d+ failed, \d+ passed", closing), closing
    # On workers, exactly the same is reported: every failed sub-test, in the closing line too.
    assert _pytest(suite, *_parallel_options()) == serial
