"""Proof of power: `kling conformance` catches every switchable break of the mock, quickly, and
keeps its budget. Its promises against gateways written apart from the project (no create by
default, exactly one with --allow-create, a refused key stops the run) are tested in
tests/hostile/test_conformance_hostile.py.
"""

from __future__ import annotations

import ast
import copy
import json
import sys
import time
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import httpx
import jsonschema_rs
import pytest

from kling_ext.conformance import JSON_SCHEMA, _engine, _exchange, _rules, run_conformance
from kling_ext.mock import VIOLATIONS, MockGateway

KEY = "sk-power-test-0123456789abcdef"
URL = "http://mock.invalid/klingai"
ROOT = Path(__file__).resolve().parents[2]
CLI = [sys.executable, "-c", "from kling_ext.cli import main; main()", "conformance"]
# Generous for 2 shared cores; a run that hangs on a break takes minutes, not seconds.
TIME_BOUND = 20.0

# Each break: (the check that names it, where in the spec the rule it breaks lives).
CAUGHT: dict[str, tuple[str, str]] = {
    "bad_status": ("response_schema_conformance", "/components/schemas/TaskStatus"),
    "status_outside_enum": ("task_status_known", "/components/schemas/TaskStatus/anyOf/0/enum"),
    "wrong_type": ("response_schema_conformance", "/components/schemas/Timestamp/type"),
    "task_id_empty": ("response_schema_conformance", "/components/schemas/TaskId"),
    "missing_envelope_field": ("response_schema_conformance", "/components/schemas/Task"),
    "wrong_content_type": ("content_type_conformance", "/components/responses/"),
    "html_success": ("content_type_conformance", "/components/responses/"),
    "malformed_task_result": (
        "response_schema_conformance",
        "/components/schemas/TaskResult/properties/videos/type",
    ),
    "undocumented_status": ("unknown_task_answer", "/paths/~1v1~1videos~1"),
    "unknown_id_found": ("unknown_task_answer", "/paths/~1v1~1videos~1"),
    "bare_401": ("content_type_conformance", "/components/responses/Unauthorized/content"),
    "list_not_array": (
        "response_schema_conformance",
        "/components/schemas/TaskListEnvelope/properties/data/type",
    ),
    "create_without_task_id": ("create_accepted", "/components/schemas/CreatedTask"),
}
# Breaks that only a created task shows (a default run creates nothing).
ONLY_WITH_CREATE = {"create_without_task_id"}
# Every break is in the answers of each task endpoint: probing the one the seed task is on shows
# it as well as probing all of them (which test_conformance_engine's default run does), at a
# fraction of the cost.
ONE_ENDPOINT = ["text2video"]


def seed_finished_task(gateway: MockGateway) -> None:
    """A finished task, as a real account has, so lists and queries return one."""
    with httpx.Client(
        transport=gateway.transport(), base_url=URL, headers={"Authorization": f"Bearer {KEY}"}
    ) as http:
        http.post(
            "/v1/videos/text2video",
            json={"model_name": "kling-v1", "prompt": "a seed task", "duration": "5"},
        )
        task_id = gateway.tasks[0].task_id
        for _ in range(2):  # steps clock: each query moves it one status on
            http.get(f"/v1/videos/text2video/{task_id}")


def test_every_break_is_covered_here() -> None:
    assert set(CAUGHT) == set(VIOLATIONS)


@pytest.mark.parametrize(
    ("violation", "allow_create"),
    [(name, False) for name in VIOLATIONS if name not in ONLY_WITH_CREATE]
    + [(name, True) for name in VIOLATIONS],
    ids=lambda value: value if isinstance(value, str) else "allow-create" if value else "default",
)
def test_each_break_is_caught_within_the_time_bound(violation: str, allow_create: bool) -> None:
    gateway = MockGateway(api_key=KEY, violations=[violation])
    seed_finished_task(gateway)
    started = time.monotonic()
    report = run_conformance(
        base_url=URL,
        api_key=KEY,
        transport=gateway.transport(),
        max_examples=2,
        allow_create=allow_create,
        sleep=lambda _: None,
        endpoints=ONE_ENDPOINT,
    )
    assert time.monotonic() - started < TIME_BOUND
    check, rule = CAUGHT[violation]
    text = report.render()
    assert report.exit_code == 1, text
    assert any(f.check == check and f.rule.startswith(rule) for f in report.failures), text
    for finding in report.failures:
        # Every finding is actionable: the request, the answer, a rule that exists in the
        # bundled spec, and what a client suffers.
        assert finding.request_summary
        assert finding.consequence
        assert finding.rule.startswith("/")
        _rules.node(finding.rule)
        assert finding.answer or finding.check in ("task_finished", "task_listed")
    assert "SUMMARY by rule broken" in text
    assert KEY not in text


def test_the_clean_mock_passes_with_a_created_task() -> None:
    gateway = MockGateway(api_key=KEY)
    seed_finished_task(gateway)
    report = run_conformance(
        base_url=URL,
        api_key=KEY,
        transport=gateway.transport(),
        max_examples=2,
        allow_create=True,
        endpoints=ONE_ENDPOINT,
    )
    assert report.exit_code == 0, report.render()
    assert gateway.creates_count == 2  # the seed, and exactly one by the run


