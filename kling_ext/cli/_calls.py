"""Synchronous endpoints as commands (``kling text-to-speech``, ``kling identify-face``), and
``kling account``: the account's resource packs and what remains of them.

A synchronous endpoint answers its result at once: the command prints it (``--json``: one JSON
object), and ``--output`` saves the files it names. Its options come from the spec (the request
body's fields, or the query parameters of a ``GET``), as a task endpoint's do.
"""

from __future__ import annotations

import json
import re
import shlex
import time
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import attrs
import click

from kling_ext import CallResult, Kling, ResourcePack
from kling_ext._account import DEFAULT_WINDOW_DAYS
from kling_ext._spec import Call, calls, load_spec

from ._options import (
    FieldOption,
    collect_fields,
    escape_hatch_options,
    option_words,
    spec_options,
)
from ._output import echo_json, reporting, safe_text
from ._tasks import _api_params, _client, _examples, _json_param

__all__ = [
    "ACCOUNT_CAVEAT",
    "CALL_COMMANDS",
    "account",
    "call_examples",
    "pack_json",
    "pack_line",
    "read_packs",
]

DEFAULT_DAYS = DEFAULT_WINDOW_DAYS
"""How far back `kling account` (and `kling batch --check-balance`) looks for packs bought."""

ACCOUNT_CAVEAT = (
    "remaining amounts lag: Kling's docs say the statistics are up to 12 h late, so a pack "
    "shown with units left may already be used up (a create then fails with code 1102)"
)
"""The docs' caveat on `remaining_quantity`, shown with every account listing."""


# ------------------------------------------------------------------ the result


def result_json(result: CallResult, paths: Sequence[Path] | None = ()) -> dict[str, Any]:
    """The ``--json`` shape of a call's answer: its ``data`` as sent, and the files saved.

    Args:
        result: The answer.
        paths: Files saved from it; ``None`` leaves ``paths`` out.

    Returns:
        ``kind``, ``request_id``, ``data`` (the API's, unchanged), ``outputs`` (each file's
        kind and URL) and ``paths``.
    """
    shown: dict[str, Any] = {
        "kind": result.kind,
        "request_id": result.request_id,
        "data": result.data,
        "outputs": [{"kind": out.kind, "url": out.url} for out in result.outputs],
    }
    if paths is not None:
        shown["paths"] = [str(path) for path in paths]
    return shown


def _print(result: CallResult, paths: Sequence[Path], json_output: bool) -> None:
    if json_output:
        echo_json(result_json(result, paths))
        return
    # The answer as indented JSON: the spec's field names, readable, and greppable.
    text = json.dumps(result.data, ensure_ascii=False, indent=2, default=str)
    click.echo("\n".join(safe_text(line) for line in text.splitlines()))
    for line in [str(path) for path in paths] or [out.url for out in result.outputs]:
        click.echo(safe_text(line))


# ------------------------------------------------------------------ one command per call


def _send(target: Call, entries: Sequence[FieldOption], values: dict[str, Any]) -> None:
    output: str | None = values.pop("output", None)
    json_output: bool = values.pop("json_output")
    api_key, base_url = values.pop("api_key"), values.pop("base_url")
    allow_insecure: bool = values.pop("allow_insecure")
    hatches = {name: values.pop(name) for name in ("extra_body", "allow_unknown") if name in values}
    with reporting(json_output=json_output) as state:
        state.flags = {entry.field: entry.option.opts[0] for entry in entries}
        state.kind = target.kind
        fields: dict[str, Any] = collect_fields(entries, values)
        fields.update({name: value for name, value in hatches.items() if value})
        with _client(api_key, base_url, allow_insecure) as client:
            result: CallResult = client.resource(target.kind)(**fields)
            paths = client.download(result, output) if output and result.outputs else []
        _print(result, paths, json_output)


def _not_repeated_note(target: Call) -> str:
    """What --help says of a POST call: an ambiguous failure is not sent again."""
    return (
        "Sent once: if its answer is lost (timeout, dropped connection, 5xx after the body was "
        "sent), it is not sent again, since it may have been carried out; the error says so."
    )


def _call_command(target: Call) -> click.Command:
    entries = spec_options(target)
    # A query parameter's description sits beside its schema, not in it: the help reads it there.
    described = {parameter.name: parameter for parameter in target.query}
    for entry in entries:
        parameter = described.get(entry.field)
        shown = entry.option.help or ""
        if parameter is not None and not shown.split("[", 1)[0].strip():
            first = re.split(r"(?<=[.!?])\s", parameter.description, maxsplit=1)[0]
            entry.option.help = f"{first} {shown}".strip()

    def callback(**values: Any) -> None:
        _send(target, entries, values)

    params: list[click.Parameter] = [entry.option for entry in entries]
    if target.output != "none":
        params.append(
            click.Option(
                ["--output", "-o"],
                type=click.Path(),
                help="Save the files the answer names here: a file, or a folder for several.",
            )
        )
    params.append(_json_param("Print the answer as one JSON object (all else goes to stderr)."))
    if target.method == "POST":
        params += escape_hatch_options()
    params += _api_params()
    summary = target.summary or f"{target.method} {target.path}"
    text = f"{summary}.\n\nAnswers at once ({target.method} {target.path}); prints the answer."
    if target.method == "POST":
        text += "\n\n" + _not_repeated_note(target)
    return click.Command(
        target.kind,
        params=params,
        callback=callback,
        help=text,
        short_help=summary + ".",
        epilog=_examples(*call_examples(target, entries)),
    )


