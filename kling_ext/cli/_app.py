"""The `kling` click group: the command table and the global options.

Subcommands live in their own modules and are imported only when invoked, so `kling --help`
stays fast and `kling conformance` can say which extra to install instead of failing on import.
"""

from __future__ import annotations

import importlib
from typing import Any

import click

from kling_ext._constants import DEFAULT_BASE_URL, OFFICIAL_BASE_URL
from kling_ext._settings import ENV_ACCESS_KEY, ENV_API_KEY, ENV_BASE_URL, ENV_SECRET_KEY
from kling_ext._spec import endpoints

from ._exit import (
    EXIT_BROKEN_PIPE,
    EXIT_CONNECTION,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_TASK,
    EXIT_USAGE,
)

# name -> "module:attribute" of a click.Command; imported on first use. Besides these, every
# endpoint of the spec is a create command (`kling text2video`), read from the spec.
_COMMANDS: dict[str, str] = {
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
        return sorted({*super().list_commands(ctx), *_COMMANDS, *endpoints()})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = _COMMANDS.get(cmd_name)
        if target is None and cmd_name in endpoints():
            from ._tasks import CREATE_COMMANDS

            return CREATE_COMMANDS[cmd_name]
        if target is None:
            return super().get_command(ctx, cmd_name)
        module, _, attr = target.partition(":")
        command: Any = getattr(importlib.import_module(module), attr)
        assert isinstance(command, click.Command)
        return command


_EPILOG = f"""\b
Environment:
  {ENV_API_KEY[0]}    the API key (--api-key); {ENV_API_KEY[1]} is used too, with a warning
  {ENV_BASE_URL}   the API base URL (--base-url); default {DEFAULT_BASE_URL}
  {ENV_ACCESS_KEY}, {ENV_SECRET_KEY}
                   sign a JWT for Kling's own endpoint ({OFFICIAL_BASE_URL})
  NO_COLOR         no colour
\b
Exit status:
  {EXIT_OK} done, {EXIT_TASK} the task failed or the wait timed out,
  {EXIT_USAGE} bad input (nothing sent), {EXIT_REFUSED} the API refused,
  {EXIT_CONNECTION} the API could not be reached, {EXIT_INTERRUPTED} Ctrl-C,
  {EXIT_BROKEN_PIPE} stdout closed early (e.g. | head)
\b
Examples:
  kling demo
  kling text2video --prompt "a calm sea at dawn" --wait --output out/
  kling text2video --help
\b
Shell completion (bash; zsh and fish likewise):
  eval "$(_KLING_COMPLETE=bash_source kling)"
"""


@click.group(
    cls=_LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=_EPILOG,
)
@click.version_option(package_name="kling-ext")
def cli() -> None:
    """Generate Kling AI videos, run the mock gateway, check a gateway's conformance."""
