"""Credentials as ``httpx.Auth`` objects whose secrets never reach a repr, a log line or an error.

Two schemes exist (official AK/SK docs): a gateway or official API key sent as ``Bearer <key>``
(:class:`BearerAuth`), and the official AK/SK pair signed into a short-lived HS256 JWT
(:class:`JWTAuth`). :func:`redact` and :class:`RedactingFilter` are the last line of defence for
text that may still carry a secret, such as log records and CLI output.
"""

from __future__ import annotations

import logging
import re
import threading
import time
import warnings
from collections.abc import Callable, Generator, Iterable

import httpx

from kling_ext._constants import (
    JWT_NOT_BEFORE_SKEW_SECONDS,
    JWT_RENEW_MARGIN_SECONDS,
    JWT_TTL_SECONDS,
    SECRET_MIN_CHARS_FOR_SUFFIX,
    SECRET_VISIBLE_SUFFIX_CHARS,
)
from kling_ext._exceptions import ConfigurationError

__all__ = ["BearerAuth", "JWTAuth", "RedactingFilter", "mask_secret", "redact"]

REDACTED = "***"
"""What :func:`redact` puts in place of a secret."""

# Gateway keys conventionally start with this; it says which kind of key it is, not which key.
_PUBLIC_KEY_PREFIX = "sk-"
_BEARER_RE = re.compile(r"(?i)\b(Bearer\s+)[^\s'\",;]+")
# A JWT is recognisable without knowing it: a Base64url JSON header always starts with "eyJ".
_JWT_RE = re.compile(r"\beyJ[\w-]*\.[\w-]+\.[\w-]*")


def mask_secret(secret: str) -> str:
    """Shorten a secret to something safe to show, such as ``'sk-…abcd'``.

    Args:
        secret: The secret.

    Returns:
        A known non-secret prefix (``sk-``), an ellipsis, and the last four characters if the
        secret is long enough for them to give nothing useful away.
    """
    prefix = _PUBLIC_KEY_PREFIX if secret.startswith(_PUBLIC_KEY_PREFIX) else ""
    if len(secret) < SECRET_MIN_CHARS_FOR_SUFFIX:
        return f"{prefix}…"
    return f"{prefix}…{secret[-SECRET_VISIBLE_SUFFIX_CHARS:]}"


def _require_secret(value: str, name: str) -> str:
    if not isinstance(value, str) or not value:
        msg = f"{name} is empty; pass it explicitly or set it in the environment"
        raise ConfigurationError(msg)
    if not value.isascii():
        # An HTTP header cannot carry it; a real key is ASCII, so this is a copy-paste accident.
        msg = f"{name} contains non-ASCII characters; check that it was copied whole"
        raise ConfigurationError(msg)
    if any(ch.isspace() or not ch.isprintable() for ch in value):
        # Usually a newline pasted from a file; the value itself must not appear in the message.
        msg = f"{name} contains whitespace or control characters; check for a stray newline"
        raise ConfigurationError(msg)
    return value


class BearerAuth(httpx.Auth):
    """Send an API key as ``Authorization: Bearer <key>`` (gateways and official API keys).

    Example:
        ``httpx.Client(auth=BearerAuth("sk-..."))``
    """

    def __init__(self, key: str) -> None:
        """Initialise the auth.

        Args:
            key: The API key.

        Raises:
            ConfigurationError: If the key is empty or contains whitespace.
        """
        self._key = _require_secret(key, "API key")

    @property
    def secrets(self) -> tuple[str, ...]:
        """The values that must never be shown, for :func:`redact` and :class:`RedactingFilter`."""
        return (self._key,)

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        """Add the ``Authorization`` header.

        Args:
            request: The outgoing request.

        Yields:
            The request, with the header set.
        """
        request.headers["Authorization"] = f"Bearer {self._key}"
        yield request

    def __repr__(self) -> str:
        """Show the kind of credential and at most the key's last four characters."""
        return f"BearerAuth(key={mask_secret(self._key)!r})"


