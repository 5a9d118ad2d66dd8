"""``kling batch JOBS --output DIR``: a jobs file to a folder of videos; ``kling batch-status``.

Progress goes to stderr (a live line on a terminal, one line per finished job otherwise);
``--json`` prints one JSON object per job on stdout as it ends, then a summary object.
Exit status: 0 every job succeeded, 1 some failed or ``--max-time`` ran out (the jobs left are
resumed by the same command), 2 a bad jobs file (nothing sent), 3 the API refused the batch
itself, 4 it could not be reached (creation stopped in both cases; the same command resumes it).
``kling batch-status`` exits 1 when the ledger holds failed jobs, 0 otherwise.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import shlex
import sqlite3
from pathlib import Path
from typing import Any, NoReturn

import click
from rich.console import Console
from rich.live import Live
from rich.text import Text

from kling_ext import AsyncKling, Batch, BatchProgress, BatchReport, JobResult, JobsFileError
from kling_ext._batch import DEFAULT_CONCURRENCY, DEFAULT_LEASE, LEDGER_NAME
from kling_ext._batch_jobs import Job, JobProblem, read_jobs
from kling_ext._batch_ledger import BatchLedger, Ledger, LedgerError
from kling_ext._constants import DEFAULT_WAIT_TIMEOUT

from ._exit import EXIT_INTERRUPTED, EXIT_OK, EXIT_REFUSED, EXIT_TASK
from ._output import cli_words, echo_json, error_json, hide_secrets, reporting, safe_text
from ._tasks import WEBHOOK_SECRET_ENV, callback_receiver, check_callback_flags

__all__ = ["batch", "batch_status"]

_REFRESH_PER_SECOND = 4


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours}h{minutes:02d}m"
    return f"{minutes}m{secs:02d}s" if minutes else f"{secs}s"


def describe(progress: BatchProgress) -> str:
    """The live status line: done / running / failed / queued, elapsed time and an estimate,
    and, while the account's rate limit holds creates back, how long until the next one."""
    line = (
        f"done {progress.succeeded}  running {progress.running}  failed {progress.failed}  "
        f"queued {progress.queued}  of {progress.total}  elapsed {_clock(progress.elapsed)}"
    )
    estimate = progress.estimate
    line += f"  ~{_clock(estimate)} left" if estimate is not None else ""
    wait = progress.rate_limit_wait
    if wait is not None:
        code = progress.rate_limit_code
        why = f"({code})" if code else "(HTTP 429)"
        line += f"  rate-limited {why}: next create in {math.ceil(wait)} s"
    return line


def _reason(result: JobResult) -> str:
    """Why a job did not succeed, in the CLI's words (flags, not the library's arguments)."""
    return cli_words(safe_text(result.reason))


def _result_json(result: JobResult) -> dict[str, Any]:
    shown = result.to_json()
    if result.reason is not None:
        shown["reason"] = cli_words(result.reason)
    return shown


class _Status:
    """Recomputed on every refresh, so the elapsed time ticks between job ends."""

    def __init__(self, batch: Batch) -> None:
        self._batch = batch

    def __rich__(self) -> Text:
        return Text(describe(self._batch.progress))


class _Display:
    """Where a batch's progress goes: stdout JSON, a live line, or plain lines on stderr."""

    def __init__(self, *, json_output: bool) -> None:
        self.json_output = json_output
        self.console = Console(stderr=True)
        self.live_terminal = self.console.is_terminal and not self.console.is_dumb_terminal
        self.live: Live | None = None
        self.quiet_skips = 0

    def start(self, batch: Batch) -> None:
        if self.live_terminal:
            self.live = Live(
                _Status(batch),
                console=self.console,
                refresh_per_second=_REFRESH_PER_SECOND,
                transient=True,
            )
            self.live.start()

    def stop(self) -> None:
        if self.live is not None:
            self.live.stop()
            self.live = None

    def on_result(self, result: JobResult) -> None:
        if self.json_output:
            echo_json(_result_json(result))
            return
        if result.ok and result.skipped:
            self.quiet_skips += 1  # a re-run of a large batch would drown in these
            return
        if result.ok:
            text = f"done    {result.id} -> {', '.join(str(f) for f in result.files)}"
        else:
            text = f"failed  {result.id} (line {result.line}): {_reason(result)}"
        self.console.print(text, markup=False, highlight=False, soft_wrap=True)


