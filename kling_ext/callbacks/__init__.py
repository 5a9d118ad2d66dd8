"""Waiting by callback: a receiver (WSGI, ASGI, a small server) and its durable inbox.

    from kling_ext import Kling
    from kling_ext.callbacks import CallbackReceiver

    receiver = CallbackReceiver("https://example.com/kling/hook", inbox="callbacks.sqlite3")
    # mount receiver.wsgi_app / receiver.asgi_app at /kling/hook, or: receiver.serve(host, port)
    task = Kling().text2video.run(prompt="a cat", callbacks=receiver)

The receiver verifies each callback (a capability token in its URL, and a Standard Webhooks
signature when a webhook secret is given), stores it, then answers 2xx; the wait reads the
inbox and confirms every final status with the API before reporting it.
"""

from __future__ import annotations

from .._callback_flow import CallbackEvent
from .._callback_schedule import DEFAULT_CALLBACK_SCHEDULE, CallbackSchedule
from .._webhooks import WebhookVerificationError, sign_webhook, verify_webhook
from ._inbox import CallbackInbox
from ._receiver import MAX_CALLBACK_BYTES, CallbackReceiver
from ._server import RunningReceiver

__all__ = [
    "DEFAULT_CALLBACK_SCHEDULE",
    "MAX_CALLBACK_BYTES",
    "CallbackEvent",
    "CallbackInbox",
    "CallbackReceiver",
    "CallbackSchedule",
    "RunningReceiver",
    "WebhookVerificationError",
    "sign_webhook",
    "verify_webhook",
]
