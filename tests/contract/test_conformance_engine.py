"""`run_conformance` and `kling conformance` against the mock gateway: quiet on a conformant one,
loud and specific on deliberate contract violations, and never leaking the key.

The proof of power against every switchable break, and against gateways written apart from the
project, is in test_conformance_power.py.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import httpx
import jsonschema_rs
import pytest

from kling_ext._spec import calls, endpoint, endpoints
from kling_ext.conformance import JSON_SCHEMA, ConformanceReport, run_conformance
from kling_ext.conformance._requests import NO_SUCH_MODEL
from kling_ext.mock import MockGateway, RunningServer

# A key that is easy to spot if any output leaked it.
KEY = "sk-conformance-test-0123456789abcdef"
TRANSPORT_URL = "http://mock.invalid/klingai"
# Few generated cases: the fixed probes already reach every violation; this keeps the suite fast.
FAST = 3
CLI = [sys.executable, "-c", "from kling_ext.cli import main; main()", "conformance"]

# What a violation must be reported as: the endpoint probed (one shows it as well as all, which
# the default run's test covers), the operation and a recognisable detail.
EXPECTED: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "bad_status": (
        "text2video",
        "GET /v1/videos/text2video",
        ("$.data[0].task_status", "the value 7"),
    ),
    "undocumented_status": (
        "image2video",
        "GET /v1/videos/image2video/{id}",
        ("unknown_task_answer", "HTTP 418"),
    ),
}


def seed_finished_task(gateway: MockGateway) -> str:
    """A finished text2video task, as a real account has, so lists and queries return tasks."""
    with httpx.Client(
        transport=gateway.transport(),
        base_url=TRANSPORT_URL,
        headers={"Authorization": f"Bearer {KEY}"},
    ) as http:
        seed = {"model_name": "kling-v1", "prompt": "a seed task", "duration": "5"}
        task_id: str = http.post("/v1/videos/text2video", json=seed).json()["data"]["task_id"]
        for _ in range(2):  # steps clock: each query moves it one status on
            http.get(f"/v1/videos/text2video/{task_id}")
    return task_id


@pytest.fixture
def served() -> Iterator[tuple[MockGateway, RunningServer]]:
    gateway = MockGateway(api_key=KEY)
    with gateway.serve() as server:
        yield gateway, server


def parse_junit(path: Path) -> ET.Element:
    # The file was written by the code under test a moment ago, not by an untrusted party.
    return ET.parse(path).getroot()  # noqa: S314


def assert_no_key(*texts: str) -> None:
    for text in texts:
        assert KEY not in text
        assert KEY[-12:] not in text


# ---------------------------------------------------------------------- the conformant mock


def test_default_run_against_served_mock_is_clean_fast_and_free(
    served: tuple[MockGateway, RunningServer], tmp_path: Path
) -> None:
    gateway, server = served
    seed_finished_task(gateway)
    junit = tmp_path / "conformance.xml"
    as_json = tmp_path / "conformance.json"
    lines: list[str] = []
    started = time.monotonic()
    report = run_conformance(
        base_url=server.base_url,
        api_key=KEY,
        junit_path=str(junit),
        json_path=str(as_json),
        on_progress=lines.append,
    )
    elapsed = time.monotonic() - started

    assert report.failures == [], report.render()
    assert report.leniency == [], report.render()
    assert report.ok
    assert elapsed < 60
    # No credits: not one create request reached the gateway besides the seed's.
    assert gateway.creates_count == 1
    assert len(gateway.tasks) == 1
    assert report.created_tasks == []
    assert report.not_reached == []
    assert report.exit_code == 0
    assert report.checked > 300
    assert report.requests > 150
    assert lines  # progress was reported
    text = report.render()
    assert "Result: PASSED" in text
    assert_no_key(text, *lines, junit.read_text(), as_json.read_text())
    written = json.loads(as_json.read_text())
    jsonschema_rs.validate(dict(JSON_SCHEMA), written)
    assert (written["result"], written["exit_code"], written["findings"]) == ("passed", 0, [])

    suites = parse_junit(junit)
    cases = suites.findall(".//testcase")
    assert len(cases) == report.checked
    assert suites.get("failures") == "0"
    names = {f"{c.get('classname')} | {c.get('name')}" for c in cases}
    assert "GET /v1/videos/text2video/{id} | unknown id: unknown_task_answer" in names
    # The auth probes go to a task list and query (the first in the spec), not to a call.
    task_reads = {f"GET {ep.path}{end}" for ep in endpoints().values() for end in ("", "/{id}")}
    authed = {name.split(" | ")[0] for name in names if name.endswith("no key: auth_rejected")}
    assert authed
    assert authed <= task_reads
    # No create body to a task endpoint (only synchronous calls get bodies they must refuse).
    assert not any(
        name.startswith(f"POST {ep.path} ") for ep in endpoints().values() for name in names
    )
    assert "GET /v1/videos/text2video/{id} | listed task by task_id: listed_task_found" in names


def test_allow_create_through_transport_follows_one_task_to_its_video(tmp_path: Path) -> None:
    gateway = MockGateway(api_key=KEY)
    junit = tmp_path / "create.xml"
    report = run_conformance(
        base_url=TRANSPORT_URL,
        api_key=KEY,
        transport=gateway.transport(),
        allow_create=True,
        max_examples=FAST,
        junit_path=str(junit),
    )

    assert report.ok, report.render()
    assert report.failures == []
    # Exactly one task, the cheapest the spec allows, marked as the tool's own.
    (task,) = gateway.tasks
    assert task.status == "succeed"
    assert task.body["model_name"] == "kling-v1"
    assert task.body["mode"] == "std"
    assert task.body["duration"] == "5"
    assert task.body["prompt"] == "kling-ext conformance check: a calm sea"
    assert task.external_task_id is not None
    assert task.external_task_id.startswith("kling-ext-conformance-")
    assert task.queries >= 2  # by task_id and by external_task_id
    assert any(task.task_id in line for line in report.created_tasks)
    names = {c.get("name") for c in parse_junit(junit).iter("testcase")}
    assert {
        "create one task: create_accepted",
        "created task running, by task_id: response_schema_conformance",
        "created task finished, by external_task_id: response_schema_conformance",
        "created task finishes: task_finished",
        "created task listed: task_listed",
        "video download: video_downloads",
    } <= names


def test_allow_create_against_served_mock(served: tuple[MockGateway, RunningServer]) -> None:
    gateway, server = served
    report = run_conformance(
        base_url=server.base_url,
        api_key=KEY,
        allow_create=True,
        max_examples=FAST,
        endpoints=["text2video"],
    )
    assert report.ok, report.render()
    assert len(gateway.tasks) == 1


def test_slow_task_is_polled_within_bounds_and_times_out_without_hanging() -> None:
    # A task needing 50 queries per status never finishes within the 3 s timeout given here.
    gateway = MockGateway(api_key=KEY, steps=50)
    sleeps: list[float] = []
    report = run_conformance(
        base_url=TRANSPORT_URL,
        api_key=KEY,
        transport=gateway.transport(),
        allow_create=True,
        max_examples=0,
        timeout=3.0,
        sleep=sleeps.append,
    )
    assert sleeps
    assert all(1.0 <= delay <= 5.0 for delay in sleeps)
    (finding,) = report.failures
    assert finding.check == "task_finished"
    assert "still" in finding.detail


# ---------------------------------------------------------------------- violations


def test_violations_are_caught_on_the_created_task_too() -> None:
    # A fresh account has no tasks to list; --allow-create then shows the broken task object.
    gateway = MockGateway(api_key=KEY, violations=["bad_status"])
    report = run_conformance(
        base_url=TRANSPORT_URL,
        api_key=KEY,
        transport=gateway.transport(),
        allow_create=True,
        max_examples=0,
        sleep=lambda _: pytest.fail("an unreadable status must not be polled"),
    )
    checks = {(f.operation, f.check) for f in report.failures}
    assert ("POST /v1/videos/text2video", "response_schema_conformance") in checks
    assert ("GET /v1/videos/text2video/{id}", "task_finished") in checks
    assert report.exit_code == 1


# ---------------------------------------------------------------------- leniency


class LenientTransport(httpx.BaseTransport):
    """A gateway that ignores an unknown model (uses its default) instead of refusing it."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner = inner

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.method == "POST" and NO_SUCH_MODEL.encode() in request.read():
            body = json.loads(request.content)
            # model_name is required on the wire: a lenient gateway puts its default model there.
            body["model_name"] = endpoint(request.url.path).defaults["model_name"]
            headers = {k: v for k, v in request.headers.items() if k.lower() != "content-length"}
            request = httpx.Request("POST", request.url, headers=headers, json=body)
        return self.inner.handle_request(request)


