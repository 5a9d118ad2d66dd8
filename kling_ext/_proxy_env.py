"""The proxy variables httpx reads, checked up front so a bad one is a clear error.

httpx reads ``HTTP_PROXY``, ``HTTPS_PROXY`` and ``ALL_PROXY`` (either case) when the client is
built; a value it cannot use (an unknown scheme, a bad port, SOCKS without ``socksio``) surfaced
there as a bare ``ValueError``, ``httpx.InvalidURL`` or ``ImportError`` with a traceback. Here it
is a ``ConfigurationError`` naming the variable, before any request. The value itself is not
shown: a proxy URL may carry a password.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Mapping

import httpx

from ._exceptions import ConfigurationError

__all__ = ["check_proxy_environment"]

_VARIABLES = ("https_proxy", "http_proxy", "all_proxy")
_SCHEMES = ("http", "https", "socks5", "socks5h")


def check_proxy_environment(env: Mapping[str, str]) -> None:
    """Refuse a proxy variable httpx would fail on when building the client.

    Args:
        env: The environment (``os.environ``).

    Raises:
        ConfigurationError: naming the variable and why it cannot be used.
    """
    for lower in _VARIABLES:
        # urllib's rule, which httpx follows: the lower-case variable wins over the upper-case.
        name = lower if env.get(lower) else lower.upper()
        value = env.get(name)
        if not value:
            continue
        url = value if "://" in value else f"http://{value}"  # as httpx reads a bare host:port
        try:
            scheme = httpx.URL(url).scheme
        except (httpx.InvalidURL, ValueError, TypeError) as exc:
            reason = str(exc).split(":", 1)[0] or "not a URL"
            raise _refused(name, f"it is not a proxy URL ({reason})") from None
        if scheme not in _SCHEMES:
            raise _refused(name, f"its scheme {scheme!r} is not one of {', '.join(_SCHEMES)}")
        if scheme.startswith("socks") and importlib.util.find_spec("socksio") is None:
            raise _refused(
                name, "a SOCKS proxy needs the socksio package: pip install 'httpx[socks]'"
            )


def _refused(name: str, why: str) -> ConfigurationError:
    return ConfigurationError(f"The proxy variable {name} cannot be used: {why}; fix or unset it")
