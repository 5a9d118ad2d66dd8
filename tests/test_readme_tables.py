"""The README's tables of endpoints and models are the spec's: a check fails when they drift."""

from __future__ import annotations

import importlib.machinery
import importlib.util
from pathlib import Path
from types import ModuleType

from kling_ext._spec import endpoints

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"


def _script() -> ModuleType:
    path = ROOT / "scripts" / "readme_tables"
    loader = importlib.machinery.SourceFileLoader("readme_tables", str(path))
    spec = importlib.util.spec_from_loader("readme_tables", loader)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def test_readme_tables_are_written_from_the_spec() -> None:
    text = README.read_text(encoding="utf-8")
    assert _script().render(text) == text, "README.md is stale: run scripts/readme_tables"


def test_every_endpoint_is_in_the_table_with_its_money_safety() -> None:
    table = _script().endpoints_table()
    for ep in endpoints().values():
        line = next(line for line in table.splitlines() if f"`kling {ep.kind}`" in line)
        assert f"`POST {ep.path}`" in line
        assert line.endswith("| yes |" if "external_task_id" in ep.fields else "| **no** |")


def test_a_drifted_table_is_caught() -> None:
    script = _script()
    text = README.read_text(encoding="utf-8")
    drifted = text.replace("| `kling text2video` |", "| `kling text-to-video` |")
    assert drifted != text
    assert script.render(drifted) == text