@pytest.mark.parametrize("strict", [False, True])
def test_accepted_forbidden_input_is_leniency_and_names_the_created_task(strict: bool) -> None:
    gateway = MockGateway(api_key=KEY)
    report = run_conformance(
        base_url=TRANSPORT_URL,
        api_key=KEY,
        transport=LenientTransport(gateway.transport()),
        max_examples=0,
        strict=strict,
        probe_creates=True,
        allow_create=True,
    )

    assert report.failures == [], report.render()
    assert report.ok is not strict
    created = {task.task_id for task in gateway.tasks}
    # The first accepted probe stops every further create, --allow-create's included.
    assert len(created) == 1
    assert {f.task_id for f in report.leniency} == created
    assert any("create refusal probes (not sent" in name for name in report.not_reached)
    assert any("--allow-create task (not sent" in name for name in report.not_reached)
    assert {f.check for f in report.leniency} == {"rejects_invalid_input"}
    text = report.render()
    assert "LENIENCY" in text
    for task_id in created:
        assert f"A TASK MAY HAVE BEEN CREATED: task_id {task_id}" in text
        assert any(task_id in line for line in report.created_tasks)
    assert NO_SUCH_MODEL in text  # the request body is shown


class RefusesWith200Transport(httpx.BaseTransport):
    """A gateway that refuses bad creates with HTTP 200 and an error code in the envelope."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner = inner

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        if request.method == "POST" and response.status_code == 400:
            return httpx.Response(200, headers=response.headers, content=response.read())
        return response


def test_a_refusal_sent_as_http_200_is_a_failure_not_leniency() -> None:
    gateway = MockGateway(api_key=KEY)
    report = run_conformance(
        base_url=TRANSPORT_URL,
        api_key=KEY,
        transport=RefusesWith200Transport(gateway.transport()),
        max_examples=0,
        probe_creates=True,
    )
    assert gateway.tasks == []
    assert report.leniency == []
    assert report.created_tasks == []
    error_status = [f for f in report.failures if f.check == "error_status"]
    # Every POST of the spec: each task endpoint's create, and each synchronous POST.
    paths = [ep.path for ep in endpoints().values()]
    paths += [call.path for call in calls().values() if call.method == "POST"]
    assert {f.operation for f in error_status} == {f"POST {path}" for path in paths}
    assert all("HTTP 200 with error code 120" in f.detail for f in error_status)
    assert {f.rule for f in error_status} == {
        f"/paths/{path.replace('/', '~1')}/post/responses/400" for path in paths
    }


# ---------------------------------------------------------------------- robustness


def test_unreachable_gateway_ends_quickly_and_could_not_run() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    # Nothing listens on the port once the socket is closed.
    started = time.monotonic()
    report = run_conformance(base_url=f"http://127.0.0.1:{port}/klingai", api_key=KEY)
    assert time.monotonic() - started < 10
    assert not report.ok
    assert report.exit_code == 3
    assert report.requests == 1
    # An unreachable gateway is why the run could not run, not an answer that breaks the spec.
    assert report.failures == []
    assert all(not result.findings for result in report.results)
    assert "ConnectError" in (report.stopped or "")
    assert "stopped answering" in (report.stopped or "")
    text = report.render()
    assert "COULD NOT RUN" in text
    assert "FAILURES" not in text
    assert "0 failure(s)" in text


def test_report_is_plain_data() -> None:
    report = ConformanceReport(base_url="http://x", strict=True)
    assert report.ok
    assert "Result: PASSED" in report.render()


def test_rejects_a_base_url_that_is_not_http() -> None:
    with pytest.raises(ValueError, match="http"):
        run_conformance(base_url="ftp://example.com", api_key=KEY)


# ---------------------------------------------------------------------- the CLI


def cli_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("KLING_API_KEY", "API_KEY")}
    env.pop("KLING_BASE_URL", None)
    env.update(extra)
    return env


def run_cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - our own interpreter and module
        [*CLI, *args], capture_output=True, text=True, env=cli_env(**env), timeout=120, check=False
    )


def test_cli_exit_0_on_the_conformant_mock(served: tuple[MockGateway, RunningServer]) -> None:
    _, server = served
    done = run_cli(
        *("--base-url", server.base_url, "--api-key", KEY, "--max-examples", "5"),
        *("--endpoint", "text2video", "--endpoint", "/v1/videos/identify-face"),
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Result: PASSED" in done.stdout
    assert "ONLY these endpoints were asked for: text2video, identify-face;" in done.stdout
    assert "were NOT probed" in done.stdout
    assert "ENDPOINTS probed (2):" in done.stdout
    assert "identify-face (/v1/videos/identify-face: call (POST))" in done.stdout
    assert "/v1/videos/image2video" not in done.stdout
    assert_no_key(done.stdout, done.stderr)


def test_cli_reads_the_key_from_the_environment(
    served: tuple[MockGateway, RunningServer], tmp_path: Path
) -> None:
    _, server = served
    junit = tmp_path / "cli.xml"
    as_json = tmp_path / "cli.json"
    done = run_cli(
        *("--max-examples", "0", "--junit", str(junit), "--json", str(as_json)),
        *("--endpoint", "text2video"),
        KLING_BASE_URL=server.base_url,
        API_KEY=KEY,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert parse_junit(junit).tag == "testsuites"
    written = json.loads(as_json.read_text())
    jsonschema_rs.validate(dict(JSON_SCHEMA), written)
    assert written["base_url"] == server.base_url
    assert_no_key(done.stdout, done.stderr, junit.read_text(), as_json.read_text())


@pytest.mark.parametrize("violation", ["bad_status", "undocumented_status"])
def test_cli_exit_1_names_the_violation(violation: str) -> None:
    gateway = MockGateway(api_key=KEY, violations=[violation])
    seed_finished_task(gateway)
    with gateway.serve() as server:
        only, operation, details = EXPECTED[violation]
        done = run_cli(
            *("--base-url", server.base_url, "--max-examples", "3", "--endpoint", only),
            KLING_API_KEY=KEY,
        )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Result: FAILED" in done.stdout
    assert operation in done.stdout
    assert all(d in done.stdout for d in details), done.stdout
    assert_no_key(done.stdout, done.stderr)


def test_cli_strict_fails_on_leniency_only_with_the_flag() -> None:
    # Leniency cannot be produced by the mock alone; the library test above covers the report,
    # this one the exit status mapping through `report.ok`.
    gateway = MockGateway(api_key=KEY)
    with gateway.serve() as server:
        done = run_cli(
            *("--base-url", server.base_url, "--max-examples", "0", "--strict"),
            *("--endpoint", "text2video"),
            KLING_API_KEY=KEY,
        )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "strict" in done.stdout


def test_cli_without_a_key_exits_2() -> None:
    done = run_cli("--base-url", "http://127.0.0.1:9/klingai")
    assert done.returncode == 2
    assert "API key" in done.stderr
    assert "KLING_API_KEY" in done.stderr


def test_cli_with_a_bad_url_exits_2() -> None:
    done = run_cli("--base-url", "127.0.0.1:9", "--api-key", KEY)
    assert done.returncode == 2
    assert "http://" in done.stderr
    assert_no_key(done.stdout, done.stderr)


def test_cli_module_does_not_import_schemathesis() -> None:
    code = (
        "import sys; import kling_ext.cli._conformance; "
        "assert 'schemathesis' not in sys.modules and 'hypothesis' not in sys.modules"
    )
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


def test_cli_without_the_extra_prints_the_install_hint() -> None:
    # `sys.modules[name] = None` makes `import name` raise ImportError, as if not installed.
    code = (
        "import sys; sys.modules['schemathesis'] = None; "
        "from kling_ext.cli import main; "
        f"sys.argv = ['kling', 'conformance', '--api-key', {KEY!r}]; main()"
    )
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, env=cli_env()
    )
    assert done.returncode == 2, done.stderr
    assert "pip install 'kling-ext[conformance]'" in done.stderr
    assert_no_key(done.stdout, done.stderr)


# ---------------------------------------------------------------------- --endpoint


def test_a_run_limited_to_some_endpoints_probes_those_alone_and_says_so(tmp_path: Path) -> None:
    gateway = MockGateway(api_key=KEY)
    seed_finished_task(gateway)
    as_json = tmp_path / "only.json"
    report = run_conformance(
        base_url=TRANSPORT_URL,
        api_key=KEY,
        transport=gateway.transport(),
        max_examples=1,
        json_path=str(as_json),
        # A name, a Python name, and a spec path as the gateway's URL shows it.
        endpoints=["text2video", "identify_face", "/klingai/v1/videos/image2video/{id}"],
    )
    assert report.exit_code == 0, report.render()
    probed = {r.operation.split(" ", 1)[1].removesuffix("/{id}") for r in report.results}
    assert probed == {"/v1/videos/text2video", "/v1/videos/identify-face", "/v1/videos/image2video"}
    # The essentials still run on what was asked for: the key probes, the unknown ids.
    operations = {(r.operation, r.probe) for r in report.results}
    assert {probe for _, probe in operations} >= {"no key", "bad key", "unknown id"}
    assert ("GET /v1/videos/text2video/{id}", "unknown id") in operations
    assert report.selected_endpoints == ["text2video", "identify-face", "image2video"]
    assert "omni-video" in report.endpoints_not_probed
    assert "account-costs" in report.endpoints_not_probed
    assert "text2video" not in report.endpoints_not_probed
    everything = len(endpoints()) + len(calls())
    assert len(report.endpoints_not_probed) == everything - 3
    text = report.render()
    assert (
        "ONLY these endpoints were asked for: text2video, identify-face, image2video; the other "
        f"{everything - 3} endpoint(s) of the spec were NOT probed"
    ) in text
    written = json.loads(as_json.read_text())
    jsonschema_rs.validate(dict(JSON_SCHEMA), written)
    assert written["selected_endpoints"] == ["text2video", "identify-face", "image2video"]
    assert "omni-video" in written["endpoints_not_probed"]


def test_a_run_of_one_synchronous_call_checks_its_refusals_alone() -> None:
    gateway = MockGateway(api_key=KEY)
    report = run_conformance(
        base_url=TRANSPORT_URL,
        api_key=KEY,
        transport=gateway.transport(),
        endpoints=["identify-face"],
    )
    assert report.exit_code == 0, report.render()
    assert report.requests > 0
    assert {r.operation for r in report.results} == {"POST /v1/videos/identify-face"}


def test_the_default_run_says_nothing_of_a_selection() -> None:
    report = ConformanceReport(base_url=TRANSPORT_URL)
    assert report.selected_endpoints is None
    assert "ONLY" not in report.render()
    assert report.to_json()["selected_endpoints"] is None


@pytest.mark.parametrize("bad", [["text-2-video"], []])
def test_an_unknown_or_empty_selection_is_refused_before_any_request(bad: list[str]) -> None:
    sent: list[httpx.Request] = []
    transport = httpx.MockTransport(lambda request: sent.append(request) or httpx.Response(500))
    with pytest.raises(ValueError, match="known: .*text2video" if bad else "empty") as caught:
        run_conformance(base_url=TRANSPORT_URL, api_key=KEY, transport=transport, endpoints=bad)
    if bad:
        assert "'text-2-video'" in str(caught.value)
        assert "identify-face" in str(caught.value)
    assert sent == []


def test_cli_unknown_endpoint_exits_2_naming_the_known_ones() -> None:
    done = run_cli(
        *("--base-url", "http://127.0.0.1:9/klingai", "--api-key", KEY),
        *("--endpoint", "text2video", "--endpoint", "no-such-thing"),
    )
    assert done.returncode == 2, done.stdout + done.stderr
    assert "--endpoint: unknown endpoint 'no-such-thing'; known: " in done.stderr
    assert "text2video" in done.stderr
    assert "identify-face" in done.stderr
    assert "Traceback" not in done.stderr
    assert_no_key(done.stdout, done.stderr)


def test_cli_allow_create_needs_text2video_among_the_endpoints() -> None:
    done = run_cli(
        *("--base-url", "http://127.0.0.1:9/klingai", "--api-key", KEY),
        *("--endpoint", "image2video", "--allow-create"),
    )
    assert done.returncode == 2, done.stdout + done.stderr
    assert "add --endpoint text2video" in done.stderr
