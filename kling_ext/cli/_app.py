"""The `kling` click group: the command table and the global options.

Subcommands live in their own modules and are imported only when invoked, so `kling --help`
stays fast and `kling conformance` can say which extra to install instead of failing on import.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from typing import Any

import click

from kling_ext._constants import DEFAULT_BASE_URL, OFFICIAL_BASE_URL
from kling_ext._settings import ENV_ACCESS_KEY, ENV_API_KEY, ENV_BASE_URL, ENV_SECRET_KEY
from kling_ext._spec import calls, endpoints

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
# task endpoint of the spec is a create command (`kling text2video`) and every synchronous
# endpoint a command that prints its answer (`kling text-to-speech`), read from the spec.
_COMMANDS: dict[str, str] = {
    "account": "kling_ext.cli._calls:account",
    "status": "kling_ext.cli._tasks:status",
    "wait": "kling_ext.cli._tasks:wait",
    "list": "kling_ext.cli._tasks:list_tasks",
    "demo": "kling_ext.cli._demo:demo",
    "mock-server": "kling_ext.cli._mock_server:mock_server",
    "conformance": "kling_ext.cli._conformance:conformance",
    "batch": "kling_ext.cli._batch:batch",
    "batch-status": "kling_ext.cli._batch:batch_status",
}


# `kling --help` lists the commands in these groups; every endpoint of the spec joins the group
# of its output kind, so a family added to the spec is listed without a change here.
_OUTPUT_GROUPS: tuple[tuple[str, str], ...] = (
    ("videos", "Video tasks (create; then status, wait, list)"),
    ("images", "Image tasks (create; then status, wait, list)"),
    ("audios", "Audio tasks (create; then status, wait, list)"),
)
_FIXED_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Follow tasks", ("status", "wait", "list")),
    ("Account", ("account",)),
    ("Batches", ("batch", "batch-status")),
    ("Tools", ("demo", "mock-server", "conformance")),
)


def _endpoint_summary(path: str, method: str = "post") -> str:
    """The one-line summary the spec gives an operation, as a command's short help."""
    from kling_ext._spec import load_spec

    summary = str(load_spec()["paths"][path][method].get("summary", "")).rstrip(".")
    summary = summary.removesuffix(" (synchronous)")  # the group's title says so
    return f"{summary}." if summary else ""


class _LazyGroup(click.Group):
    """A click group whose commands are imported when they run, not when the CLI starts."""

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The commands in groups: one per kind of output, then the fixed commands.

        An endpoint's line is its spec summary, read without building its command, so a long
        list of endpoints costs `kling --help` nothing.
        """
        tasks = endpoints()
        listed: set[str] = set()
        sections: list[tuple[str, list[tuple[str, str]]]] = []
        for output, title in _OUTPUT_GROUPS:
            rows = [
                (name, _endpoint_summary(ep.path))
                for name, ep in sorted(tasks.items())
                if ep.output == output
            ]
            sections.append((title, rows))
            listed.update(name for name, _ in rows)
        other = [name for name in sorted(tasks) if name not in listed]
        title = "Other tasks (no files to download)"
        sections.append((title, [(n, _endpoint_summary(tasks[n].path)) for n in other]))
        listed.update(other)
        answers = calls()
        rows = [
            (name, _endpoint_summary(call.path, call.method.lower()))
            for name, call in sorted(answers.items())
        ]
        sections.append(("Synchronous calls (answer at once)", rows))
        listed.update(answers)
        limit = formatter.width - 6 - max(len(name) for name in self.list_commands(ctx))
        for title, names in _FIXED_GROUPS:
            rows = []
            for name in names:
                command = self.get_command(ctx, name)
                if command is not None and not command.hidden:
                    rows.append((name, command.get_short_help_str(limit)))
                    listed.add(name)
            sections.append((title, rows))
        rest = [name for name in self.list_commands(ctx) if name not in listed]
        rows = []
        for name in rest:
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(limit)))
        sections.append(("Other commands", rows))
        for title, rows in sections:
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *_COMMANDS, *endpoints(), *calls()})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = _COMMANDS.get(cmd_name)
        if target is None and cmd_name in endpoints():
            from ._tasks import CREATE_COMMANDS

            return CREATE_COMMANDS[cmd_name]
        if target is None and cmd_name in calls():
            from ._calls import CALL_COMMANDS

            return CALL_COMMANDS[cmd_name]
        if target is None:
            return super().get_command(ctx, cmd_name)
        module, _, attr = target.partition(":")
        command: Any = getattr(importlib.import_module(module), attr)
        assert isinstance(command, click.Command)
        return command

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """Run the CLI; errors click itself reports follow the CLI's own rules.

        A usage error (unknown option, missing argument, bad value) under ``--json`` also prints
        the JSON error object on stdout, as every other error does; Ctrl-C before a command's
        own handler runs exits 130 like Ctrl-C anywhere else, not click's 1.
        """
        argv = list(sys.argv[1:] if args is None else args)
        if not standalone_mode:
            return super().main(argv, prog_name, complete_var, standalone_mode, **extra)
        try:
            code = super().main(argv, prog_name, complete_var, standalone_mode=False, **extra)
        except click.ClickException as exc:
            if _wants_json(self, argv):
                from ._output import echo_json

                echo_json(usage_error_json(exc))
            exc.show()
            sys.exit(exc.exit_code)
        except click.exceptions.Abort:
            click.echo("interrupted", err=True)  # click has ended the line of the ^C echo
            sys.exit(EXIT_INTERRUPTED)
        # Without standalone mode click returns the command's own `Exit` status, or its value.
        sys.exit(code if isinstance(code, int) else EXIT_OK)


def usage_error_json(exc: click.ClickException) -> dict[str, Any]:
    """The ``--json`` error object of an error click reports (a usage error, a bad value).

    Args:
        exc: The error.

    Returns:
        The same shape as a library error's (``_output.error_json``): ``type`` is click's class
        name (``UsageError``, ``BadParameter``, ``NoSuchOption`` ...), ``code`` and
        ``request_id`` null (nothing was sent).
    """
    return {
        "error": {
            "type": type(exc).__name__,
            "code": None,
            "message": exc.format_message(),
            "request_id": None,
        }
    }


def _wants_json(group: click.Group, argv: Sequence[str]) -> bool:
    """Whether the command line asks for ``--json`` output (a flag of its command)."""
    words = list(argv[: argv.index("--")] if "--" in argv else argv)
    if "--json" not in words:
        return False
    name = next((word for word in words if not word.startswith("-")), None)
    if name is None:
        return False
    try:
        command = group.get_command(click.Context(group), name)
    except Exception:  # a command that cannot load: answer as if no --json
        return False
    params = command.params if command is not None else []
    # `conformance --json FILE` names a report file: its usage errors stay plain text.
    return any("--json" in param.opts and getattr(param, "is_flag", False) for param in params)


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
    """Generate Kling AI videos, images and audio; run the mock gateway; check a gateway."""
