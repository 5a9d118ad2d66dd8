"""Every endpoint of the spec, as a `kling` command: listed, explained, and run from its example.

Parametrised over the spec's endpoints, so an endpoint added to the spec is tested here without a
new test. In-process (click's CliRunner) to keep the cost per endpoint at milliseconds.
"""

from __future__ import annotations

import json
import shlex
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_support import KEY, runner_env
from click.testing import CliRunner

from kling_ext import Kling
from kling_ext._spec import Call, Endpoint, calls, endpoints
from kling_ext.cli import _calls, _tasks, cli
from kling_ext.cli._options import spec_options
from kling_ext.mock import Fault, MockGateway, RunningServer
from kling_ext.testing import FAST_POLLING

ENDPOINTS = list(endpoints().values())
IDS = [ep.kind for ep in ENDPOINTS]
# The money-safety paragraph of an endpoint without external_task_id, as --help shows it.
MAY_EXIST = "never re-sent"


def _help(*args: str) -> str:
    result = CliRunner().invoke(cli, [*args, "--help"], terminal_width=400)
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split())


@pytest.fixture(scope="module")
def top_help() -> str:
    return CliRunner().invoke(cli, ["--help"], terminal_width=200).output


@pytest.mark.parametrize("ep", ENDPOINTS, ids=IDS)
def test_kling_help_lists_the_endpoint_under_its_output_kind(ep: Endpoint, top_help: str) -> None:
    sections = top_help.split("\n\n")
    kind = {"videos": "Video tasks", "images": "Image tasks", "audios": "Audio tasks"}
    section = next(s for s in sections if s.startswith(kind.get(ep.output, "Other tasks")))
    assert f"\n  {ep.kind} " in section


@pytest.mark.parametrize("ep", ENDPOINTS, ids=IDS)
def test_help_shows_the_spec_example_and_says_what_a_lost_answer_means(ep: Endpoint) -> None:
    text = _help(ep.kind)
    entries = _tasks.spec_options(ep)
    examples = _tasks.spec_examples(ep)
    if examples:
        shown = _tasks.example_command(ep, entries, examples[0])
        assert " ".join(shown.split()) in text
    if "external_task_id" in ep.fields:
        assert MAY_EXIST not in text
    else:
        # Money-safety: nothing is re-sent blind, and the user knows it before paying.
        assert MAY_EXIST in text
        assert "may exist (exit 3)" in text


@pytest.fixture
def fast_polls(monkeypatch: pytest.MonkeyPatch) -> None:
    """The commands poll at once instead of after 5 s: the steps clock needs no real time."""

    def client(api_key: str | None, base_url: str | None, allow_insecure: bool) -> Kling:
        return Kling(
            api_key=api_key,
            base_url=base_url,
            allow_insecure=allow_insecure,
            poll_schedule=FAST_POLLING,
        )

    monkeypatch.setattr(_tasks, "_client", client)


@pytest.fixture(scope="module")
def steps_gateway() -> Iterator[RunningServer]:
    with MockGateway(api_key=KEY, clock="steps").serve() as server:
        yield server


@pytest.mark.usefixtures("fast_polls")
@pytest.mark.parametrize("ep", ENDPOINTS, ids=IDS)
def test_spec_example_runs_to_saved_outputs(
    ep: Endpoint, steps_gateway: RunningServer, tmp_path: Path
) -> None:
    line = _tasks.create_examples(ep, _tasks.spec_options(ep))[0]
    out = tmp_path / "out"
    args = [*shlex.split(line)[1:], "--wait", "--output", f"{out}/", "--json"]
    result = CliRunner().invoke(cli, args, env=runner_env(steps_gateway.base_url))

    assert result.exit_code == 0, result.output
    shown = json.loads(result.stdout)
    assert shown["task_status"] == "succeed"
    saved = sorted(out.iterdir()) if out.exists() else []
    assert bool(saved) == (ep.output != "none"), "the outputs were saved, if it makes any"
    assert [str(path) for path in saved] == sorted(shown["paths"])
    assert all(path.stat().st_size > 0 for path in saved)
    assert KEY not in result.output


