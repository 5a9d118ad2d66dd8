"""The mock gateway against the spec, in-process: schemathesis's pytest integration and its
stateful create -> query runs through the spec's OpenAPI links.

The mock is the reference every client and conformance test trusts, so every answer it gives
must match the spec: schema, status code, content type and headers, for valid and invalid
requests alike, with and without credentials.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
import uuid
from pathlib import Path
from typing import Any

import attrs
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import CheckFunction
from schemathesis.config import SchemathesisConfig
from schemathesis.core.transport import Response
from schemathesis.generation.case import Case
from schemathesis.specs.openapi.checks import positive_data_acceptance

from kling_ext.mock import MockGateway
from tests import schemathesis_hooks

# In-process, every operation runs schemathesis's examples and fuzzing phases (and the stateful
# test below its links), but not its coverage phase: building the coverage cases of some seventy
# operations took most of this file's CPU, at collection in every xdist worker. Those coverage
# cases are still sent to the mock, with the same default checks and hooks, by the plain CLI run
# (test_plain_schemathesis_run_finds_no_failure), whose phases include coverage.
#
# Enough fuzzed cases to reach the boundaries of every parameter and body field of the five video
# endpoints the project began with (text2video, image2video, motion-control, omni-video,
# multi-image2video); fewer for the other families' operations, whose bodies are smaller.
MAX_EXAMPLES = 20
OTHER_FAMILY_EXAMPLES = 6
FIVE = (
    r"^/v1/videos/(text2video|image2video|motion-control|omni-video|multi-image2video)(/\{id\})?$"
)

GATEWAY = MockGateway(api_key="sk-mock", clock="steps", steps=1, seed=7)
CONFIG = SchemathesisConfig.from_dict(
    {
        # Through schemathesis's own auth rather than raw headers, so it knows which cases it
        # sent without credentials on purpose (`ignored_auth`, negative security cases: the
        # mock must answer those 401).
        "auth": {"openapi": {"bearerAuth": {"bearer": "sk-mock"}}},
        # The spec does not close the query string: like the official API, the mock ignores
        # parameters it does not know, so "unexpected query parameter" is no negative case.
        "generation": {"allow-extra-parameters": False},
        "phases": {"coverage": {"enabled": False}},
    }
)
# The mock serves the bundled spec at /openapi.json; the spec's server URL has the /klingai
# prefix, which the mock serves too, so cases go to /klingai/v1/videos/... in-process.
schema = schemathesis.openapi.from_wsgi("/openapi.json", GATEWAY.wsgi_app(), config=CONFIG)
# The storyboard rule JSON Schema cannot say, as the CLI run gets it from schemathesis.toml:
# bodies that break it are not drawn (nothing is rewritten).
schema.hook(schemathesis_hooks.filter_body)
five = schema.include(path_regex=FIVE)
other_families = schema.exclude(path_regex=FIVE)


def excluded_for(case: Case[Any]) -> list[CheckFunction]:
    """Checks that do not apply to this operation, each for a reason the spec states."""
    if "{id}" in case.path:
        # Any well-formed id is schema-valid, but an id no task has is answered 400/1201 as the
        # official API does (spec: BadRequest example `unknown_task`).
        return [positive_data_acceptance]
    if not schemathesis_hooks.storyboard_adds_up(case.body):
        # The spec's x-kling-rules refuse it; schemathesis can draw such a body in a phase that
        # does not pass through the `filter_body` hook (seen once model_name became required).
        return [positive_data_acceptance]
    return []


def _call_and_validate(case: Case[Any]) -> None:
    # A repeated external_task_id is refused as a duplicate; the CLI run gets this from
    # schemathesis.toml too.
    schemathesis_hooks.before_call(None, case, {})
    # All of schemathesis's default checks: response schema, status code, content type, headers,
    # server errors, ignored auth, negative and positive data, ...
    case.call_and_validate(excluded_checks=excluded_for(case))


# Fixed draws (as the CLI run's --seed): hypothesis-jsonschema cannot always merge omni-video's
# rules (`contains` under a branch's `maxItems: 0`) and gives up on some random draws with
# InvalidSchema, which would fail `make test` at random; a fixed draw either always passes or
# always fails.
_FIXED = {"derandomize": True, "database": None}


@five.parametrize()
@settings(
    max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), **_FIXED
)
def test_every_operation_conforms(case: Case[Any]) -> None:
    _call_and_validate(case)


@other_families.parametrize()
@settings(
    max_examples=OTHER_FAMILY_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    **_FIXED,
)
def test_every_other_family_operation_conforms(case: Case[Any]) -> None:
    _call_and_validate(case)


def _labels(part: Any) -> set[str]:
    return {result.ok().label for result in part.get_all_operations()}


def test_the_two_runs_share_out_every_operation() -> None:
    """No operation of the spec falls between the two runs, and the five keep their depth."""
    assert len(_labels(five)) == 15  # create, list and query of each of the five
    assert _labels(five) | _labels(other_families) == _labels(schema)
    assert not _labels(five) & _labels(other_families)


def test_stateful_create_then_query_through_links() -> None:
    """Creates feed their task_id to the query operations through the spec's OpenAPI links."""
    calls: list[tuple[str, int]] = []

    class Workflow(schema.as_state_machine()):  # type: ignore[misc]
        def setup(self) -> None:
            # A fresh, seeded gateway per scenario: answers then depend on the requests alone,
            # as hypothesis needs when it replays a scenario (a shared gateway would refuse a
            # replayed external_task_id as a duplicate and change which links are open).
            self.app = MockGateway(api_key="sk-mock", seed=7).wsgi_app()

        def get_call_kwargs(self, case: Case[Any]) -> dict[str, Any]:
            return {"app": self.app}

        def before_call(self, case: Case[Any]) -> None:
            schemathesis_hooks.before_call(None, case, {})

        def after_call(self, response: Response, case: Case[Any]) -> None:
            calls.append((f"{case.method} {case.path}", response.status_code))

        def validate_response(
            self,
            response: Response,
            case: Case[Any],
            additional_checks: list[CheckFunction] | None = None,
            **kwargs: Any,
        ) -> None:
            case.validate_response(
                response,
                additional_checks=additional_checks,
                excluded_checks=excluded_for(case),
                transport_kwargs=kwargs,
            )

    Workflow.run(
        settings=settings(
            max_examples=MAX_EXAMPLES,
            stateful_step_count=4,
            deadline=None,
            # Fixed draws: the assertions below count link hops, which must not vary by run.
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
    )
    created = [label for label, status in calls if label.startswith("POST") and status == 200]
    found = [label for label, status in calls if label.endswith("/{id}") and status == 200]
    assert created, calls
    # A created task was then found by the id the link carried to a query.
    assert found, calls


# ------------------------------------------------------------------ the plain CLI run

ROOT = Path(__file__).resolve().parents[2]
# Per operation and phase, for the five video endpoints. The other families' operations get one
# generated case each in the examples, fuzzing and stateful phases: the in-process test above
# fuzzes them deeper with the same checks and hooks, and the coverage phase, which no example
# count bounds, still sends each of them every case it derives from the schema. (At five for
# every operation the run cost about 40 s of CPU; fuzzing was a quarter of it.)
CLI_EXAMPLES = 5
CLI_OTHER_FAMILY_EXAMPLES = 1


def test_plain_schemathesis_run_finds_no_failure(tmp_path: Path) -> None:
    """`schemathesis run openapi/kling.yaml --url <mock> -H "Authorization: Bearer sk-mock"`.

    The documented command, with schemathesis's default checks and the repository's
    schemathesis.toml, against a served mock: every schema-valid request is accepted and every
    schema-violating one refused, so the spec's JSON Schema rules are the mock's rules.
    """
    config = tomllib.loads((ROOT / "schemathesis.toml").read_text("utf-8"))
    # The repository's declarations as they are; only where files live changes, so that the run
    # writes nothing into the repository (its cache goes to tmp_path).
    config["hooks"] = str(ROOT / config["hooks"])
    config["cache"] = {"directory": str(tmp_path / "cache")}
    # Added after the repository's own operation settings, which still apply (schemathesis merges
    # every entry that matches an operation).
    config.setdefault("operations", []).append(
        {"exclude-path-regex": FIVE, "generation": {"max-examples": CLI_OTHER_FAMILY_EXAMPLES}}
    )
    config_file = tmp_path / "schemathesis.toml"
    config_file.write_text(_toml(config), "utf-8")
    with MockGateway(api_key="sk-mock", seed=7).serve() as server:
        result = subprocess.run(  # noqa: S603 - our own venv's schemathesis, fixed arguments
            [
                str(Path(sys.executable).parent / "schemathesis"),
                "--config-file",
                str(config_file),
                "run",
                str(ROOT / "openapi" / "kling.yaml"),
                "--url",
                server.base_url,
                "-H",
                "Authorization: Bearer sk-mock",
                "--max-examples",
                str(CLI_EXAMPLES),
                "--seed",
                "1",
                "--generation-database",
                "none",
            ],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=240,
            check=False,
        )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "passed" in result.stdout
    assert "failures" not in result.stdout.split("SUMMARY")[-1].lower(), result.stdout[-3000:]


def _toml(data: dict[str, Any]) -> str:
    """Just enough TOML for the config above (tomllib reads but does not write)."""
    lines: list[str] = []
    tables: list[tuple[str, Any]] = []
    for key, value in data.items():
        if isinstance(value, dict):
            tables.append((f"[{key}]", value))
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            tables.extend((f"[[{key}]]", item) for item in value)
        else:
            lines.append(f"{key} = {json.dumps(value)}")
    for header, table in tables:
        lines.append(header)
        lines.extend(f"{key} = {_inline(value)}" for key, value in table.items())
    return "\n".join(lines) + "\n"


def _inline(value: Any) -> str:
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_inline(v)}" for k, v in value.items()) + " }"
    return json.dumps(value)


