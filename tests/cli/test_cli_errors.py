"""Exit codes: 2 for bad input (and not one request sent), 3 when the API refuses."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import KEY, PYTHON_WORDING, RunKling, cli_env, make_png, runner_env
from click.testing import CliRunner

from kling_ext.cli import cli
from kling_ext.mock import Fault, MockGateway, RunningServer

BAD_INPUT = {
    "duration not offered by the model": (
        ["text2video", "--prompt=x", "--duration=7", "--model=kling-v2-6"],
        "error: --duration: '7' is not allowed: models before kling-v3 make 5 or 10 s videos",
    ),
    "image file too small": (
        ["image2video", "--prompt=x", "--image={small}"],
        "error: --image: 100x100 px is too small",
    ),
    "missing required field": (
        ["motion-control", "--video-url=https://e.com/v.mp4"],
        "error: --image-url: is required",
    ),
    "missing file": (
        ["image2video", "--prompt=x", "--image=./no-such-frame.png"],
        "file not found: ./no-such-frame.png",
    ),
    "not a choice of the spec": (["text2video", "--prompt=x", "--mode=ultra"], "'ultra'"),
    "broken JSON": (["text2video", "--prompt=x", "--camera-control={oops"], "not valid JSON"),
    "shot without seconds": (["omni-video", "--multi-shot", "--shot=a cat"], "PROMPT:SECONDS"),
    "unknown option": (["text2video", "--prompt=x", "--colour=red"], "--colour"),
}


@pytest.mark.parametrize(("args", "expected"), BAD_INPUT.values(), ids=BAD_INPUT.keys())
def test_bad_input_exits_2_before_any_request(
    args: list[str],
    expected: str,
    kling: RunKling,
    gateway: tuple[MockGateway, RunningServer],
    tmp_path: Path,
) -> None:
    small = tmp_path / "small.png"
    small.write_bytes(make_png(100, 100))

    result = kling(*(arg.replace("{small}", str(small)) for arg in args))

    assert result.code == 2
    assert expected in result.stderr
    assert result.stdout == ""
    mock = gateway[0]
    assert (mock.creates_count, mock.tasks) == (0, [])


def test_no_key_at_all_exits_2(kling: RunKling, gateway: tuple[MockGateway, RunningServer]) -> None:
    result = kling("text2video", "--prompt=x", env=cli_env(gateway[1].base_url, key=None))

    assert result.code == 2
    assert result.stderr.startswith("error: No API key")
    assert "KLING_API_KEY" in result.stderr
    assert gateway[0].creates_count == 0


def test_wrong_key_exits_3_naming_the_code(
    kling: RunKling, gateway: tuple[MockGateway, RunningServer]
) -> None:
    wrong = "sk-wrong-0123456789abcdef"

    result = kling("text2video", "--prompt=x", "--api-key", wrong)

    assert result.code == 3
    assert result.stderr.startswith("error: HTTP 401, code 1002: ")
    assert wrong not in result.output
    assert KEY not in result.output
    assert gateway[0].tasks == []


def test_unknown_task_exits_3(kling: RunKling) -> None:
    result = kling("status", "text2video", "123456")

    assert result.code == 3
    assert "code 1201" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_kind_is_a_usage_error(kling: RunKling) -> None:
    result = kling("wait", "text2audio", "123")

    assert result.code == 2
    assert "text2video" in result.stderr  # the choices are listed


def test_refused_for_balance_exits_3_naming_the_code(
    gateway: tuple[MockGateway, RunningServer],
) -> None:
    mock, server = gateway
    mock.inject(Fault(operation="create", kind="balance"))

    result = CliRunner().invoke(cli, ["text2video", "--prompt=x"], env=runner_env(server.base_url))

    assert result.exit_code == 3
    assert result.stderr.startswith("error: HTTP 429, code 1102: ")


def test_create_with_unknown_outcome_exits_3_and_says_how_to_look_it_up(
    gateway: tuple[MockGateway, RunningServer],
) -> None:
    mock, server = gateway
    mock.inject(Fault(operation="create", kind="stored_then_error"))
    mock.inject(Fault(operation="query", kind="server_error", times=10))

    result = CliRunner().invoke(cli, ["text2video", "--prompt=x"], env=runner_env(server.base_url))

    assert result.exit_code == 3
    [task] = mock.tasks
    assert "may have created a task" in result.stderr
    assert f"kling status text2video {task.external_task_id}" in result.stderr
    # A shell user is given the CLI's way only, not the library's `client.text2video.get(...)`.
    assert not any(word in result.stderr for word in PYTHON_WORDING), result.stderr


def test_allow_unknown_sends_a_model_the_spec_does_not_list(
    gateway: tuple[MockGateway, RunningServer],
) -> None:
    mock, server = gateway
    args = ["text2video", "--prompt=x", "--model=kling-v9", "--allow-unknown"]

    result = CliRunner().invoke(cli, args, env=runner_env(server.base_url))

    # Sent: the mock, which knows only the spec's models, is what refuses it (exit 3).
    assert result.exit_code == 3, result.output
    assert "warning: model_name: 'kling-v9' is not allowed" in result.stderr
    assert mock.creates_count == 1
    assert "model_name" in result.stderr


def test_without_allow_unknown_an_unlisted_model_exits_2_unsent(
    gateway: tuple[MockGateway, RunningServer],
) -> None:
    mock, server = gateway
    args = ["text2video", "--prompt=x", "--model=kling-v9"]

    result = CliRunner().invoke(cli, args, env=runner_env(server.base_url))

    assert result.exit_code == 2
    assert "kling-v9" in result.stderr
    assert mock.creates_count == 0


def test_extra_body_is_sent_as_given(gateway: tuple[MockGateway, RunningServer]) -> None:
    mock, server = gateway
    args = ["text2video", "--prompt=x", '--extra-body={"resolution": "4k"}']

    result = CliRunner().invoke(cli, args, env=runner_env(server.base_url))

    # The mock knows only the spec's fields, so its refusal proves the field went out.
    assert result.exit_code == 3, result.output
    assert "resolution: is not a field of this request" in result.stderr
    assert mock.creates_count == 1
