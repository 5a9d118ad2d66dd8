"""Every endpoint of the spec works on the mock gateway, reached by its spec path alone.

Parametrised over the spec (a new endpoint is tested without a new test): each task endpoint's
`official` (or first) request example runs through `client.resource(<spec path>).run(**example)`,
sync and async, and `download()` saves files of the endpoint's `x-kling-output` kind (checked by
their first bytes and extension); each synchronous call answers its example through
`client.resource(<spec path>)(**example)`. The same checks run on endpoints of every shape added
in-process to the spec (tests/regeneration/spec_additions.py), so they hold before the families
land in the spec too.
"""

from __future__ import annotations

import asyncio
import importlib.util
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from kling_ext import AsyncKling, CallResult, Kling, KlingError, Task, TaskMayExistError
from kling_ext._media import looks_like_mp4, sniff_extension
from kling_ext._spec import Call, Endpoint, calls, endpoints, load_spec, resolve
from kling_ext.mock import Fault, MockGateway
from kling_ext.testing import FAST_POLLING

_ADDITIONS = Path(__file__).resolve().parents[1] / "regeneration" / "spec_additions.py"
_spec = importlib.util.spec_from_file_location("spec_additions", _ADDITIONS)
assert _spec is not None
assert _spec.loader is not None
additions = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("spec_additions", additions)
_spec.loader.exec_module(additions)

BASE = "https://mock.invalid/klingai"
KIND_OF_OUTPUT = {"videos": "video", "images": "image", "audios": "audio"}
EXTENSIONS = {"video": {".mp4"}, "image": {".png", ".jpg", ".webp"}, "audio": {".mp3", ".wav"}}


def task_example(ep: Endpoint) -> dict[str, Any]:
    """The endpoint's `official` request example (else its first)."""
    body = load_spec()["paths"][ep.path]["post"]["requestBody"]["content"]["application/json"]
    examples = body.get("examples") or {}
    chosen = examples.get("official") or next(iter(examples.values()), None)
    assert chosen is not None, f"{ep.path} has no request example in the spec"
    return dict(chosen["value"])


def call_example(target: Call) -> dict[str, Any]:
    """A call's request example: the body's (POST), or each query parameter's example, the
    required ones filled from their schema (GET)."""
    operation = load_spec()["paths"][target.path][target.method.lower()]
    if target.schema_name is not None:
        content = operation["requestBody"]["content"]["application/json"]
        examples = content.get("examples") or {}
        chosen = examples.get("official") or next(iter(examples.values()), None)
        assert chosen is not None, f"{target.path} has no request example in the spec"
        return dict(chosen["value"])
    found: dict[str, Any] = {}
    for param in target.query:
        raw = next(
            (
                p
                for p in map(_parameter, operation.get("parameters", ()))
                if p.get("name") == param.name
            ),
            {},
        )
        schema = resolve(param.schema)
        if "example" in raw:
            found[param.name] = raw["example"]
        elif raw.get("examples"):
            found[param.name] = next(iter(raw["examples"].values()))["value"]
        elif param.required:
            found[param.name] = schema.get(
                "default", (schema.get("enum") or [schema.get("minimum", 1)])[0]
            )
    return found


def _parameter(raw: dict[str, Any]) -> dict[str, Any]:
    if "$ref" not in raw:
        return raw
    node: Any = load_spec()
    for part in raw["$ref"].removeprefix("#/").split("/"):
        node = node[part]
    return dict(node)


def _clients(gateway: MockGateway) -> tuple[Kling, AsyncKling]:
    sync = Kling(
        api_key="sk-mock",
        base_url=BASE,
        http_client=httpx.Client(transport=gateway.transport()),
        poll_schedule=FAST_POLLING,
    )
    aio = AsyncKling(
        api_key="sk-mock",
        base_url=BASE,
        http_client=httpx.AsyncClient(transport=gateway.transport()),
        poll_schedule=FAST_POLLING,
    )
    return sync, aio


def _either(flavor: str, sync: Kling, aio: AsyncKling, action: Callable[[Any], Any]) -> Any:
    """`action(client)` with the sync client, or awaited with the async one."""
    return action(sync) if flavor == "sync" else asyncio.run(action(aio))


def _check_files(saved: list[Path], kind: str) -> None:
    assert saved, "nothing was saved"
    for path in saved:
        data = path.read_bytes()
        assert path.suffix in EXTENSIONS[kind], path
        if kind == "video":
            assert looks_like_mp4(data), path
        else:
            assert sniff_extension(data) == path.suffix, (path, data[:8])


