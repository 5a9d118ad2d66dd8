"""Tests for kling_ext._auth: bearer and JWT auth, and secret redaction."""

from __future__ import annotations

import logging
import threading
import warnings
from typing import Any

import httpx
import jwt
import pytest

from kling_ext._auth import BearerAuth, JWTAuth, RedactingFilter, mask_secret, redact
from kling_ext._constants import JWT_RENEW_MARGIN_SECONDS, JWT_TTL_SECONDS
from kling_ext._exceptions import ConfigurationError

ACCESS_KEY = "AK-test-0123456789wxyz"
SECRET_KEY = "SK-very-secret-value-9876"
API_KEY = "sk-gateway-key-000000000abcd"
START = 1_700_000_000.0


class FakeClock:
    """A settable clock standing in for ``time.time``."""

    def __init__(self, now: float = START) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def authorize(auth: httpx.Auth) -> str:
    request = httpx.Request("GET", "https://api.example.com/v1/videos/text2video/1")
    flow = auth.sync_auth_flow(request)
    sent = next(flow)
    return sent.headers["Authorization"]


def decode(token: str, *, verify_times: bool = False) -> dict[str, object]:
    options: Any = {"verify_exp": verify_times, "verify_nbf": verify_times}
    # Verifying with the short test key warns; signing must not, which the other tests check.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", jwt.InsecureKeyLengthWarning)
        claims: dict[str, object] = jwt.decode(
            token, SECRET_KEY, algorithms=["HS256"], options=options
        )
    return claims


# --- BearerAuth ---------------------------------------------------------------------------------


def test_bearer_sets_header() -> None:
    assert authorize(BearerAuth(API_KEY)) == f"Bearer {API_KEY}"


def test_bearer_repr_shows_only_last_four() -> None:
    auth = BearerAuth(API_KEY)
    assert repr(auth) == "BearerAuth(key='sk-…abcd')"
    assert API_KEY not in repr(auth)
    assert API_KEY not in str(auth)


def test_short_key_shows_no_suffix() -> None:
    assert repr(BearerAuth("sk-abc123")) == "BearerAuth(key='sk-…')"
    assert mask_secret("plainsecret") == "…"


@pytest.mark.parametrize("key", ["", "sk-key\n", "sk- key"], ids=["empty", "newline", "space"])
def test_bearer_rejects_bad_keys(key: str) -> None:
    with pytest.raises(ConfigurationError) as info:
        BearerAuth(key)
    assert key.strip() == "" or key.strip() not in str(info.value)


# --- JWTAuth ------------------------------------------------------------------------------------


def test_jwt_claims_and_header() -> None:
    auth = JWTAuth(ACCESS_KEY, SECRET_KEY, clock=FakeClock())
    header = authorize(auth)
    assert header.startswith("Bearer ")
    token = header.removeprefix("Bearer ")
    assert jwt.get_unverified_header(token) == {"alg": "HS256", "typ": "JWT"}
    assert decode(token) == {"iss": ACCESS_KEY, "exp": START + 1800, "nbf": START - 5}


def test_jwt_is_valid_now_for_pyjwt() -> None:
    token = JWTAuth(ACCESS_KEY, SECRET_KEY).token()
    assert decode(token, verify_times=True)["iss"] == ACCESS_KEY


def test_jwt_is_cached_until_near_expiry() -> None:
    clock = FakeClock()
    auth = JWTAuth(ACCESS_KEY, SECRET_KEY, clock=clock)
    first = auth.token()
    clock.now = START + JWT_TTL_SECONDS - JWT_RENEW_MARGIN_SECONDS  # exactly the margin left
    assert auth.token() == first
    assert authorize(auth) == f"Bearer {first}"
    clock.now += 1  # less than the margin left
    second = auth.token()
    assert second != first
    assert decode(second)["exp"] == int(clock.now) + JWT_TTL_SECONDS


def test_renew_forces_a_new_token() -> None:
    clock = FakeClock()
    auth = JWTAuth(ACCESS_KEY, SECRET_KEY, clock=clock)
    first = auth.token()
    clock.now += 10
    renewed = auth.renew()
    assert renewed != first
    assert decode(renewed)["nbf"] == START + 10 - 5
    assert auth.token() == renewed


def test_custom_ttl_and_margin() -> None:
    clock = FakeClock()
    auth = JWTAuth(ACCESS_KEY, SECRET_KEY, ttl=60, renew_margin=10, clock=clock)
    first = auth.token()
    assert decode(first)["exp"] == START + 60
    clock.now += 51
    assert auth.token() != first


