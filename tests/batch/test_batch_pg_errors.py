"""A PostgreSQL ledger that cannot be used: one readable line naming it, exit 2, no password."""

from __future__ import annotations

import socket

import pytest
from click.testing import CliRunner

from kling_ext.cli import cli

pytest.importorskip("psycopg", reason="the postgres extra (psycopg) is not installed")


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])  # closed again: nothing listens there


def test_an_unreachable_ledger_is_one_readable_line_without_the_password() -> None:
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