def run_task(path: str, flavor: str, folder: Path) -> Task:
    """Run the endpoint's example on a fresh mock and save its files; checks what was saved."""
    ep = next(e for e in endpoints().values() if e.path == path)
    example = task_example(ep)
    sync, aio = _clients(MockGateway())
    files = ep.output in KIND_OF_OUTPUT  # `none`: a task whose result is not a file
    if flavor == "sync":
        with sync:
            task = sync.resource(path).run(timeout=30, **example)
            saved = sync.download(task, folder) if files else []
    else:

        async def go() -> tuple[Task, list[Path]]:
            async with aio:
                done = await aio.resource(path).run(timeout=30, **example)
                return done, await aio.download(done, folder) if files else []

        task, saved = asyncio.run(go())
    assert task.succeeded
    assert task.kind == ep.kind
    if not files:
        assert task.outputs == ()
        return task
    kind = KIND_OF_OUTPUT[ep.output]
    assert {output.kind for output in task.outputs} == {kind}
    assert len(saved) == len(task.outputs)
    _check_files(saved, kind)
    return task


def answer_call(path: str, flavor: str, folder: Path) -> CallResult:
    """Send the call's example on a fresh mock; its answer's files are saved and checked."""
    target = next(c for c in calls().values() if c.path == path)
    example = call_example(target)
    gateway = MockGateway()
    sync, aio = _clients(gateway)
    if flavor == "sync":
        with sync:
            result = sync.resource(path)(**example)
            saved = sync.download(result, folder) if result.outputs else []
    else:

        async def go() -> tuple[CallResult, list[Path]]:
            async with aio:
                answer = await aio.resource(path)(**example)
                files = await aio.download(answer, folder) if answer.outputs else []
                return answer, files

        result, saved = asyncio.run(go())
    assert isinstance(result, CallResult)
    assert result.kind == target.kind
    assert result.request_id
    assert gateway.calls_count == 1
    if target.output in KIND_OF_OUTPUT:
        _check_files(saved, KIND_OF_OUTPUT[target.output])
    return result


TASKS = [pytest.param(ep.path, id=ep.kind) for ep in endpoints().values()]
CALLS = [pytest.param(c.path, id=c.kind) for c in calls().values()]


@pytest.mark.parametrize("path", TASKS)
def test_every_task_endpoint_runs_its_example_and_saves_its_outputs(
    path: str, flavor: str, tmp_path: Path
) -> None:
    run_task(path, flavor, tmp_path)


@pytest.mark.parametrize("path", CALLS)
def test_every_call_answers_its_example(path: str, flavor: str, tmp_path: Path) -> None:
    answer_call(path, flavor, tmp_path)


# ------------------------------------------------------------------ endpoints of every shape


@pytest.fixture
def families() -> Iterator[None]:
    with additions.families_in_process():
        yield


@pytest.mark.usefixtures("families")
@pytest.mark.parametrize("path", [additions.IMAGE_PATH, additions.AUDIO_PATH])
def test_added_task_endpoints_run_and_save_their_kind(
    path: str, flavor: str, tmp_path: Path
) -> None:
    task = run_task(path, flavor, tmp_path)
    if path == additions.IMAGE_PATH:
        # Two images: the first URL shows .png, the second none (its Content-Type says JPEG).
        assert sorted(p.suffix for p in tmp_path.iterdir()) == [".jpg", ".png"]
        assert [image.index for image in task.images] == [0, 1]
    else:
        assert task.external_task_id is None, "its requests take no external_task_id"
        assert task.audios[0].url_wav is not None


@pytest.mark.usefixtures("families")
@pytest.mark.parametrize("path", [additions.SPEECH_PATH, additions.COSTS_PATH])
def test_added_calls_answer(path: str, flavor: str, tmp_path: Path) -> None:
    result = answer_call(path, flavor, tmp_path)
    if path == additions.SPEECH_PATH:
        assert [p.suffix for p in tmp_path.iterdir()] == [".mp3"]
        assert type(result.raw).__name__ in ("TestSpeechResult", "NoneType")
    else:
        packs = result.data["resource_pack_subscribe_infos"]
        assert packs[0]["remaining_quantity"] == 40.0


@pytest.mark.usefixtures("families")
def test_audio_is_saved_as_wav_when_asked(tmp_path: Path) -> None:
    sync, _ = _clients(MockGateway())
    with sync:
        task = sync.resource(additions.AUDIO_PATH).run(prompt="rain", duration=4)
        saved = sync.download(task, tmp_path, audio_format="wav")
    assert [p.suffix for p in saved] == [".wav"]
    assert saved[0].read_bytes()[:4] == b"RIFF"


