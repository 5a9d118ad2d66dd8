"""The `kling` command line.

Subcommands live in their own modules and are imported only when invoked, so `kling --help`
stays fast and `kling conformance` can say which extra to install instead of failing on import.
"""

from __future__ import annotations

import importlib
from typing import Any

import click

# name -> "module:attribute" of a click.Command; imported on first use.
_COMMANDS: dict[str, str] = {
    "text2video": "kling_ext.cli._tasks:text2video",
    "image2video": "kling_ext.cli._tasks:image2video",
    "motion-control": "kling_ext.cli._tasks:motion_control",
    "omni-video": "kling_ext.cli._tasks:omni_video",
    "multi-image2video": "kling_ext.cli._tasks:multi_image2video",
    "status": "kling_ext.cli._tasks:status",
    "wait": "kling_ext.cli._tasks:wait",
    "list": "kling_ext.cli._tasks:list_tasks",
    "demo": "kling_ext.cli._demo:demo",
    "mock-server": "kling_ext.cli._mock_server:mock_server",
    "conformance": "kling_ext.cli._conformance:conformance",
    "batch": "kling_ext.cli._batch:batch",
    "batch-status": "kling_ext.cli._batch:batch_status",
}


class _LazyGroup(click.Group):
    """A click group whose commands are imported when they run, not when the CLI starts."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = _COMMANDS.get(cmd_name)
        if target is None:
            return super().get_command(ctx, cmd_name)
        module, _, attr = target.partition(":")
        command: Any = getattr(importlib.import_module(module), attr)
        assert isinstance(command, click.Command)
        return command


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kling-ext")
def cli() -> None:
    """Generate Kling AI videos, run the mock gateway, check a gateway's conformance."""


def main() -> None:
    """Entry point of the `kling` console script."""
    cli()
