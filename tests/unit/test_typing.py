"""A user's type checker sees the API (py.typed), and runtime type introspection works."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import typing
from pathlib import Path
from typing import Any

import pytest

import kling_ext

USER_CODE = """
from kling_ext import AsyncKling, Kling, Task


def make(client: Kling) -> Task:
    return client.text2video.create(prompt="a fox", duration=5, mode="std")


def status(client: Kling) -> str:
    return client.text2video.get("123").status.value


def quick(client: Kling) -> Task:
    # with_options keeps the client's type, typed attributes included.
    return client.with_options(timeout=5, max_retries=0).text2video.create(prompt="a fox")


async def quick_async(client: AsyncKling) -> Task:
    return await client.with_options(timeout=5).image2video.get("123")
"""
MISSPELT = """
from kling_ext import Kling
Kling().text2video.create(promt="a fox")
"""
WRONG_TYPE = """
from kling_ext import Kling
Kling().text2video.create(prompt="a fox", mode=5)
"""


@pytest.fixture(scope="module")
def mypy_output(tmp_path_factory: pytest.TempPathFactory) -> str:
    """mypy --strict's report on the users' files of this module, all checked in one run (a
    run costs seconds of start-up)."""
    # Outside the repository, so mypy finds kling_ext as an installed package, as a user's would.
    folder = tmp_path_factory.mktemp("users_code")
    sources = {
        "good": USER_CODE,
        "misspelt": MISSPELT,
        "wrong": WRONG_TYPE,
        "nested": NESTED_ITEMS,
    }
    for name, source in sources.items():
        (folder / f"{name}.py").write_text(source, encoding="utf-8")

    command = [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--no-error-summary"]
    command += ["--cache-dir", str(folder / "cache"), *(f"{name}.py" for name in sources)]
    checked = subprocess.run(  # noqa: S603 - our own interpreter
        command,
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    # mypy ran and read the files: the misspelt one is always reported (else every "no error"
    # below would hold for a run that never started).
    assert "misspelt.py:" in checked.stdout, checked.stdout + checked.stderr
    return checked.stdout


def test_mypy_strict_checks_a_users_code_against_the_api(mypy_output: str) -> None:
    errors = [line for line in mypy_output.splitlines() if ": error:" in line]
    assert not [line for line in errors if line.startswith("good.py")], mypy_output
    assert any('misspelt.py:3: error: Unexpected keyword argument "promt"' in e for e in errors)
    assert any('wrong.py:3: error: Argument "mode"' in e for e in errors), mypy_output
    assert "import-untyped" not in mypy_output


def test_the_package_ships_py_typed() -> None:
    assert (Path(kling_ext.__file__).parent / "py.typed").is_file()


EXPORTED_CLASSES = [
    getattr(kling_ext, name)
    for name in kling_ext.__all__
    if isinstance(getattr(kling_ext, name), type)
    and (issubclass(getattr(kling_ext, name), BaseException) or name in ("Task", "Video"))
]


@pytest.mark.parametrize("cls", EXPORTED_CLASSES, ids=lambda cls: cls.__name__)
def test_get_type_hints_resolves_every_exported_class(cls: type) -> None:
    assert cls.__module__ == "kling_ext"  # still shown as kling_ext.X
    typing.get_type_hints(cls)
    typing.get_type_hints(cls.__init__)


def test_task_hints_are_real_types() -> None:
    hints = typing.get_type_hints(kling_ext.Task)

    assert hints["status"] is kling_ext.TaskStatus
    assert hints["videos"] == tuple[kling_ext.Video, ...]


NESTED_ITEMS = """
from kling_ext import AsyncKling, Kling, Task