@pytest.mark.parametrize("violation", ["status_outside_enum", "html_success"])
def test_the_follow_through_stops_at_once_and_leaves_the_task_id(violation: str) -> None:
    gateway = MockGateway(api_key=KEY, violations=[violation])
    report = run_conformance(
        base_url=URL,
        api_key=KEY,
        transport=gateway.transport(),
        max_examples=0,
        allow_create=True,
        timeout=3600,
        sleep=lambda _: pytest.fail("an answer that cannot get better must not be waited on"),
        endpoints=ONE_ENDPOINT,
    )
    (task,) = gateway.tasks
    assert any(task.task_id in line for line in report.created_tasks)
    assert report.exit_code == 1


# ---------------------------------------------------------------------- the time budget


class Slow(httpx.BaseTransport):
    """The mock, answering each request after a pause."""

    def __init__(self, inner: httpx.BaseTransport, pause: float) -> None:
        self.inner, self.pause = inner, pause

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        time.sleep(self.pause)
        return self.inner.handle_request(request)


def test_budget_spent_after_the_essentials_lists_what_was_not_checked(tmp_path: Path) -> None:
    transport = Slow(MockGateway(api_key=KEY).transport(), 0.02)
    out = tmp_path / "report.json"
    started = time.monotonic()
    report = run_conformance(
        base_url=URL,
        api_key=KEY,
        transport=transport,
        max_examples=500,
        max_time=3.0,
        json_path=str(out),
    )
    assert time.monotonic() - started < 3.0 + 2.0
    assert report.exit_code == 0, report.render()
    assert "time budget" in (report.stopped or "")
    assert any("generated cases" in name for name in report.not_reached)
    assert "NOT CHECKED" in report.render()
    written = json.loads(out.read_text())
    jsonschema_rs.validate(dict(JSON_SCHEMA), written)
    assert written["not_reached"] == report.not_reached


def test_budget_spent_before_the_essentials_could_not_run() -> None:
    transport = Slow(MockGateway(api_key=KEY).transport(), 0.3)
    report = run_conformance(base_url=URL, api_key=KEY, transport=transport, max_time=1.0)
    assert report.exit_code == 3
    assert report.could_not_run
    assert any("unknown id" in name for name in report.not_reached)


# ---------------------------------------------------------------------- derived from the spec


def test_an_endpoint_added_to_the_spec_alone_is_probed(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = copy.deepcopy(dict(_engine.load_spec()))
    paths = spec["paths"] = dict(spec["paths"])
    for suffix in ("", "/{id}"):
        item = copy.deepcopy(paths[f"/v1/videos/text2video{suffix}"])
        for operation in item.values():
            operation["operationId"] = operation["operationId"].replace("text2video", "new_kind")
        paths[f"/v1/videos/new-kind{suffix}"] = item
    for module in (_engine, _exchange, _rules):
        monkeypatch.setattr(module, "load_spec", lambda: spec)
    _rules.known_statuses.cache_clear()
    try:
        report = run_conformance(
            base_url=URL,
            api_key=KEY,
            transport=MockGateway(api_key=KEY).transport(),
            max_examples=1,
        )
    finally:
        _rules.known_statuses.cache_clear()
    probed = {(r.operation, r.probe) for r in report.results}
    assert ("GET /v1/videos/new-kind/{id}", "unknown id") in probed
    assert ("GET /v1/videos/new-kind", "default page") in probed
    assert ("GET /v1/videos/new-kind", "generated cases") in probed


# ---------------------------------------------------------------------- packaging


def test_the_conformance_extra_declares_every_package_it_imports() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = {
        spec.split("[")[0].split("=")[0].split(">")[0].split("<")[0].strip().lower()
        for spec in [*project["dependencies"], *project["optional-dependencies"]["conformance"]]
    }
    imported: set[str] = set()
    for source in (ROOT / "kling_ext" / "conformance").glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text())):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    distributions = packages_distributions()
    third_party = {
        dist.lower()
        for module in imported - set(sys.stdlib_module_names) - {"kling_ext"}
        for dist in distributions.get(module, [module])
    }
    assert third_party <= declared, third_party - declared


def test_the_readme_describes_the_command_as_it_is() -> None:
    import click

    from kling_ext.cli._conformance import conformance
    from kling_ext.mock import BREAKS

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Conformance suite")[1].split("\n## ")[0]
    options = {p.name: p for p in conformance.params if isinstance(p, click.Option)}
    for name in ("allow_create", "probe_creates", "max_time", "timeout", "junit", "json_path"):
        assert options[name].opts[0] in section
    assert f"default {options['max_time'].default:.0f} s" in section
    assert f"default {options['timeout'].default:.0f} s" in section
    mock_section = readme.split("## Mock gateway")[1].split("\n## ")[0]
    assert "--break" in mock_section
    assert sum(name in mock_section for name in BREAKS) >= 2