@pytest.mark.parametrize(
    ("access", "secret", "kwargs"),
    [
        ("", SECRET_KEY, {}),
        (ACCESS_KEY, "", {}),
        (ACCESS_KEY, SECRET_KEY, {"ttl": 100, "renew_margin": 100}),
        (ACCESS_KEY, SECRET_KEY, {"renew_margin": -1}),
    ],
    ids=["no-access", "no-secret", "margin-equals-ttl", "negative-margin"],
)
def test_jwt_rejects_bad_config(access: str, secret: str, kwargs: dict[str, Any]) -> None:
    with pytest.raises(ConfigurationError):
        JWTAuth(access, secret, **kwargs)


def test_jwt_repr_hides_secret_and_token() -> None:
    auth = JWTAuth(ACCESS_KEY, SECRET_KEY)
    token = auth.token()
    text = repr(auth)
    assert text == "JWTAuth(access_key='…wxyz')"
    assert SECRET_KEY not in text
    assert token not in text
    assert set(auth.secrets) == {SECRET_KEY, token}


def test_jwt_threads_share_one_token() -> None:
    auth = JWTAuth(ACCESS_KEY, SECRET_KEY, clock=FakeClock())
    tokens: list[str] = []

    def worker() -> None:
        tokens.extend(auth.token() for _ in range(50))

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(tokens)) == 1


async def test_jwt_async_flow() -> None:
    auth = JWTAuth(ACCESS_KEY, SECRET_KEY, clock=FakeClock())
    request = httpx.Request("GET", "https://api.example.com/")
    sent = await auth.async_auth_flow(request).__anext__()
    assert sent.headers["Authorization"] == f"Bearer {auth.token()}"


# --- redact and RedactingFilter -----------------------------------------------------------------


def test_redact_secrets_and_bearer_tokens() -> None:
    token = JWTAuth(ACCESS_KEY, SECRET_KEY).token()
    text = (
        f"key={API_KEY} secret={SECRET_KEY} header='Authorization: Bearer abc.def' "
        f"raw {token} lower bearer xyz"
    )
    cleaned = redact(text, [API_KEY, SECRET_KEY, ""])
    for leaked in (API_KEY, SECRET_KEY, "abc.def", token, "xyz"):
        assert leaked not in cleaned
    assert cleaned == (
        "key=*** secret=*** header='Authorization: Bearer ***' raw *** lower bearer ***"
    )


def test_redact_longest_secret_first() -> None:
    assert redact("abcdef", ["abc", "abcdef"]) == "***"


def test_redact_is_idempotent_and_leaves_clean_text() -> None:
    assert redact("nothing to hide", [SECRET_KEY]) == "nothing to hide"
    once = redact(f"Bearer {API_KEY}", [API_KEY])
    assert redact(once, [API_KEY]) == once == "Bearer ***"


def test_redacting_filter_cleans_message_args_and_traceback() -> None:
    logger = logging.getLogger("kling_ext.test_auth")
    records: list[logging.LogRecord] = []

    class Capture(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    handler = Capture()
    handler.addFilter(RedactingFilter([SECRET_KEY, API_KEY]))
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    try:
        logger.info("sending %s with key %s", "Bearer abc.def.ghi", API_KEY)
        try:
            raise RuntimeError(f"bad secret {SECRET_KEY}")
        except RuntimeError:
            logger.exception("failed")
        logger.info("broken %s %s", SECRET_KEY)  # too few args
    finally:
        logger.removeHandler(handler)

    assert records[0].getMessage() == "sending Bearer *** with key ***"
    assert records[0].args is None
    assert records[1].exc_text is not None
    assert SECRET_KEY not in records[1].exc_text
    assert "bad secret ***" in records[1].exc_text
    assert SECRET_KEY not in records[2].getMessage()
    formatted = logging.Formatter().format(records[1])
    assert SECRET_KEY not in formatted


def test_redacting_filter_never_drops_and_respects_name() -> None:
    only_kling = RedactingFilter([SECRET_KEY], name="kling_ext")
    other = logging.LogRecord("other", logging.INFO, __file__, 1, SECRET_KEY, None, None)
    assert only_kling.filter(other) is True
    assert other.getMessage() == SECRET_KEY
    ours = logging.LogRecord("kling_ext.client", logging.INFO, __file__, 1, SECRET_KEY, None, None)
    assert only_kling.filter(ours) is True
    assert ours.getMessage() == "***"
