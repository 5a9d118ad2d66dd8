"""What a shell user and a script notice: pipes, exit statuses, --json errors, help, hints."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import click
import pytest
from cli_support import KEY, RunKling, cli_env, finish, start

from kling_ext import Kling
from kling_ext._constants import DEFAULT_BASE_URL
from kling_ext._settings import ENVIRONMENT
from kling_ext.cli import cli
from kling_ext.mock import MockGateway, RunningServer


def _make_tasks(server: RunningServer, count: int) -> None:
    with Kling(api_key=KEY, base_url=server.base_url) as client:
        for index in range(count):
            client.text2video.create(prompt=f"task {index}")


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_a_reader_that_leaves_early_ends_kling_quietly(
    gateway: tuple[MockGateway, RunningServer], tmp_path: Path
) -> None:
    _, server = gateway
    _make_tasks(server, 3)
    process = start(["list", "text2video"], cli_env(server.base_url), tmp_path)
    assert process.stdout is not None
    process.stdout.close()  # like `| head -1` exiting before kling writes: every write fails

    _, stderr = process.communicate(timeout=60)

    assert process.returncode == 141
    assert stderr == ""


def test_list_piped_into_head_prints_the_first_task_quietly(
    gateway: tuple[MockGateway, RunningServer], tmp_path: Path
) -> None:
    _, server = gateway
    _make_tasks(server, 3)
    script = f"{sys.executable} -c 'from kling_ext.cli import main; main()' list text2video"

    shell = subprocess.run(  # noqa: S602 - the shell pipe is what is under test
        f"{script} | head -1",
        shell=True,
        env=cli_env(server.base_url),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert shell.returncode == 0
    assert len(shell.stdout.splitlines()) == 1
    assert shell.stderr == ""


def test_a_connection_failure_names_the_url_and_exits_4(kling: RunKling) -> None:
    base_url = f"http://127.0.0.1:{_closed_port()}/klingai"

    result = kling("status", "text2video", "123", env=cli_env(base_url))

    assert result.code == 4
    assert f"{base_url}/v1/videos/text2video/123" in result.stderr


def test_a_refusal_with_json_prints_one_error_object(
    kling: RunKling, gateway: tuple[MockGateway, RunningServer]
) -> None:
    result = kling("text2video", "--prompt=x", "--json", "--api-key", "sk-wrong-0123456789abcdef")

    assert result.code == 3
    error = json.loads(result.stdout)["error"]
    assert error["type"] == "AuthenticationError"
    assert error["code"] == 1002
    assert error["request_id"]
    assert "HTTP 401" in error["message"]


def test_bad_input_with_json_prints_an_error_object_naming_the_flag(kling: RunKling) -> None:
    result = kling("text2video", "--prompt=x", "--duration=7", "--model=kling-v2-6", "--json")

    assert result.code == 2
    error = json.loads(result.stdout)["error"]
    assert (error["type"], error["code"], error["request_id"]) == ("ValidationError", None, None)
    assert error["message"].startswith("--duration: ")


def test_list_json_leaves_out_what_list_never_fills(
    kling: RunKling, gateway: tuple[MockGateway, RunningServer]
) -> None:
    _make_tasks(gateway[1], 2)

    result = kling("list", "text2video", "--json")

    tasks = json.loads(result.stdout)
    assert len(tasks) == 2
    assert all("paths" not in task and task["created_at"] for task in tasks)


def test_plain_http_to_another_host_needs_allow_insecure(
    kling: RunKling, gateway: tuple[MockGateway, RunningServer]
) -> None:
    # 0.0.0.0 reaches this machine, yet is not a loopback name: the client treats it as remote.
    port = gateway[1].base_url.split(":")[2].split("/")[0]
    env = cli_env(f"http://0.0.0.0:{port}/klingai")

    refused = kling("list", "text2video", env=env)
    allowed = kling("list", "text2video", "--allow-insecure", env=env)

    assert refused.code == 2
    assert "--allow-insecure" in refused.stderr
    assert allowed.code == 0, allowed.stderr


def test_generic_api_key_is_used_with_a_warning_naming_it(
    kling_process: RunKling, gateway: tuple[MockGateway, RunningServer]
) -> None:
    env = cli_env(gateway[1].base_url, key=None)
    env["API_KEY"] = KEY

    # A real process: the warning reaches stderr through logging's last-resort handler.
    result = kling_process("list", "text2video", env=env)

    assert result.code == 0
    [warning] = [line for line in result.stderr.splitlines() if "API_KEY" in line]
    assert "$API_KEY" in warning
    assert "KLING_API_KEY" in warning


def test_without_the_cli_extra_kling_prints_an_install_hint() -> None:
    code = "import sys; sys.modules['rich'] = None; from kling_ext.cli import main; main()"
    result = finish(
        subprocess.Popen(  # noqa: S603 - our own interpreter
            [sys.executable, "-c", code, "--help"],
            env=cli_env(None),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
    )

    assert result.code == 2
    assert result.stderr.strip().splitlines() == [
        "error: the kling command needs the cli extra: pip install 'kling-ext[cli]' "
        "(rich is missing)"
    ]


def _commands() -> list[tuple[str, click.Command]]:
    context = click.Context(cli)
    found = []
    for name in cli.list_commands(context):  # type: ignore[attr-defined]
        command = cli.get_command(context, name)  # type: ignore[attr-defined]
        assert command is not None
        found.append((name, command))
    return found


@pytest.mark.parametrize(("name", "command"), _commands(), ids=lambda value: str(value)[:20])
def test_every_option_has_help_and_every_command_an_example(
    name: str, command: click.Command
) -> None:
    undocumented = [
        param.opts[0]
        for param in command.params
        if isinstance(param, click.Option) and not (param.help or "").strip()
    ]
    assert undocumented == []
    assert f"kling {name}" in (command.epilog or "")


def test_top_level_help_names_the_base_url_every_variable_and_exit_status(
    kling: RunKling,
) -> None:
    result = kling("--help")

    assert DEFAULT_BASE_URL in result.stdout
    assert all(name in result.stdout for name in ENVIRONMENT)
    assert "130 Ctrl-C" in result.stdout
    assert "4 the API could not be reached" in result.stdout
    assert "_KLING_COMPLETE=bash_source kling" in result.stdout