def sync(client: Kling) -> list[Task]:
    return [
        client.omni_video.create(
            prompt="a fox",
            video_list=[{"video_url": "https://x/v.mp4", "refer_type": "feature"}],
            image_list=[{"image_url": "https://x/i.png", "type": "first_frame"}],
            element_list=[{"element_id": 1}],
            multi_prompt=[{"index": 1, "prompt": "p", "duration": "5"}],
            watermark_info={"enabled": True},
        ),
        client.image2video.create(
            image="https://x/i.png",
            voice_list=[{"voice_id": "v"}],
            dynamic_masks=[{"mask": "https://x/m.png", "trajectories": [{"x": 1, "y": 2}]}],
            camera_control={"type": "simple", "config": {"horizontal": 1.0}},
        ),
        client.multi_image2video.create(prompt="p", image_list=[{"image": "https://x/i.png"}]),
    ]


async def run_async(client: AsyncKling) -> list[Task]:
    return [
        await client.omni_video.create(
            prompt="a fox",
            video_list=[{"video_url": "https://x/v.mp4", "refer_type": "base"}],
            image_list=[{"image_url": "https://x/i.png", "type": "end_frame"}],
            element_list=[{"element_id": 1}],
            multi_prompt=[{"index": 1, "prompt": "p", "duration": "5"}],
            watermark_info={"enabled": True},
        ),
        await client.image2video.create(
            image="https://x/i.png",
            voice_list=[{"voice_id": "v"}],
            dynamic_masks=[{"mask": "https://x/m.png", "trajectories": [{"x": 1, "y": 2}]}],
            camera_control={"type": "simple", "config": {"horizontal": 1.0}},
        ),
        await client.multi_image2video.create(prompt="p", image_list=[{"image": "https://x/i.png"}]),
    ]
"""


def test_mypy_accepts_every_nested_item_type_sync_and_async(mypy_output: str) -> None:
    # video_list's items and the omni request once shared one TypedDict name, so mypy refused
    # {"video_url": ..., "refer_type": ...}; every nested item type is exercised here.
    assert not [line for line in mypy_output.splitlines() if line.startswith("nested.py")]


# Exported names that pyright may not type fully: none (100 % type completeness). A name added
# here needs a reason.
PYRIGHT_GAPS: set[str] = set()


def _pyright(*args: str, cwd: Path) -> dict[str, Any]:
    # pyright finds the packages through the first `python` on PATH: this interpreter's.
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    checked = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-m", "pyright", "--outputjson", *args],
        cwd=cwd,
        env={**os.environ, "PATH": path},
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    try:
        report: dict[str, Any] = json.loads(checked.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"pyright did not run: {checked.stdout}{checked.stderr}")
    return report


def test_pyright_finds_every_public_name_fully_typed(tmp_path: Path) -> None:
    # Outside the repository, so that pyright sees kling_ext as an installed package.
    report = _pyright("--verifytypes", "kling_ext", "--ignoreexternal", cwd=tmp_path)

    symbols = report["typeCompleteness"]["symbols"]
    untyped = {s["name"]: s for s in symbols if s["isExported"] and not s["isTypeKnown"]}
    problems = [f"{name}: {d['message']}" for name in untyped for d in untyped[name]["diagnostics"]]
    assert set(untyped) <= PYRIGHT_GAPS, "\n".join(problems) or sorted(untyped)


def test_pyright_checks_a_users_code_against_the_api(tmp_path: Path) -> None:
    (tmp_path / "good.py").write_text(USER_CODE, encoding="utf-8")
    (tmp_path / "nested.py").write_text(NESTED_ITEMS, encoding="utf-8")
    (tmp_path / "misspelt.py").write_text(MISSPELT, encoding="utf-8")

    report = _pyright("good.py", "nested.py", "misspelt.py", cwd=tmp_path)

    errors = [d for d in report["generalDiagnostics"] if d["severity"] == "error"]
    shown = [
        f"{Path(d['file']).name}:{d['range']['start']['line'] + 1}: {d['message']}" for d in errors
    ]
    assert not [e for e in shown if not e.startswith("misspelt.py")], shown
    assert [e for e in shown if e.startswith("misspelt.py:3:") and "promt" in e], shown
