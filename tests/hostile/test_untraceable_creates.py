"""An endpoint whose requests take no `external_task_id`: a lost answer is never paid for twice.

Such a create cannot be looked up after its answer is lost, so it is sent exactly once: the
client raises `TaskMayExistError` saying so, and looks nothing up blind. A synchronous `POST` call
is not sent again either. The endpoints are added to the spec in-process
(tests/regeneration/spec_additions.py), served here by the raw-socket hostile server.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hostile_clients import run
from hostile_server import Action, Answer, Drop, HostileServer, Seen, envelope

from kling_ext import KlingError, TaskMayExistError
from kling_ext._spec import endpoints, load_spec

_ADDITIONS = Path(__file__).resolve().parents[1] / "regeneration" / "spec_additions.py"
_loaded = importlib.util.spec_from_file_location("spec_additions", _ADDITIONS)
assert _loaded is not None
assert _loaded.loader is not None
additions = importlib.util.module_from_spec(_loaded)
sys.modules.setdefault("spec_additions", additions)
_loaded.loader.exec_module(additions)

Start = Callable[[Callable[[Seen], Action]], HostileServer]

LOST: dict[str, Action] = {
    "dropped": Drop(),
    "502": envelope(None, code=5000, message="upstream error", status=502),
    "html-200": Answer(200, b"<html>gateway</html>", {"Content-Type": "text/html"}),
}


@pytest.fixture(autouse=True)
def families() -> Iterator[None]:
    with additions.families_in_process():
        yield


@pytest.mark.parametrize("lost", LOST.values(), ids=LOST.keys())
def test_a_create_with_no_external_task_id_is_sent_once(
    hostile: Start, flavor: str, lost: Action
) -> None:
    server = hostile(lambda seen: lost)
    with pytest.raises(TaskMayExistError) as caught:
        run(flavor, server, lambda c: c.resource(additions.AUDIO_PATH).create(prompt="rain"))
    assert len(server.requests_to("POST")) == 1, "never re-sent blind"
    assert server.requests_to("GET") == [], "nothing to look it up by"
    assert "external_task_id" not in server.requests_to("POST")[0].json()
    assert caught.value.external_task_id is None
    assert "take no external_task_id" in str(caught.value)
    assert "list()" in str(caught.value)


def test_a_create_refused_outright_is_sent_again(hostile: Start, flavor: str) -> None:
    """A rate-limit refusal made no task: re-sending is safe even without an external id."""
    posts: list[Seen] = []

    def handler(seen: Seen) -> Action:
        posts.append(seen)
        if len(posts) == 1:
            return envelope(None, code=1303, message="parallel task over limit", status=429)
        return envelope({"task_id": "9001", "task_status": "submitted"})

    server = hostile(handler)
    task = run(flavor, server, lambda c: c.resource(additions.AUDIO_PATH).create(prompt="rain"))
    assert task.task_id == "9001"
    assert len(server.requests_to("POST")) == 2


@pytest.mark.parametrize("lost", LOST.values(), ids=LOST.keys())
def test_a_post_call_whose_answer_is_lost_is_sent_once(
    hostile: Start, flavor: str, lost: Action
) -> None:
    server = hostile(lambda seen: lost)
    with pytest.raises(KlingError) as caught:
        run(flavor, server, lambda c: c.resource(additions.SPEECH_PATH)(text="hi", voice_id="v"))
    assert len(server.requests_to("POST")) == 1, "never re-sent blind"
    assert "not sent again: it may have been carried out" in str(caught.value)


def _untraceable() -> list[Any]:
    """Every task endpoint of the spec whose requests take no external_task_id, with its example."""
    found = []
    for ep in endpoints().values():
        if "external_task_id" in ep.fields:
            continue
        body = load_spec()["paths"][ep.path]["post"]["requestBody"]["content"]["application/json"]
        examples = body.get("examples") or {}
        chosen = examples.get("official") or next(iter(examples.values()))
        found.append(pytest.param(ep.path, chosen["value"], id=ep.kind))
    return found


@pytest.mark.parametrize(("path", "example"), _untraceable())
def test_every_such_endpoint_of_the_spec_sends_its_create_once(
    hostile: Start, flavor: str, path: str, example: dict[str, Any]
) -> None:
    server = hostile(lambda seen: Drop())
    with pytest.raises(TaskMayExistError):
        run(flavor, server, lambda c: c.resource(path).create(**example))
    assert len(server.requests_to("POST")) == 1
    assert server.requests_to("GET") == []