class JWTAuth(httpx.Auth):
    """Sign the official AK/SK pair into an HS256 JWT and send it as a bearer token.

    The token follows official AK/SK docs (``iss`` = access key, ``exp`` = now + ttl, ``nbf`` =
    now - 5 s). It is cached and signed again once less than ``renew_margin`` seconds of validity
    remain; the client calls :meth:`renew` after business code 1004 ("authorization expired").
    Renewal holds a lock, so threads sharing one client never sign concurrently.
    """

    def __init__(
        self,
        access_key: str,
        secret_key: str,
        *,
        ttl: float = JWT_TTL_SECONDS,
        renew_margin: float = JWT_RENEW_MARGIN_SECONDS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        """Initialise the auth.

        Args:
            access_key: The AccessKey from the Kling developer console.
            secret_key: The SecretKey that signs the tokens.
            ttl: Seconds each token stays valid.
            renew_margin: Sign a new token when fewer seconds of validity than this remain.
            clock: Returns the current Unix time; injectable for tests.

        Raises:
            ConfigurationError: If a key is empty, or ``renew_margin`` is not below ``ttl``.
        """
        self._access_key = _require_secret(access_key, "access key")
        self._secret_key = _require_secret(secret_key, "secret key")
        if not 0 <= renew_margin < ttl:
            msg = f"renew_margin ({renew_margin:g} s) must be between 0 and ttl ({ttl:g} s)"
            raise ConfigurationError(msg)
        self._ttl = ttl
        self._renew_margin = renew_margin
        self._clock = clock
        self._lock = threading.Lock()
        self._token: str | None = None
        self._expires_at = 0.0

    @property
    def secrets(self) -> tuple[str, ...]:
        """The values that must never be shown, for :func:`redact` and :class:`RedactingFilter`."""
        return (self._secret_key,) if self._token is None else (self._secret_key, self._token)

    def token(self) -> str:
        """Return a token with at least ``renew_margin`` seconds of validity left.

        Returns:
            The cached token, or a freshly signed one.
        """
        with self._lock:
            now = self._clock()
            if self._token is None or self._expires_at - now < self._renew_margin:
                return self._sign(now)
            return self._token

    def renew(self) -> str:
        """Sign a fresh token now, whatever the cached one's expiry says.

        Call this after the API answers code 1004 (expired), which can happen when the
        server's clock runs ahead of ours.

        Returns:
            The new token.
        """
        with self._lock:
            return self._sign(self._clock())

    def _sign(self, now: float) -> str:
        import jwt  # on the first signing: PyJWT costs `import kling_ext` ~3 ms otherwise

        expires_at = int(now + self._ttl)
        payload = {
            "iss": self._access_key,
            "exp": expires_at,
            "nbf": int(now - JWT_NOT_BEFORE_SKEW_SECONDS),
        }
        with warnings.catch_warnings():
            # Kling issues the SecretKey, so its length is not the user's to choose; PyJWT's
            # RFC 7518 short-HMAC-key warning would fire on every signing with no remedy.
            warnings.simplefilter("ignore", jwt.InsecureKeyLengthWarning)
            token = jwt.encode(payload, self._secret_key, algorithm="HS256", headers={"typ": "JWT"})
        self._token, self._expires_at = token, float(expires_at)
        return token

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        """Add ``Authorization: Bearer <jwt>``, signing a new token if needed.

        Args:
            request: The outgoing request.

        Yields:
            The request, with the header set.
        """
        request.headers["Authorization"] = f"Bearer {self.token()}"
        yield request

    def __repr__(self) -> str:
        """Show the kind of credential and a masked access key; never the secret or a token."""
        return f"JWTAuth(access_key={mask_secret(self._access_key)!r})"


def redact(text: str, secrets: Iterable[str]) -> str:
    """Replace every secret, bearer token and JWT in ``text`` with ``***``.

    Args:
        text: Text that may carry a secret, such as a log line or an error message.
        secrets: Values to hide; empty strings are ignored.

    Returns:
        The text with each occurrence replaced.
    """
    # Longest first, so a secret that contains another is not left half visible.
    for secret in sorted({s for s in secrets if s}, key=len, reverse=True):
        text = text.replace(secret, REDACTED)
    text = _BEARER_RE.sub(rf"\g<1>{REDACTED}", text)
    return _JWT_RE.sub(REDACTED, text)


class RedactingFilter(logging.Filter):
    """A logging filter that redacts secrets from records; it never drops a record.

    Attach it to handlers (``handler.addFilter(...)``) to cover records from every
    ``kling_ext.*`` logger; a filter on the ``kling_ext`` logger itself sees only records
    logged on exactly that logger, as ``logging`` skips logger filters while propagating.
    """

    def __init__(self, secrets: Iterable[str] = (), name: str = "") -> None:
        """Initialise the filter.

        Args:
            secrets: Values to hide, e.g. ``auth.secrets``; bearer tokens and JWTs are always
                hidden.
            name: Passed to :class:`logging.Filter`; only records from this logger and its
                children are redacted. Empty means all.
        """
        super().__init__(name)
        self._secrets = tuple(s for s in secrets if s)

    def filter(self, record: logging.LogRecord) -> bool:
        """Redact the record's message, arguments, traceback and stack in place.

        Args:
            record: The record being handled.

        Returns:
            Always ``True``: records are cleaned, not suppressed.
        """
        if not super().filter(record):
            return True
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            # A broken format string: logging would print msg and args raw, so clean both.
            message = f"{record.msg!s} {record.args!r}"
        record.msg = redact(message, self._secrets)
        record.args = None
        if record.exc_info and not record.exc_text:
            # Formatters cache the traceback text here; filling it first lets us clean it.
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text, self._secrets)
        if record.stack_info:
            record.stack_info = redact(record.stack_info, self._secrets)
        return True
