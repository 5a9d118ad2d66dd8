"""Every `kling` example shown in a --help text or the README is a command line that works.

Each one is parsed by the real command (options exist, values convert, files are found); those
that finish at once offline are also run against a mock gateway. The shell forms around
`kling mock-server` (`&`, `$(...)`) are run by tests/mock/test_mock_server.py.
"""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import click
import pytest
from cli_support import KEY, make_png, runner_env
from click.testing import CliRunner

from kling_ext.cli import cli
from kling_ext.mock import MockGateway, RunningServer

README = Path(__file__).resolve().parents[2] / "README.md"
# Placeholders the examples use, and what a user would type there.
PLACEHOLDERS = {
    "<task_id>": "8672837",
    "IMAGE_URL": "https://x.test/a.png",
    "VIDEO_URL": "https://x.test/m.mp4",
}
# Examples that would run for long (a wait, the demo's paced video, a server) or spend credits.
_NOT_RUN = re.compile(r"--wait|\bkling (demo|mock-server|conformance|batch|wait)\b")


def _help_examples() -> list[str]:
    found = []
    for name in cli.list_commands(click.Context(cli)):
        text = CliRunner().invoke(cli, [name, "--help"], terminal_width=200).output
        lines = text.split("Examples:", 1)[1].splitlines() if "Examples:" in text else []
        found += [line.strip() for line in lines if line.strip().startswith("kling ")]
    return found


def _readme_examples() -> list[str]:
    text = README.read_text(encoding="utf-8")
    blocks = re.findall(r"^```(?:sh|shell|bash|)\n(.*?)^```$", text, re.DOTALL | re.MULTILINE)
    lines = [line.removeprefix("$ ").strip() for block in blocks for line in block.splitlines()]
    # "[--concurrency 4]" is a synopsis of optional flags, not a line to paste.
    return [line for line in lines if line.startswith("kling ") and "[--" not in line]


def _words(example: str) -> list[str]:
    for placeholder, value in PLACEHOLDERS.items():
        example = example.replace(placeholder, value)
    words = shlex.split(example, comments=True)
    assert "&" not in words, example
    assert "|" not in words, example
    return words[1:]


EXAMPLES = sorted({*_help_examples(), *_readme_examples()} - {""})
SHELL_FORMS = [e for e in EXAMPLES if "&" in e.split("#")[0] or "$(" in e]
PLAIN = [e for e in EXAMPLES if e not in SHELL_FORMS]


@pytest.fixture
def user_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder holding the files the examples name."""
    for name in ("start.png", "first.png", "second.png"):
        (tmp_path / name).write_bytes(make_png(400, 320))
    job = {"kind": "text2video", "id": "fox", "prompt": "a red fox"}
    (tmp_path / "jobs.jsonl").write_text(json.dumps(job) + "\n", encoding="utf-8")
    (tmp_path / "videos").mkdir()
    (tmp_path / "videos" / "kling-batch.sqlite3").touch()  # batch-status reads an existing one
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_there_are_examples_to_check() -> None:
    assert len(PLAIN) >= 20
    assert SHELL_FORMS, "the mock-server background form is listed"


@pytest.mark.usefixtures("user_folder")
@pytest.mark.parametrize("example", PLAIN)
def test_every_example_parses(example: str) -> None:
    words = _words(example)
    command = cli.get_command(click.Context(cli), words[0])
    assert command is not None, example

    with command.make_context(words[0], words[1:]) as context:  # raises on a bad option or value
        assert context.params is not None


@pytest.mark.usefixtures("user_folder")
@pytest.mark.parametrize("example", [e for e in PLAIN if not _NOT_RUN.search(e)])
def test_examples_that_finish_at_once_run_against_the_mock(
    example: str, gateway: tuple[MockGateway, RunningServer]
) -> None:
    _, server = gateway
    result = CliRunner().invoke(cli, _words(example), env=runner_env(server.base_url))

    assert "Traceback" not in result.output
    assert result.exit_code in (0, 3), (example, result.output)  # 3: an id the mock does not hold
    assert KEY not in result.output
