"""Client settings: arguments first, then the environment, then defaults; checked once."""

from __future__ import annotations

import ipaddress
import logging
import os
import re
from collections.abc import Mapping
from urllib.parse import urlsplit

import attrs
import httpx

from ._auth import BearerAuth, JWTAuth, mask_secret
from ._constants import (
    DEFAULT_BASE_URL,
    DEFAULT_CONNECT_TIMEOUT,
    DEFAULT_REQUEST_TIMEOUT,
    OFFICIAL_BASE_URL,
    RETRY_MAX_RETRIES,
)
from ._exceptions import ConfigurationError
from ._proxy_env import check_proxy_environment
from ._version import user_agent
from ._wire import ANSWER_ENCODINGS

ENV_API_KEY = ("KLING_API_KEY", "API_KEY")
"""Read in this order. The generic `API_KEY` (the gateway's own examples use it) is used with a
one-line warning: it may well hold another service's key, which would then go to the gateway."""
ENV_BASE_URL = "KLING_BASE_URL"
ENV_ACCESS_KEY = "KLING_ACCESS_KEY"
ENV_SECRET_KEY = "KLING_SECRET_KEY"  # noqa: S105 - a variable name, not a secret
ENVIRONMENT = (*ENV_API_KEY, ENV_BASE_URL, ENV_ACCESS_KEY, ENV_SECRET_KEY)
"""Every environment variable the client reads."""

logger = logging.getLogger("kling_ext")


def resolve_timeout(timeout: float | httpx.Timeout | None) -> httpx.Timeout:
    """A per-request timeout: seconds (connect capped at 10 s), an `httpx.Timeout`, or the default.

    Raises:
        ConfigurationError: a timeout of zero or less.
    """
    if timeout is None:
        return httpx.Timeout(DEFAULT_REQUEST_TIMEOUT, connect=DEFAULT_CONNECT_TIMEOUT)
    if isinstance(timeout, httpx.Timeout):
        return timeout
    if timeout <= 0:
        raise ConfigurationError(f"timeout must be more than 0 seconds, got {timeout}.")
    return httpx.Timeout(timeout, connect=min(timeout, DEFAULT_CONNECT_TIMEOUT))


def resolve_retries(max_retries: int | None) -> int:
    """The retry budget: the default when None.

    Raises:
        ConfigurationError: a negative number.
    """
    retries = RETRY_MAX_RETRIES if max_retries is None else max_retries
    if retries < 0:
        raise ConfigurationError(f"max_retries must be 0 or more, got {retries}.")
    return retries


def _env_key(env: Mapping[str, str]) -> str | None:
    for name in ENV_API_KEY:
        if env.get(name):
            if name != ENV_API_KEY[0]:
                logger.warning(
                    "kling-ext: using the API key in $%s (set $%s to silence this)",
                    name,
                    ENV_API_KEY[0],
                )
            return env[name]
    return None


