"""Kling adds a model, a field and an endpoint: editing openapi/kling.yaml and running
scripts/regenerate is all it takes, with no hand-written code.

On a copy of the repository, the test adds to the spec a model name and a field of text2video,
a whole endpoint (`text2audio`: its two path items and its request schema, nothing else) and two
synchronous calls (a POST answering audio, a GET with query parameters: spec_additions.py),
regenerates, and then uses all three from the copy's library (typed keyword arguments,
`client.resource("text2audio")`, sync and async), its `kling` command line, its mock gateway and
its conformance suite.

Run it alone with `pytest -m regeneration` (about 20 s).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml
from spec_additions import add_calls

pytestmark = pytest.mark.regeneration

ROOT = Path(__file__).resolve().parents[2]
NEW_KIND = "text2audio"
NEW_MODEL = "kling-v9"
NEW_FIELD = "seed_value"
KEY = "sk-mock"
# What a `kling` run is given at most; a hang must fail the test, not the suite.
_TIMEOUT = 60


def _add_to_spec(spec: dict[str, Any]) -> None:
    """What a maintainer writes when Kling ships a model, a field and an endpoint."""
    schemas = spec["components"]["schemas"]
    t2v = schemas["Text2VideoRequest"]
    t2v["properties"]["model_name"]["enum"].append(NEW_MODEL)
    t2v["properties"][NEW_FIELD] = {
        "type": "integer",
        "minimum": 0,
        "description": "A seed for reproducible results.",
    }
    schemas["Text2AudioRequest"] = {
        "type": "object",
        "additionalProperties": False,
        "description": "A text-to-audio task.",
        "required": ["prompt"],
        "properties": {
            "prompt": t2v["properties"]["prompt"],
            "style": {"type": "string", "enum": ["calm", "loud"], "description": "The mood."},
            "duration_sec": {
                "type": "number",
                "minimum": 3,
                "maximum": 10,
                "description": "Length in seconds.",
            },
            "callback_url": t2v["properties"]["callback_url"],
            "external_task_id": t2v["properties"]["external_task_id"],
        },
    }
    # The two path items, written like text2video's: same responses, new names.
    paths = spec["paths"]
    items = json.loads(
        json.dumps(
            {
                "create": paths["/v1/videos/text2video"],
                "query": paths["/v1/videos/text2video/{id}"],
            }
        ).replace("text2video", NEW_KIND)
    )
    post = items["create"]["post"]
    post["summary"] = "Create a text-to-audio task"
    post["requestBody"] = {
        "required": True,
        "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/Text2AudioRequest"}}
        },
    }
    paths[f"/v1/videos/{NEW_KIND}"] = items["create"]
    paths[f"/v1/videos/{NEW_KIND}/{{id}}"] = items["query"]
    add_calls(spec)


@attrs.frozen
class Copy:
    """A regenerated copy of the repository, and how to run its code."""

    root: Path
    env: dict[str, str]

    def python(self, *args: str, timeout: float = _TIMEOUT) -> subprocess.CompletedProcess[str]:
        return subprocess.run(  # noqa: S603 - our own interpreter and arguments
            [sys.executable, *args],
            cwd=self.root,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def kling(self, *args: str) -> subprocess.CompletedProcess[str]:
        return self.python("-c", "from kling_ext.cli import main; main()", *args)


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> Copy:
    root = tmp_path_factory.mktemp("repo")
    ignore = shutil.ignore_patterns("__pycache__")
    for name in ("kling_ext", "generated", "openapi", "scripts"):
        shutil.copytree(ROOT / name, root / name, ignore=ignore)
    spec_path = root / "openapi" / "kling.yaml"
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    _add_to_spec(spec)
    spec_path.write_text(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True), "utf-8")

    env = {k: v for k, v in os.environ.items() if not k.startswith("KLING_") and k != "API_KEY"}
    # The copy's packages come first; the installed (editable) repository only after them.
    env["PYTHONPATH"] = os.pathsep.join([str(root), str(root / "generated")])
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["COLUMNS"] = "200"  # help text on one line per option
    made = Copy(root, env)
    done = made.python("scripts/regenerate", timeout=120)
    assert done.returncode == 0, done.stderr
    return made


@contextlib.contextmanager
def _mock_server(copy: Copy, *options: str) -> Iterator[str]:
    """The copy's own `kling mock-server OPTIONS` on 127.0.0.1; its base URL."""
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, "-c", "from kling_ext.cli import main; main()", "mock-server", *options],
        cwd=copy.root,
        env=copy.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        url = process.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:"), url
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def mock_url(regenerated: Copy) -> Iterator[str]:
    """The copy's own `kling mock-server` on 127.0.0.1 (steps clock)."""
    with _mock_server(regenerated) as url:
        regenerated.env.update(KLING_BASE_URL=url, KLING_API_KEY=KEY)
        yield url