# ------------------------------------------------------------------ the hooks themselves

SHOTS = [{"index": 1, "prompt": "a", "duration": "2"}, {"index": 2, "prompt": "b", "duration": 2}]


def test_storyboard_filter_drops_only_multi_shot_customize_bodies_that_miss_the_total() -> None:
    customize = {"multi_shot": True, "shot_type": "customize", "multi_prompt": SHOTS}
    assert not schemathesis_hooks.filter_body(None, {**customize, "duration": "5"})
    assert not schemathesis_hooks.filter_body(None, customize)  # 4 s of the default 5
    assert schemathesis_hooks.filter_body(None, {**customize, "duration": "4"})
    # Outside that mode the storyboard binds nothing, and such bodies must still reach the mock
    # (a mock that refused them would be found out).
    for mode in ({"multi_shot": False}, {"shot_type": "customize"}, {"multi_shot": True}):
        assert schemathesis_hooks.filter_body(None, {"multi_prompt": SHOTS, **mode})


@attrs.define
class _Case:
    body: Any
    method: str = "POST"
    meta: Any = None


def test_only_a_repeated_external_task_id_is_replaced() -> None:
    drawn = f"drawn-{uuid.uuid4()}"
    first, again, empty = (
        _Case({"external_task_id": drawn}),
        _Case({"external_task_id": drawn}),
        _Case({"external_task_id": ""}),
    )
    for case in (first, again, empty):
        schemathesis_hooks.before_call(None, case, {})
    assert first.body["external_task_id"] == drawn  # the first use goes out as drawn
    assert again.body["external_task_id"] not in ("", drawn)
    assert empty.body["external_task_id"] == ""  # empty means none: never a clash
