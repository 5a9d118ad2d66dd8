"""The jobs file is checked whole before anything is sent: every bad line is named."""

from __future__ import annotations

import asyncio
import json
import tracemalloc
from pathlib import Path

import pytest
from batch_support import png_header, prompts, write_jobs
from click.testing import CliRunner

from kling_ext import AsyncKling, Batch, JobProblem, JobsFileError, Kling
from kling_ext._batch_jobs import Job, read_jobs
from kling_ext.cli import cli
from kling_ext.mock import MockGateway


def test_every_bad_line_is_named_and_nothing_is_sent(
    tmp_path: Path, client: Kling, gateway: MockGateway
) -> None:
    jobs = write_jobs(
        tmp_path / "jobs.jsonl",
        [
            {"kind": "text2video", "id": "ok", "prompt": "fine"},
            '{"kind": "text2video", "prompt": "unterminated',
            {"kind": "text2vid", "prompt": "x"},
            {"kind": "text2video", "id": "d", "prompt": "x", "duration": "7"},
            {"kind": "text2video", "id": "OK", "prompt": "same id as line 1 but for case"},
            {"kind": "text2video", "id": "../escape", "prompt": "x"},
            {"kind": "text2video", "id": "n", "prompt": "x", "colour": "red"},
            "[1, 2]",
            {"kind": "image2video", "id": "img", "image": "no-such-file.png"},
            {"prompt": "no kind"},
        ],
    )
    with pytest.raises(JobsFileError) as caught:
        Batch(jobs, tmp_path / "out").run(client)

    by_line = {problem.line: problem for problem in caught.value.problems}
    assert sorted(by_line) == [2, 3, 4, 5, 6, 7, 8, 9, 10]
    assert by_line[2].message.startswith("is not JSON")
    assert by_line[3].field == "kind"
    assert "text2video" in (by_line[3].allowed or "")
    assert by_line[4].field == "duration"
    assert "'5'" in (by_line[4].allowed or "")
    assert by_line[5].field == "id"
    assert "line 1" in by_line[5].message
    assert by_line[6].field == "id"
    assert "not a safe file name" in by_line[6].message
    assert by_line[7].field == "colour"
    assert by_line[8].message == "is not a JSON object"
    assert by_line[9].field == "image"
    assert "no-such-file.png" in by_line[9].message
    assert by_line[10].field == "kind"
    assert by_line[10].message == "is required"
    assert "line 4: duration:" in str(caught.value)
    assert gateway.creates_count == 0
    assert not list((tmp_path / "out").glob("*.mp4"))


@pytest.mark.parametrize("ident", ["a/b", "a\\b", "..", ".hidden", "tab\there", "x" * 101, "NUL"])
def test_ids_that_are_no_safe_file_name_are_refused(
    tmp_path: Path, client: Kling, ident: str
) -> None:
    jobs = write_jobs(tmp_path / "jobs.jsonl", [{"kind": "text2video", "id": ident, "p": 1}])
    with pytest.raises(JobsFileError) as caught:
        Batch(jobs, tmp_path / "out").run(client)
    assert caught.value.problems[0].field == "id"


def test_a_line_without_id_is_named_by_its_line_and_blank_lines_count(
    tmp_path: Path, client: Kling, gateway: MockGateway
) -> None:
    jobs = write_jobs(tmp_path / "jobs.jsonl", ["", {"kind": "text2video", "prompt": "a"}])
    report = Batch(jobs, tmp_path / "out").run(client)
    assert report.exit_code == 0
    assert (tmp_path / "out" / "2.mp4").is_file()


def test_a_local_image_is_read_relative_to_the_jobs_file(
    tmp_path: Path, client: Kling, gateway: MockGateway
) -> None:
    (tmp_path / "frames").mkdir()
    (tmp_path / "frames" / "cat.png").write_bytes(png_header(400, 320))
    jobs = write_jobs(
        tmp_path / "jobs.jsonl",
        [{"kind": "image2video", "id": "cat", "image": "frames/cat.png", "prompt": "a cat"}],
    )
    report = Batch(jobs, tmp_path / "out").run(client)
    assert report.exit_code == 0, report.failed
    sent = gateway.tasks[0].body["image"]
    assert sent.startswith("iVBORw0KGgo")  # the file's Base64, not its name


def test_a_changed_line_is_refused_unless_forced(
    tmp_path: Path, client: Kling, gateway: MockGateway
) -> None:
    jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(2))
    assert Batch(jobs, tmp_path / "out").run(client).exit_code == 0
    edited = prompts(2)
    edited[1]["prompt"] = "a different shot"
    write_jobs(jobs, edited)

    with pytest.raises(JobsFileError) as caught:
        Batch(jobs, tmp_path / "out").run(client)
    assert "job-02" in str(caught.value)
    assert "force" in str(caught.value)
    assert gateway.creates_count == 2

    report = Batch(jobs, tmp_path / "out", force=True).run(client)
    assert (report.succeeded, report.skipped) == (2, 1)
    assert [task.body["prompt"] for task in gateway.tasks] == [
        "shot 1",
        "shot 2",
        "a different shot",
    ]


