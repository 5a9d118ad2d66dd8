"""No tracebacks: whatever the server or the input does, the error is a kling_ext error."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
from hostile_clients import kling, no_traceback, run
from hostile_server import Action, Answer, HostileServer, Raw, Seen

from kling_ext import (
    APIConnectionError,
    ConfigurationError,
    KlingError,
    ResponseValidationError,
    ValidationError,
)

Start = Callable[[Callable[[Seen], Action]], HostileServer]

NESTED = b"[" * 200_000 + b"]" * 200_000

ANSWERS: dict[str, tuple[Action, type[KlingError]]] = {
    "undecodable-gzip": (
        Answer(200, b"\x1f\x8b garbage", {"Content-Encoding": "gzip"}),
        ResponseValidationError,
    ),
    "absurdly-nested-json": (
        Answer(200, NESTED, {"Content-Type": "application/json"}),
        ResponseValidationError,
    ),
    "protocol-garbage": (Raw(b"HTTP/1.1 999999 \x00\x01\r\n\r\n"), APIConnectionError),
    "truncated-body": (
        Raw(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{}"),
        APIConnectionError,
    ),
}


@pytest.mark.parametrize("answer", ANSWERS.values(), ids=ANSWERS.keys())
def test_a_broken_answer_is_a_kling_error(
    hostile: Start, flavor: str, answer: tuple[Action, type[KlingError]]
) -> None:
    action, expected = answer
    server = hostile(lambda seen: action)
    with pytest.raises(expected):
        run(flavor, server, lambda c: c.text2video.get("t"))


def test_a_redirect_loop_is_a_kling_error(hostile: Start, flavor: str) -> None:
    # Each hop on a fresh connection, so no idle keep-alive outlives the test.
    server = hostile(
        lambda seen: Raw(f"HTTP/1.1 302 Found\r\nLocation: {seen.path}\r\n\r\n".encode())
    )
    http: httpx.Client | httpx.AsyncClient = (
        httpx.Client(follow_redirects=True)
        if flavor == "sync"
        else httpx.AsyncClient(follow_redirects=True)
    )
    with pytest.raises(APIConnectionError, match="TooManyRedirects"):
        run(flavor, server, lambda c: c.text2video.get("t"), http_client=http, max_retries=0)


def test_a_nul_in_an_id_is_bad_input_and_nothing_is_sent(hostile: Start, flavor: str) -> None:
    server = hostile(lambda seen: Answer(500))
    with pytest.raises(ValidationError, match="task_id"):
        run(flavor, server, lambda c: c.text2video.get("abc\x00def"))
    assert server.seen == []


def test_unencodable_input_is_bad_input_and_nothing_is_sent(hostile: Start, flavor: str) -> None:
    server = hostile(lambda seen: Answer(500))
    with pytest.raises(ValidationError, match="prompt"):
        run(flavor, server, lambda c: c.text2video.create(prompt="a rabbit \ud800"))
    assert server.seen == []


@pytest.mark.parametrize(
    "base_url",
    [
        "http://127.0.0.1:8/kling\x00ai",
        "http://xn--:8/klingai",
        "http://127.0.0.1:8/" + "a" * 70_000,
    ],
    ids=["nul", "bad-idna", "too-long"],
)
def test_an_unusable_base_url_is_a_configuration_error(flavor: str, base_url: str) -> None:
    server = HostileServer(lambda seen: Answer(500))  # never started: nothing may be sent
    with pytest.raises(ConfigurationError):
        run(flavor, server, lambda c: c.text2video.get("t"), base_url=base_url, allow_insecure=True)


@pytest.mark.parametrize("answer", ANSWERS.values(), ids=ANSWERS.keys())
def test_cli_broken_answers_exit_with_their_status_without_traceback(
    hostile: Start, answer: tuple[Action, type[KlingError]]
) -> None:
    server = hostile(lambda seen: answer[0])
    result = kling(server, "status", "text2video", "t")
    # The README's exit statuses: 4 could not talk to the API, 3 it answered badly.
    assert result.code == (4 if answer[1] is APIConnectionError else 3), result.stderr
    assert result.stderr.startswith("error:")
    assert no_traceback([result.stderr])


def test_cli_unencodable_argument_exits_2_and_sends_nothing(hostile: Start) -> None:
    server = hostile(lambda seen: Answer(500))
    # A byte that is not UTF-8 reaches Python as a lone surrogate (surrogateescape).
    result = kling(server, "text2video", "--prompt", "a rabbit \udcff")
    assert result.code == 2, result.stderr
    assert "prompt" in result.stderr
    assert no_traceback([result.stderr])
    assert server.seen == []
