"""The README's Python examples run as written (against the mock gateway), so they cannot rot."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from kling_ext.mock import MockGateway

README = Path(__file__).resolve().parent.parent / "README.md"
BLOCKS = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)


@pytest.fixture
def gateway_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    gateway = MockGateway(clock="real", processing_seconds=0.5)
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
    if "download(" in source:
        saved = list(Path(os.getcwd(), "out").glob("*.mp4"))
        assert saved, capsys.readouterr().out
        assert saved[0].read_bytes()[4:8] == b"ftyp", "a real MP4 was saved"