@pytest.mark.parametrize("ep", ENDPOINTS, ids=IDS)
def test_an_endpoint_without_spec_examples_gets_one_of_its_required_options(
    ep: Endpoint, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_tasks, "spec_examples", lambda _ep: [])
    lines = _tasks.create_examples(ep, _tasks.spec_options(ep))
    assert lines[0].startswith(f"kling {ep.kind}")
    assert lines[1] == f"{lines[0]} --wait --output out/ --json"


# ------------------------------------------------------------------ synchronous calls

CALLS = list(calls().values())
CALL_IDS = [target.kind for target in CALLS]


@pytest.mark.parametrize("target", CALLS, ids=CALL_IDS)
def test_kling_help_lists_every_call(target: Call, top_help: str) -> None:
    section = next(s for s in top_help.split("\n\n") if s.startswith("Synchronous calls"))
    # A name longer than click's column puts its help on the next line.
    assert f"\n  {target.kind} " in section or f"\n  {target.kind}\n" in section


@pytest.mark.parametrize("target", CALLS, ids=CALL_IDS)
def test_call_example_prints_its_answer_and_saves_its_files(
    target: Call, steps_gateway: RunningServer, tmp_path: Path
) -> None:
    text = _help(target.kind)
    assert ("not sent again" in text) == (target.method == "POST")
    line = _calls.call_examples(target, spec_options(target))[0]
    assert line in text
    args = [*shlex.split(line)[1:], "--json"]
    if target.output != "none":
        args += ["--output", f"{tmp_path / 'out'}/"]
    result = CliRunner().invoke(cli, args, env=runner_env(steps_gateway.base_url))

    assert result.exit_code == 0, result.output
    shown = json.loads(result.stdout)
    assert (shown["kind"], shown["data"] is not None) == (target.kind, True)
    assert len(shown["paths"]) == len(shown["outputs"])
    assert all(Path(path).stat().st_size > 0 for path in shown["paths"])
    plain = CliRunner().invoke(cli, shlex.split(line)[1:], env=runner_env(steps_gateway.base_url))
    assert plain.exit_code == 0, plain.output
    printed = json.loads(plain.stdout.split("\nhttp")[0])  # then the URLs of its files, if any
    assert type(printed) is type(shown["data"])
    assert not isinstance(printed, dict) or printed.keys() == shown["data"].keys()
    assert KEY not in result.output + plain.output


WITHOUT_ID = [ep for ep in ENDPOINTS if "external_task_id" not in ep.fields]


@pytest.mark.parametrize("ep", WITHOUT_ID, ids=[ep.kind for ep in WITHOUT_ID])
def test_a_lost_create_without_an_id_is_reported_as_may_exist_and_not_resent(ep: Endpoint) -> None:
    gateway = MockGateway(api_key=KEY, clock="steps")
    gateway.inject(Fault(operation="create", kind="stored_then_error"))
    line = _tasks.create_examples(ep, _tasks.spec_options(ep))[0]
    with gateway.serve() as server:
        result = CliRunner().invoke(cli, shlex.split(line)[1:], env=runner_env(server.base_url))

    assert result.exit_code == 3, result.output
    assert "not sent again" in result.output
    assert f"kling list {ep.kind}" in result.output
    assert len(gateway.tasks) == 1


LISTED = [ep for ep in ENDPOINTS if ep.list_operation]


@pytest.mark.parametrize("ep", LISTED, ids=[ep.kind for ep in LISTED])
def test_list_takes_the_page_sizes_of_its_own_endpoint(
    ep: Endpoint, steps_gateway: RunningServer
) -> None:
    _, high = _tasks._page_bounds(ep.kind, "pageSize")
    env = runner_env(steps_gateway.base_url)
    largest = CliRunner().invoke(cli, ["list", ep.kind, f"--page-size={high}", "--json"], env=env)
    assert largest.exit_code == 0, largest.output
    assert isinstance(json.loads(largest.stdout), list)
    beyond = CliRunner().invoke(cli, ["list", ep.kind, f"--page-size={high + 1}"], env=env)
    assert beyond.exit_code == 2
    assert "--page-size" in beyond.output