def test_the_library_and_the_mock_know_what_was_added(regenerated: Copy, mock_url: str) -> None:
    done = regenerated.python(str(Path(__file__).with_name("regen_library.py")), mock_url)
    assert done.returncode == 0, done.stderr
    facts = json.loads(done.stdout)
    assert all(path.startswith(str(regenerated.root)) for path in facts["imported"])

    # Typed keyword arguments: the regenerated TypedDicts carry the new model and field.
    assert NEW_FIELD in facts["t2v_fields"]
    assert NEW_MODEL in facts["t2v_models"]
    assert {"prompt", "style", "duration_sec"} <= set(facts["new_kind_fields"])

    # client.resource("text2audio"): create, wait, get, list, validation, raw; typed attrs too.
    assert facts["run"] == {"kind": NEW_KIND, "status": "succeed", "videos": 1, "raw": "Task"}
    assert facts["get"] is True
    assert facts["listed"] is True
    assert facts["refused"] == {"field": "style", "allowed": "'calm', 'loud'"}
    assert "client.text2audio.wait(" in facts["resume_hint"], "a hint that works"
    assert facts["typed_attribute"] is True
    assert facts["new_attribute"] == "Text2Audio"
    assert facts["new_attribute_run"] == "succeed"
    assert facts["async"] == {"status": "succeed", "listed": 1}

    # The mock serves the new endpoint and checks its body against the new schema.
    status, code, message = facts["mock"]["bad"]
    assert (status, code) == (400, 1201)
    assert "duration_sec" in message
    assert facts["mock"]["good"] == [200, 0]
    assert facts["mock"]["new_field"] == 200

    # The synchronous calls: typed callables and resource(<spec path>), checked before sending.
    assert facts["calls"]["speech"] == {"type": "TestSpeechCall", "files": [".mp3"], "sent": 1}
    assert facts["calls"]["costs"] == {"type": "TestCostsCall", "packs": 1, "by_path": 0}
    assert facts["calls"]["refused"] == {"field": "voice_speed", "sent": 0}
    assert facts["calls"]["params"] == {
        "speech": ["text", "voice_id", "voice_speed"],
        "costs": ["end_time", "resource_pack_name", "start_time"],
    }
    assert facts["calls"]["async"] == 0


def test_the_command_line_knows_what_was_added(regenerated: Copy, mock_url: str) -> None:
    listing = regenerated.kling("--help")
    assert listing.returncode == 0, listing.stderr
    assert NEW_KIND in listing.stdout

    create_help = regenerated.kling(NEW_KIND, "--help")
    assert create_help.returncode == 0, create_help.stderr
    for option in ("--prompt", "--style [calm|loud]", "--duration-sec", "--wait", "--json"):
        assert option in create_help.stdout, option
    t2v_help = regenerated.kling("text2video", "--help").stdout
    assert "--seed-value" in t2v_help
    assert NEW_MODEL in t2v_help

    made = regenerated.kling(NEW_KIND, "--prompt", "rain", "--style", "calm", "--json")
    assert made.returncode == 0, made.stderr
    task_id = json.loads(made.stdout)["task_id"]
    status = regenerated.kling("status", NEW_KIND, task_id, "--json")
    assert status.returncode == 0, status.stderr
    waited = regenerated.kling("wait", NEW_KIND, task_id, "--json")
    assert waited.returncode == 0, waited.stderr
    assert json.loads(waited.stdout)["task_status"] == "succeed"
    listed = regenerated.kling("list", NEW_KIND, "--json")
    assert json.loads(listed.stdout)[0]["task_id"] == task_id, "newest first"

    video = regenerated.kling(
        "text2video", "--prompt", "a fox", "--model", NEW_MODEL, "--seed-value", "7", "--json"
    )
    assert video.returncode == 0, video.stderr
    assert json.loads(video.stdout)["task_status"] == "submitted"

    too_long = regenerated.kling(NEW_KIND, "--prompt", "rain", "--duration-sec", "99")
    assert too_long.returncode == 2, "refused before sending, as for every endpoint"
    assert "--duration-sec" in too_long.stderr, "the error names the flag"


