"""What the package declares matches what the code needs and what the repository ships."""

from __future__ import annotations

import re
import subprocess
import tomllib
from importlib.metadata import version
from pathlib import Path

import jsonschema_rs
from packaging.requirements import Requirement
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _requirement(group: list[str], name: str) -> Requirement:
    [found] = [Requirement(spec) for spec in group if Requirement(spec).name == name]
    return found


def test_jsonschema_rs_range_holds_versions_naming_error_kinds_as_the_code_reads_them() -> None:
    # _validation compares type(error.kind).__name__ with "Required", "Enum", ...: 0.40 and
    # older call them ValidationErrorKind_Required, which would make every message generic.
    wanted = _requirement(PROJECT["dependencies"], "jsonschema-rs")
    assert not wanted.specifier.contains(Version("0.40.4"))
    assert wanted.specifier.contains(Version("0.41.0"))
    assert wanted.specifier.contains(Version(version("jsonschema_rs")))
    validator = jsonschema_rs.Draft202012Validator({"required": ["a"]})
    [error] = validator.iter_errors({})
    assert type(error.kind).__name__ == "Required"


def test_user_facing_extras_hold_ranges_not_pins() -> None:
    # An exact pin in an extra users install fights their own resolver; dev may pin.
    for extra in ("cli", "conformance"):
        for spec in PROJECT["optional-dependencies"][extra]:
            assert "==" not in spec, f"{extra}: {spec}"
    conformance = _requirement(PROJECT["optional-dependencies"]["conformance"], "schemathesis")
    assert conformance.specifier.contains(Version("4.32.5"))
    assert not conformance.specifier.contains(Version("5.0.0"))
    assert any(
        spec.startswith("schemathesis==") for spec in PROJECT["optional-dependencies"]["dev"]
    )


def test_the_license_the_metadata_names_is_shipped() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert PROJECT["license"] == "MIT"
    assert text.startswith("MIT License")
    assert "Copyright (c) 2026 kling-ext developers" in text


def test_make_demo_installs_the_cli_extra_only(tmp_path: Path) -> None:
    # `make -n` prints what it would run, in a venv that does not exist: nothing is installed.
    done = subprocess.run(  # noqa: S603 - make with fixed arguments
        ["make", "-n", "-B", "-C", str(ROOT), "demo", f"VENV={tmp_path / 'venv'}"],  # noqa: S607
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    installs = [line for line in done.stdout.splitlines() if "pip install" in line]
    assert installs, done.stdout
    assert all("'.[cli]'" in line for line in installs), installs
    assert "kling demo" in done.stdout
    assert "[dev]" not in done.stdout


def test_the_readme_installs_from_a_clone_or_a_wheel_until_published() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    install = readme.split("## Install", 1)[1].split("\n## ", 1)[0]
    assert "not on PyPI" in install
    commands = re.findall(r"^pip (?:install|wheel) .*$", install, re.MULTILINE)
    assert commands
    # Every command shown works today: from the clone's folder or a wheel built from it.
    assert all("./kling-ext" in line or "dist/" in line for line in commands), commands
