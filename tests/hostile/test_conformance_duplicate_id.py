"""`kling conformance --allow-create --probe-duplicate-id`: does the gateway refuse a repeated
external_task_id (as it must for "never pays twice" to be absolute)? Opt-in, and it says it may pay.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable
from typing import Any

import pytest
from hostile_server import HostileServer, Seen, envelope

from kling_ext._spec import endpoints
from kling_ext.conformance import run_conformance

Start = Callable[[Callable[[Seen], object]], HostileServer]
KEY = "sk-hostile-conformance-0123456789abcdef"
CLI = [sys.executable, "-c", "from kling_ext.cli import main; main()", "conformance"]
CHECK = "duplicate_external_id_refused"


def task_creates_of(seen: list[Seen]) -> list[Seen]:
    """The POSTs to task endpoints (synchronous calls get bodiless validation probes besides)."""
    paths = {f"/klingai{ep.path}" for ep in endpoints().values()}
    return [one for one in seen if one.method == "POST" and one.path in paths]


def task_creates(server: HostileServer) -> list[Seen]:
    """The creates the server saw."""
    return task_creates_of(server.requests_to("POST"))


class Gateway:
    """Stores creates by external_task_id; refuses a repeated one only if `refuses`."""

    def __init__(self, *, refuses: bool) -> None:
        self.refuses = refuses
        self.tasks: dict[str, str] = {}  # external_task_id -> task_id
        self.lock = threading.Lock()

    def __call__(self, seen: Seen) -> object:
        if seen.method == "POST" and seen not in task_creates_of([seen]):
            # A synchronous call's validation probe ({} or not JSON): refused, as it must be.
            return envelope(None, code=1201, message="invalid request body", status=400)
        if seen.method == "POST":
            body: Any = seen.json()
            external = body.get("external_task_id") if isinstance(body, dict) else None
            with self.lock:
                if self.refuses and external in self.tasks:
                    return envelope(
                        None, code=1201, message="external_task_id already exists", status=400
                    )
                task_id = f"t-{len(self.tasks) + 1}"
                self.tasks[f"{external}#{task_id}" if external in self.tasks else external] = (
                    task_id
                )
            return envelope({"task_id": task_id, "task_status": "submitted"})
        ident = seen.path.removeprefix("/klingai/v1/videos/").partition("/")[2]
        if not ident:
            return envelope([])
        for external, task_id in list(self.tasks.items()):
            if ident in (task_id, external):
                info = {"external_task_id": external.partition("#")[0]}
                return envelope({"task_id": task_id, "task_status": "failed", "task_info": info})
        return envelope(None, code=1201, message=f"Task not found: {ident}", status=400)


def _run(server: HostileServer) -> Any:
    return run_conformance(
        base_url=server.base_url,
        api_key=KEY,
        max_examples=0,
        allow_create=True,
        probe_duplicate_id=True,
        sleep=lambda _: None,
    )


def test_a_gateway_that_accepts_a_repeated_id_is_reported_with_the_second_task(
    hostile: Start,
) -> None:
    server = hostile(Gateway(refuses=False))
    report = _run(server)
    posts = task_creates(server)
    assert len(posts) == 2
    assert posts[0].json() == posts[1].json(), "the same body, the same external_task_id"
    found = [f for f in report.failures if f.check == CHECK]
    assert len(found) == 1
    assert found[0].task_id == "t-2"
    assert len(report.created_tasks) == 2
    assert any(task.startswith("t-2 ") for task in report.created_tasks), report.created_tasks
    assert "t-2" in report.render()
    assert report.exit_code == 1


def test_a_gateway_that_refuses_a_repeated_id_passes_the_check(hostile: Start) -> None:
    server = hostile(Gateway(refuses=True))
    report = _run(server)
    assert len(task_creates(server)) == 2
    assert [f for f in report.failures if f.check == CHECK] == []
    assert any(r.check == CHECK and not r.findings for r in report.results)
    assert len(report.created_tasks) == 1


def test_the_probe_is_opt_in_and_needs_allow_create(hostile: Start) -> None:
    server = hostile(Gateway(refuses=False))
    run_conformance(
        base_url=server.base_url,
        api_key=KEY,
        max_examples=0,
        allow_create=True,
        sleep=lambda _: None,
    )
    assert len(task_creates(server)) == 1, "without the flag, one create only"
    with pytest.raises(ValueError, match="allow_create"):
        run_conformance(base_url=server.base_url, api_key=KEY, probe_duplicate_id=True)


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("KLING_API_KEY", "API_KEY")}
    return subprocess.run(  # noqa: S603 - our own interpreter and module
        [*CLI, *args],
        capture_output=True,
        text=True,
        env={**env, "KLING_API_KEY": KEY},
        timeout=120,
        check=False,
    )


def test_cli_help_says_the_probe_may_pay_and_it_needs_allow_create(hostile: Start) -> None:
    shown = " ".join(_cli("--help").stdout.split())
    assert "--probe-duplicate-id" in shown
    assert "SECOND PAID TASK" in shown
    server = hostile(Gateway(refuses=False))
    alone = _cli("--base-url", server.base_url, "--probe-duplicate-id")
    assert alone.returncode == 2
    assert "--allow-create" in alone.stderr
    assert server.seen == [], "nothing sent"
