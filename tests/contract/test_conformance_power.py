"""Proof of power: `kling conformance` catches every switchable break of the mock, quickly, and
keeps its promises against gateways written here, apart from the project (plain http.server):
a default run sends no create body to a gateway that accepts every create, --allow-create
sends exactly one, and a refused key stops the run at the first answer that says so.
"""

from __future__ import annotations

import ast
import copy
import json
import os
import subprocess
import sys
import threading
import time
import tomllib
from collections import Counter
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.metadata import packages_distributions
from pathlib import Path
from typing import Any

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
    "task_id_number": (
        "response_schema_conformance",
        "/components/schemas/Task/properties/task_id",
    ),
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


def seed_finished_task(gateway: MockGateway) -> None:
    """A finished task, as a real account has, so lists and queries return one."""
    with httpx.Client(
        transport=gateway.transport(), base_url=URL, headers={"Authorization": f"Bearer {KEY}"}
    ) as http:
        http.post("/v1/videos/text2video", json={"prompt": "a seed task"})
        task_id = gateway.tasks[0].task_id
        for _ in range(2):  # steps clock: each query moves it one status on
            http.get(f"/v1/videos/text2video/{task_id}")


def test_every_break_is_covered_here() -> None:
    assert set(CAUGHT) == set(VIOLATIONS)


@pytest.mark.parametrize("allow_create", [False, True], ids=["default", "allow-create"])
@pytest.mark.parametrize("violation", VIOLATIONS)
def test_each_break_is_caught_within_the_time_bound(violation: str, allow_create: bool) -> None:
    if violation in ONLY_WITH_CREATE and not allow_create:
        pytest.skip("only a created task shows this break")
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
        base_url=URL, api_key=KEY, transport=gateway.transport(), max_examples=2, allow_create=True
    )
    assert report.exit_code == 0, report.render()
    assert gateway.creates_count == 2  # the seed, and exactly one by the run


@pytest.mark.parametrize("violation", ["status_outside_enum", "html_success", "task_id_number"])
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
    )
    (task,) = gateway.tasks
    assert any(task.task_id in line for line in report.created_tasks)
    assert report.exit_code == 1


# ---------------------------------------------------------------------- gateways written here


class Gateway:
    """A tiny HTTP gateway written for these tests, apart from the project's mock."""

    def __init__(self, answer: Callable[[str, str], tuple[int, str, bytes]]) -> None:
        self.answer = answer
        self.seen: list[tuple[str, str]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def _reply(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                outer.seen.append((self.command, self.path))
                status, content_type, body = outer.answer(self.command, self.path)
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _reply

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/klingai"

    def posts(self) -> int:
        return Counter(method for method, _ in self.seen)["POST"]

    def __enter__(self) -> Gateway:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def envelope(
    code: int, message: str, data: Any = None, status: int = 200
) -> tuple[int, str, bytes]:
    body = {"code": code, "message": message, "request_id": "r-1"}
    if data is not None:
        body["data"] = data
    return status, "application/json", json.dumps(body).encode()


def lenient(method: str, path: str) -> tuple[int, str, bytes]:
    """Accepts every create, whatever its body; knows one task, which fails at once."""
    if method == "POST":
        return envelope(0, "ok", {"task_id": "t-1", "task_status": "submitted"})
    if path.endswith("/t-1") or "external" in path:
        return envelope(0, "ok", {"task_id": "t-1", "task_status": "failed"})
    if path.count("/") > 4:  # a query by id: unknown
        return envelope(1201, "Task not found", status=400)
    return envelope(0, "ok", [])


@pytest.fixture
def lenient_gateway() -> Iterator[Gateway]:
    with Gateway(lenient) as gateway:
        yield gateway


def test_a_default_run_sends_no_create_to_a_gateway_that_accepts_every_create(
    lenient_gateway: Gateway,
) -> None:
    report = run_conformance(base_url=lenient_gateway.base_url, api_key=KEY, max_examples=3)
    assert lenient_gateway.posts() == 0
    assert report.created_tasks == []
    assert len(lenient_gateway.seen) == report.requests > 20


def test_probe_creates_stops_at_the_first_create_accepted(lenient_gateway: Gateway) -> None:
    report = run_conformance(
        base_url=lenient_gateway.base_url, api_key=KEY, max_examples=0, probe_creates=True
    )
    assert lenient_gateway.posts() == 1
    assert len(report.created_tasks) == 1
    assert any("not sent" in name for name in report.not_reached)


@pytest.mark.parametrize("probe_creates", [False, True])
def test_allow_create_sends_exactly_one_create_whatever_the_gateway_accepts(
    lenient_gateway: Gateway, probe_creates: bool
) -> None:
    report = run_conformance(
        base_url=lenient_gateway.base_url,
        api_key=KEY,
        max_examples=0,
        allow_create=True,
        probe_creates=probe_creates,
        sleep=lambda _: None,
    )
    assert lenient_gateway.posts() == 1
    assert len(report.created_tasks) == 1


REFUSALS: dict[str, tuple[int, str, bytes]] = {
    "401 envelope": envelope(1002, "Authorization is invalid", status=401),
    "401 bare": (401, "text/plain", b"Unauthorized"),
    "403": envelope(1103, "Unauthorized access to requested resource", status=403),
    "code 1004 under 200": envelope(1004, "Authorization token has expired"),
}


@pytest.mark.parametrize("refusal", list(REFUSALS))
def test_a_refused_key_stops_the_run_at_the_first_answer(refusal: str) -> None:
    with Gateway(lambda method, path: REFUSALS[refusal]) as gateway:
        report = run_conformance(base_url=gateway.base_url, api_key=KEY, max_examples=5)
    assert len(gateway.seen) == 1
    assert report.key_refused
    assert report.exit_code == 3
    assert report.failures == []
    assert "sk-…cdef" in (report.stopped or "")
    assert "the api_key argument" in (report.stopped or "")
    assert KEY not in report.render()


def cli_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("KLING_API_KEY", "API_KEY")}
    env.pop("KLING_BASE_URL", None)
    return {**env, **extra}


@pytest.mark.parametrize(
    ("args", "env", "source"),
    [
        (["--api-key", KEY], {}, "--api-key"),
        ([], {"KLING_API_KEY": KEY}, "KLING_API_KEY"),
        ([], {"API_KEY": KEY}, "API_KEY"),
    ],
)
def test_cli_refused_key_one_message_naming_its_source_exit_3(
    args: list[str], env: dict[str, str], source: str
) -> None:
    with Gateway(lambda method, path: REFUSALS["401 envelope"]) as gateway:
        done = subprocess.run(  # noqa: S603 - our own interpreter and module
            [*CLI, "--base-url", gateway.base_url, *args],
            capture_output=True,
            text=True,
            env=cli_env(**env),
            timeout=120,
            check=False,
        )
    assert done.returncode == 3, done.stdout + done.stderr
    assert len(gateway.seen) == 1
    assert f"API key from {source} (sk-…cdef)" in done.stderr
    assert done.stdout == ""
    assert KEY not in done.stdout + done.stderr


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
