"""``kling text2video`` and the other create commands, and ``status``, ``wait`` and ``list``.

The create commands' options come from the spec (``_options``). The library checks every value,
so bad input exits with 2 before a request is sent.
"""

from __future__ import annotations

import contextlib
import json
import shlex
import warnings
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from click.core import ParameterSource

from kling_ext import Kling, Task
from kling_ext._constants import DEFAULT_BASE_URL, DEFAULT_WAIT_TIMEOUT
from kling_ext._prepare import UnknownValueWarning, new_external_task_id
from kling_ext._spec import Endpoint, endpoints, load_spec, resolve
from kling_ext._validation import required_fields

if TYPE_CHECKING:
    from kling_ext.callbacks import CallbackReceiver

from ._options import (
    FieldOption,
    collect_fields,
    escape_hatch_options,
    option_words,
    spec_options,
    takes_image_files,
)
from ._output import (
    CommandState,
    Watch,
    echo_json,
    hide_secrets,
    reporting,
    safe_text,
    task_json,
    wait_hint,
)

__all__ = [
    "CREATE_COMMANDS",
    "WEBHOOK_SECRET_ENV",
    "callback_receiver",
    "follow",
    "list_tasks",
    "status",
    "wait",
]

# ------------------------------------------------------------------ shared options


def _api_params() -> list[click.Parameter]:
    return [
        click.Option(
            ["--api-key"],
            metavar="KEY",
            help="API key. Default: $KLING_API_KEY, else $API_KEY (prefer them: flags show in ps).",
        ),
        click.Option(
            ["--base-url"],
            metavar="URL",
            help=f"API base URL. Default: $KLING_BASE_URL, else {DEFAULT_BASE_URL}.",
        ),
        click.Option(
            ["--allow-insecure"],
            is_flag=True,
            help="Allow a plain http:// base URL on another host (the key travels unencrypted).",
        ),
    ]


def _client(api_key: str | None, base_url: str | None, allow_insecure: bool) -> Kling:
    client = Kling(api_key=api_key, base_url=base_url, allow_insecure=allow_insecure)
    hide_secrets(client._settings.secrets)  # data comes back as sent: the output redacts
    return client


def _examples(*lines: str) -> str:
    """An --help epilog; `\b` keeps click from re-wrapping the command lines."""
    return "\b\nExamples:\n" + "\n".join(f"  {line}" for line in lines)


WEBHOOK_SECRET_ENV = "KLING_WEBHOOK_SECRET"  # noqa: S105 - the variable's name, not a secret


def _callback_params() -> list[click.Parameter]:
    return [
        click.Option(
            ["--callback-listen"],
            metavar="HOST:PORT",
            help="Wait by callback: receive the task's callbacks on this address (implies "
            "--wait). The API must reach it: give --callback-url if it sees another address. "
            "Polls only when callbacks do not come.",
        ),
        click.Option(
            ["--webhook-secret"],
            metavar="whsec_...",
            envvar=WEBHOOK_SECRET_ENV,
            show_envvar=True,
            help="With --callback-listen: accept only callbacks signed with this Standard "
            f"Webhooks secret (Kling's console). Prefer ${WEBHOOK_SECRET_ENV}: flags show in ps.",
        ),
    ]


def _listen_address(text: str, public_url: str | None) -> tuple[str, int]:
    from kling_ext.callbacks._receiver import WILDCARD_HOSTS

    host, sep, port = text.rpartition(":")
    host = host.strip("[]")
    if not sep or not host or not port.isdigit() or not 0 <= int(port) <= 65535:
        raise click.BadParameter(
            f"{text!r} is not HOST:PORT (e.g. 127.0.0.1:8080)", param_hint="--callback-listen"
        )
    if host in WILDCARD_HOSTS and public_url is None:
        # The tasks would be created with http://0.0.0.0:PORT/..., which the API cannot reach.
        raise click.BadParameter(
            f"{text!r} listens on every address, none of which the API can be told: give "
            "--callback-url (the public URL that reaches it), or listen on one address",
            param_hint="--callback-listen",
        )
    return host, int(port)


