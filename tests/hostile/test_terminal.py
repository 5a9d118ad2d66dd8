"""Terminal safety: server text reaches the terminal with its control characters neutralised."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from hostile_clients import kling, no_traceback, task_data
from hostile_server import Action, HostileServer, Seen, envelope

Start = Callable[[Callable[[Seen], Action]], HostileServer]

# Set the window title, clear the screen, ring the bell, a C1 CSI, a right-to-left override.
ATTACK = "\x1b]0;pwned\x07\x1b[2J\x1b[H\x9b31m\u202eevil\r\nerror: forged line"
TASK_ID = "84\x1b[8m\x9b2J"
# Tabs and newlines are the CLI's own separators; everything else must not reach the terminal.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _failed(seen: Seen) -> Action:
    return envelope(task_data(TASK_ID, "failed", task_status_msg=ATTACK))


def _clean(text: str) -> bool:
    return not _CONTROLS.search(text) and "\nerror: forged line" not in text


def test_status_shows_server_text_defused(hostile: Start) -> None:
    server = hostile(_failed)
    result = kling(server, "status", "text2video", "84")
    assert result.code == 0, result.stderr
    assert _clean(result.stdout + result.stderr), repr(result.stdout)
    assert "\\x1b]0;pwned\\x07" in result.stdout, "the text is shown, escaped, not dropped"


def test_a_failed_task_message_is_defused(hostile: Start) -> None:
    server = hostile(_failed)
    result = kling(server, "wait", "text2video", "84", "--timeout", "30")
    assert result.code == 1
    assert "pwned" in result.stderr
    assert _clean(result.stdout + result.stderr), repr(result.stderr)
    assert no_traceback([result.stderr])


def test_an_error_message_is_defused(hostile: Start) -> None:
    server = hostile(lambda seen: envelope(None, code=1201, message=ATTACK, status=400))
    result = kling(server, "status", "text2video", "84")
    assert result.code == 3
    assert "pwned" in result.stderr
    assert _clean(result.stdout + result.stderr), repr(result.stderr)


def test_list_shows_ids_defused(hostile: Start) -> None:
    server = hostile(lambda seen: envelope([task_data(TASK_ID, "succeed")]))
    result = kling(server, "list", "text2video")
    assert result.code == 0, result.stderr
    assert _clean(result.stdout + result.stderr), repr(result.stdout)


def test_json_stays_exact(hostile: Start) -> None:
    server = hostile(_failed)
    result = kling(server, "status", "text2video", "84", "--json")
    assert result.code == 0, result.stderr
    assert _clean(result.stdout), "escaped inside the JSON strings"
    shown = json.loads(result.stdout)
    assert shown["task_id"] == TASK_ID, "the same value, exactly"
    assert shown["task_status"] == "failed"
