"""Run inside a regenerated copy of the repository by test_regeneration_alone.py.

Usage: python regen_library.py BASE_URL (a mock gateway served by the copy's own
`kling mock-server`). Prints one JSON object of what the library and the mock did with the model,
field and endpoint the test added to the copy's spec; the test judges it.
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
import typing
from typing import Any

import httpx
import kling_ext_openapi
from kling_ext_openapi import params

import kling_ext
from kling_ext import AsyncKling, Kling, TaskTimeoutError, ValidationError
from kling_ext.mock import MockGateway
from kling_ext.testing import FAST_POLLING

NEW_KIND = "text2audio"


def _typed(facts: dict[str, Any]) -> None:
    """What an editor and mypy see: the regenerated TypedDicts of the keyword arguments."""
    t2v = typing.get_type_hints(params.Text2VideoParams)
    facts["t2v_fields"] = sorted(t2v)
    facts["t2v_models"] = list(typing.get_args(t2v["model_name"]))
    facts["new_kind_fields"] = sorted(typing.get_type_hints(params.Text2AudioParams))


def _sync(base_url: str, facts: dict[str, Any]) -> None:
    with Kling(api_key="sk-mock", base_url=base_url, poll_schedule=FAST_POLLING) as client:
        audio = client.resource(NEW_KIND)
        done = audio.run(prompt="rain on a tin roof", style="calm", duration_sec=4)
        facts["run"] = {
            "kind": done.kind,
            "status": done.status.value,
            "videos": len(done.videos),
            "raw": type(done.raw).__name__,
        }
        facts["get"] = audio.get(done.external_task_id or "").task_id == done.task_id
        facts["listed"] = [task.task_id for task in audio.list()] == [done.task_id]
        try:
            audio.create(prompt="rain", style="noisy")
        except ValidationError as error:
            facts["refused"] = {"field": error.field, "allowed": error.allowed}
        video = client.text2video.create(prompt="a fox", model_name="kling-v9", seed_value=7)
        facts["typed_attribute"] = client.text2video.wait(video).succeeded
        # The new endpoint's own typed attribute, generated with no hand edit.
        typed = getattr(client, "text2audio")  # noqa: B009 - absent from the repo's own types
        facts["new_attribute"] = type(typed).__name__
        facts["new_attribute_run"] = typed.run(prompt="rain", style="loud").status.value
    with Kling(api_key="sk-mock", base_url=base_url) as slow:  # the real schedule: 5 s to 1st look
        try:
            slow.resource(NEW_KIND).wait(slow.resource(NEW_KIND).create(prompt="x"), timeout=0.01)
        except TaskTimeoutError as error:
            facts["resume_hint"] = str(error)


def _mock(base_url: str, facts: dict[str, Any]) -> None:
    """The mock gateway checks the new endpoint's body against its schema, as the API would."""
    auth = {"Authorization": "Bearer sk-mock"}
    with httpx.Client(base_url=base_url, headers=auth) as http:
        bad = http.post(f"/v1/videos/{NEW_KIND}", json={"prompt": "x", "duration_sec": 99})
        good = http.post(f"/v1/videos/{NEW_KIND}", json={"prompt": "x", "style": "loud"})
        facts["mock"] = {
            "bad": [bad.status_code, bad.json()["code"], bad.json()["message"]],
            "good": [good.status_code, good.json()["code"]],
            "new_field": http.post(
                "/v1/videos/text2video",
                json={"prompt": "x", "model_name": "kling-v9", "duration": "5", "seed_value": 3},
            ).status_code,
        }


def _calls(base_url: str, facts: dict[str, Any]) -> None:
    """The synchronous calls: typed callables, by spec path, validated, their files saved."""
    found: dict[str, Any] = {
        "params": {
            "speech": sorted(set(typing.get_type_hints(params.TestSpeechParams)) - _HATCHES),
            "costs": sorted(set(typing.get_type_hints(params.TestCostsQueryParams)) - _HATCHES),
        }
    }
    gateway = MockGateway()
    http = httpx.Client(transport=gateway.transport())
    with Kling(api_key="sk-mock", base_url="http://localhost/klingai", http_client=http) as client:
        speech = getattr(client, "test_speech")  # noqa: B009 - absent from the repo's own types
        answer = speech(text="hello", voice_id="v1")
        with tempfile.TemporaryDirectory() as folder:
            saved = client.download(answer, folder)
            found["speech"] = {
                "type": type(speech).__name__,
                "files": [path.suffix for path in saved],
                "sent": gateway.calls_count,
            }
        costs = getattr(client, "test_costs")  # noqa: B009
        packs = costs(start_time=0, end_time=1).data["resource_pack_subscribe_infos"]
        by_path = client.resource("/account/test-costs")(start_time=0, end_time=1)
        found["costs"] = {
            "type": type(costs).__name__,
            "packs": len(packs),
            "by_path": by_path.data["code"],
        }
        before = gateway.calls_count
        try:
            speech(text="x", voice_id="v1", voice_speed=9)
        except ValidationError as error:
            found["refused"] = {"field": error.field, "sent": gateway.calls_count - before}
    facts["calls"] = found


_HATCHES = {"extra_body", "allow_unknown"}


async def _async_calls(facts: dict[str, Any]) -> None:
    gateway = MockGateway()
    http = httpx.AsyncClient(transport=gateway.transport())
    async with AsyncKling(
        api_key="sk-mock", base_url="http://localhost/klingai", http_client=http
    ) as client:
        answer = await client.resource("test-costs")(start_time=0, end_time=1)
        facts["calls"]["async"] = answer.data["code"]
    await http.aclose()


async def _async(facts: dict[str, Any]) -> None:
    gateway = MockGateway()
    http = httpx.AsyncClient(transport=gateway.transport())
    async with AsyncKling(
        api_key="sk-mock",
        base_url="http://localhost/klingai",
        http_client=http,
        poll_schedule=FAST_POLLING,
    ) as client:
        audio = client.resource(NEW_KIND)
        done = await audio.run(prompt="waves", style="loud")
        listed = await audio.list()
        facts["async"] = {"status": done.status.value, "listed": len(listed)}
    await http.aclose()


def main() -> None:
    base_url = sys.argv[1]
    facts: dict[str, Any] = {
        # Proof that the copy, not the repository under test, was imported.
        "imported": [kling_ext.__file__, kling_ext_openapi.__file__],
    }
    _typed(facts)
    _sync(base_url, facts)
    _mock(base_url, facts)
    asyncio.run(_async(facts))
    _calls(base_url, facts)
    asyncio.run(_async_calls(facts))
    print(json.dumps(facts))


if __name__ == "__main__":
    main()