@pytest.mark.parametrize(
    ("own", "field"),
    [
        ({"external_task_id": "mine-1"}, "external_task_id"),
        ({"extra_body": {"external_task_id": "mine-1"}}, "extra_body.external_task_id"),
    ],
    ids=["directly", "in extra_body"],
)
def test_a_line_may_not_set_its_external_task_id(
    tmp_path: Path,
    client: Kling,
    async_client: AsyncKling,
    gateway: MockGateway,
    own: dict[str, object],
    field: str,
) -> None:
    # The id may already be another task's (here: a cat), whose video the job would then get.
    client.text2video.create(prompt="a cat", external_task_id="mine-1")
    jobs = write_jobs(
        tmp_path / "jobs.jsonl",
        [
            {"kind": "text2video", "id": "fine", "prompt": "a dog"},
            {"kind": "text2video", "id": "dog", "prompt": "a dog", **own},
        ],
    )
    with pytest.raises(JobsFileError) as caught:
        Batch(jobs, tmp_path / "out").run(client)
    with pytest.raises(JobsFileError) as caught_async:
        asyncio.run(Batch(jobs, tmp_path / "out").arun(async_client))

    for error in (caught.value, caught_async.value):
        assert [(p.line, p.field) for p in error.problems] == [(2, field)]
        assert "may not be set in a jobs line" in error.problems[0].message
        assert f"line 2: {field}: may not be set" in str(error)
    assert gateway.creates_count == 1  # the cat only
    assert sorted(path.name for path in tmp_path.iterdir()) == ["jobs.jsonl"]


def test_the_report_is_json(tmp_path: Path, client: Kling) -> None:
    jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(1))
    report = Batch(jobs, tmp_path / "out").run(client)
    assert json.loads(json.dumps(report.to_json()))["succeeded"] == 1


def test_a_retried_job_gets_a_new_task_under_a_new_external_task_id(
    tmp_path: Path, client: Kling, gateway: MockGateway
) -> None:
    jobs = write_jobs(tmp_path / "jobs.jsonl", [{"kind": "text2video", "prompt": "[mock:fail]"}])
    assert Batch(jobs, tmp_path / "out").run(client).exit_code == 1
    Batch(jobs, tmp_path / "out", retry_failed=True).run(client)
    assert len(gateway.tasks) == 2
    first, second = (task.external_task_id for task in gateway.tasks)
    assert first != second
    assert first.startswith("kling-batch-")


def test_a_missing_local_image_is_reported_as_a_missing_file(
    tmp_path: Path, client: Kling, gateway: MockGateway
) -> None:
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "here.png").write_bytes(png_header(400, 320))
    jobs = write_jobs(
        tmp_path / "jobs.jsonl",
        [
            {"kind": "image2video", "id": "here", "image": "photos/here.png", "prompt": "x"},
            {"kind": "image2video", "id": "gone", "image": "photos/nothere.png", "prompt": "x"},
            {
                "kind": "image2video",
                "id": "tail",
                "image": "https://example.com/a.png",
                "image_tail": "photos/tail.png",
                "prompt": "x",
            },
        ],
    )
    with pytest.raises(JobsFileError) as caught:
        Batch(jobs, tmp_path / "out").run(client)
    problems = [(p.line, p.field, p.message) for p in caught.value.problems]
    assert problems == [
        (2, "image", "file not found: photos/nothere.png"),
        (3, "image_tail", "file not found: photos/tail.png"),
    ]
    assert "relative to the jobs file" in (caught.value.problems[0].allowed or "")
    assert "Base64" not in caught.value.problems[0].message
    assert gateway.creates_count == 0


def test_a_duplicate_id_is_named_even_when_its_first_line_is_bad(
    tmp_path: Path, client: Kling
) -> None:
    jobs = write_jobs(
        tmp_path / "jobs.jsonl",
        [
            {"kind": "text2video", "id": "a", "prompt": "x", "duration": 7},
            {"kind": "text2video", "id": "b", "prompt": "x"},
            {"kind": "text2vid", "id": "k", "prompt": "x"},
            {"kind": "text2video", "id": "a", "prompt": "valid, but the id is taken"},
            {"kind": "text2video", "id": "K", "prompt": "valid, but the id is taken"},
        ],
    )
    with pytest.raises(JobsFileError) as caught:
        Batch(jobs, tmp_path / "out").run(client)
    by_line = {problem.line: problem for problem in caught.value.problems}
    assert sorted(by_line) == [1, 3, 4, 5]
    assert (by_line[4].field, by_line[5].field) == ("id", "id")
    assert "line 1" in by_line[4].message
    assert "line 3" in by_line[5].message
    assert ": 4 bad line(s), nothing was sent" in str(caught.value)


