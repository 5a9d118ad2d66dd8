"""Who may post a callback: Standard Webhooks signatures and capability tokens, pure functions.

Kling signs callbacks, when a webhook secret is set in its console, with the Standard Webhooks
scheme: headers `webhook-id`, `webhook-timestamp` (Unix seconds) and `webhook-signature`, a
space-separated list of `v1,<base64>` (several while a secret rotates), each the Base64 of
HMAC-SHA256(Base64-decoded secret without its `whsec_` prefix, "{id}.{timestamp}.{raw body}").
The `standardwebhooks` package implements this too, but brings an HTTP client and date libraries
with it; the scheme is a dozen lines of the standard library, tested against the scheme's
published vector (tests/callbacks/test_webhooks.py).

Senders that do not sign (legacy callbacks, gateways) are authenticated by the URL itself: the
client mints each task's callback URL with an HMAC of its `external_task_id` under a local key
(`capability_token`), so only someone who was given that URL can post about that task.

Nothing here stores anything: refusing a replayed `webhook-id` needs memory, which the inbox has
(`kling_ext.callbacks`).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from collections.abc import Iterable, Mapping

__all__ = [
    "SIGNATURE_TOLERANCE",
    "WebhookVerificationError",
    "capability_token",
    "check_capability",
    "sign_webhook",
    "verify_webhook",
    "webhook_key",
]

SIGNATURE_TOLERANCE = 300.0
"""Seconds a signed callback's timestamp may be away from this machine's clock (the scheme's ±5
minutes): older ones are refused as possible replays, newer ones as forged."""

_PREFIX = "whsec_"
# The longest header values read: a rotation has a few signatures, never kilobytes of them.
_MAX_HEADER = 4096


class WebhookVerificationError(ValueError):
    """A callback that cannot be shown to come from the sender: the reason, never a secret."""


def webhook_key(secret: str) -> bytes:
    """The HMAC key of a webhook secret (`whsec_<base64>`; the prefix may be left off).

    Raises:
        ValueError: the secret is not Base64 (the message never shows it).
    """
    text = secret.strip()
    text = text.removeprefix(_PREFIX)
    try:
        key = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise ValueError(
            "the webhook secret is not a Standard Webhooks secret ('whsec_' then Base64)"
        ) from None
    if not key:
        raise ValueError("the webhook secret is empty")
    return key


def sign_webhook(secret: str | bytes, msg_id: str, timestamp: int, body: bytes) -> str:
    """The `webhook-signature` value (`v1,<base64>`) for one message; what a sender computes.

    `secret` is a `whsec_` secret or its decoded key.
    """
    key = secret if isinstance(secret, bytes) else webhook_key(secret)
    signed = f"{msg_id}.{timestamp}.".encode() + body
    digest = hmac.new(key, signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode("ascii")


def _header(headers: Mapping[str, str], name: str) -> str:
    # Header names are case-insensitive (the docs say so); WSGI/ASGI callers pass any case.
    for key, value in headers.items():
        if key.lower() == name:
            if len(value) > _MAX_HEADER:
                raise WebhookVerificationError(f"the {name} header is too long")
            return value.strip()
    raise WebhookVerificationError(f"the {name} header is missing: the callback is not signed")


def verify_webhook(
    secrets: Iterable[str | bytes],
    headers: Mapping[str, str],
    body: bytes,
    *,
    now: float,
    tolerance: float = SIGNATURE_TOLERANCE,
) -> str:
    """Check a Standard Webhooks signature; return the message's `webhook-id`.

    Args:
        secrets: Every secret in force (`whsec_…` or decoded keys): during a rotation both the
            old and the new one; a signature made with any of them is accepted.
        headers: The request's headers, any case.
        body: The raw body, exactly as received.
        now: This machine's Unix time, in seconds.
        tolerance: How far the timestamp may be from `now`, in seconds.

    Raises:
        WebhookVerificationError: a header missing, the timestamp out of tolerance, or no
            signature matching (compared in constant time).
    """
    keys = [s if isinstance(s, bytes) else webhook_key(s) for s in secrets]
    if not keys:
        raise WebhookVerificationError("no webhook secret is configured to verify with")
    msg_id = _header(headers, "webhook-id")
    stamp = _header(headers, "webhook-timestamp")
    signatures = _header(headers, "webhook-signature")
    if not msg_id:
        raise WebhookVerificationError("the webhook-id header is empty")
    if not stamp.isdigit() or len(stamp) > 12:
        raise WebhookVerificationError("the webhook-timestamp header is not Unix seconds")
    timestamp = int(stamp)
    if abs(now - timestamp) > tolerance:
        raise WebhookVerificationError(
            f"the webhook-timestamp is {int(now - timestamp)} s away from this machine's clock "
            f"(at most {int(tolerance)} s allowed)"
        )
    offered = [
        part.partition(",")[2].encode("ascii", "replace")
        for part in signatures.split(" ")
        if part.startswith("v1,")
    ]
    for key in keys:
        expected = sign_webhook(key, msg_id, timestamp, body)[3:].encode("ascii")
        # Every offered signature is compared, each in constant time, whether or not one matched.
        matches = [hmac.compare_digest(expected, candidate) for candidate in offered]
        if True in matches:
            return msg_id
    raise WebhookVerificationError("no webhook-signature matches the body and a configured secret")


def capability_token(key: bytes, external_task_id: str) -> str:
    """The token in a task's callback URL: an HMAC of its `external_task_id` under a local key.

    URL-safe Base64 without padding (43 characters): only someone given the URL can post for
    that task, and a token for one task is worthless for any other.
    """
    digest = hmac.new(key, b"kling-ext callback\x00" + external_task_id.encode(), hashlib.sha256)
    return base64.urlsafe_b64encode(digest.digest()).rstrip(b"=").decode("ascii")


def check_capability(key: bytes, external_task_id: str, token: str) -> bool:
    """True when `token` is the capability token of `external_task_id` (constant time)."""
    expected = capability_token(key, external_task_id).encode("ascii")
    return hmac.compare_digest(expected, token.encode("utf-8", "replace"))