def _receiver(public_url: str | None, secret: str | None, inbox: Path | None) -> CallbackReceiver:
    from kling_ext.callbacks import CallbackReceiver

    try:
        return CallbackReceiver(public_url, inbox=inbox, webhook_secret=secret)
    except ValueError as exc:
        # The message names the field; a secret is never part of it (webhook_key says why).
        hint = "--callback-url" if "public_url" in str(exc) else "--webhook-secret"
        text = str(exc).replace("public_url", "the URL")
        raise click.BadParameter(text, param_hint=hint) from None


def check_callback_flags(listen: str | None, public_url: str | None, secret: str | None) -> None:
    """Refuse bad `--callback-listen`, `--callback-url` and `--webhook-secret` values now,
    before anything is read, made or sent (click.BadParameter naming the flag)."""
    if listen is None:
        # Given on the command line (not from the environment) it would be silently unused.
        ctx = click.get_current_context(silent=True)
        given = ctx.get_parameter_source("webhook_secret") if ctx is not None else None
        if given is ParameterSource.COMMANDLINE:
            raise click.UsageError(
                "--webhook-secret needs --callback-listen (where to receive the callbacks)"
            )
        return
    _listen_address(listen, public_url)
    _receiver(public_url, secret, None).inbox.close()


@contextlib.contextmanager
def callback_receiver(
    listen: str | None,
    public_url: str | None,
    secret: str | None,
    *,
    inbox: Path | None = None,
) -> Iterator[CallbackReceiver | None]:
    """The receiver of `--callback-listen`, served while the block runs (None without it).

    `inbox` is its durable inbox file (made once the flags are checked); default in memory.
    """
    if listen is None:
        yield None
        return
    host, port = _listen_address(listen, public_url)
    receiver = _receiver(public_url, secret, inbox)
    try:
        server = receiver.serve(host, port)
    except OSError as exc:
        raise click.BadParameter(
            f"cannot listen on {listen}: {exc.strerror or exc}", param_hint="--callback-listen"
        ) from None
    try:
        yield receiver
    finally:
        server.close()
        receiver.inbox.close()


def _json_param(help_text: str) -> click.Parameter:
    return click.Option(["--json", "json_output"], is_flag=True, help=help_text)


# What --output saves, by the endpoint's output kind (`x-kling-output`).
_OUTPUT_WORDS: Mapping[str, str] = {
    "videos": "the video(s)",
    "images": "the image(s)",
    "audios": "the audio file(s)",
}


def _wait_params(output: str | None = None) -> list[click.Parameter]:
    what = _OUTPUT_WORDS.get(output or "", "the task's files (videos, images or audio)")
    return [
        click.Option(
            ["--output", "-o"],
            type=click.Path(),  # text, not a Path: "renders.v2/" keeps the slash of a folder
            help=f"Download {what} here: a file, or a folder for several. Implies --wait.",
        ),
        click.Option(
            ["--timeout"],
            type=click.FloatRange(min=0, min_open=True),
            default=DEFAULT_WAIT_TIMEOUT,
            show_default=True,
            metavar="SECONDS",
            help="How long to wait for the task.",
        ),
        _json_param("Print one JSON object on stdout when done (all else goes to stderr)."),
    ]


