"""What the CLI shows: live progress on stderr, the one JSON result on stdout, and errors.

Every command runs its body inside :func:`reporting`, the one place where a library error becomes
``error: <message>`` on stderr (with ``--json``, also one JSON error object on stdout) and the exit
status of its class (``_exit.exit_code_for``), and where Ctrl-C while waiting says how to pick
the task up again. stdout only ever carries results
(a task id, saved paths, or one JSON document), so scripts can read it unmixed with progress.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any

import attrs
import click
from rich.console import Console
from rich.live import Live
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)
from rich.spinner import Spinner

from kling_ext import (
    APIError,
    ConfigurationError,
    ExternalTaskIdInUseError,
    KlingError,
    Task,
    TaskError,
    TaskFailedError,
    TaskMayExistError,
    TaskTimeoutError,
    ValidationError,
)
from kling_ext._auth import redact

from ._exit import EXIT_BROKEN_PIPE, EXIT_INTERRUPTED, EXIT_TASK, exit_code_for

__all__ = [
    "CommandState",
    "Watch",
    "cli_words",
    "echo_json",
    "error_json",
    "hide_secrets",
    "reporting",
    "safe_text",
    "task_json",
    "wait_hint",
]

# A status line redrawn 8 times a second keeps the elapsed time and spinner smooth but cheap.
_REFRESH_PER_SECOND = 8
# What a terminal may act on rather than show: C0 (ESC, BEL, CR, newline ...), DEL, C1 (CSI ...),
# and the bidirectional overrides that make text read differently from what it is.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# In JSON, C0 is always escaped by `json.dumps`; the rest of the set above is not.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


# Where a command keeps the credentials its client uses, so that what it shows has them cut out.
# The click context's `meta` lives as long as the command: nothing process-wide holds the key.
_SECRETS_META = "kling_ext.shown_secrets"


def hide_secrets(secrets: Sequence[str]) -> None:
    """Cut these credentials out of everything this command shows from now on.

    The library hands back the server's data as sent (a key the server echoes into a task
    included); the CLI shows it through :func:`safe_text` and :func:`echo_json`, which redact.

    Args:
        secrets: The client's credentials (``client._settings.secrets``).
    """
    context = click.get_current_context(silent=True)
    if context is not None:
        known = context.meta.setdefault(_SECRETS_META, [])
        known.extend(secret for secret in secrets if secret and secret not in known)


def _secrets() -> tuple[str, ...]:
    context = click.get_current_context(silent=True)
    return tuple(context.meta.get(_SECRETS_META, ())) if context is not None else ()


def safe_text(text: object, secrets: Sequence[str] | None = None) -> str:
    """Text from the server made harmless for a terminal: control characters shown escaped,
    credentials cut out.

    An id, a status message or an error message could otherwise set the terminal's title,
    clear the screen or forge a line of output, or show a key the server echoed.

    Args:
        text: What to show (converted with ``str``).
        secrets: The credentials to cut out; default those of this command (:func:`hide_secrets`).

    Returns:
        The text, with every control character written as ``\\xNN`` or ``\\uNNNN``.
    """
    shown = redact(str(text), _secrets() if secrets is None else secrets)
    return _CONTROL.sub(_escape, shown)


def _redact_values(value: Any, secrets: Sequence[str]) -> Any:
    """A JSON value with the secrets cut out of its strings; the keys (the CLI's own) kept."""
    if isinstance(value, str):
        return redact(value, secrets)
    if isinstance(value, dict):
        return {key: _redact_values(item, secrets) for key, item in value.items()}
    if isinstance(value, list):
        return [_redact_values(item, secrets) for item in value]
    return value


def wait_hint(kind: str, task_id: str) -> str:
    """The command that resumes waiting for a task.

    Args:
        kind: The endpoint, e.g. ``text2video``.
        task_id: The task's id (or the external_task_id it was created with).

    Returns:
        For example ``kling wait text2video 8672837``.
    """
    return f"kling wait {kind} {task_id}"


def task_json(task: Task, paths: Sequence[Path] | None = ()) -> dict[str, Any]:
    """The JSON shape of a task that ``--json`` prints, in the API's own field names.

    Args:
        task: The task as last seen.
        paths: The files its videos were saved to, if any; ``None`` leaves ``paths`` out (for
            ``list``, which saves nothing).

    Returns:
        ``task_id``, ``task_status``, ``task_status_msg`` (why it failed, else null),
        ``external_task_id``, ``created_at`` and ``updated_at`` (ISO 8601, UTC), ``videos``,
        ``outputs`` (each file of any kind: ``kind``, ``url``) and ``paths``.
    """
    data: dict[str, Any] = {
        "task_id": task.task_id,
        "task_status": task.status.value,
        "task_status_msg": task.status_message,
        "external_task_id": task.external_task_id,
        "created_at": task.created_at.isoformat() if task.created_at else None,
        "updated_at": task.updated_at.isoformat() if task.updated_at else None,
        "videos": [{"url": video.url, "duration": video.duration} for video in task.videos],
        # Every file of any kind (videos, images, audio), as --output saves them.
        "outputs": [{"kind": out.kind, "url": out.url} for out in task.outputs],
    }
    if paths is not None:
        data["paths"] = [str(path) for path in paths]
    return data


def error_json(exc: KlingError, text: str) -> dict[str, Any]:
    """The one JSON object ``--json`` prints on stdout when a command fails without a task.

    Args:
        exc: The error.
        text: Its message as the CLI words it (flags rather than field names).

    Returns:
        ``{"error": {"type", "code", "message", "request_id"}}``: the error's class name, the
        API's business code and request_id (null when the API did not answer).
    """
    api = exc if isinstance(exc, APIError) else None
    return {
        "error": {
            "type": type(exc).__name__,
            "code": api.code if api else None,
            "message": text,
            "request_id": api.request_id if api else None,
        }
    }


def echo_json(value: object) -> None:
    """Print one JSON document on stdout.

    Args:
        value: A JSON-serialisable object or list.
    """
    # Still the same JSON value: the escapes only spell out what a terminal would act on.
    text = json.dumps(_redact_values(value, _secrets()), ensure_ascii=False)
    click.echo(_JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text))


