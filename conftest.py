"""Our own tests use the fixtures we ship, the way users enable them.

Also: which tests are `slow` (left out of `make check`, run by `make test`).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from _pytest.mark.expression import Expression

pytest_plugins = ["kling_ext.testing"]

_ROOT = Path(__file__).resolve().parent

# What makes a test slow here is a subprocess (`kling`, schemathesis, mypy, a benchmark) or a
# real-clock deadline it must wait out. Whole folders and files, so that a test added to them is
# classed with its neighbours; a slow test elsewhere takes `@pytest.mark.slow`, and any test
# named `test_cli_*` (the suite's name for a test that runs the `kling` command) is slow too.
SLOW_PATHS = (
    "tests/cli",
    "tests/regeneration",
    "tests/live",
    "tests/test_readme.py",
    "tests/test_benchmarks_smoke.py",
    "tests/contract/test_schemathesis_mock.py",
    "tests/contract/test_parallel_failures.py",
    "tests/contract/test_conformance_engine.py",
    "tests/contract/test_conformance_power.py",
    "tests/batch/test_batch_cli.py",
    "tests/batch/test_batch_kill.py",
    "tests/batch/test_batch_run.py",
    "tests/batch/test_batch_workers.py",
    "tests/batch/test_batch_pg.py",
    "tests/hostile/test_deadlines.py",
    "tests/hostile/test_conformance_hostile.py",
    "tests/hostile/test_conformance_duplicate_id.py",
    "tests/hostile/test_slow_store.py",
    "tests/hostile/test_terminal.py",
)
# Single slow tests in otherwise quick files (named here rather than marked in place, so that
# whoever owns those files keeps them as they are).
SLOW_TESTS = (
    "tests/hostile/test_batch_hostile.py::test_a_batch_killed_while_the_gateway_stores_its_creat",
    "tests/hostile/test_batch_hostile.py::test_a_create_whose_answer_times_out_is_found_while_th",
    "tests/unit/test_typing.py::test_mypy_strict_checks_a_users_code_against_the_api",
    "tests/unit/test_import_cost.py::test_import_kling_ext_leaves_costly_modules_to_their_first_use",
    "tests/unit/test_typing.py::test_pyright_",  # prefix: both pyright runs
    "tests/mock/test_mock_server.py::test_mock_server_command_prints_its_url_and_stops_on_ctrl_c",
    "tests/mock/test_mock_breaks.py::test_mock_server_command_switches_breaks_on",
    "tests/hostile/test_download_guards.py::test_a_trickling_body_stops_at_the_time_limit",
    "tests/hostile/test_download_guards.py::test_a_stalled_body_ends_at_the_time_limit_not_the",
    "tests/hostile/test_download_guards.py::test_a_206_for_the_wrong_range_restarts_from_zero",
    "tests/hostile/test_download_guards.py::test_two_downloads_of_one_task_into_one_folder",
    "tests/hostile/test_secrets.py::test_a_closed_client_leaves_its_key_behind_nowhere",
    "tests/unit/test_typing.py::test_mypy_accepts_every_nested_item_type",
    "tests/unit/test_polling.py::test_deadline",
    # Prefixes: the conformance runs, header trickles and bombs of the transport bounds.
    "tests/hostile/test_transport_bounds.py::test_conformance_",
    "tests/hostile/test_transport_bounds.py::test_trickled_headers_",
    "tests/hostile/test_transport_bounds.py::test_a_coded_video_bomb",
    "tests/hostile/test_transport_bounds.py::test_a_gzip_bomb",
)


def _in_slow_path(path: Path) -> bool:
    try:
        relative = path.resolve().relative_to(_ROOT).as_posix()
    except ValueError:
        return False
    return any(relative == slow or relative.startswith(slow + "/") for slow in SLOW_PATHS)


def _slow_deselected(config: pytest.Config) -> bool:
    """True when `-m` leaves every slow test out (`make check`): then their files are not even
    collected, which saves importing them (and schemathesis building its cases) for nothing."""
    markexpr: str = config.option.markexpr
    if not markexpr:
        return False
    return not Expression.compile(markexpr).evaluate(lambda name, **_: name == "slow")


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """Skip collecting the slow folders and files when `-m` deselects slow tests anyway."""
    if _slow_deselected(config) and _in_slow_path(collection_path):
        return True
    return None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the slow tests."""
    for item in items:
        name = getattr(item, "originalname", item.name)
        named = item.nodeid.split("[")[0]
        if (
            _in_slow_path(item.path)
            or name.startswith("test_cli_")
            or any(named.startswith(slow) for slow in SLOW_TESTS)
        ):
            item.add_marker(pytest.mark.slow)
