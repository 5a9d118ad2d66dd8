"""`kling conformance` against gateways scripted here, apart from the project's mock: its money
and key promises hold whatever the gateway accepts, and a hanging gateway cannot outlast the
budget.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable

import pytest
from hostile_server import Answer, Drop, Hang, HostileServer, Seen, envelope

from kling_ext._spec import endpoints
from kling_ext.conformance import run_conformance
from kling_ext.conformance._requests import NOT_JSON

Start = Callable[[Callable[[Seen], object]], HostileServer]
KEY = "sk-hostile-conformance-0123456789abcdef"
CLI = [sys.executable, "-c", "from kling_ext.cli import main; main()", "conformance"]


TASK_PATHS = {f"/klingai{ep.path}" for ep in endpoints().values()}


def task_creates(server: HostileServer) -> list[Seen]:
    """The POSTs to task endpoints; any other POST (a synchronous call's validation probe) may
    only carry a body with nothing to act on."""
    others = [seen for seen in server.requests_to("POST") if seen.path not in TASK_PATHS]
    assert all(seen.body in (b"{}", NOT_JSON) for seen in others), others
    return [seen for seen in server.requests_to("POST") if seen.path in TASK_PATHS]


def lenient(seen: Seen) -> Answer:
    """Accepts every create, whatever its body; knows one task, which has failed."""
    if seen.method == "POST":
        return envelope({"task_id": "t-1", "task_status": "submitted"})
    ident = seen.path.removeprefix("/klingai/v1/videos/").partition("/")[2]
    if ident in ("t-1",) or (ident.startswith("kling-ext-conformance-") and "missing" not in ident):
        return envelope({"task_id": "t-1", "task_status": "failed", "task_status_msg": "no"})
    if ident:
        return envelope(None, code=1201, message="Task not found", status=400)
    return envelope([])


def test_a_default_run_sends_no_create_to_a_gateway_that_accepts_every_create(
    hostile: Start,
) -> None:
    server = hostile(lenient)
    report = run_conformance(base_url=server.base_url, api_key=KEY, max_examples=3)
    assert task_creates(server) == []
    assert report.created_tasks == []
    assert len(server.seen) == report.requests > 20


def test_probe_creates_stops_at_the_first_create_accepted(hostile: Start) -> None:
    server = hostile(lenient)
    report = run_conformance(
        base_url=server.base_url, api_key=KEY, max_examples=0, probe_creates=True
    )
    assert len(task_creates(server)) == 1
    assert len(report.created_tasks) == 1
    assert any("not sent" in name for name in report.not_reached)


@pytest.mark.parametrize("probe_creates", [False, True])
def test_allow_create_sends_exactly_one_create_whatever_the_gateway_accepts(
    hostile: Start, probe_creates: bool
) -> None:
    server = hostile(lenient)
    report = run_conformance(
        base_url=server.base_url,
        api_key=KEY,
        max_examples=0,
        allow_create=True,
        probe_creates=probe_creates,
        sleep=lambda _: None,
    )
    assert len(task_creates(server)) == 1
    assert len(report.created_tasks) == 1


REFUSALS: dict[str, Answer] = {
    "401 envelope": envelope(None, code=1002, message="Authorization is invalid", status=401),
    "401 bare": Answer(401, b"Unauthorized", {"Content-Type": "text/plain"}),
    "403": envelope(None, code=1103, message="Unauthorized access", status=403),
    "code 1004 under 200": envelope(None, code=1004, message="Authorization token has expired"),
}


@pytest.mark.parametrize("refusal", list(REFUSALS))
def test_a_refused_key_stops_the_run_at_the_first_answer(hostile: Start, refusal: str) -> None:
    server = hostile(lambda seen: REFUSALS[refusal])
    report = run_conformance(base_url=server.base_url, api_key=KEY, max_examples=5)
    assert len(server.seen) == 1
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
    hostile: Start, args: list[str], env: dict[str, str], source: str
) -> None:
    server = hostile(lambda seen: REFUSALS["401 envelope"])
    done = subprocess.run(  # noqa: S603 - our own interpreter and module
        [*CLI, "--base-url", server.base_url, *args],
        capture_output=True,
        text=True,
        env=cli_env(**env),
        timeout=120,
        check=False,
    )
    assert done.returncode == 3, done.stdout + done.stderr
    assert len(server.seen) == 1
    assert f"API key from {source} (sk-…cdef)" in done.stderr
    assert done.stdout == ""
    assert KEY not in done.stdout + done.stderr


def test_a_hanging_gateway_cannot_outlast_the_budget(hostile: Start) -> None:
    server = hostile(lambda seen: Hang(seconds=30))
    started = time.monotonic()
    report = run_conformance(base_url=server.base_url, api_key=KEY, max_time=2.0)
    assert time.monotonic() - started < 2.0 + 3.0
    assert report.exit_code == 3
    assert report.could_not_run
    assert report.not_reached


def test_a_gateway_that_stops_answering_midway_could_not_be_checked(hostile: Start) -> None:
    def tired(seen: Seen) -> object:
        return lenient(seen) if len(server.seen) <= 30 else Drop()

    server = hostile(tired)
    report = run_conformance(base_url=server.base_url, api_key=KEY, max_examples=5)
    assert report.exit_code == 3
    assert "stopped answering" in (report.stopped or "")
    assert report.not_reached
    assert len(server.seen) <= 30 + 4  # three unanswered requests end it (and one replay)
    assert not [f for f in report.failures if f.check == "answered"], "the outage is no finding"