class _Kind(click.Choice[str]):
    """An endpoint name; `motion_control` is accepted for `motion-control`."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        text = value.replace("_", "-") if isinstance(value, str) else value
        return str(super().convert(text, param, ctx))


def _task_arguments() -> list[click.Parameter]:
    return [click.Argument(["kind"], type=_Kind(sorted(endpoints()))), click.Argument(["task_id"])]


# ------------------------------------------------------------------ running a task


def _print_result(task: Task, paths: Sequence[Path], json_output: bool) -> None:
    if json_output:
        echo_json(task_json(task, paths))
        return
    for line in [str(path) for path in paths] or [output.url for output in task.outputs]:
        click.echo(safe_text(line))


def follow(
    client: Kling,
    state: CommandState,
    task: Task | str,
    *,
    output: str | Path | None,
    timeout: float,
    json_output: bool,
    callbacks: CallbackReceiver | None = None,
) -> None:
    """Wait for a task with live progress, download it if asked, and print the result.

    Args:
        client: The client to poll and download with.
        state: The running command's state; ``state.kind`` names the endpoint.
        task: The task just created, or a task id / external_task_id to resume.
        output: Where to save the outputs (a file or a folder), or ``None`` not to download.
        timeout: Seconds to wait for the task to end.
        json_output: Print one JSON object instead of the paths (or URLs).
        callbacks: Wait by callback with this receiver (the task was created with its URL).

    Raises:
        TaskFailedError: the task failed.
        TaskTimeoutError: still running at the deadline.
    """
    kind = state.kind or ""
    paths: list[Path] = []
    with Watch(kind) as watch:
        if isinstance(task, Task):
            watch.on_update(task)
        done = client.resource(kind).wait(
            task, timeout=timeout, on_update=watch.on_update, callbacks=callbacks
        )
        state.task = done
        # An endpoint that makes no files (a voice clone, an element) has nothing to save; any
        # other succeeded without a file is an error the download reports.
        makes_files = endpoints()[kind].output != "none" if kind in endpoints() else True
        if output is not None and (done.outputs or makes_files):
            paths = client.download(done, output, on_progress=watch.on_download)
            watch.saved(paths)
        elif output is not None:
            click.echo(f"{kind} tasks make no files: nothing to save in {output}", err=True)
    _print_result(done, paths, json_output)


def _create(ep: Endpoint, entries: Sequence[FieldOption], values: dict[str, Any]) -> None:
    output: str | None = values.pop("output")
    timeout: float = values.pop("timeout")
    json_output: bool = values.pop("json_output")
    listen: str | None = values.pop("callback_listen")
    webhook_secret: str | None = values.pop("webhook_secret")
    wait_for_it: bool = values.pop("wait") or output is not None or listen is not None
    api_key, base_url = values.pop("api_key"), values.pop("base_url")
    allow_insecure: bool = values.pop("allow_insecure")
    hatches = {"extra_body": values.pop("extra_body"), "allow_unknown": values.pop("allow_unknown")}
    check_callback_flags(listen, values.get("callback_url"), webhook_secret)
    with reporting(json_output=json_output) as state:
        state.flags = {entry.field: entry.option.opts[0] for entry in entries}
        fields = {**collect_fields(entries, values), **hatches}
        if takes_external_task_id(ep):
            # Chosen here, not in the library, so an interrupted create can still be looked up.
            fields.setdefault("external_task_id", new_external_task_id())
        state.kind, state.task_id, state.creating = ep.kind, fields.get("external_task_id"), True
        # With --callback-listen, --callback-url is where the API reaches the receiver: the
        # task is created with that URL plus its capability token (keyed by the create's
        # external_task_id, or by an id of its own where the endpoint takes none).
        public_url = fields.pop("callback_url", None) if listen is not None else None
        key = str(fields.get("external_task_id") or new_external_task_id())
        with (
            callback_receiver(listen, public_url, webhook_secret) as receiver,
            _client(api_key, base_url, allow_insecure) as client,
        ):
            if receiver is not None:
                hide_secrets([receiver.token(key), webhook_secret or ""])
                fields["callback_url"] = receiver.callback_url(key)
            with warnings.catch_warnings(record=True) as warned:
                warnings.simplefilter("always", UnknownValueWarning)
                try:
                    task: Task = client.resource(ep.kind).create(**fields)
                finally:  # also when the API then refuses what was sent
                    for warning in warned:
                        click.echo(f"warning: {safe_text(str(warning.message))}", err=True)
            state.task_id, state.task, state.created = task.task_id, task, True
            if wait_for_it:
                follow(
                    client,
                    state,
                    task,
                    output=output,
                    timeout=timeout,
                    json_output=json_output,
                    callbacks=receiver,
                )
                return
        if json_output:
            echo_json(task_json(task))
        else:
            ident = safe_text(task.task_id)
            click.echo(ident)
            click.echo(
                f"{ep.kind} task {ident} {task.status.value}; "
                f"follow it with: {wait_hint(ep.kind, ident)}",
                err=True,
            )


def _create_command(ep: Endpoint) -> click.Command:
    entries = spec_options(ep)
    summary = load_spec()["paths"][ep.path]["post"].get("summary", ep.kind)

    def callback(**values: Any) -> None:
        _create(ep, entries, values)

    run_params: list[click.Parameter] = [
        click.Option(["--wait", "-w"], is_flag=True, help="Wait until the task ends."),
        *_wait_params(ep.output),
        *_callback_params(),
        *escape_hatch_options(),
        *_api_params(),
    ]
    params = [*(entry.option for entry in entries), *run_params]
    names = [param.name for param in params]
    if len(set(names)) != len(names):
        raise RuntimeError(f"{ep.kind}: a spec field is named like an option of the run: {names}")
    text = (
        f"{summary}.\n\nWithout --wait, prints the task id; follow it with "
        f"`kling wait {ep.kind} ID`."
        + (" Images may be URLs or local files." if takes_image_files(entries) else "")
    )
    if not takes_external_task_id(ep):
        text += "\n\n" + money_safety_note(ep)
    return click.Command(
        ep.kind,
        params=params,
        callback=callback,
        help=text,
        short_help=summary + ".",
        epilog=_examples(*create_examples(ep, entries)),
    )


def takes_external_task_id(ep: Endpoint) -> bool:
    """Whether the endpoint's create takes an ``external_task_id`` (so a lost answer is found)."""
    return "external_task_id" in ep.fields


