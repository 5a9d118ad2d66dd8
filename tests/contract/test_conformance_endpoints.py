"""`kling conformance` probes every endpoint of the spec, and its report names each one.

Parametrised over the spec's endpoints, so an endpoint added to the spec is probed and checked
here without a new test. One in-process run (the mock's transport, no generated cases) serves
every case.
"""

from __future__ import annotations

import jsonschema_rs
import pytest

from kling_ext._spec import Endpoint, endpoint_name, endpoints, load_spec
from kling_ext.conformance import JSON_SCHEMA, ConformanceReport, run_conformance
from kling_ext.mock import MockGateway

KEY = "sk-conformance-endpoints-0123456789"
ENDPOINTS = list(endpoints().values())
TASK_PATHS = {ep.path for ep in ENDPOINTS}
# Synchronous POSTs: the operations with a name that answer at once (no {path}/{id}).
CALLS = [
    (endpoint_name(path, item["post"]), path)
    for path, item in load_spec()["paths"].items()
    if "post" in item and path not in TASK_PATHS and "{" not in path
]


def _run(**options: bool) -> ConformanceReport:
    gateway = MockGateway(api_key=KEY)
    return run_conformance(
        base_url="http://mock.invalid/klingai",
        api_key=KEY,
        transport=gateway.transport(),
        max_examples=0,
        **options,
    )


@pytest.fixture(scope="module")
def free_run() -> ConformanceReport:
    return _run()


@pytest.fixture(scope="module")
def probing_run() -> ConformanceReport:
    return _run(probe_creates=True)


def test_the_runs_pass_and_the_json_report_keeps_its_schema(
    free_run: ConformanceReport, probing_run: ConformanceReport
) -> None:
    for report in (free_run, probing_run):
        assert report.ok, report.render()
        assert report.leniency == [], report.render()  # each list probed at its own bounds
        jsonschema_rs.validator_for(dict(JSON_SCHEMA)).validate(report.to_json())
    assert free_run.created_tasks == probing_run.created_tasks == []


@pytest.mark.parametrize("ep", ENDPOINTS, ids=[ep.kind for ep in ENDPOINTS])
def test_every_task_endpoint_is_probed_and_named(
    ep: Endpoint, free_run: ConformanceReport, probing_run: ConformanceReport
) -> None:
    free = {summary.path: summary for summary in free_run.endpoints()}[ep.path]
    assert free.name == ep.kind
    # The free probes: an unknown task id and (where the API lists tasks) the list pages.
    assert f"GET {ep.path}/{{id}}" in free.operations
    assert (f"GET {ep.path}" in free.operations) == (ep.list_operation is not None)
    assert f"POST {ep.path}" not in free.operations, "a default run sends no create body"
    assert f"  {ep.kind} ({ep.path}: " in free_run.render()
    probed = {summary.path: summary for summary in probing_run.endpoints()}[ep.path]
    assert f"POST {ep.path}" in probed.operations
    assert {e["name"] for e in probing_run.to_json()["endpoints"]} >= {ep.kind}


@pytest.mark.parametrize(("name", "path"), CALLS, ids=[name for name, _ in CALLS])
def test_every_synchronous_post_gets_free_validation_probes(
    name: str, path: str, free_run: ConformanceReport
) -> None:
    free = {summary.path: summary for summary in free_run.endpoints()}[path]
    assert free.name == name
    assert f"POST {path}" in free.operations
    assert f"  {name} ({path}: call" in free_run.render()