@attrs.define
class CommandState:
    """What a command knows so far (its task, its flags, how to start over), so that its error
    message can tell the user how to continue. Not a batch `Job`: a command runs one task.

    Attributes:
        kind: The endpoint, e.g. ``text2video``, once known.
        task_id: The task's id once it exists, or the external_task_id it is being created with.
        task: The task as last seen, if any.
        creating: True while a create request is out: the task may or may not exist.
        created: True once the create request was answered, so the task surely exists.
        flags: The option that sets each request field (``prompt`` -> ``--prompt``), so an
            error names what the user typed.
        rerun: The command that starts over, for a task that cannot be resumed.
    """

    kind: str | None = None
    task_id: str | None = None
    task: Task | None = None
    creating: bool = False
    created: bool = False
    flags: Mapping[str, str] = attrs.field(factory=dict)
    rerun: str | None = None
    """Set when the task lives on a server that ends with the command (the demo's embedded
    mock): no hint may point at the task afterwards; this command starts over instead."""


def _validation_text(exc: ValidationError, flags: Mapping[str, str]) -> str:
    root = re.split(r"[.\[]", exc.field, maxsplit=1)[0]
    flag = flags.get(root)
    if flag is None:
        return str(exc)
    where = flag if root == exc.field else f"{flag} ({exc.field})"
    allowed = f"; allowed: {exc.allowed}" if exc.allowed is not None else ""
    return f"{where}: {exc.message}{allowed}"


# How to fix each kind of misconfiguration (`ConfigurationError.remedy`), in the CLI's terms.
_CLI_REMEDIES: Mapping[str, str] = {
    "credentials": "pass --api-key, or set KLING_API_KEY (or API_KEY); for Kling's own "
    "endpoint set KLING_ACCESS_KEY and KLING_SECRET_KEY",
    "access_keys": "set both KLING_ACCESS_KEY and KLING_SECRET_KEY",
    "base_url": "pass --base-url, or set KLING_BASE_URL",
    "allow_insecure": "use https, or pass --allow-insecure if you really mean it",
}


# Library messages name keyword arguments (`force=True`); a shell user has flags instead. The
# forms naming both, then any `name=True` left (every such argument is also a flag of the CLI).
_BOTH_FORMS = re.compile(r"(--[a-z][\w-]*) \([a-z_]+=True\)")
_ARGUMENT_OR_FLAG = re.compile(r"\b[a-z_]+=True, or kling (--[a-z][\w-]*),")
_ARGUMENT = re.compile(r"(?<![\w-])([a-z][a-z_]*)=True\b")


def cli_words(text: str) -> str:
    """A library message in the CLI's terms: ``--force`` where it said ``force=True``.

    Args:
        text: The message.

    Returns:
        The message with each ``name=True`` written as the flag ``--name``.
    """
    text = _BOTH_FORMS.sub(r"\1", text)
    text = _ARGUMENT_OR_FLAG.sub(r"kling \1", text)
    return _ARGUMENT.sub(lambda m: "--" + m.group(1).replace("_", "-"), text)


