"""The five create commands, end to end: options from the spec, one JSON object, the right body."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest
from cli_support import KEY, RunKling, runner_env
from click.testing import CliRunner

from kling_ext._prepare import LEGACY_NAMES
from kling_ext._spec import endpoints
from kling_ext.cli import cli
from kling_ext.cli._options import spec_options
from kling_ext.mock import MockGateway, RunningServer

COMMANDS = (
    "text2video",
    "image2video",
    "motion-control",
    "omni-video",
    "multi-image2video",
    "status",
    "wait",
    "list",
    "demo",
    "mock-server",
    "conformance",
)
JSON_FIELDS = {
    *("task_id", "task_status", "task_status_msg", "external_task_id"),
    *("created_at", "updated_at", "videos", "outputs", "paths"),
}
VIDEO = "https://example.com/dance.mp4"
IMAGE_URL = "https://example.com/cat.png"


def test_help_lists_every_command(kling: RunKling) -> None:
    result = kling("--help")

    assert result.code == 0
    for name in COMMANDS:
        assert f"  {name} " in result.stdout


@pytest.mark.parametrize("kind", sorted(endpoints()))
def test_every_spec_field_has_an_option(kind: str) -> None:
    ep = endpoints()[kind]

    # A legacy name (`model`) has none of its own: --model sets model_name, its current name.
    assert {entry.field for entry in spec_options(ep)} == set(ep.fields) - set(LEGACY_NAMES)


def b64(path: Path) -> str:
    return base64.b64encode(path.read_bytes()).decode()


Check = Callable[[Mapping[str, Any], Path], None]


def _text2video(body: Mapping[str, Any], image: Path) -> None:
    assert body["prompt"] == "a cat surfing"
    assert body["model_name"] == "kling-v2-6"
    assert (body["duration"], body["mode"], body["aspect_ratio"]) == ("10", "pro", "9:16")
    assert (body["negative_prompt"], body["sound"]) == ("blur", "on")
    assert body["callback_url"] == "https://example.com/hook"


def _image2video(body: Mapping[str, Any], image: Path) -> None:
    assert body["image"] == b64(image)  # a local file goes out as Base64
    assert body["image_tail"] == IMAGE_URL  # a URL goes out as it is
    assert body["cfg_scale"] == 0.3


def _motion_control(body: Mapping[str, Any], image: Path) -> None:
    assert (body["image_url"], body["video_url"]) == (b64(image), VIDEO)
    assert body["character_orientation"] == "video"


def _omni_video(body: Mapping[str, Any], image: Path) -> None:
    assert body["image_list"] == [{"image_url": b64(image)}, {"image_url": IMAGE_URL}]
    assert body["model_name"] == "kling-v3-omni"


def _multi_image2video(body: Mapping[str, Any], image: Path) -> None:
    assert body["image_list"] == [{"image": b64(image)}, {"image": IMAGE_URL}]
    assert body["prompt"] == "they meet"


CASES: dict[str, tuple[list[str], Check]] = {
    "text2video": (
        [
            "--prompt=a cat surfing",
            "--model=kling-v2-6",
            "--duration=10",
            "--mode=pro",
            "--aspect-ratio=9:16",
            "--negative-prompt=blur",
            "--sound=on",
            "--callback-url=https://example.com/hook",
        ],
        _text2video,
    ),
    "image2video": (
        ["--image={image}", f"--image-tail={IMAGE_URL}", "--prompt=x", "--cfg-scale=0.3"],
        _image2video,
    ),
    "motion-control": (
        ["--image-url={image}", f"--video-url={VIDEO}", "--character-orientation=video"],
        _motion_control,
    ),
    "omni-video": (
        [
            "--prompt=<<<image_1>>> meets <<<image_2>>>",
            "--image={image}",
            f"--image={IMAGE_URL}",
            "--model=kling-v3-omni",
            "--aspect-ratio=16:9",
        ],
        _omni_video,
    ),
    "multi-image2video": (
        ["--prompt=they meet", "--image={image}", f"--image={IMAGE_URL}"],
        _multi_image2video,
    ),
}


@pytest.mark.parametrize("kind", sorted(CASES))
def test_create_prints_exactly_one_json_object(
    kind: str,
    kling: RunKling,
    gateway: tuple[MockGateway, RunningServer],
    image_file: Path,
) -> None:
    args, check = CASES[kind]

    result = kling(kind, *(arg.replace("{image}", str(image_file)) for arg in args), "--json")

    assert result.code == 0, result.stderr
    assert result.stdout.count("\n") == 1  # one line: one object, nothing else
    printed = json.loads(result.stdout)
    assert set(printed) == JSON_FIELDS
    [task] = gateway[0].tasks
    assert printed["task_id"] == task.task_id
    assert printed["external_task_id"] == task.external_task_id
    assert (printed["task_status"], printed["videos"], printed["paths"]) == ("submitted", [], [])
    check(task.body, image_file)


def test_create_without_wait_prints_the_id_and_how_to_follow_it(kling: RunKling) -> None:
    result = kling("text2video", "--prompt", "a cat")

    assert result.code == 0
    task_id = result.stdout.strip()
    assert task_id.isdigit()
    assert f"kling wait text2video {task_id}" in result.stderr


def test_multi_shot_options_become_the_storyboard(
    gateway: tuple[MockGateway, RunningServer],
) -> None:
    mock, server = gateway
    args = [
        "omni-video",
        "--model=kling-v3-omni",
        "--multi-shot",
        "--shot-type=customize",
        "--shot=a cat wakes up: slowly:2",
        "--shot=it yawns:3",
        "--duration=5",
        # A video without refer_type is edited, and its frame sets the aspect ratio.
        f"--video={VIDEO}",
    ]

    result = CliRunner().invoke(cli, args, env=runner_env(server.base_url))

    assert result.exit_code == 0, result.stderr
    [task] = mock.tasks
    assert task.body["multi_shot"] is True
    assert task.body["multi_prompt"] == [
        {"index": 1, "prompt": "a cat wakes up: slowly", "duration": "2"},
        {"index": 2, "prompt": "it yawns", "duration": "3"},
    ]
    assert task.body["video_list"] == [{"video_url": VIDEO}]
    assert KEY not in result.output


def test_object_fields_take_json_text(gateway: tuple[MockGateway, RunningServer]) -> None:
    mock, server = gateway
    args = [
        "text2video",
        "--prompt=a slow pan",
        "--mode=std",
        '--camera-control={"type": "simple", "config": {"pan": 5}}',
        '--watermark-info={"enabled": true}',
    ]

    result = CliRunner().invoke(cli, args, env=runner_env(server.base_url))

    assert result.exit_code == 0, result.stderr
    [task] = mock.tasks
    assert task.body["camera_control"] == {"type": "simple", "config": {"pan": 5}}
    assert task.body["watermark_info"] == {"enabled": True}