def _is_url(text: str) -> bool:
    return text.lower().startswith(("postgresql://", "postgres://"))


def _shown_ledger(ledger: str) -> str:
    """A ledger as shown: a URL's password hidden (psycopg is not needed for that)."""
    if not _is_url(ledger):
        return ledger
    from kling_ext._batch_pg import shown_url

    return shown_url(ledger)


def _url_password(ledger: str | None) -> list[str]:
    if ledger is None or not _is_url(ledger):
        return []
    from kling_ext._batch_pg import url_passwords

    return url_passwords(ledger)


def _resume_command(
    jobs: Path | None,
    output: Path,
    ledger: str | None,
    account_slots: int | None = None,
    callbacks: tuple[str | None, str | None] = (None, None),
) -> str:
    words = ["kling", "batch", *([str(jobs)] if jobs is not None else []), "--output", str(output)]
    if ledger is not None:
        words += ["--ledger", _shown_ledger(ledger)]
    if account_slots is not None:
        words += ["--account-slots", str(account_slots)]
    # The same listener again: the inbox beside the ledger lets the earlier tasks' callbacks
    # in. A webhook secret is never part of it (it comes from the environment).
    listen, public_url = callbacks
    if listen is not None:
        words += ["--callback-listen", listen]
    if public_url is not None:
        words += ["--callback-url", public_url]
    return shlex.join(words)


def _summary(report: BatchReport, display: _Display, resume: str) -> None:
    if display.json_output:
        for result in report.unfinished:  # did not end, but a script wants to know which
            echo_json(_result_json(result))
        echo_json(report.to_json())
    err = display.console
    parts = [f"{report.succeeded} of {report.total} succeeded"]
    if report.skipped:
        parts.append(f"{report.skipped} of them in an earlier run")
    parts.append(f"{len(report.failed)} failed")
    if report.unfinished:
        parts.append(f"{len(report.unfinished)} unfinished")
    if report.not_started:
        parts.append(f"{report.not_started} not started")
    err.print(
        f"{', '.join(parts)} in {_clock(report.elapsed)}; ledger {report.ledger}",
        markup=False,
        highlight=False,
        soft_wrap=True,
    )
    if not display.json_output:
        for label, results in (("failed", report.failed), ("stopped", report.unfinished)):
            for result in results:
                err.print(
                    f"  {label} {result.id} (line {result.line}): {_reason(result)}",
                    markup=False,
                    highlight=False,
                    soft_wrap=True,
                )
    if report.stopped is not None:
        cause = "the API is out of reach" if report.exit_code == 4 else "the API refused the batch"
        click.echo(
            f"error: {cause}: {safe_text(report.stopped)}\ncreation stopped; "
            f"{report.not_started} job(s) not started. Tasks already created were followed. "
            f"Fix the cause (key, balance, network) and resume with: {resume}",
            err=True,
        )
    elif report.timed_out:
        click.echo(
            f"time limit reached (--max-time): {len(report.unfinished)} job(s) under way and "
            f"{report.not_started} not started are left as they are; tasks already created "
            f"are followed by the next run. Resume with: {resume}",
            err=True,
        )
    elif report.failed:
        if isinstance(report.ledger, str):
            where = shlex.quote(report.ledger)
            click.echo(f"see them again with: kling batch-status --ledger {where}", err=True)
        else:
            click.echo(f"see them again offline with: kling batch-status {report.ledger}", err=True)