@pytest.mark.parametrize(
    "lines",
    [
        [{"kind": "text2video", "id": "a", "prompt": "x", "duration": 7}],
        [
            {"kind": "text2video", "id": "a", "prompt": "x"},
            {"kind": "text2video", "id": "b", "prompt": "x", "external_task_id": "mine"},
        ],
    ],
    ids=["bad field", "own external_task_id"],
)
def test_a_refused_file_leaves_nothing_behind(
    tmp_path: Path, client: Kling, lines: list[dict[str, object]]
) -> None:
    jobs = write_jobs(tmp_path / "jobs.jsonl", lines)
    with pytest.raises(JobsFileError):
        Batch(jobs, tmp_path / "out").run(client)
    with pytest.raises(JobsFileError):
        Batch(jobs, tmp_path / "out2", ledger=tmp_path / "state" / "ledger.db").run(client)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["jobs.jsonl"]


def test_extra_body_may_not_set_a_field_the_spec_has(tmp_path: Path, client: Kling) -> None:
    # The library's own rule, applied to each line when the file is checked.
    line = {"kind": "text2video", "id": "a", "prompt": "x", "extra_body": {"duration": "99"}}
    jobs = write_jobs(tmp_path / "jobs.jsonl", [line])
    with pytest.raises(JobsFileError) as caught:
        Batch(jobs, tmp_path / "out").run(client)
    assert [(p.line, p.field) for p in caught.value.problems] == [(1, "extra_body.duration")]