def money_safety_note(ep: Endpoint) -> str:
    """What ``--help`` says of an endpoint without ``external_task_id``: nothing is re-sent."""
    check = f"`kling list {ep.kind}`" if ep.list_operation else "your account"
    return (
        "No external_task_id: this endpoint's tasks cannot be looked up by an id chosen "
        "before the create. A create whose answer is lost (timeout, dropped connection, 5xx "
        "after the body was sent) is therefore never re-sent: it is reported as a task that "
        f"may exist (exit 3). Check {check} before creating it again."
    )


# Fields an example on the command line leaves out: plumbing, not what the example shows
# (a callback URL of the docs' host, an id that a second run of the line would find taken).
_EXAMPLE_SKIPS = frozenset({"callback_url", "external_task_id"})
# Examples shown per command, besides the --wait form of the first.
_EXAMPLES_SHOWN = 2


def spec_examples(ep: Endpoint) -> list[Mapping[str, Any]]:
    """The request examples the spec gives the endpoint's create, the docs' (``official``) first."""
    operation = load_spec()["paths"][ep.path]["post"]
    content = operation.get("requestBody", {}).get("content", {}).get("application/json", {})
    named: Mapping[str, Any] = content.get("examples", {})
    # The docs' examples first, then the gateway's (seed), then the spec's own.
    order = sorted(named, key=lambda name: (not name.startswith("official"), name != "seed"))
    values = [named[name].get("value") for name in order]
    if "example" in content:
        values.append(content["example"])
    return [value for value in values if isinstance(value, Mapping)]


def example_command(ep: Endpoint, entries: Sequence[FieldOption], body: Mapping[str, Any]) -> str:
    """A request example of the spec as the ``kling`` command line that sends that body.

    Options come in ``--help`` order; fields without an option of their own go into
    ``--extra-body``.
    """
    words = ["kling", ep.kind]
    given = {
        field: value
        for field, value in body.items()
        if field not in _EXAMPLE_SKIPS and value is not None and value != ""
    }
    for entry in entries:
        if entry.option.name != entry.field or entry.field not in given:
            continue  # a shorthand (--image for image_list): the field's own option says it
        words += option_words(entry, given.pop(entry.field))
    if given:
        words += ["--extra-body", json.dumps(given, ensure_ascii=False)]
    return shlex.join(words)


