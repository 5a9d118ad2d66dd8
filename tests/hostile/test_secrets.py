"""The key is never shown: not when a server echoes it back, and no process holds it for ever."""

from __future__ import annotations

import gc
import logging
import sys
import traceback
from collections.abc import Callable

import pytest
from hostile_clients import KEY, kling, no_traceback, run, task_data
from hostile_server import Action, Answer, HostileServer, Raw, Seen, envelope

from kling_ext import APIConnectionError, AuthenticationError, Kling, KlingError, TaskFailedError

Start = Callable[[Callable[[Seen], Action]], HostileServer]


def _echo_401(seen: Seen) -> Action:
    header = seen.headers.get("authorization", "")
    return envelope(
        {"you_sent": header, header: "as a key"},
        code=1002,
        message=f"invalid token: {header} (raw key {header.removeprefix('Bearer ')})",
        status=401,
    )


def _everything_shown(error: BaseException) -> str:
    parts = [str(error), repr(error), repr(error.args), "".join(traceback.format_exception(error))]
    parts += [repr(value) for value in vars(error).values()]
    return "\n".join(parts)


def test_an_echoed_key_is_not_in_the_error(
    hostile: Start, flavor: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="kling_ext")
    server = hostile(_echo_401)
    with pytest.raises(AuthenticationError) as caught:
        run(flavor, server, lambda c: c.text2video.get("t1"))
    assert server.seen[0].headers["authorization"] == f"Bearer {KEY}", "the server did see the key"
    shown = _everything_shown(caught.value)
    assert "invalid token" in shown, "the server's message is kept"
    assert KEY not in shown
    kept = caught.value
    assert kept.response is not None
    assert "invalid token" in kept.response.text
    assert KEY not in kept.response.text, "the response kept on the error is cut too"
    assert kept.request is not None
    assert KEY not in str(kept.request.headers)
    assert KEY not in caplog.text


def test_an_echoed_key_in_a_failed_task_is_not_shown(hostile: Start, flavor: str) -> None:
    def handler(seen: Seen) -> Action:
        header = seen.headers.get("authorization", "")
        return envelope(task_data("t2", "failed", task_status_msg=f"quota for {header} used up"))

    server = hostile(handler)
    with pytest.raises(TaskFailedError) as caught:
        run(flavor, server, lambda c: c.text2video.wait("t2", timeout=30))
    assert "quota for" in str(caught.value)
    assert KEY not in _everything_shown(caught.value) + repr(caught.value.task)


def test_a_key_echoed_in_garbage_on_the_wire_is_not_in_the_traceback(
    hostile: Start, flavor: str
) -> None:
    def handler(seen: Seen) -> Action:
        return Raw(f"HTTP/1.1 200 OK\r\n{seen.headers['authorization']}\r\n\r\n".encode())

    server = hostile(handler)
    with pytest.raises(APIConnectionError) as caught:
        run(flavor, server, lambda c: c.text2video.get("t3"), max_retries=0)
    assert KEY not in _everything_shown(caught.value)


@pytest.mark.parametrize("json_flag", [[], ["--json"]], ids=["human", "json"])
def test_cli_never_prints_an_echoed_key(hostile: Start, json_flag: list[str]) -> None:
    server = hostile(_echo_401)
    result = kling(server, "status", "text2video", "t4", *json_flag)
    assert result.code == 3
    assert "invalid token" in result.stderr
    assert KEY not in result.stdout + result.stderr
    assert no_traceback([result.stderr])


def _holds(root: object, secret: str, depth: int = 6) -> bool:
    """Whether `root` reaches this very string object through containers and attributes."""
    seen: set[int] = set()
    todo = [(root, 0)]
    while todo:
        obj, level = todo.pop()
        if obj is secret:
            return True
        if id(obj) in seen or level >= depth or isinstance(obj, str | bytes | int | float):
            continue
        seen.add(id(obj))
        if isinstance(obj, dict):
            children = [*obj.keys(), *obj.values()]
        elif isinstance(obj, list | tuple | set | frozenset):
            children = list(obj)
        else:
            children = list(getattr(obj, "__dict__", {}).values())
            slots = [name for cls in type(obj).__mro__ for name in getattr(cls, "__slots__", ())]
            children += [getattr(obj, name, None) for name in slots]
        todo += [(child, level + 1) for child in children]
    return False


def _process_wide() -> list[object]:
    # What outlives a client: module globals of the package, and every logger with its filters.
    modules = [mod for name, mod in sys.modules.items() if name.startswith("kling_ext")]
    loggers = [logging.getLogger(), *logging.Logger.manager.loggerDict.values()]
    return [vars(mod) for mod in modules] + loggers


def test_a_closed_client_leaves_its_key_behind_nowhere() -> None:
    # Built at run time, so the only references are the ones the client makes.
    secret = "-".join(["sk", "forgotten", "0123456789abcdef"])
    client = Kling(api_key=secret, base_url="http://127.0.0.1:9/klingai")
    assert _holds(client, secret), "the check finds the key where it is"
    client.close()
    del client
    gc.collect()
    kept = [root for root in _process_wide() if _holds(root, secret)]
    assert kept == [], "something process-wide kept the key of a client that is gone"


def test_every_error_is_a_kling_error_even_with_an_echo(hostile: Start, flavor: str) -> None:
    server = hostile(_echo_401)
    with pytest.raises(KlingError):
        run(flavor, server, lambda c: c.text2video.list())


def test_a_key_spelled_in_json_escapes_is_still_cut(hostile: Start, flavor: str) -> None:
    # No byte of the answer matches the key; only the decoded string does.
    spelled = "".join(f"\\u{ord(ch):04x}" for ch in KEY)
    body = f'{{"code":1002,"message":"token {spelled} refused","request_id":"r"}}'.encode()
    server = hostile(lambda seen: Answer(401, body, {"Content-Type": "application/json"}))
    with pytest.raises(AuthenticationError) as caught:
        run(flavor, server, lambda c: c.text2video.get("t5"))
    assert "refused" in str(caught.value)
    assert KEY not in _everything_shown(caught.value)