def _deep(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize(
    ("line", "field", "message"),
    [
        (
            '{"kind": "text2video", "id": "a", "prompt": "x", "extra_body": {"v": '
            + _deep(100_000)
            + "}}",
            "line",
            "is nested more than 32 levels deep",
        ),
        (
            '{"kind": "text2video", "id": "a", "prompt": "x", "extra_body": {"v": '
            + _deep(500)
            + "}}",
            "extra_body.v" + "[0]" * 30,  # the line is level 1, extra_body 2, v 3, ...
            "is nested more than 32 levels deep",
        ),
        (
            '{"kind": "text2video", "id": "a", "prompt": "a \\ud800 b"}',
            "prompt",
            "holds a lone surrogate ('\\ud800' at character 2)",
        ),
        (
            '{"kind": "text2video", "id": "a\\udc00", "prompt": "x"}',
            "id",
            "holds a lone surrogate",
        ),
        (
            '{"kind": "text2video", "id": "a", "prompt": "x", "extra_body": {"\\udfff": 1}}',
            "extra_body",
            "has a name that holds a lone surrogate",
        ),
        (
            '{"kind": "text2video", "id": "a", "prompt": "x", "extra_body": {"n": NaN}}',
            "line",
            "is not JSON (NaN is not a JSON number)",
        ),
        (
            '{"kind": "text2video", "id": "a", "prompt": "x", "cfg_scale": -Infinity}',
            "line",
            "is not JSON (-Infinity is not a JSON number)",
        ),
    ],
    ids=["100k deep", "500 deep", "surrogate", "surrogate id", "surrogate name", "NaN", "-Inf"],
)
def test_a_line_no_request_can_carry_is_named_not_a_traceback(
    tmp_path: Path,
    client: Kling,
    async_client: AsyncKling,
    gateway: MockGateway,
    line: str,
    field: str,
    message: str,
) -> None:
    fine = {"kind": "text2video", "id": "fine", "prompt": "\U0001f600 \\ud83d\\ude00"}
    jobs = write_jobs(tmp_path / "jobs.jsonl", [fine, line])
    with pytest.raises(JobsFileError) as caught:
        Batch(jobs, tmp_path / "out").run(client)
    with pytest.raises(JobsFileError) as caught_async:
        asyncio.run(Batch(jobs, tmp_path / "out").arun(async_client))

    for error in (caught.value, caught_async.value):
        assert [(p.line, p.field) for p in error.problems] == [(2, field)]
        assert message in error.problems[0].message
    assert gateway.creates_count == 0


def test_ids_differing_only_in_unicode_normalisation_are_duplicates(
    tmp_path: Path, client: Kling, gateway: MockGateway
) -> None:
    composed, decomposed = "caf\u00e9", "cafe\u0301"  # both read `café`
    jobs = write_jobs(
        tmp_path / "jobs.jsonl",
        [
            {"kind": "text2video", "id": composed, "prompt": "x"},
            {"kind": "text2video", "id": decomposed, "prompt": "y"},
            {"kind": "text2video", "id": "CAFE\u0301", "prompt": "z"},
        ],
    )
    with pytest.raises(JobsFileError) as caught:
        Batch(jobs, tmp_path / "out").run(client)
    problems = caught.value.problems
    assert [(p.line, p.field) for p in problems] == [(2, "id"), (3, "id")]
    assert all("line 1" in p.message for p in problems)
    assert "normalisation" in (problems[0].allowed or "")
    assert gateway.creates_count == 0


def test_a_line_longer_than_the_cap_is_refused_without_being_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kling_ext import _constants

    # The cap lowered to 1 MiB, the long line 24 MiB: what holds for 64 MiB and 300 MB, quickly.
    monkeypatch.setattr(_constants, "MAX_JOB_LINE_BYTES", 1024 * 1024)
    long_line = '{"kind": "text2video", "id": "long", "prompt": "' + "a" * (24 * 1024**2) + '"}'
    jobs = write_jobs(tmp_path / "jobs.jsonl", [*prompts(1), long_line, *prompts(2)[1:]])
    del long_line

    tracemalloc.start()
    try:
        found = list(read_jobs(jobs))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    assert peak < 6 * 1024**2, f"peak {peak / 1024**2:.1f} MiB"
    assert [type(item).__name__ for item in found] == ["Job", "JobProblem", "Job"]
    problem = found[1]
    assert isinstance(problem, JobProblem)
    assert (problem.line, problem.field) == (2, "line")
    assert problem.message == "is longer than 1 MiB; it was not read"
    assert "as files" in (problem.allowed or "")
    assert [job.line for job in found if isinstance(job, Job)] == [1, 3]


def test_a_line_of_exactly_the_cap_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kling_ext import _constants

    line = json.dumps({"kind": "text2video", "id": "a", "prompt": "x" * 100})
    (tmp_path / "jobs.jsonl").write_bytes(f"{line}\n{line.replace('a', 'b', 1)}".encode())
    monkeypatch.setattr(_constants, "MAX_JOB_LINE_BYTES", len(line))
    assert [type(item).__name__ for item in read_jobs(tmp_path / "jobs.jsonl")] == ["Job", "Job"]
    monkeypatch.setattr(_constants, "MAX_JOB_LINE_BYTES", len(line) - 1)
    found = list(read_jobs(tmp_path / "jobs.jsonl"))
    assert [(p.line, p.field) for p in found if isinstance(p, JobProblem)] == [
        (1, "line"),
        (2, "line"),
    ]


def test_a_line_that_is_not_utf8_is_named_and_the_others_checked(
    tmp_path: Path, client: Kling
) -> None:
    good = json.dumps({"kind": "text2video", "id": "a", "prompt": "x"}).encode()
    bad = b'{"kind": "text2video", "id": "b", "prompt": "\xff"}'
    (tmp_path / "jobs.jsonl").write_bytes(good + b"\n" + bad + b"\n" + good.replace(b'"a"', b'"c"'))
    found = list(read_jobs(tmp_path / "jobs.jsonl"))
    assert [type(item).__name__ for item in found] == ["Job", "JobProblem", "Job"]
    assert str(found[1]).startswith("line 2: line: is not UTF-8 text (byte 46)")


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        (
            {"kind": "text2video", "id": "b", "prompt": "x", "external_task_id": "mine"},
            "line 2: external_task_id: may not be set in a jobs line",
        ),
        (
            {"kind": "text2video", "id": "b", "prompt": "x", "extra_body": {"external_task_id": 1}},
            "line 2: extra_body.external_task_id: may not be set in a jobs line",
        ),
        (
            '{"kind": "text2video", "id": "b", "prompt": ' + _deep(100_000) + "}",
            "line 2: line: is nested more than 32 levels deep",
        ),
        (
            '{"kind": "text2video", "id": "b", "prompt": "\\ud800"}',
            "line 2: prompt: holds a lone surrogate",
        ),
        ({"kind": "text2video", "id": "A", "prompt": "x"}, "line 2: id: 'A' is already the id"),
    ],
    ids=["external_task_id", "extra_body", "deep", "surrogate", "duplicate"],
)
def test_batch_command_exits_2_naming_the_line_and_field(
    tmp_path: Path, line: dict[str, object] | str, shown: str
) -> None:
    gateway = MockGateway()
    jobs = write_jobs(
        tmp_path / "jobs.jsonl", [{"kind": "text2video", "id": "a", "prompt": "x"}, line]
    )
    with gateway.serve() as server:
        env = {"KLING_API_KEY": gateway.api_key, "KLING_BASE_URL": server.base_url}
        result = CliRunner().invoke(cli, ["batch", str(jobs), "-o", str(tmp_path / "out")], env=env)
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)  # no traceback
    assert shown in result.stderr
    assert gateway.creates_count == 0
