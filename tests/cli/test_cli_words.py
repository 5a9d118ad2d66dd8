"""The CLI speaks in flags: its help and messages never name a library argument."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from cli_support import KEY, PYTHON_WORDING, runner_env
from click.testing import CliRunner

from kling_ext import Batch, Kling, ResponseValidationError
from kling_ext._download import check_video_url
from kling_ext.cli import cli
from kling_ext.cli._output import reporting
from kling_ext.mock import MockGateway, RunningServer
from kling_ext.testing import FAST_POLLING


@pytest.mark.parametrize(
    ("kind", "images"),
    [("text2video", False), ("image2video", True), ("multi-image2video", True)],
)
def test_create_help_mentions_images_only_where_the_command_takes_them(
    kind: str, images: bool
) -> None:
    result = CliRunner().invoke(cli, [kind, "--help"], terminal_width=200)

    assert result.exit_code == 0
    assert ("Images may be URLs or local files" in result.output) is images


def test_a_changed_batch_line_names_the_flag_not_the_argument(
    gateway: tuple[MockGateway, RunningServer], tmp_path: Path
) -> None:
    mock, server = gateway
    jobs = tmp_path / "jobs.jsonl"
    jobs.write_text(json.dumps({"kind": "text2video", "id": "fox", "prompt": "a fox"}) + "\n")
    with Kling(api_key=KEY, base_url=server.base_url, poll_schedule=FAST_POLLING) as client:
        assert Batch(jobs, tmp_path / "out").run(client).exit_code == 0
    jobs.write_text(json.dumps({"kind": "text2video", "id": "fox", "prompt": "a cat"}) + "\n")

    args = ["batch", str(jobs), "--output", str(tmp_path / "out")]
    result = CliRunner().invoke(cli, args, env=runner_env(server.base_url))

    assert result.exit_code == 2, result.output
    assert "--force" in result.stderr
    assert "=True" not in result.stderr
    assert mock.creates_count == 1


def test_a_refused_plain_http_video_names_the_flag(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(ResponseValidationError) as caught:
        check_video_url("http://cdn.example/v.mp4", allow_http=False)

    with pytest.raises(click.exceptions.Exit), reporting():
        raise caught.value

    stderr = capsys.readouterr().err
    assert "kling --allow-insecure" in stderr
    assert not any(word in stderr for word in PYTHON_WORDING), stderr