def _operation(target: Call) -> Mapping[str, Any]:
    operation: Mapping[str, Any] = load_spec()["paths"][target.path][target.method.lower()]
    return operation


def call_examples(target: Call, entries: Sequence[FieldOption]) -> list[str]:
    """The command lines of the spec's request examples (a body's, or the query parameters')."""
    bodies: list[Mapping[str, Any]] = []
    if target.schema_name is not None:
        content = _operation(target)["requestBody"]["content"]["application/json"]
        named: Mapping[str, Any] = content.get("examples", {})
        order = sorted(named, key=lambda name: (not name.startswith("official"), name))
        bodies = [named[name]["value"] for name in order if "value" in named[name]]
    else:
        query = {}
        for parameter in target.query:
            examples = _parameter_examples(target, parameter.name)
            if examples:
                query[parameter.name] = examples[0]
        bodies = [query] if query or not target.query else []
    options = {entry.field: entry for entry in entries if entry.option.name == entry.field}
    lines = []
    for body in bodies[:2]:
        words = ["kling", target.kind]
        for field, value in body.items():
            if field in options and value not in (None, ""):
                words += option_words(options[field], value)
        lines.append(shlex.join(words))
    return list(dict.fromkeys(lines)) or [f"kling {target.kind}"]


def _parameter_examples(target: Call, name: str) -> list[Any]:
    for raw in _operation(target).get("parameters", ()):
        parameter = raw
        if "$ref" in raw:
            node: Any = load_spec()
            for part in raw["$ref"].removeprefix("#/").split("/"):
                node = node[part]
            parameter = node
        if parameter.get("name") != name:
            continue
        found = [ex.get("value") for ex in parameter.get("examples", {}).values()]
        found += [parameter["example"]] if "example" in parameter else []
        return [value for value in found if value is not None]
    return []


CALL_COMMANDS: Mapping[str, click.Command] = {
    kind: _call_command(target) for kind, target in sorted(calls().items())
}
"""One command per synchronous endpoint of the spec, by its name (``text-to-speech``)."""


# ------------------------------------------------------------------ kling account


def _day(moment: datetime | None) -> str:
    return moment.date().isoformat() if moment is not None else "-"


def _amount(value: float | None) -> str:
    return f"{value:g}" if value is not None else "?"


def pack_line(pack: ResourcePack) -> str:
    """One pack as a line: name, status, remaining of total, valid until."""
    return "\t".join(
        [
            safe_text(pack.name or pack.id or "-"),
            safe_text(pack.status or "-"),
            f"{_amount(pack.remaining)} of {_amount(pack.total)} left",
            f"until {_day(pack.expires_at)}",
        ]
    )


def pack_json(pack: ResourcePack) -> dict[str, Any]:
    """A pack as ``kling account --json`` prints it (times as ISO 8601, UTC)."""
    shown: dict[str, Any] = attrs.asdict(pack)
    for name, value in shown.items():
        if isinstance(value, datetime):
            shown[name] = value.isoformat()
    shown["usable"] = pack.usable
    return shown


def read_packs(client: Kling, days: float) -> list[ResourcePack]:
    """The account's resource packs bought in the last ``days`` days (``resource_packs()``)."""
    return client.resource_packs(since=time.time() - days * 86_400)


@click.command(
    "account",
    epilog="\b\nExamples:\n  kling account\n  kling account --days 30 --json",
)
@click.option(
    "--days",
    type=click.FloatRange(min=0, min_open=True),
    default=DEFAULT_DAYS,
    show_default=True,
    help="Packs bought in this many days up to now.",
)
@click.option("--json", "json_output", is_flag=True, help="Print the packs as one JSON object.")
@click.option("--api-key", metavar="KEY", help="API key. Default: $KLING_API_KEY, else $API_KEY.")
@click.option("--base-url", metavar="URL", help="API base URL. Default: $KLING_BASE_URL.")
@click.option(
    "--allow-insecure",
    is_flag=True,
    help="Allow a plain http:// base URL on another host (the key travels unencrypted).",
)
def account(
    days: float,
    json_output: bool,
    api_key: str | None,
    base_url: str | None,
    allow_insecure: bool,
) -> None:
    """Show the account's resource packs: status, what remains of each, and until when.

    Remaining amounts lag (Kling's docs: up to 12 h), so a pack shown with units left may
    already be used up. Free to call; the docs ask for at most one call per second.
    """
    with (
        reporting(json_output=json_output) as state,
        _client(api_key, base_url, allow_insecure) as client,
    ):
        state.kind = "account"
        packs = read_packs(client, days)
        if json_output:
            echo_json({"resource_packs": [pack_json(p) for p in packs], "caveat": ACCOUNT_CAVEAT})
        else:
            for pack in packs:
                click.echo(pack_line(pack))
            if not packs:
                click.echo(f"no resource packs bought in the last {days:g} days", err=True)
        click.echo(f"note: {ACCOUNT_CAVEAT}", err=True)