def create_examples(ep: Endpoint, entries: Sequence[FieldOption]) -> list[str]:
    """The command's examples: the spec's request examples, then the first with ``--wait``.

    An endpoint whose spec gives no example gets one made of its required options.
    """
    lines = [example_command(ep, entries, body) for body in spec_examples(ep)]
    lines = list(dict.fromkeys(lines))[:_EXAMPLES_SHOWN] or [_placeholder_example(ep, entries)]
    return [*lines, f"{lines[0]} --wait --output out/ --json"]


def _placeholder_example(ep: Endpoint, entries: Sequence[FieldOption]) -> str:
    """A command line of the required options (with placeholders), for a spec without examples."""
    properties = {name: resolve(schema) for name, schema in ep.schema.get("properties", {}).items()}
    # Required by the schema or by an unconditional rule (omni-video's aspect_ratio without a
    # frame): an example without them would be refused.
    # Fields the client fills from x-kling-default (model_name, duration, ...) are left out: the
    # example shows what a user must type.
    samples = {
        name: schema.get("enum", ["x"])[0]
        for name, schema in properties.items()
        if name not in ep.defaults
    }
    required = set(required_fields(ep.schema, samples))
    flags = {entry.option.name: entry.option.opts[0] for entry in entries}
    needed = ['--prompt "a red fox running through snow"'] if "prompt" in properties else []
    for name in [name for name in properties if name in required]:
        if name == "prompt":
            continue
        shorthand = flags.get(f"{name}__each")
        if shorthand is not None:  # a list of media: the repeatable form reads better than JSON
            needed.append(f"{shorthand} ./first.png {shorthand} ./second.png")
        elif name in flags and "enum" in properties[name]:
            needed.append(f"{flags[name]} {properties[name]['enum'][0]}")
        elif name in flags and name == "image":  # the image field takes a local file too
            needed.append(f"{flags[name]} ./start.png")
        elif name in flags:
            needed.append(f"{flags[name]} {name.upper()}")
    if "image" in properties and "image" not in required:
        needed.append("--image ./start.png")
    return f"kling {ep.kind} {' '.join(needed)}".rstrip()


CREATE_COMMANDS: Mapping[str, click.Command] = {
    kind: _create_command(ep) for kind, ep in sorted(endpoints().items())
}
"""One create command per endpoint of the spec, by its name (``motion-control``)."""


# ------------------------------------------------------------------ status, wait, list


def _status(
    kind: str,
    task_id: str,
    json_output: bool,
    api_key: str | None,
    base_url: str | None,
    allow_insecure: bool,
) -> None:
    with (
        reporting(json_output=json_output) as state,
        _client(api_key, base_url, allow_insecure) as client,
    ):
        state.kind = kind
        task: Task = client.resource(kind).get(task_id)
        if json_output:
            echo_json(task_json(task))
            return
        # Each value made safe, not the lines: a key that spells a label ("task") hides no label.
        lines = [
            f"task_id: {safe_text(task.task_id)}",
            f"status: {safe_text(task.status.value)}",
            f"external_task_id: {safe_text(task.external_task_id or '-')}",
        ]
        if task.status_message:
            lines.append(f"message: {safe_text(task.status_message)}")
        lines += [f"{output.kind}: {safe_text(output.url)}" for output in task.outputs]
        click.echo("\n".join(lines))
        if not task.done:
            click.echo(f"follow it with: {wait_hint(kind, safe_text(task.task_id))}", err=True)


status = click.Command(
    "status",
    params=[*_task_arguments(), _json_param("Print the task as one JSON object."), *_api_params()],
    callback=_status,
    help="Show a task now, by its task id or the external_task_id it was created with.",
    epilog=_examples("kling status text2video 8672837", "kling status image2video my-id --json"),
)


