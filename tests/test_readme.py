"""The README's Python examples run as written (against the mock gateway), so they cannot rot."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import kling_ext._base_client
from kling_ext.mock import MockGateway
from kling_ext.testing import FAST_POLLING

README = Path(__file__).resolve().parent.parent / "README.md"
TEXT = README.read_text(encoding="utf-8")
BLOCKS = re.findall(r"```python\n(.*?)```", TEXT, re.DOTALL)


def _fenced(text: str) -> list[tuple[str, list[str]]]:
    """(info string, lines) of every fenced block, pairing fences in order."""
    blocks: list[tuple[str, list[str]]] = []
    current: tuple[str, list[str]] | None = None
    for line in text.splitlines():
        if line.startswith("```"):
            if current is None:
                current = (line[3:].strip(), [])
            else:
                blocks.append(current)
                current = None
        elif current is not None:
            current[1].append(line)
    return blocks


SHELL_BLOCKS = [lines for info, lines in _fenced(TEXT) if info in ("", "sh", "shell", "bash")]


@pytest.fixture
def gateway_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    # The steps clock (one status per query) and clients that poll at once: the examples run as
    # written, without the default schedule's 5 s before the first look.
    monkeypatch.setattr(kling_ext._base_client, "DEFAULT_POLL_SCHEDULE", FAST_POLLING)
    gateway = MockGateway(clock="steps")
    with gateway.serve() as server:
        monkeypatch.setenv("KLING_API_KEY", "sk-mock")
        monkeypatch.setenv("KLING_BASE_URL", server.base_url)
        monkeypatch.chdir(tmp_path)
        yield


def test_readme_has_the_examples() -> None:
    assert len(BLOCKS) >= 2


@pytest.mark.usefixtures("gateway_env")
@pytest.mark.parametrize("source", BLOCKS, ids=[f"block{i + 1}" for i in range(len(BLOCKS))])
def test_readme_example_runs(source: str, capsys: pytest.CaptureFixture[str]) -> None:
    exec(compile(source, str(README), "exec"), {})  # noqa: S102 - running our own README
    if "download(" in source and "\ndef " not in source:  # a handler is only defined
        saved = list(Path(os.getcwd(), "out").glob("*.mp4"))
        assert saved, capsys.readouterr().out
        assert saved[0].read_bytes()[4:8] == b"ftyp", "a real MP4 was saved"


def test_shell_blocks_hold_one_command_per_line() -> None:
    # A line a user pastes must run as one command: no second column, no `cmd1   cmd2`.
    lines = [line for block in SHELL_BLOCKS for line in block if line.strip()]
    assert lines
    crowded = [line for line in lines if re.search(r"\S\s{3,}\S", line.strip())]
    assert crowded == []


def test_readme_says_which_model_is_sent_when_none_is_given() -> None:
    # The first examples give no model_name: the README must say what is then paid for.
    from kling_ext._spec import endpoint, resolve

    for kind in ("text2video", "image2video"):
        schema = resolve(endpoint(kind).schema["properties"]["model_name"])
        default = schema["x-kling-default"]
        assert f"Without `model_name`, text2video and image2video send `{default}`" in TEXT
        assert f"kling-ext sends `{default}`" in schema["description"]


def test_readme_says_where_the_plain_schemathesis_run_finds_no_failure() -> None:
    # It needs two files the wheel does not ship, read from the current directory.
    root = README.parent
    assert "when run from the root of a clone of this\nrepository" in TEXT
    for needed in ("schemathesis.toml", "tests/schemathesis_hooks.py"):
        assert (root / needed).is_file()
        assert f"`{needed}`" in TEXT
    assert "schemathesis_hooks" in (root / "schemathesis.toml").read_text(encoding="utf-8")