@pytest.mark.usefixtures("families")
def test_a_call_is_checked_before_sending(flavor: str) -> None:
    from kling_ext import ValidationError

    gateway = MockGateway()
    sync, aio = _clients(gateway)
    costs = additions.COSTS_PATH
    with pytest.raises(ValidationError) as caught:
        _either(flavor, sync, aio, lambda c: c.resource(costs)(start_time=-5, end_time=1))
    assert caught.value.field == "start_time"
    assert "at least 0" in str(caught.value)
    with pytest.raises(ValidationError) as missing:
        sync.resource(additions.SPEECH_PATH)(text="hello")
    assert missing.value.field == "voice_id"
    assert gateway.calls_count == 0, "nothing was sent"


@pytest.mark.usefixtures("families")
def test_a_call_is_not_a_task_and_a_task_endpoint_is_not_a_call() -> None:
    sync, _ = _clients(MockGateway())
    with pytest.raises(TypeError, match="synchronous call"):
        sync.resource(additions.SPEECH_PATH).create(text="x", voice_id="v")
    with pytest.raises(TypeError, match="task endpoint"):
        sync.resource(additions.IMAGE_PATH)(prompt="x")


@pytest.mark.usefixtures("families")
def test_a_post_call_whose_answer_is_lost_is_not_sent_again(flavor: str) -> None:
    gateway = MockGateway()
    gateway.inject(Fault(operation="call", kind="stored_then_error", status=502))
    sync, aio = _clients(gateway)
    speech = additions.SPEECH_PATH
    with pytest.raises(KlingError, match="not sent again: it may have been carried out"):
        _either(flavor, sync, aio, lambda c: c.resource(speech)(text="x", voice_id="v"))
    assert gateway.calls_count == 1


@pytest.mark.usefixtures("families")
def test_a_get_call_is_retried_like_a_query() -> None:
    gateway = MockGateway()
    gateway.inject(Fault(operation="call", kind="stored_then_error", status=502))
    sync, _ = _clients(gateway)
    sync._sleep = lambda seconds: None
    result = sync.resource(additions.COSTS_PATH)(start_time=1, end_time=2)
    assert result.data["code"] == 0
    assert gateway.calls_count == 2


@pytest.mark.usefixtures("families")
def test_a_create_without_external_task_id_is_sent_once_after_a_lost_answer(flavor: str) -> None:
    gateway = MockGateway()
    gateway.inject(Fault(operation="create", kind="stored_then_error", status=502))
    sync, aio = _clients(gateway)
    sync._sleep = lambda seconds: None
    sound = additions.AUDIO_PATH
    with pytest.raises(TaskMayExistError) as caught:
        _either(flavor, sync, aio, lambda c: c.resource(sound).create(prompt="rain"))
    assert caught.value.external_task_id is None
    assert "take no external_task_id" in str(caught.value)
    assert gateway.creates_count == 1
    assert len(gateway.tasks) == 1


@pytest.mark.usefixtures("families")
def test_help_says_when_a_create_cannot_be_looked_up() -> None:
    from kling_ext._docs import document_create
    from kling_ext._spec import endpoint

    def create() -> None:
        """Create a task."""

    document_create(create, endpoint(additions.AUDIO_KIND))
    assert "take no external_task_id" in (create.__doc__ or "")
    document_create(create, endpoint(additions.IMAGE_KIND))
    assert (create.__doc__ or "").count("take no external_task_id") == 1


def lost_create(path: str) -> tuple[MockGateway, Task | TaskMayExistError]:
    """The endpoint's example created on a mock that stores the task and drops the answer."""
    ep = next(e for e in endpoints().values() if e.path == path)
    gateway = MockGateway()
    gateway.inject(Fault(operation="create", kind="stored_then_drop"))
    sync, _ = _clients(gateway)
    sync._sleep = lambda seconds: None
    with sync:
        try:
            return gateway, sync.resource(path).create(**task_example(ep))
        except TaskMayExistError as exc:
            return gateway, exc


@pytest.mark.parametrize("path", TASKS)
def test_every_task_endpoint_survives_a_lost_create_answer(path: str) -> None:
    """The mock's faults hit every endpoint; a create is paid for once, found when it can be."""
    gateway, outcome = lost_create(path)
    assert gateway.creates_count == 1
    ep = next(e for e in endpoints().values() if e.path == path)
    if "external_task_id" in ep.fields:
        assert isinstance(outcome, Task)
        assert outcome.task_id == gateway.tasks[0].task_id
    else:
        assert isinstance(outcome, TaskMayExistError)


@pytest.mark.usefixtures("families")
@pytest.mark.parametrize("path", [additions.IMAGE_PATH, additions.AUDIO_PATH])
def test_added_task_endpoints_survive_a_lost_create_answer(path: str) -> None:
    gateway, outcome = lost_create(path)
    assert gateway.creates_count == 1
    found = isinstance(outcome, Task)
    assert found == (path == additions.IMAGE_PATH), "looked up only where it can be"
