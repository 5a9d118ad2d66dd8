"""What users of openai-python reach for: identity, options per call, every page, rich errors."""

from __future__ import annotations

import inspect
import json
from typing import Any

import httpx
import pytest
import respx
from client_support import BASE, KEY, Harness, envelope, error, task

import kling_ext
from kling_ext import (
    APIConnectionError,
    AuthenticationError,
    InvalidRequestError,
    Kling,
    ServerError,
    Task,
    TaskStateError,
    TaskStatus,
)

GET = "/v1/videos/text2video/867283741759111202"
LIST = "/v1/videos/text2video"


async def _collect(iterator: Any) -> list[Task]:
    if hasattr(iterator, "__aiter__"):
        return [item async for item in iterator]
    return list(iterator)


async def test_every_request_says_who_sends_it(h: Harness, router: respx.Router) -> None:
    route = router.get(GET).respond(200, json=envelope(task()))

    await h(h.client.text2video.get, "867283741759111202")

    agent = route.calls.last.request.headers["User-Agent"]
    assert agent == (
        f"kling-ext/{kling_ext.__version__} python/{__import__('platform').python_version()} "
        f"httpx/{httpx.__version__}"
    )


def test_the_version_is_the_installed_distribution() -> None:
    from importlib.metadata import version

    assert kling_ext.__version__ == version("kling-ext")


def test_the_user_agent_can_be_replaced(router: respx.Router) -> None:
    route = router.get(GET).respond(200, json=envelope(task()))
    transport = httpx.MockTransport(router.handler)
    headers = {"User-Agent": "my-app/2.0"}
    with Kling(
        KEY, BASE, http_client=httpx.Client(transport=transport), default_headers=headers
    ) as c:
        c.text2video.get("867283741759111202")

    assert route.calls.last.request.headers["User-Agent"] == "my-app/2.0"


async def test_with_options_changes_timeout_and_retries_for_the_copy_only(
    h: Harness, router: respx.Router
) -> None:
    route = router.get(GET).respond(500, json=error(5000, "boom"))
    quick = h.client.with_options(timeout=3, max_retries=0)

    with pytest.raises(ServerError):
        await h(quick.text2video.get, "867283741759111202")
    assert route.call_count == 1  # no retry
    assert route.calls.last.request.extensions["timeout"]["read"] == 3

    with pytest.raises(ServerError):
        await h(h.client.text2video.get, "867283741759111202")
    assert route.call_count == 1 + 3  # the original still retries twice
    assert route.calls.last.request.extensions["timeout"]["read"] == 60


async def test_closing_a_copy_leaves_the_original_open(h: Harness, router: respx.Router) -> None:
    router.get(GET).respond(200, json=envelope(task()))

    await h(h.client.with_options(max_retries=1).close)

    found = await h(h.client.text2video.get, "867283741759111202")
    assert found.task_id == "867283741759111202"


def _page(first: int, count: int) -> dict[str, Any]:
    return envelope([task(task_id=str(first + i)) for i in range(count)])


async def test_iter_all_walks_every_page_and_stops_after_the_last(
    h: Harness, router: respx.Router
) -> None:
    pages = {"1": _page(100, 2), "2": _page(200, 2), "3": _page(300, 1)}
    route = router.get(LIST).mock(
        side_effect=lambda request: httpx.Response(200, json=pages[request.url.params["pageNum"]])
    )

    tasks = await _collect(h.client.text2video.iter_all(page_size=2))

    assert [t.task_id for t in tasks] == ["100", "101", "200", "201", "300"]
    assert route.call_count == 3


async def test_iter_all_stops_when_the_gateway_ignores_the_page_number(
    h: Harness, router: respx.Router
) -> None:
    route = router.get(LIST).respond(200, json=_page(100, 2))  # page 1, whatever is asked

    tasks = await _collect(h.client.text2video.iter_all(page_size=2))

    assert [t.task_id for t in tasks] == ["100", "101"]
    assert route.call_count == 2


async def test_an_api_error_keeps_its_request_and_response_without_the_key(
    h: Harness, router: respx.Router
) -> None:
    router.get(GET).respond(400, json=error(1200, "bad"))

    with pytest.raises(InvalidRequestError) as caught:
        await h(h.client.text2video.get, "867283741759111202")

    assert caught.value.request is not None
    assert caught.value.response is not None
    assert caught.value.request.url == f"{BASE}{GET}"
    assert caught.value.response.status_code == 400
    assert caught.value.response.json()["code"] == 1200
    assert KEY not in str(caught.value.request.headers)
    assert KEY not in str(caught.value.response.request.headers)


async def test_a_401_names_the_base_url_and_the_masked_key(
    h: Harness, router: respx.Router
) -> None:
    router.get(GET).respond(401, json=error(1002, "authorization is invalid"))

    with pytest.raises(AuthenticationError) as caught:
        await h(h.client.text2video.get, "867283741759111202")

    text = str(caught.value)
    assert BASE in text
    assert KEY[-4:] in text
    assert KEY not in text


