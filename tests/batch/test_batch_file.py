"""The jobs file is checked whole before anything is sent: every bad line is named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from batch_support import png_header, prompts, write_jobs

from kling_ext import Batch, JobsFileError, Kling
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


def test_duplicate_external_task_ids_are_refused(tmp_path: Path, client: Kling) -> None:
    same = {"kind": "text2video", "prompt": "x", "external_task_id": "mine-1"}
    jobs = write_jobs(tmp_path / "jobs.jsonl", [{**same, "id": "a"}, {**same, "id": "b"}])
    with pytest.raises(JobsFileError) as caught:
        Batch(jobs, tmp_path / "out").run(client)
    assert [(p.line, p.field) for p in caught.value.problems] == [(2, "external_task_id")]


def test_the_report_is_json(tmp_path: Path, client: Kling) -> None:
    jobs = write_jobs(tmp_path / "jobs.jsonl", prompts(1))
    report = Batch(jobs, tmp_path / "out").run(client)
    assert json.loads(json.dumps(report.to_json()))["succeeded"] == 1


def test_a_retried_job_gets_a_new_task_even_with_its_own_external_task_id(
    tmp_path: Path, client: Kling, gateway: MockGateway
) -> None:
    line = {"kind": "text2video", "prompt": "[mock:fail]", "external_task_id": "mine-1"}
    jobs = write_jobs(tmp_path / "jobs.jsonl", [line])
    assert Batch(jobs, tmp_path / "out").run(client).exit_code == 1
    Batch(jobs, tmp_path / "out", retry_failed=True).run(client)
    assert len(gateway.tasks) == 2
    assert gateway.tasks[0].external_task_id == "mine-1"


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
            {"kind": "text2video", "id": "a", "prompt": "x", "external_task_id": "mine"},
            {"kind": "text2video", "id": "b", "prompt": "x", "external_task_id": "mine"},
        ],
    ],
    ids=["bad field", "duplicate external_task_id"],
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