def _timeout_text(exc: TaskTimeoutError, task_id: str) -> str:
    if exc.task is not None:
        return f"task {task_id} is still running after {exc.timeout:g} s"
    cause = exc.__cause__
    why = f" ({safe_text(cause)})" if cause is not None else ""
    return f"task {task_id} could not be read within {exc.timeout:g} s{why}"


def _error_text(exc: KlingError, state: CommandState) -> str:
    task_id = safe_text(getattr(exc, "task_id", state.task_id))
    # A task on a server gone with the command cannot be resumed: start over instead.
    again = f"run it again with: {state.rerun}" if state.rerun else None
    if isinstance(exc, TaskTimeoutError):
        resume = again or f"resume with: {wait_hint(state.kind or '<kind>', task_id)}"
        return f"{_timeout_text(exc, task_id)}; {resume}"
    if isinstance(exc, TaskFailedError):
        reason = f": {safe_text(exc.message)}" if exc.message else ""
        see = again or f"see it again with: {wait_hint(state.kind or '<kind>', task_id)}"
        return f"task {task_id} failed{reason} ({see})"
    if isinstance(exc, ValidationError):
        text = safe_text(_validation_text(exc, state.flags))
    elif isinstance(exc, ConfigurationError):
        fix = _CLI_REMEDIES.get(exc.remedy) if exc.remedy is not None else None
        text = safe_text(f"{exc.problem}; {fix}." if fix else exc.problem)
    elif isinstance(exc, ExternalTaskIdInUseError):
        # Nothing was made: say which id is taken, and how to see the task that holds it.
        external = safe_text(exc.external_task_id)
        kind = state.kind or exc.kind.replace("_", "-")
        text = (
            f"{safe_text(exc.problem)}\nuse another --external-task-id (or none), or see that "
            f"task with: kling status {kind} {external}"
        )
    elif isinstance(exc, TaskMayExistError) and exc.external_task_id is None:
        # No id to look it up by (the endpoint takes none): it was not sent again; say where
        # the task would show up.
        kind = state.kind or exc.kind.replace("_", "-")
        look = again or (
            f"{kind} takes no external_task_id, so the create was not sent again; check "
            f"`kling list {kind}` before creating it again"
        )
        text = f"{safe_text(exc.problem)}\n{look}"
    elif isinstance(exc, TaskMayExistError):
        # Creating again could pay twice: say which id finds the task, and how.
        external = safe_text(exc.external_task_id)
        kind = state.kind or exc.kind.replace("_", "-")
        look = again or f"look it up before creating it again: kling status {kind} {external}"
        text = f"{safe_text(exc.problem)}\nexternal_task_id: {external}\n{look}"
    else:
        text = safe_text(str(exc))
    if again and state.created:
        text += f"\n{again}"
    elif state.created and state.kind and state.task_id and not isinstance(exc, TaskError):
        # The task exists and may be paid for: say how to get it rather than create it again.
        ident = safe_text(state.task_id)
        text += f"\ntask {ident} exists; follow it with: {wait_hint(state.kind, ident)}"
    return text


@contextmanager
def reporting(*, json_output: bool = False) -> Iterator[CommandState]:
    """Run a command body: turn its errors and Ctrl-C into a message and an exit status.

    Args:
        json_output: ``--json`` was given: a task that ended badly is still printed as JSON,
            any other error as one JSON error object (see :func:`error_json`).

    Yields:
        The state the body fills in as it goes (kind, task id), for the messages.

    Raises:
        click.exceptions.Exit: with the status of the error's class (``_exit``), 130 for Ctrl-C.
    """
    state = CommandState()
    try:
        yield state
    except KlingError as exc:
        text = cli_words(_error_text(exc, state))
        if json_output and isinstance(exc, TaskError) and isinstance(exc.task, Task):
            echo_json(task_json(exc.task))
        elif json_output:
            echo_json(error_json(exc, text))
        click.echo(f"error: {text}", err=True)
        raise click.exceptions.Exit(exit_code_for(exc)) from None
    except KeyboardInterrupt:
        if state.rerun:
            click.echo("\ninterrupted", err=True)
        elif state.creating and not state.created and state.kind and state.task_id:
            click.echo(
                f"\ninterrupted; the task may have been created: kling status {state.kind} "
                f"{safe_text(state.task_id)}",
                err=True,
            )
        elif state.creating and not state.created and state.kind:
            # No external_task_id was sent (the endpoint takes none): only the list can tell.
            click.echo(
                f"\ninterrupted; the task may have been created: check kling list {state.kind}",
                err=True,
            )
        elif state.kind and state.task_id:
            hint = wait_hint(state.kind, safe_text(state.task_id))
            click.echo(f"\nstopped waiting; the task keeps running: {hint}", err=True)
        else:
            click.echo("\ninterrupted", err=True)
        raise click.exceptions.Exit(EXIT_INTERRUPTED) from None
    except BrokenPipeError:
        # The reader of stdout left (`| head -1`): nothing to say, and no one to say it to.
        raise click.exceptions.Exit(EXIT_BROKEN_PIPE) from None
    except OSError as exc:
        # Writing the video failed (disk full, no permission): the task is done, fetch it again.
        text = f"error: {safe_text(exc)}"
        if json_output:
            message = safe_text(exc)
            error = {"type": type(exc).__name__, "code": None, "message": message}
            echo_json({"error": {**error, "request_id": None}})
        if state.rerun:
            text += f"\nrun it again with: {state.rerun} --output PATH"
        elif state.kind and state.task is not None and state.task_id:
            hint = wait_hint(state.kind, safe_text(state.task_id))
            text += f"\nsave it elsewhere with: {hint} --output PATH"
        click.echo(text, err=True)
        raise click.exceptions.Exit(EXIT_TASK) from None