async def test_a_connection_failure_names_the_url_it_tried(
    h: Harness, router: respx.Router
) -> None:
    router.get(GET).mock(side_effect=httpx.ConnectError("connection refused"))

    with pytest.raises(APIConnectionError) as caught:
        await h(h.client.text2video.get, "867283741759111202")

    assert f"{BASE}{GET}" in str(caught.value)
    assert caught.value.request is not None


@pytest.mark.parametrize("status", ["submitted", "processing", "failed"])
async def test_downloading_a_task_without_videos_is_a_state_error(
    h: Harness, status: str, tmp_path: Any
) -> None:
    unfinished = Task.from_data(task(status), kind="text2video")

    with pytest.raises(TaskStateError, match="no videos to download"):
        await h(h.client.download, unfinished, tmp_path)


def test_to_dict_is_json_ready() -> None:
    done = Task.from_data(task("succeed"), kind="text2video", request_id="req-1")

    data = json.loads(json.dumps(done.to_dict()))

    assert data["status"] == TaskStatus.SUCCEED.value == "succeed"
    assert data["created_at"] == "2024-08-04T11:05:57.708000+00:00"
    assert data["videos"][0]["url"] == "https://cdn.example.test/v1.mp4"
    assert set(data) == {
        *("task_id", "kind", "status", "raw_status", "status_message", "external_task_id"),
        *("created_at", "updated_at", "videos", "images", "audios", "request_id"),
    }


def test_help_lists_the_resources_and_each_create_its_fields() -> None:
    import pydoc

    from kling_ext._spec import endpoints

    page = pydoc.render_doc(Kling)
    with Kling(KEY, BASE) as client:
        for ep in endpoints().values():
            resource = getattr(client, ep.attr)
            assert f"{ep.attr} ({type(resource).__name__})" in page
            for method in (resource.create, resource.run):
                shown = inspect.getdoc(method) or ""  # as help() shows it, indentation cleaned
                for field in ep.fields:
                    assert f"\n    {field} (" in shown, (ep.kind, field)


def _resolve(environ: dict[str, str]) -> Any:
    from kling_ext._settings import Settings

    return Settings.resolve(
        api_key=None,
        base_url=None,
        access_key=None,
        secret_key=None,
        timeout=None,
        max_retries=None,
        allow_insecure=False,
        environ=environ,
    )


def test_the_generic_api_key_is_used_with_one_warning_naming_it(
    caplog: pytest.LogCaptureFixture,
) -> None:
    settings = _resolve({"API_KEY": KEY})

    assert settings.auth_hint.endswith(KEY[-4:])
    [record] = caplog.records
    assert record.levelname == "WARNING"
    assert "$API_KEY" in record.getMessage()
    assert KEY not in record.getMessage()


def test_kling_api_key_wins_silently(caplog: pytest.LogCaptureFixture) -> None:
    settings = _resolve({"KLING_API_KEY": KEY, "API_KEY": "sk-other-service-key-0000"})

    assert settings.auth_hint.endswith(KEY[-4:])
    assert caplog.records == []


async def test_a_download_says_who_fetches_it_and_nothing_more(
    flavor: str, router: respx.Router, tmp_path: Any
) -> None:
    seen: list[httpx.Request] = []

    def cdn(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, content=b"\x00\x00\x00\x18ftypmp42")

    headers = {"User-Agent": "my-app/2.0", "X-Team-Token": "t-secret"}
    h = Harness(flavor, router, cdn=cdn, default_headers=headers)
    done = Task.from_data(task("succeed"), kind="text2video")

    await h(h.client.download, done, tmp_path)

    assert seen[0].headers["User-Agent"] == "my-app/2.0"
    assert "X-Team-Token" not in seen[0].headers


async def test_an_error_with_its_exchange_survives_pickling(
    h: Harness, router: respx.Router
) -> None:
    import pickle

    router.get(GET).respond(429, json=error(1102, "resource pack depleted"))

    with pytest.raises(kling_ext.InsufficientBalanceError) as caught:
        await h(h.client.text2video.get, "867283741759111202")
    copy = pickle.loads(pickle.dumps(caught.value))  # noqa: S301 - our own bytes, as a worker sends

    assert str(copy) == str(caught.value)
    assert copy.response is not None
    assert copy.response.json()["code"] == 1102


@pytest.mark.parametrize("options", [{"timeout": 0}, {"max_retries": -1}])
def test_with_options_refuses_what_the_constructor_refuses(options: dict[str, Any]) -> None:
    with Kling(KEY, BASE) as client, pytest.raises(kling_ext.ConfigurationError):
        client.with_options(**options)
