"""A ledger that cannot be used: one readable line naming it, exit 2, no password; with --json
also the one error object on stdout that the README promises for any error."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from kling_ext.cli import cli


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])  # closed again: nothing listens there


def test_an_unreachable_ledger_is_one_readable_line_without_the_password() -> None:
    pytest.importorskip("psycopg", reason="the postgres extra (psycopg) is not installed")
    url = f"postgresql://kling:s3cr3t-pw@127.0.0.1:{_closed_port()}/batches?connect_timeout=5"
    shown = CliRunner().invoke(cli, ["batch-status", "--ledger", url])
    assert shown.exit_code == 2, shown.output
    assert "s3cr3t-pw" not in shown.output
    (line,) = shown.output.strip().splitlines()
    assert line.startswith("error: the PostgreSQL ledger postgresql://kling:***@127.0.0.1:")
    assert "Connection refused" in line
    # psycopg's message spans lines; shown with its line breaks escaped it read "\x0a\x09".
    assert "\\x0a" not in line
    assert "\\x09" not in line


def test_batch_status_json_prints_an_error_object_for_a_ledger_it_cannot_use(
    tmp_path: Path,
) -> None:
    pytest.importorskip("psycopg", reason="the postgres extra (psycopg) is not installed")
    url = f"postgresql://kling:s3cr3t-pw@127.0.0.1:{_closed_port()}/batches?connect_timeout=5"
    not_a_ledger = tmp_path / "notes.sqlite3"
    not_a_ledger.write_text("not a database", encoding="utf-8")
    for args in (["--ledger", url], [str(not_a_ledger)], []):
        shown = CliRunner().invoke(cli, ["batch-status", "--json", *args])
        assert shown.exit_code == 2, shown.output
        error = json.loads(shown.stdout)["error"]
        assert error["message"], args
        assert "s3cr3t-pw" not in shown.output


def test_a_password_given_in_the_urls_query_is_never_shown(tmp_path: Path) -> None:
    # libpq takes `?password=...` as well as `user:password@`; both are the URL's password.
    pytest.importorskip("psycopg", reason="the postgres extra (psycopg) is not installed")
    port = _closed_port()
    urls = [
        f"postgresql://kling@127.0.0.1:{port}/batches?password=s3cr3t-pw&connect_timeout=5",
        f"postgresql:///batches?host=127.0.0.1&port={port}&user=kling&password=s3cr3t%2Dpw",
    ]
    jobs = tmp_path / "jobs.jsonl"
    jobs.write_text('{"kind": "text2video", "id": "a", "prompt": "a cat"}\n', encoding="utf-8")
    env = {"KLING_API_KEY": "sk-mock", "KLING_BASE_URL": "http://127.0.0.1:9/klingai"}
    for url in urls:
        for args in (
            ["batch-status", "--json", "--ledger", url],
            ["batch", str(jobs), "-o", str(tmp_path / "out"), "--ledger", url],
        ):
            shown = CliRunner().invoke(cli, args, env=env)
            assert shown.exit_code == 2, shown.output
            assert "s3cr3t" not in shown.output
            assert "password=***" in shown.output
            assert "postgresql:/batches" not in shown.output  # the URL as written, not rebuilt
