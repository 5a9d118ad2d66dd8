"""``kling demo``: one text-to-video run, create → live progress → download, end to end.

By default it starts the embedded mock gateway on 127.0.0.1, so it needs no key and no network
and costs nothing; ``--live`` runs the same against the real gateway with the user's key, using
the cheapest options (``std`` mode, 5 seconds).
"""

from __future__ import annotations

from contextlib import ExitStack

import click

from kling_ext import Kling, Task
from kling_ext._constants import DEFAULT_WAIT_TIMEOUT

from ._output import reporting
from ._tasks import follow

__all__ = ["demo"]

DEMO_PROMPT = "a white rabbit racing a red sports car along a coastal road at sunset"
# Long enough that the live status line visibly moves through submitted and processing.
_MOCK_PROCESSING_SECONDS = 3.0
# The mock finishes in seconds; if a minute passes something is broken, not slow.
_MOCK_TIMEOUT = 60.0
# The mock accepts any key it is told to; this one is not a secret.
_MOCK_KEY = "sk-mock"


@click.command(
    epilog='\b\nExamples:\n  kling demo\n  kling demo --output out/ --prompt "a paper boat"\n'
    "  kling demo --live",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(),  # text, not a Path: "renders.v2/" keeps the slash of a folder
    default="out",
    show_default=True,
    help="Folder (or .mp4 file) to save the video in.",
)
@click.option("--prompt", default=DEMO_PROMPT, show_default=True, help="What to generate.")
@click.option(
    "--live",
    is_flag=True,
    help="Use the real gateway with your key ($KLING_API_KEY, else $API_KEY). Costs credits.",
)
@click.option("--api-key", metavar="KEY", help="API key for --live (prefer the env variables).")
@click.option("--base-url", metavar="URL", help="API base URL for --live.")
def demo(output: str, prompt: str, live: bool, api_key: str | None, base_url: str | None) -> None:
    """Generate one video end to end and print where it was saved.

    Without --live everything runs against the embedded mock gateway: no key, no network.
    """
    with reporting() as state, ExitStack() as stack:
        state.kind = "text2video"
        if live:
            client = stack.enter_context(Kling(api_key=api_key, base_url=base_url))
        else:
            from kling_ext.mock import MockGateway  # only the offline demo needs it

            gateway = MockGateway(
                api_key=_MOCK_KEY, clock="real", processing_seconds=_MOCK_PROCESSING_SECONDS
            )
            server = stack.enter_context(gateway.serve())
            client = stack.enter_context(Kling(api_key=_MOCK_KEY, base_url=server.base_url))
            click.echo(
                f"demo: embedded mock gateway at {server.base_url} (no key, no network; "
                "--live uses the real one)",
                err=True,
            )
            # The mock and its task end with this command: no hint may send the user after it.
            state.rerun = "kling demo"
        timeout = DEFAULT_WAIT_TIMEOUT if live else _MOCK_TIMEOUT
        # The cheapest real run: standard mode, five seconds.
        task: Task = client.text2video.create(prompt=prompt, mode="std", duration="5")
        state.task_id, state.task, state.created = task.task_id, task, True
        follow(client, state, task, output=output, timeout=timeout, json_output=False)