def _elapsed(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    return f"{minutes}m{secs:02d}s" if minutes else f"{secs}s"


class _StatusLine:
    """A renderable recomputed on every refresh, so the elapsed time ticks between polls."""

    def __init__(self, watch: Watch) -> None:
        self._watch = watch
        self._spinner = Spinner("dots")

    def __rich__(self) -> Spinner:
        self._spinner.update(text=self._watch.describe())
        return self._spinner


class Watch:
    """Shows a task's progress on stderr: a live line and a download bar on a terminal, else
    one plain line per status change and per saved file.

    Use it as a context manager around the wait and the download; pass :meth:`on_update` and
    :meth:`on_download` to the library as callbacks.
    """

    def __init__(self, kind: str, *, console: Console | None = None) -> None:
        """Initialise the display.

        Args:
            kind: The endpoint, e.g. ``text2video``.
            console: Where to draw; default a stderr console.
        """
        self.kind = kind
        self._console = console or Console(stderr=True)
        self._live_terminal = self._console.is_terminal and not self._console.is_dumb_terminal
        self._started = time.monotonic()
        self._task: Task | None = None
        self._live: Live | None = None
        self._progress: Progress | None = None
        self._bar: TaskID | None = None
        self._received = 0
        # The live line is redrawn from rich's own thread, where the command's context is unseen.
        self._secrets = _secrets()

    def describe(self) -> str:
        """The status line: endpoint, task id, status and time spent waiting."""
        task = self._task
        ident = safe_text(task.task_id, self._secrets) if task else "?"
        status = safe_text(task.status.value, self._secrets) if task else "creating"
        return f"{self.kind} {ident}: {status} ({_elapsed(time.monotonic() - self._started)})"

    def __enter__(self) -> Watch:
        if self._live_terminal:
            self._live = Live(
                _StatusLine(self),
                console=self._console,
                refresh_per_second=_REFRESH_PER_SECOND,
                transient=True,
            )
            self._live.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._stop()

    def _stop(self) -> None:
        if self._live is not None:
            self._live.stop()
            self._live = None
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

    def on_update(self, task: Task) -> None:
        """Record a status change (the library calls this once per change).

        Args:
            task: The task as just seen.
        """
        changed = self._task is None or self._task.status != task.status
        self._task = task
        if not changed:
            return  # the first poll repeats the status the create answered with
        if not self._live_terminal:
            self._console.print(self.describe(), markup=False, highlight=False, soft_wrap=True)
        elif task.done:
            self._stop()
            self._console.print(self.describe(), markup=False, highlight=False)

    def on_download(self, received: int, total: int | None) -> None:
        """Advance the download bar (the library calls this as chunks arrive).

        Args:
            received: Bytes of the current file received so far.
            total: The file's size, if the server said.
        """
        if not self._live_terminal:
            return
        if self._live is not None:
            self._stop()
        progress = self._progress
        if progress is None or received < self._received:
            # A new file starts (a task can have several videos): give it its own bar.
            if progress is None:
                progress = self._progress = Progress(
                    TextColumn("downloading"),
                    BarColumn(),
                    DownloadColumn(),
                    TransferSpeedColumn(),
                    TimeRemainingColumn(),
                    console=self._console,
                    transient=True,
                )
                progress.start()
            self._bar = progress.add_task("download", total=total)
        self._received = received
        if self._bar is not None:
            progress.update(self._bar, completed=received, total=total)

    def saved(self, paths: Sequence[Path]) -> None:
        """Say where the videos were written.

        Args:
            paths: The saved files.
        """
        self._stop()
        for path in paths:
            text = f"saved {safe_text(path)}"
            self._console.print(text, markup=False, highlight=False, soft_wrap=True)
