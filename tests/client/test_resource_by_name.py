"""`client.resource(kind)`: any endpoint of the spec by name, the same as its attribute."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
import respx
from client_support import Harness, envelope, task

from kling_ext import AsyncResource, Resource, TaskStatus, UnknownValueWarning, ValidationError

TASK_ID = "867283741759111202"


def _routes(router: respx.Router, kind: str) -> respx.Route:
    create = router.post(f"/v1/videos/{kind}").respond(
        200, json=envelope({"task_id": TASK_ID, "task_status": "submitted"})
    )
    states = iter(["processing", "succeed", "succeed", "succeed", "succeed"])
    router.get(f"/v1/videos/{kind}/{TASK_ID}").mock(
        side_effect=lambda _: httpx.Response(200, json=envelope(task(next(states))))
    )
    router.get(f"/v1/videos/{kind}").respond(200, json=envelope([task("succeed")]))
    return create


@pytest.mark.parametrize(
    ("name", "kind", "fields"),
    [
        ("text2video", "text2video", {"prompt": "a rabbit", "duration": 5}),
        (
            "motion_control",
            "motion-control",
            {"image_url": "https://x.test/a.png", "video_url": "https://x.test/m.mp4"},
        ),
    ],
)
async def test_resource_by_name_does_what_the_attribute_does(
    h: Harness, router: respx.Router, name: str, kind: str, fields: dict[str, Any]
) -> None:
    create = _routes(router, kind)
    resource = h.client.resource(name)
    assert isinstance(resource, Resource | AsyncResource)

    created = await h(resource.create, **fields)
    sent = json.loads(create.calls.last.request.content)
    assert sent["external_task_id"].startswith("kling-ext-"), "the same safe create"
    assert "model_name" in sent, "the spec's defaults are filled in as for the attribute"
    assert created.kind == kind
    done = await h(resource.wait, created)
    assert done.succeeded
    assert (await h(resource.get, TASK_ID)).status is TaskStatus.SUCCEED
    assert [t.task_id for t in await h(resource.list, page=2)] == [TASK_ID]
    assert (await h(resource.run, **fields)).succeeded


async def test_resource_validates_like_the_attribute(h: Harness, router: respx.Router) -> None:
    create = _routes(router, "text2video")
    with pytest.raises(ValidationError) as caught:
        await h(h.client.resource("text2video").create, prompt="a rabbit", duration=7)
    assert caught.value.field == "duration"
    assert not create.called, "nothing is sent"


def test_an_endpoint_the_spec_lacks_is_refused_naming_the_known_ones(h: Harness) -> None:
    with pytest.raises(ValidationError) as caught:
        h.client.resource("text2music")
    assert caught.value.field == "kind"
    assert "text2video" in (caught.value.allowed or "")
    assert "motion-control" in (caught.value.allowed or "")


async def test_resource_has_the_escape_hatches_too(h: Harness, router: respx.Router) -> None:
    create = _routes(router, "text2video")
    with pytest.warns(UnknownValueWarning):
        await h(
            h.client.resource("text2video").create,
            prompt="a rabbit",
            model_name="kling-v99",
            allow_unknown=True,
            extra_body={"new_field": 1},
        )
    sent = json.loads(create.calls.last.request.content)
    assert sent["model_name"] == "kling-v99"
    assert sent["new_field"] == 1
