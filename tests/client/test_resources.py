"""Every resource and method, sync and async, against routes that answer as the API does."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import httpx
import pytest
import respx
from client_support import KEY, Harness, envelope, task

from kling_ext import Task, TaskStatus

KINDS = [
    ("text2video", "text2video", {"prompt": "a rabbit racing a car"}),
    ("image2video", "image2video", {"image": "https://x.test/a.png", "prompt": "zoom out"}),
    (
        "motion_control",
        "motion-control",
        {"image_url": "https://x.test/a.png", "video_url": "https://x.test/m.mp4"},
    ),
    ("omni_video", "omni-video", {"prompt": "the next shot", "aspect_ratio": "16:9"}),
    (
        "multi_image2video",
        "multi-image2video",
        {"image_list": [{"image": "https://x.test/a.png"}], "prompt": "blend"},
    ),
]


@pytest.mark.parametrize(("attr", "kind", "fields"), KINDS, ids=[k[1] for k in KINDS])
async def test_create_get_list_wait_run(
    h: Harness, router: respx.Router, attr: str, kind: str, fields: dict[str, object]
) -> None:
    create = router.post(f"/v1/videos/{kind}").respond(200, json=envelope(task("submitted")))
    states = iter(["processing", "succeed", "succeed", "succeed", "succeed"])
    router.get(f"/v1/videos/{kind}/867283741759111202").mock(
        side_effect=lambda _: httpx.Response(200, json=envelope(task(next(states))))
    )
    router.get(f"/v1/videos/{kind}").respond(200, json=envelope([task("succeed")]))
    resource = getattr(h.client, attr)

    created = await h(resource.create, **fields)
    sent = json.loads(create.calls.last.request.content)
    assert create.calls.last.request.headers["authorization"] == f"Bearer {KEY}"
    assert sent["external_task_id"].startswith("kling-ext-"), "every create carries an id"
    assert "model_name" in sent, "the model is always sent (the default gateway requires it)"
    assert created.status is TaskStatus.SUBMITTED
    assert created.kind == kind

    seen: list[TaskStatus] = []
    done = await h(resource.wait, created, on_update=lambda t: seen.append(t.status))
    assert done.succeeded
    assert done.videos[0].url == "https://cdn.example.test/v1.mp4"
    assert seen == [TaskStatus.PROCESSING, TaskStatus.SUCCEED]

    again = await h(resource.get, "867283741759111202")
    assert again.status is TaskStatus.SUCCEED
    listed = await h(resource.list, page=2, page_size=10)
    assert [t.task_id for t in listed] == ["867283741759111202"]
    assert router.calls.last.request.url.params["pageNum"] == "2"

    ran = await h(resource.run, **fields)
    assert ran.succeeded


async def test_task_view_reads_liberally(h: Harness, router: respx.Router) -> None:
    data = task("succeed", task_id=123456789012345678, created_at=1775872087, updated_at=1775872090)
    router.get("/v1/videos/text2video/x").respond(200, json=envelope(data, message="success"))
    got: Task = await h(h.client.text2video.get, "x")
    assert got.task_id == "123456789012345678", "a numeric id is read as a string without loss"
    assert got.created_at == datetime.fromtimestamp(1775872087, tz=UTC), "seconds are accepted"
    assert got.videos[0].duration == pytest.approx(5.042)
    ms = task("processing", created_at=1722769557708)
    router.get("/v1/videos/text2video/y").respond(200, json=envelope(ms))
    assert (await h(h.client.text2video.get, "y")).created_at == datetime.fromtimestamp(
        1722769557.708, tz=UTC
    )


async def test_unknown_status_keeps_polling(h: Harness, router: respx.Router) -> None:
    states = iter(["queued", "succeeded"])
    router.get("/v1/videos/text2video/t").mock(
        side_effect=lambda _: httpx.Response(200, json=envelope(task(next(states))))
    )
    done = await h(h.client.text2video.wait, "t")
    assert done.succeeded, "a status added tomorrow does not crash the client"


async def test_get_by_external_task_id_is_url_quoted(h: Harness, router: respx.Router) -> None:
    route = router.get("/v1/videos/text2video/order%2F42").respond(200, json=envelope(task()))
    await h(h.client.text2video.get, "order/42")
    assert route.called
