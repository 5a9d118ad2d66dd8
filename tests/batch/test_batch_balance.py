"""`kling account` and `kling batch --check-balance`: resource packs before spending.

In-process (click's CliRunner) against the mock gateway, whose `/account/costs` answers the
spec's example (an expired video pack) unless a test gives it other packs.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from batch_support import prompts, write_jobs
from click.testing import CliRunner

from kling_ext.cli import cli
from kling_ext.mock import MockGateway, RunningServer

KEY = "sk-mock-balance-0123456789"
ONLINE = {
    "resource_pack_name": "Video Generation - 10,000 entries",
    "resource_pack_id": "p-1",
    "resource_pack_type": "decreasing_total",
    "total_quantity": 200.0,
    "remaining_quantity": 42.0,
    "invalid_time": 1893456000000,
    "status": "online",
}


@pytest.fixture
def served() -> Iterator[tuple[MockGateway, RunningServer]]:
    gateway = MockGateway(api_key=KEY)
    with gateway.serve() as server:
        yield gateway, server


def _env(server: RunningServer) -> dict[str, str | None]:
    return {"KLING_API_KEY": KEY, "KLING_BASE_URL": server.base_url, "API_KEY": None}


def _packs(monkeypatch: pytest.MonkeyPatch, packs: list[dict[str, Any]]) -> None:
    data = {"code": 0, "msg": "success", "resource_pack_subscribe_infos": packs}
    monkeypatch.setattr("kling_ext.mock._core._answer_data", lambda target: data)


def test_account_lists_the_packs_and_says_the_remaining_amount_lags(
    served: tuple[MockGateway, RunningServer],
) -> None:
    _, server = served
    result = CliRunner().invoke(cli, ["account"], env=_env(server))
    assert result.exit_code == 0, result.output
    assert "Video Generation - 10,000 entries\texpired\t118 of 200 left\tuntil 2024-09-26" in (
        result.stdout
    )
    assert "12 h" in result.stderr

    shown = CliRunner().invoke(cli, ["account", "--json"], env=_env(server))
    assert shown.exit_code == 0, shown.output
    printed = json.loads(shown.stdout)
    assert printed["resource_packs"][0]["remaining"] == 118.0
    assert printed["resource_packs"][0]["usable"] is False  # expired
    assert "12 h" in printed["caveat"]


def test_check_balance_refuses_to_start_without_a_usable_pack(
    served: tuple[MockGateway, RunningServer], tmp_path: Path
) -> None:
    gateway, server = served
    jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(2))
    args = ["batch", str(jobs), "-o", str(tmp_path / "out"), "--check-balance"]
    result = CliRunner().invoke(cli, args, env=_env(server))

    assert result.exit_code == 3, result.output
    assert "no video resource pack has units left" in result.stderr
    assert "nothing was sent" in result.stderr
    assert gateway.tasks == []


def test_check_balance_starts_with_a_usable_pack_and_only_when_asked(
    served: tuple[MockGateway, RunningServer], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gateway, server = served
    jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(1))
    _packs(monkeypatch, [ONLINE])
    args = ["batch", str(jobs), "-o", str(tmp_path / "out"), "--check-balance", "--max-time", "1"]
    result = CliRunner().invoke(cli, args, env=_env(server))
    assert "--check-balance" not in result.output
    assert len(gateway.tasks) == 1

    _packs(monkeypatch, [])  # no pack at all: still started, since the flag is not given
    args = ["batch", str(jobs), "-o", str(tmp_path / "two"), "--max-time", "1"]
    CliRunner().invoke(cli, args, env=_env(server))
    assert len(gateway.tasks) == 2