def _is_loopback(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


# What may not be in a host name: whitespace and URL punctuation (IDNA names pass, and
# IPv6 literals are checked by `ipaddress` instead).
_NOT_IN_HOST = re.compile(r"[^\w.-]")


def _shown_url(url: str) -> str:
    """The URL for a message: any user:password before the host cut out, and shortened."""
    return repr(re.sub(r"(//)[^/@]*@", r"\1***@", url)[:200])


def checked_host(url: str, given: str | None = None) -> str:
    """The host of a base URL, after checking the URL can make every request URL.

    Args:
        url: The base URL, trailing slashes removed.
        given: The URL as the user gave it, for the message (default `url`).

    Raises:
        ConfigurationError: not an http(s) URL with a valid host (and port); a user or password
            in it (they would show in reprs and errors); a query or fragment (paths are
            appended to the base URL).
    """

    def bad(why: str) -> ConfigurationError:
        shown = _shown_url(url if given is None else given)
        return ConfigurationError(f"The base URL {shown} {why}", remedy="base_url")

    try:
        parts = urlsplit(url)
        port = parts.port  # a port that is no number, or out of range, raises here
        httpx.URL(url)  # what the requests will be built with: IDNA, control characters
    except (ValueError, httpx.InvalidURL) as exc:  # IDNA errors are ValueErrors
        raise bad(f"is not a valid URL ({exc})") from None
    host = parts.hostname or ""
    if parts.scheme not in ("http", "https") or not host:
        raise bad("must start with http:// or https:// and name a host")
    if parts.username is not None or parts.password is not None:
        raise bad("must not carry a user or password (the key is sent in a header)")
    if parts.query or parts.fragment or url.endswith(("?", "#")):
        raise bad("must not have a query or fragment: request paths are appended to it")
    if port == 0:
        raise bad("has port 0; a port is 1-65535")
    if ":" in host:
        try:
            ipaddress.IPv6Address(host)
        except ValueError:
            raise bad(f"has an invalid IPv6 host {host!r}") from None
    elif _NOT_IN_HOST.search(host):
        raise bad(f"has an invalid host {host!r}")
    return host


@attrs.frozen(kw_only=True)
class Settings:
    """Everything a client needs to reach the API. Secrets never appear in the repr."""

    base_url: str
    auth: httpx.Auth = attrs.field(repr=False)
    auth_hint: str
    """A masked description of the credentials, e.g. `API key sk-…abcd`."""
    timeout: httpx.Timeout
    max_retries: int
    secrets: tuple[str, ...] = attrs.field(repr=False)
    headers: Mapping[str, str] = attrs.field(factory=dict)
    """Sent with every API request: `User-Agent`, then the caller's `default_headers`, then the
    `Accept-Encoding` the client can undo with bounded memory (`_wire.ANSWER_ENCODINGS`)."""

    @classmethod
    def resolve(
        cls,
        *,
        api_key: str | None,
        base_url: str | None,
        access_key: str | None,
        secret_key: str | None,
        timeout: float | httpx.Timeout | None,
        max_retries: int | None,
        allow_insecure: bool,
        default_headers: Mapping[str, str] | None = None,
        environ: Mapping[str, str] | None = None,
    ) -> Settings:
        """Merge arguments with the environment (`KLING_API_KEY`, else `API_KEY`; `KLING_BASE_URL`;
        `KLING_ACCESS_KEY`/`KLING_SECRET_KEY`) and check them before any request is sent.

        Raises:
            ConfigurationError: no credentials, half an AK/SK pair, or a malformed or insecure
                base URL.
        """
        env = os.environ if environ is None else environ
        access_key = access_key or env.get(ENV_ACCESS_KEY) or None
        secret_key = secret_key or env.get(ENV_SECRET_KEY) or None
        auth: httpx.Auth
        # AK/SK wins over a key from the environment, so the generic API_KEY is not even read.
        key = api_key or (None if access_key and secret_key else _env_key(env))
        if api_key is None and access_key and secret_key:
            # AK/SK signs a JWT for Kling's own endpoint; an explicit api_key wins over them.
            auth, hint, secrets = (
                JWTAuth(access_key, secret_key),
                f"AK/SK {mask_secret(access_key)}",
                (secret_key,),
            )
            default_url = OFFICIAL_BASE_URL
        elif key:
            auth, hint, secrets = BearerAuth(key), f"API key {mask_secret(key)}", (key,)
            default_url = DEFAULT_BASE_URL
        elif access_key or secret_key:
            raise ConfigurationError(
                "Both an access key and a secret key are needed for the official endpoint",
                remedy="access_keys",
            )
        else:
            raise ConfigurationError("No API key", remedy="credentials")
        given = base_url or env.get(ENV_BASE_URL) or default_url
        url = given.rstrip("/")
        host = checked_host(url, given)
        if url.startswith("http:") and not allow_insecure and not _is_loopback(host):
            raise ConfigurationError(
                f"Refusing to send credentials over plain http to {host}", remedy="allow_insecure"
            )
        check_proxy_environment(env)
        return cls(
            base_url=url,
            auth=auth,
            auth_hint=hint,
            timeout=resolve_timeout(timeout),
            max_retries=resolve_retries(max_retries),
            secrets=secrets,
            # Last: only the codings `_wire.Unpacker` undoes, whatever the caller's headers say.
            headers={
                "User-Agent": user_agent(),
                **(default_headers or {}),
                "Accept-Encoding": ANSWER_ENCODINGS,
            },
        )