@click.command(
    "batch",
    epilog="\b\nExamples:\n  kling batch jobs.jsonl --output videos/\n"
    "  kling batch jobs.jsonl -o videos/ --concurrency 2 --json\n"
    "  kling batch jobs.jsonl -o videos/ --max-time 3600\n"
    "  kling batch jobs.jsonl -o /mnt/shared/videos --ledger postgresql://kling@db/batches "
    "--account-slots 5\n",
)
@click.argument(
    "jobs", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the outputs: <id>.mp4 (or the image's extension, .mp3 for audio) each; "
    "<id>-<n>.<ext> when a task makes several.",
)
@click.option(
    "--concurrency",
    "-c",
    type=click.IntRange(min=1),
    default=DEFAULT_CONCURRENCY,
    show_default=True,
    help="Most tasks in flight at once (the account's parallel-task limit lowers it).",
)
@click.option(
    "--ledger",
    metavar="PATH|URL",
    help=f"The batch's ledger: a SQLite file (default OUTPUT/{LEDGER_NAME}), or a "
    "postgresql:// URL that many workers share (needs kling-ext[postgres]; OUTPUT must then "
    "be a folder every worker can write).",
)
@click.option(
    "--account-slots",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="Most tasks running at once on the account, across every worker of a PostgreSQL "
    "ledger (or every batch of this machine with SQLite ledgers). Default: no such bound.",
)
@click.option(
    "--lease",
    type=click.FloatRange(min=0, min_open=True),
    default=DEFAULT_LEASE,
    show_default=True,
    metavar="SECONDS",
    help="PostgreSQL ledger: how long a killed worker's jobs wait before another takes them.",
)
@click.option(
    "--force", is_flag=True, help="Create new tasks for jobs whose line changed since last run."
)
@click.option(
    "--retry-failed", is_flag=True, help="Create new tasks for jobs that failed in an earlier run."
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=DEFAULT_WAIT_TIMEOUT,
    show_default=True,
    metavar="SECONDS",
    help="How long to wait for each task; a later run follows one still running.",
)
@click.option(
    "--max-time",
    type=click.FloatRange(min=0, min_open=True),
    default=None,
    metavar="SECONDS",
    help="Bound the whole run: when it runs out the batch stops where it is and exits 1; "
    "the same command carries on from there. Default: no limit.",
)
@click.option(
    "--json", "json_output", is_flag=True, help="One JSON object per job on stdout, then a summary."
)
@click.option(
    "--check-balance",
    is_flag=True,
    help="Before sending anything, read the account's resource packs (kling account) and "
    "refuse to start (exit 3) when no pack of the kind the jobs use (video, image, try-on) "
    "has units left. The listing lags up to 12 h, so creation still stops at the first "
    "1101/1102.",
)
@click.option(
    "--callback-listen",
    metavar="HOST:PORT",
    help="Wait by callback: receive the tasks' callbacks on this address; polls only when "
    "callbacks do not come.",
)
@click.option(
    "--callback-url",
    metavar="URL",
    help="With --callback-listen: where the API reaches it, if not at HOST:PORT itself.",
)
@click.option(
    "--webhook-secret",
    metavar="whsec_...",
    envvar=WEBHOOK_SECRET_ENV,
    show_envvar=True,
    help="With --callback-listen: accept only callbacks signed with this Standard Webhooks "
    f"secret. Prefer ${WEBHOOK_SECRET_ENV}: flags show in ps.",
)
@click.option("--api-key", metavar="KEY", help="API key. Default: $KLING_API_KEY, else $API_KEY.")
@click.option("--base-url", metavar="URL", help="API base URL. Default: $KLING_BASE_URL.")
def batch(
    jobs: Path | None,
    output: Path,
    concurrency: int,
    ledger: str | None,
    account_slots: int | None,
    lease: float,
    force: bool,
    retry_failed: bool,
    timeout: float,
    max_time: float | None,
    json_output: bool,
    check_balance: bool,
    callback_listen: str | None,
    callback_url: str | None,
    webhook_secret: str | None,
    api_key: str | None,
    base_url: str | None,
) -> None:
    """Run one task per line of JOBS (JSON Lines), its files into the folder OUTPUT; safe to re-run.

    Each line: {"kind": "text2video", "id": "shot-01", "prompt": "...", ...} with the fields
    of that task endpoint (videos, images or audio); image fields may name local files
    (relative to JOBS). The whole file is checked before anything is sent. Killed or
    interrupted, run the same command again: finished jobs are skipped, tasks in flight
    followed, and no job is paid for twice. With --ledger postgresql://..., any number of
    such commands share the batch; JOBS may then be left out once one of them has recorded it.

    Exit: 0 every job succeeded; 1 some failed, or --max-time ran out (the same command
    resumes); 2 a bad jobs file, nothing sent; 3 the API refused the batch (key, balance);
    4 the API could not be reached.
    """
    if callback_url is not None and callback_listen is None:
        raise click.UsageError("--callback-url needs --callback-listen (where to receive them)")
    check_callback_flags(callback_listen, callback_url, webhook_secret)
    display = _Display(json_output=json_output)
    hide_secrets(_url_password(ledger))
    if ledger is not None and not _is_url(ledger) and Path(ledger).is_dir():
        click.echo(f"error: --ledger: {ledger} is a folder; give a file or a URL", err=True)
        raise click.exceptions.Exit(2)
    if jobs is None and (ledger is None or not _is_url(ledger)):
        click.echo(
            "error: JOBS is missing: give the jobs file (only a worker of a PostgreSQL ledger "
            "that holds the batch already may leave it out)",
            err=True,
        )
        raise click.exceptions.Exit(2)
    runner = Batch(
        jobs,
        output,
        ledger=ledger,
        account_slots=account_slots,
        lease=lease,
        concurrency=concurrency,
        force=force,
        retry_failed=retry_failed,
        timeout=timeout,
        max_time=max_time,
        on_result=display.on_result,
    )
    resume = _resume_command(jobs, output, ledger, account_slots, (callback_listen, callback_url))
    if check_balance:
        _check_balance(jobs, api_key, base_url, json_output)
    with reporting(json_output=json_output), contextlib.ExitStack() as stack:
        hide_secrets([webhook_secret or ""])
        try:
            if callback_listen is not None:
                inbox = _callback_inbox(runner)
                try:
                    runner.callbacks = stack.enter_context(
                        callback_receiver(
                            callback_listen, callback_url, webhook_secret, inbox=inbox
                        )
                    )
                except sqlite3.Error as exc:
                    text = safe_text(f"cannot use the callback inbox {inbox}: {exc}")
                    _status_error(type(exc).__name__, text, json_output)
            client = AsyncKling(api_key=api_key, base_url=base_url)
            hide_secrets(client._settings.secrets)  # data comes back as sent: the output redacts
            display.start(runner)
            report = asyncio.run(_run(runner, client))
        except JobsFileError as exc:
            display.stop()
            if json_output:
                shown = error_json(exc, cli_words(str(exc)))
                shown["error"]["problems"] = [_problem(p) for p in exc.problems]
                echo_json(shown)
            click.echo(f"error: {cli_words(str(exc))}", err=True)
            raise click.exceptions.Exit(2) from None
        except sqlite3.Error as exc:
            display.stop()
            text = safe_text(f"cannot use the ledger {runner.ledger_path}: {exc}")
            _status_error(type(exc).__name__, text, json_output)
        except KeyboardInterrupt:
            display.stop()
            click.echo(f"\ninterrupted; resume with: {resume}", err=True)
            raise click.exceptions.Exit(EXIT_INTERRUPTED) from None
        finally:
            display.stop()
    _summary(report, display, resume)
    raise click.exceptions.Exit(report.exit_code)


def _check_balance(
    jobs: Path | None, api_key: str | None, base_url: str | None, json_output: bool
) -> None:
    """Refuse to start when the account has no usable pack of a kind the jobs need.

    The jobs' kinds are read leniently here (a bad file is reported by the batch itself, with
    every problem, right after); only the packs decide. A worker joining a shared ledger
    without the jobs file needs any usable pack.
    """
    from kling_ext import Kling

    from ._balance import missing_packs, pack_types_needed
    from ._calls import ACCOUNT_CAVEAT, DEFAULT_DAYS, read_packs

    try:
        jobs_read = read_jobs(jobs) if jobs is not None else ()
        kinds = {job.kind for job in jobs_read if isinstance(job, Job)}
    except JobsFileError:
        return  # unreadable: the batch reports it, and sends nothing either

    with reporting(json_output=json_output):
        with Kling(api_key=api_key, base_url=base_url) as client:
            hide_secrets(client._settings.secrets)
            packs = read_packs(client, DEFAULT_DAYS)
        missing = missing_packs(packs, pack_types_needed(kinds))
    if not missing:
        return
    text = (
        f"--check-balance: {'; '.join(missing)} (see kling account); nothing was sent. "
        f"Note: {ACCOUNT_CAVEAT}."
    )
    if json_output:
        error = {"type": "InsufficientBalance", "code": None, "message": text, "request_id": None}
        echo_json({"error": error})
    click.echo(f"error: {text}", err=True)
    raise click.exceptions.Exit(EXIT_REFUSED)


def _status_error(kind: str, text: str, json_output: bool) -> NoReturn:
    """Exit 2 with `text` on stderr and, with --json, the one error object on stdout."""
    if json_output:
        echo_json({"error": {"type": kind, "code": None, "message": text, "request_id": None}})
    click.echo(f"error: {text}", err=True)
    raise click.exceptions.Exit(2)


def _callback_inbox(runner: Batch) -> Path | None:
    """The durable inbox of `--callback-listen`, beside a SQLite ledger (None: in memory).

    It keeps the key that callback URLs are minted with, so the same command run again (same
    HOST:PORT or --callback-url) still accepts the callbacks of tasks the earlier run created.
    Made only once the jobs file has been checked: a refused file leaves nothing behind. With
    a PostgreSQL ledger each worker listens on its own address: its inbox stays in memory.
    """
    if runner.ledger_url is not None:
        return None
    if runner.jobs is not None:
        problems = [item for item in read_jobs(runner.jobs) if isinstance(item, JobProblem)]
        if problems:
            raise JobsFileError(runner.jobs, problems)
    ledger = runner.ledger_path
    ledger.parent.mkdir(parents=True, exist_ok=True)
    return ledger.with_name(f"{ledger.stem}-callbacks.sqlite3")


async def _run(runner: Batch, client: AsyncKling) -> BatchReport:
    async with client:
        return await runner.arun(client)


def _problem(problem: Any) -> dict[str, Any]:
    return {
        "line": problem.line,
        "field": problem.field,
        "message": cli_words(problem.message),
        "allowed": cli_words(problem.allowed) if problem.allowed is not None else None,
    }


@click.command(
    "batch-status",
    epilog="\b\nExamples:\n  kling batch-status videos/\n"
    "  kling batch-status --json videos/kling-batch.sqlite3\n"
    "  kling batch-status --ledger postgresql://kling@db/batches\n",
)
@click.argument("where", required=False, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--ledger",
    metavar="URL",
    help="A PostgreSQL ledger (postgresql://...): also shows the workers, the account's slots "
    "in use and the oldest running task.",
)
@click.option("--json", "json_output", is_flag=True, help="One JSON object per job, then counts.")
def batch_status(where: Path | None, ledger: str | None, json_output: bool) -> None:
    """Show each job of a batch from its ledger: WHERE is the output folder or ledger file
    (read offline), or --ledger names a PostgreSQL ledger.

    Exit: 0 no job failed (all done, or some still to run); 1 some jobs failed; 2 WHERE is not
    a batch ledger.
    """
    if (where is None) == (ledger is None) or (ledger is not None and not _is_url(ledger)):
        _status_error(
            "UsageError",
            "give the batch's output folder or ledger file, or --ledger postgresql://... "
            "(one of them)",
            json_output,
        )
    hide_secrets(_url_password(ledger))
    store: BatchLedger
    if ledger is not None:
        from kling_ext._batch_pg import PgLedger

        try:
            store = PgLedger(ledger, readonly=True)
        except LedgerError as exc:
            _status_error(type(exc).__name__, safe_text(exc), json_output)
        shown = store.where
    else:
        assert where is not None
        path = where / LEDGER_NAME if where.is_dir() else where
        shown = str(path)
        try:
            store = Ledger(path, readonly=True)
        except (FileNotFoundError, sqlite3.DatabaseError) as exc:
            text = f"{exc} (give the batch's output folder or its ledger file)"
            _status_error(type(exc).__name__, safe_text(text), json_output)
    counts: dict[str, int] = {}
    status: dict[str, Any] | None = None
    try:
        for row in store.all_jobs():
            counts[row.state] = counts.get(row.state, 0) + 1
            if json_output:
                echo_json(
                    {
                        "id": row.id,
                        "line": row.line,
                        "kind": row.kind,
                        "state": str(row.state),
                        "task_id": row.task_id,
                        "external_task_id": row.external_task_id,
                        "files": list(row.files),
                        "message": row.message,
                    }
                )
                continue
            detail = ", ".join(row.files) or row.message or row.external_task_id
            click.echo(
                f"{row.id}\t{row.state}\t{safe_text(row.task_id or '-')}\t{safe_text(detail)}"
            )
        status = getattr(store, "status", lambda: None)()
    except (sqlite3.DatabaseError, LedgerError) as exc:
        text = safe_text(f"{shown} is not a readable batch ledger ({exc})")
        _status_error(type(exc).__name__, text, json_output)
    finally:
        store.close()
    total = sum(counts.values())
    if json_output:
        summary: dict[str, Any] = {"summary": True, "total": total, "states": counts}
        if status is not None:
            summary.update({k: v for k, v in status.items() if k != "states"})
        echo_json(summary)
    else:
        text = ", ".join(f"{count} {state}" for state, count in sorted(counts.items()))
        click.echo(f"{total} job(s): {text or 'none'}", err=True)
        if status is not None:
            _show_status(status)
    # Like `kling batch`: 1 when jobs failed, so a script can tell without parsing.
    raise click.exceptions.Exit(EXIT_TASK if counts.get("failed") else EXIT_OK)


def _show_status(status: dict[str, Any]) -> None:
    """The shared ledger's workers, slots and oldest running task, on stderr."""
    for entry in status["workers"]:
        jobs = ", ".join(f"{count} {state}" for state, count in sorted(entry["jobs"].items()))
        alive = "" if entry["live"] else " (lease run out: presumed dead)"
        click.echo(f"worker {safe_text(entry['worker'])}: {jobs}{alive}", err=True)
    slots = f"account slots in use: {status['slots_in_use']}"
    if status["slots_shrunk_to"] is not None:
        slots += (
            f" (lowered to {status['slots_shrunk_to']} after a 1303, for "
            f"{status['slots_shrunk_seconds']:g} s more)"
        )
    click.echo(slots, err=True)
    oldest = status["oldest_running"]
    if oldest is not None:
        click.echo(
            f"oldest running task: {safe_text(oldest['id'])} (task "
            f"{safe_text(oldest['task_id'] or oldest['external_task_id'])}), running "
            f"{_clock(oldest['seconds'])}, worker {safe_text(oldest['worker'] or '-')}",
            err=True,
        )
