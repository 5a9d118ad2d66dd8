"""The mock's switchable contract breaks: each does what BREAKS says, and only that."""

from __future__ import annotations

import contextlib
import json
import select
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from click.testing import CliRunner

from kling_ext.cli import cli
from kling_ext.mock import BREAKS, VIOLATIONS, MockGateway, MockRequest, MockResponse

AUTH = {"Authorization": "Bearer sk-mock"}
T2V = "/klingai/v1/videos/text2video"
BODY = {"model_name": "kling-v2-6", "prompt": "a red fox", "duration": "5"}


def send(gateway: MockGateway, method: str, path: str, body: Any = None, **kw: Any) -> MockResponse:
    raw = b"" if body is None else json.dumps(body).encode()
    return gateway.handle(MockRequest(method, path, {}, kw.get("headers", AUTH), raw))


def observe(gateway: MockGateway) -> dict[str, MockResponse]:
    """One answer of each kind the breaks touch, with a finished task in the store."""
    created = send(gateway, "POST", T2V, BODY)
    task_id = gateway.tasks[0].task_id
    send(gateway, "GET", f"{T2V}/{task_id}")
    return {
        "create": created,
        "query": send(gateway, "GET", f"{T2V}/{task_id}"),
        "list": send(gateway, "GET", T2V),
        "unknown": send(gateway, "GET", f"{T2V}/nope"),
        "no key": send(gateway, "GET", T2V, headers={}),
    }


def body(response: MockResponse) -> Any:
    return json.loads(response.body)


def task(response: MockResponse) -> dict[str, Any]:
    data: dict[str, Any] = body(response)["data"]
    return data


# What each break changes, compared with the clean mock's answers.
EFFECTS: dict[str, Callable[[dict[str, MockResponse]], object]] = {
    "bad_status": lambda r: (
        task(r["query"])["task_status"] == 7 == task(r["create"])["task_status"]
    ),
    "status_outside_enum": lambda r: body(r["list"])["data"][0]["task_status"] == "done",
    "wrong_type": lambda r: task(r["query"])["created_at"] == "yesterday",
    "task_id_empty": lambda r: task(r["create"])["task_id"] == "" == task(r["query"])["task_id"],
    "missing_envelope_field": lambda r: (
        "code" not in body(r["query"]) and "code" in body(r["unknown"])
    ),
    "wrong_content_type": lambda r: r["query"].headers["Content-Type"] == "text/plain",
    "html_success": lambda r: (
        r["list"].status == 200
        and r["list"].body.startswith(b"<!DOCTYPE html>")
        and r["query"].headers["Content-Type"] == "text/html"
    ),
    "malformed_task_result": lambda r: task(r["query"])["task_result"]["videos"].get("url", 0) == 0,
    "undocumented_status": lambda r: r["unknown"].status == 418,
    "unknown_id_found": lambda r: (
        r["unknown"].status == 200
        and body(r["unknown"])["code"] == 0
        and body(r["unknown"])["data"] is None
    ),
    "bare_401": lambda r: r["no key"].status == 401 and r["no key"].body == b"Unauthorized",
    "list_not_array": lambda r: body(r["list"])["data"]["total"] == 1,
    "create_without_task_id": lambda r: "task_id" not in task(r["create"]),
}


def test_every_break_is_documented_and_tested() -> None:
    assert set(EFFECTS) == set(BREAKS) == set(VIOLATIONS)
    assert all(BREAKS.values())


@pytest.mark.parametrize("name", VIOLATIONS)
def test_each_break_does_what_it_says(name: str) -> None:
    broken = observe(MockGateway(violations=[name]))
    assert EFFECTS[name](broken)
    # The same check on the clean mock fails: the break, not the mock, made it true.
    clean = observe(MockGateway())
    # (KeyError and the like: the broken shape is not even there to look at.)
    with contextlib.suppress(KeyError, TypeError, AttributeError):
        assert not EFFECTS[name](clean)
    # Content-Length always matches the rewritten body.
    for response in broken.values():
        assert response.headers["Content-Length"] == str(len(response.body))


def test_a_clean_mock_keeps_the_stored_task_intact_under_breaks() -> None:
    gateway = MockGateway(violations=["task_id_empty", "create_without_task_id"])
    send(gateway, "POST", T2V, BODY)
    (stored,) = gateway.tasks
    # The break changes what is said, not what is kept: the task can still be queried.
    assert send(gateway, "GET", f"{T2V}/{stored.task_id}").status == 200


def test_unknown_break_is_refused_naming_the_known_ones() -> None:
    with pytest.raises(ValueError, match="status_outside_enum"):
        MockGateway(violations=["bad_vibes"])


def test_mock_server_command_switches_breaks_on() -> None:
    command = [sys.executable, "-c", "from kling_ext.cli import main; main()"]
    proc = subprocess.Popen(  # noqa: S603 - our own interpreter and module
        [*command, "mock-server", "--break", "unknown_id_found", "--break", "bare_401"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        ready, _, _ = select.select([proc.stdout], [], [], 30)
        assert ready, "the server printed no URL"
        base_url = proc.stdout.readline().strip()
        unknown = httpx.get(f"{base_url}/v1/videos/text2video/nope", headers=AUTH)
        assert (unknown.status_code, unknown.json()["data"]) == (200, None)
        assert httpx.get(f"{base_url}/v1/videos/text2video").content == b"Unauthorized"
    finally:
        proc.kill()
        proc.wait()


def test_mock_server_command_refuses_an_unknown_break() -> None:
    result = CliRunner().invoke(cli, ["mock-server", "--break", "bad_vibes"])
    assert result.exit_code == 2
    assert "status_outside_enum" in result.output
