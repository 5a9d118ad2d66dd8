"""Under ``--json`` every error prints the one JSON error object on stdout, click's own too."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from cli_support import KEY, runner_env
from click.testing import CliRunner

from kling_ext.cli import cli
from kling_ext.mock import MockGateway, RunningServer

USAGE_ERRORS = {
    "duration not offered": (["text2video", "--prompt=x", "--duration", "20"], "--duration"),
    "missing image file": (["image2video", "--prompt=x", "--image", "nope.png"], "nope.png"),
    "unknown option": (["text2video", "--prompt=x", "--colour=red"], "--colour"),
    "missing argument": (["status"], "Missing argument"),
    "bad shot": (["omni-video", "--multi-shot", "--shot=a cat"], "PROMPT:SECONDS"),
}


def _error(stdout: str) -> dict[str, Any]:
    document = json.loads(stdout)
    assert set(document) == {"error"}
    error: dict[str, Any] = document["error"]
    assert set(error) == {"type", "code", "message", "request_id"}
    return error


@pytest.mark.parametrize(("args", "named"), USAGE_ERRORS.values(), ids=USAGE_ERRORS.keys())
def test_usage_errors_print_the_json_error_object(
    args: list[str], named: str, gateway: tuple[MockGateway, RunningServer]
) -> None:
    mock, server = gateway

    result = CliRunner().invoke(cli, [*args, "--json"], env=runner_env(server.base_url))

    assert result.exit_code == 2, result.output
    error = _error(result.stdout)
    assert named in error["message"]
    assert (error["code"], error["request_id"]) == (None, None)
    assert named in result.stderr, "the human message still goes to stderr"
    assert mock.creates_count == 0


@pytest.mark.parametrize(("args", "named"), USAGE_ERRORS.values(), ids=USAGE_ERRORS.keys())
def test_without_json_stdout_stays_empty(
    args: list[str], named: str, gateway: tuple[MockGateway, RunningServer]
) -> None:
    result = CliRunner().invoke(cli, args, env=runner_env(gateway[1].base_url))

    assert result.exit_code == 2
    assert result.stdout == ""
    assert named in result.stderr


def test_a_json_looking_prompt_after_double_dash_is_not_the_flag() -> None:
    result = CliRunner().invoke(cli, ["text2video", "--colour=red", "--", "--json"])

    assert result.exit_code == 2
    assert result.stdout == ""


def test_conformance_json_dash_is_stdout_errors_included() -> None:
    result = CliRunner().invoke(cli, ["conformance", "--json", "-"], env={"KLING_API_KEY": None})

    assert result.exit_code == 2
    assert _error(result.stdout)["type"] == "ConfigurationError"


def test_conformance_json_dash_prints_the_report_on_stdout(
    gateway: tuple[MockGateway, RunningServer], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    args = ["conformance", "--json", "-", "--max-examples", "0", "--api-key", KEY]
    monkeypatch.chdir(tmp_path)

    result = CliRunner().invoke(cli, args, env=runner_env(gateway[1].base_url))

    assert not (tmp_path / "-").exists(), "no file named '-'"
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["result"] == "passed"
    assert report["base_url"] == gateway[1].base_url
    assert "conform" in result.stderr, "the text report moved to stderr"


def test_a_video_that_cannot_be_written_prints_the_json_error_object(tmp_path: Path) -> None:
    mock = MockGateway(api_key=KEY, clock="real", processing_seconds=0.0)
    with mock.serve() as server:
        task_id = httpx.post(
            f"{server.base_url}/v1/videos/text2video",
            json={"model_name": "kling-v1", "prompt": "x", "duration": "5"},
            headers={"Authorization": f"Bearer {KEY}"},
        ).json()["data"]["task_id"]
        blocker = tmp_path / "a-file"
        blocker.write_text("not a folder")
        args = ["wait", "text2video", task_id, "--output", f"{blocker}/sub/", "--json"]

        result = CliRunner().invoke(cli, args, env=runner_env(server.base_url))

    assert result.exit_code == 1, result.output
    error = _error(result.stdout)
    assert error["type"] == "NotADirectoryError"
    assert "Not a directory" in error["message"]