def _wait(
    kind: str,
    task_id: str,
    output: str | None,
    timeout: float,
    json_output: bool,
    api_key: str | None,
    base_url: str | None,
    allow_insecure: bool,
) -> None:
    with reporting(json_output=json_output) as state:
        state.kind, state.task_id = kind, task_id
        with _client(api_key, base_url, allow_insecure) as client:
            follow(client, state, task_id, output=output, timeout=timeout, json_output=json_output)


wait = click.Command(
    "wait",
    params=[*_task_arguments(), *_wait_params(), *_api_params()],
    callback=_wait,
    help="Wait for a task to end, and download its files (videos, images, audio) with --output.",
    epilog=_examples(
        "kling wait text2video 8672837",
        "kling wait text2video 8672837 --output out/ --timeout 3600",
    ),
)


def _list(
    kind: str,
    page: int,
    page_size: int,
    json_output: bool,
    api_key: str | None,
    base_url: str | None,
    allow_insecure: bool,
) -> None:
    with (
        reporting(json_output=json_output) as state,
        _client(api_key, base_url, allow_insecure) as client,
    ):
        state.kind = kind
        checks = (("--page", "pageNum", page), ("--page-size", "pageSize", page_size))
        for flag, name, value in checks:
            low, high = _page_bounds(kind, name)
            if (low is not None and value < low) or (high is not None and value > high):
                raise click.BadParameter(
                    f"{value} is not in the range {low}<=x<={high} of {kind} lists",
                    param_hint=flag,
                )
        tasks: list[Task] = client.resource(kind).list(page=page, page_size=page_size)
        if json_output:
            echo_json([task_json(task, paths=None) for task in tasks])
            return
        for task in tasks:
            created = task.created_at.isoformat(timespec="seconds") if task.created_at else "-"
            click.echo(f"{safe_text(task.task_id)}\t{task.status.value}\t{created}")
        if not tasks:
            click.echo(f"no {kind} tasks on page {page}", err=True)


def _page_bounds(kind: str, name: str) -> tuple[int | None, int | None]:
    """The bounds the spec gives a paging parameter of one endpoint's list (`pageSize` is 1-500
    for task lists, 1-1000 for voices)."""
    ep = endpoints()[kind]
    spec = load_spec()
    for raw in spec["paths"].get(ep.path, {}).get("get", {}).get("parameters", ()):
        found = raw
        if "$ref" in raw:
            found = spec["components"]["parameters"][raw["$ref"].rsplit("/", 1)[-1]]
        if found.get("name") == name:
            schema = found.get("schema", {})
            return schema.get("minimum"), schema.get("maximum")
    return None, None


def _page_range(name: str) -> click.IntRange:
    """The widest bounds any list gives a paging parameter; `_list` checks the endpoint's own."""
    bounds = [_page_bounds(kind, name) for kind, ep in endpoints().items() if ep.list_operation]
    lows = [low for low, _ in bounds if low is not None]
    highs = [high for _, high in bounds if high is not None]
    return click.IntRange(min(lows) if lows else None, max(highs) if highs else None)


list_tasks = click.Command(
    "list",
    params=[
        click.Argument(["kind"], type=_Kind(sorted(endpoints()))),
        click.Option(
            ["--page"],
            type=_page_range("pageNum"),
            default=1,
            show_default=True,
            help="Which page (1 is the newest).",
        ),
        click.Option(
            ["--page-size"],
            type=_page_range("pageSize"),
            default=30,
            show_default=True,
            help="Tasks per page.",
        ),
        _json_param("Print the tasks as one JSON array."),
        *_api_params(),
    ],
    callback=_list,
    help="List one page of an endpoint's tasks, newest first: id, status, creation time.",
    epilog=_examples("kling list text2video", "kling list image2video --page 2 --json"),
)
