"""The receiver mounted as the README shows, in Starlette (FastAPI's router) and Werkzeug's
dispatcher (Flask's): the callback URL it mints reaches it, with no redirect on the way.

Starlette answers a path equal to a mount's prefix without its trailing slash with a 307 to the
slashed path, which callback senders do not follow: the README's URL must end with the slash.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from werkzeug.middleware.dispatcher import DispatcherMiddleware
from werkzeug.test import Client
from werkzeug.wrappers import Response

from kling_ext.callbacks import CallbackReceiver

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
PUBLIC_URL = re.search(r'CallbackReceiver\("(https://example\.com/[^"]*)"', README)
MOUNT = re.search(r'app\.mount\("([^"]+)", receiver\.asgi_app\)', README)
DISPATCH = re.search(r'DispatcherMiddleware\(app\.wsgi_app, \{"([^"]+)": receiver', README)
BODY = json.dumps(
    {"task_id": "t1", "task_status": "processing", "task_info": {"external_task_id": "ext-1"}}
).encode()


def _readme_receiver() -> tuple[CallbackReceiver, str]:
    assert PUBLIC_URL, "the README's callbacks example changed"
    assert MOUNT
    assert DISPATCH
    receiver = CallbackReceiver(PUBLIC_URL.group(1))
    parts = urlsplit(receiver.callback_url("ext-1"))
    return receiver, f"{parts.path}?{parts.query}"


async def test_the_readme_mount_in_starlette_takes_the_callback_without_a_redirect() -> None:
    pytest.importorskip("starlette")
    from starlette.applications import Starlette

    receiver, target = _readme_receiver()
    assert MOUNT
    app = Starlette()
    app.mount(MOUNT.group(1), receiver.asgi_app)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="https://example.com") as client:
        answer = await client.post(target, content=BODY)  # redirects are not followed
    assert answer.status_code == 200, answer.headers
    assert len(receiver.inbox.events(["ext-1"])) == 1


def test_the_readme_mount_in_werkzeugs_dispatcher_takes_the_callback() -> None:
    receiver, target = _readme_receiver()
    assert DISPATCH
    app = DispatcherMiddleware(
        Response("the web app", status=404), {DISPATCH.group(1): receiver.wsgi_app}
    )
    answer = Client(app).post(target, data=BODY)
    assert answer.status_code == 200
    assert len(receiver.inbox.events(["ext-1"])) == 1
