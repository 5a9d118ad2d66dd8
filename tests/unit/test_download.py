"""The pure half of downloads: names made from server text, and which answers are written."""

from __future__ import annotations

from pathlib import Path, PurePosixPath, PureWindowsPath

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kling_ext._download import Plan, answer_problem, safe_name
from kling_ext._flow import Streamed


@given(st.text(max_size=400))
def test_any_server_text_becomes_one_plain_name(text: str) -> None:
    name = safe_name(text)
    assert name, "never empty"
    assert not name.startswith((".", " ")), "never hidden, never '..'"
    assert len(name.encode("utf-8")) <= 120
    assert all(ch.isprintable() for ch in name)
    for flavour in (PurePosixPath, PureWindowsPath):
        assert flavour("videos", name).parent == flavour("videos"), "stays in the folder"
    name.encode("utf-8")  # a lone surrogate would make the file system refuse the name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("867283741759111202", "867283741759111202"),
        ("../../escaped", "escaped"),
        ("a/../b", "a_._b"),
        ("..", "video"),
        ("con", "_con"),
        ("LPT1.txt", "_LPT1.txt"),
    ],
)
def test_safe_names(text: str, expected: str) -> None:
    assert safe_name(text) == expected


def _answer(status: int, headers: dict[str, str], url: str = "https://cdn.test/v.mp4") -> object:
    response = httpx.Response(status, headers=headers, request=httpx.Request("GET", url))
    return answer_problem(response, 1000, max_bytes=10_000, allow_http=False, now=0.0)


@pytest.mark.parametrize(
    ("headers", "plan"),
    [
        ({"Content-Range": "bytes 1000-4999/5000"}, Plan(1000, 5000)),
        ({"Content-Range": "bytes 1000-4999/*", "Content-Length": "4000"}, Plan(1000, 5000)),
        ({"Content-Range": "bytes 1000-4999/*"}, Plan(1000, None)),
    ],
)
def test_a_206_from_the_offset_asked_for_is_appended(headers: dict[str, str], plan: Plan) -> None:
    assert _answer(206, headers) == plan


@pytest.mark.parametrize(
    "content_range", ["bytes 0-4999/5000", "bytes 999-4999/5000", "", "bytes */5000", "nonsense"]
)
def test_any_other_206_restarts_from_zero(content_range: str) -> None:
    got = _answer(206, {"Content-Range": content_range})
    assert isinstance(got, Streamed)
    assert got.restart
    assert got.failure is None


def test_a_200_to_a_range_request_rewrites_from_zero() -> None:
    assert _answer(200, {"Content-Length": "5000"}) == Plan(0, 5000)


def test_a_coded_video_is_refused_unread() -> None:
    # Asked for unencoded: a coded body could unpack past the cap before it is counted.
    got = _answer(200, {"Content-Length": "5000", "Content-Encoding": "gzip"})
    assert isinstance(got, Streamed)
    assert got.failure is not None
    assert "came encoded as 'gzip'" in str(got.failure)


def test_a_plain_text_label_is_left_to_the_first_bytes() -> None:
    # Misconfigured CDNs label real videos text/plain; the sniff of the body decides.
    assert _answer(200, {"Content-Type": "text/plain"}) == Plan(0, None)


def test_paths_made_are_relative_to_the_folder(tmp_path: Path) -> None:
    assert (tmp_path / safe_name("/etc/passwd")).parent == tmp_path
