"""Standard Webhooks verification and capability tokens (kling_ext._webhooks), pure."""

from __future__ import annotations

import pytest

from kling_ext._webhooks import (
    WebhookVerificationError,
    capability_token,
    check_capability,
    sign_webhook,
    verify_webhook,
    webhook_key,
)

# The Standard Webhooks specification's published test vector (the scheme's own README and
# reference libraries use it): a signature made with any implementation of the scheme.
VECTOR = {
    "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    "id": "msg_p5jXN8AQM9LWM0D4loKWxJek",
    "timestamp": 1614265330,
    "body": b'{"test": 2432232314}',
    "signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
}
OTHER_SECRET = "whsec_" + "c2VjcmV0LW9mLWEtcm90YXRlZC1lbmRwb2ludA=="


def _headers(signature: str = VECTOR["signature"], timestamp: object = None) -> dict[str, str]:
    stamp = VECTOR["timestamp"] if timestamp is None else timestamp
    return {
        "Webhook-Id": str(VECTOR["id"]),
        "WEBHOOK-TIMESTAMP": str(stamp),
        "webhook-signature": signature,
    }


def test_signing_reproduces_the_published_vector() -> None:
    signature = sign_webhook(
        str(VECTOR["secret"]), str(VECTOR["id"]), int(VECTOR["timestamp"]), VECTOR["body"]
    )
    assert signature == VECTOR["signature"]


def test_the_published_vector_verifies_with_headers_in_any_case() -> None:
    msg_id = verify_webhook(
        [str(VECTOR["secret"])], _headers(), VECTOR["body"], now=float(VECTOR["timestamp"])
    )
    assert msg_id == VECTOR["id"]


def test_a_secret_given_without_its_prefix_is_the_same_key() -> None:
    assert webhook_key(str(VECTOR["secret"])) == webhook_key(str(VECTOR["secret"])[6:])


def test_during_a_rotation_either_secret_and_either_signature_verifies() -> None:
    now = float(VECTOR["timestamp"])
    body = VECTOR["body"]
    other = sign_webhook(OTHER_SECRET, str(VECTOR["id"]), int(VECTOR["timestamp"]), body)
    both = f"{other} {VECTOR['signature']}"
    # The receiver knows both secrets; the sender signed with one, or with both.
    secrets = [OTHER_SECRET, str(VECTOR["secret"])]
    assert verify_webhook(secrets, _headers(both), body, now=now)
    assert verify_webhook(secrets, _headers(str(VECTOR["signature"])), body, now=now)
    assert verify_webhook([OTHER_SECRET], _headers(both), body, now=now)


@pytest.mark.parametrize(
    ("headers", "body", "why"),
    [
        (_headers("v1,K5oZfzeVuQvI4x1jrjAgMlkpJDoe1JhVmAbjR6eKeTM="), VECTOR["body"], "matches"),
        (_headers(), b'{"test": 2432232315}', "matches"),
        (_headers("v2," + str(VECTOR["signature"])[3:]), VECTOR["body"], "matches"),
        (_headers(str(VECTOR["signature"])[3:]), VECTOR["body"], "matches"),
        (_headers(timestamp=int(VECTOR["timestamp"]) + 1), VECTOR["body"], "matches"),
        ({"webhook-id": "x", "webhook-timestamp": "1"}, VECTOR["body"], "missing"),
        ({}, VECTOR["body"], "not signed"),
        (_headers(timestamp="soon"), VECTOR["body"], "Unix seconds"),
    ],
    ids=[
        "wrong-signature",
        "altered-body",
        "unknown-version",
        "no-version",
        "other-timestamp",
        "no-signature",
        "unsigned",
        "bad-timestamp",
    ],
)
def test_what_does_not_verify_is_refused(headers: dict[str, str], body: bytes, why: str) -> None:
    with pytest.raises(WebhookVerificationError, match=why):
        verify_webhook([str(VECTOR["secret"])], headers, body, now=float(VECTOR["timestamp"]) + 1)


@pytest.mark.parametrize("skew", [-301, 301])
def test_a_timestamp_over_five_minutes_away_is_refused(skew: int) -> None:
    with pytest.raises(WebhookVerificationError, match="away from this machine's clock"):
        verify_webhook(
            [str(VECTOR["secret"])], _headers(), VECTOR["body"], now=VECTOR["timestamp"] + skew
        )
    # Within the tolerance it verifies.
    assert verify_webhook(
        [str(VECTOR["secret"])], _headers(), VECTOR["body"], now=VECTOR["timestamp"] + skew * 0.99
    )


def test_a_secret_that_is_not_base64_is_refused_without_showing_it() -> None:
    with pytest.raises(ValueError, match="not a Standard Webhooks secret") as caught:
        webhook_key("whsec_not base64 at all!")
    assert "not base64 at all" not in str(caught.value)


def test_a_capability_token_is_good_for_its_own_task_only() -> None:
    key = b"k" * 32
    token = capability_token(key, "ext-1")
    assert check_capability(key, "ext-1", token)
    assert not check_capability(key, "ext-2", token)
    assert not check_capability(b"j" * 32, "ext-1", token)
    assert not check_capability(key, "ext-1", token[:-1] + ("A" if token[-1] != "A" else "B"))
    assert len(token) == 43
    assert token.isascii()