def test_a_batch_runs_the_new_endpoint_and_model(
    regenerated: Copy, mock_url: str, tmp_path: Path
) -> None:
    jobs = tmp_path / "jobs.jsonl"
    lines = [
        {"kind": NEW_KIND, "id": "rain", "prompt": "rain", "style": "calm"},
        {
            "kind": "text2video",
            "id": "fox",
            "prompt": "a fox",
            "model_name": NEW_MODEL,
            NEW_FIELD: 7,
        },
    ]
    jobs.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    # The real clock, processing briefly: the batch's first look at a task (after 5 s, the real
    # poll schedule) sees it finished, where the steps clock needs a second look.
    with _mock_server(regenerated, "--clock", "real", "--processing-seconds", "0.5") as url:
        run = regenerated.kling(
            "batch", str(jobs), "--output", str(tmp_path / "out"), "--base-url", url
        )
    assert run.returncode == 0, run.stdout + run.stderr
    assert sorted(path.name for path in (tmp_path / "out").glob("*.mp4")) == ["fox.mp4", "rain.mp4"]


def test_the_conformance_suite_checks_the_new_endpoint(
    regenerated: Copy, mock_url: str, tmp_path: Path
) -> None:
    report = tmp_path / "conformance.xml"
    # Only the new endpoint, by the name regeneration gave it: the rest of the spec is the
    # conformance tests' own business.
    run = regenerated.kling(
        *("conformance", "--probe-creates", "--max-examples", "2", "--junit", str(report)),
        *("--endpoint", NEW_KIND),
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert f"ONLY these endpoints were asked for: {NEW_KIND};" in run.stdout
    checked = set(re.findall(r'classname="([^"]*)"', report.read_text(encoding="utf-8")))
    new = {name for name in checked if f"/v1/videos/{NEW_KIND}" in name}
    assert any(name.startswith("POST") for name in new), checked
    assert any(name.startswith("GET") and "{id}" in name for name in new), checked
    assert any(name.startswith("GET") and "{id}" not in name for name in new), checked


USER_FILE = """
from kling_ext import AsyncKling, CallResult, Kling, Task


def make(client: Kling) -> Task:
    return client.text2audio.create(prompt="rain", style="calm", duration_sec=4.0)


def speak(client: Kling) -> CallResult:
    return client.test_speech(text="hi", voice_id="v1", voice_speed=1.5)


def costs(client: Kling) -> CallResult:
    return client.test_costs(start_time=0, end_time=1)


async def make_async(client: AsyncKling) -> Task:
    return await client.text2audio.run(prompt="rain", style="loud")
"""
WRONG_KWARG = """
from kling_ext import Kling
Kling().text2audio.create(prompt="rain", styel="calm")
Kling().test_costs(start_time="0", end_time=1)
"""


def test_mypy_checks_the_new_endpoints_typed_attribute(regenerated: Copy) -> None:
    # The copy's generated client.text2audio, as a user's mypy --strict sees it: typed kwargs.
    user = regenerated.root / "user"
    user.mkdir(exist_ok=True)
    (user / "good.py").write_text(USER_FILE, encoding="utf-8")
    (user / "wrong.py").write_text(WRONG_KWARG, encoding="utf-8")
    env = {**regenerated.env, "MYPYPATH": regenerated.env["PYTHONPATH"]}
    command = [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--no-error-summary"]
    command += ["--cache-dir", str(user / "cache"), "good.py", "wrong.py"]
    checked = subprocess.run(  # noqa: S603 - our own interpreter
        command,
        cwd=user,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    errors = [line for line in checked.stdout.splitlines() if ": error:" in line]
    assert not [line for line in errors if line.startswith("good.py")], checked.stdout
    assert any('wrong.py:3: error: Unexpected keyword argument "styel"' in e for e in errors), (
        checked.stdout
    )
    assert any(e.startswith("wrong.py:4: error:") and "start_time" in e for e in errors), (
        checked.stdout
    )
