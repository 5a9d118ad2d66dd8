"""A proxy variable httpx cannot use: a ConfigurationError naming it (CLI: exit 2), no traceback."""

from __future__ import annotations

import importlib.util

import pytest
from click.testing import CliRunner

from kling_ext import AsyncKling, ConfigurationError, Kling
from kling_ext.cli import cli

BAD = {
    "SOCKS without socksio": ("ALL_PROXY", "socks5://127.0.0.1:1080", "socksio"),
    "bad port": ("HTTPS_PROXY", "http://proxy:notaport", "not a proxy URL"),
    "unknown scheme": ("HTTPS_PROXY", "ftp://proxy:21", "'ftp'"),
    "lower case wins": ("https_proxy", "ftp://proxy:21", "'ftp'"),
    "no scheme at all": ("HTTP_PROXY", "://", "scheme"),
}
SECRET = "s3cret-proxy-password"


@pytest.fixture(autouse=True)
def _no_proxy_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


@pytest.mark.parametrize(("name", "value", "why"), BAD.values(), ids=BAD.keys())
@pytest.mark.parametrize("client_class", [Kling, AsyncKling])
def test_the_library_names_the_variable(
    name: str,
    value: str,
    why: str,
    client_class: type[Kling] | type[AsyncKling],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if why == "socksio" and importlib.util.find_spec("socksio") is not None:
        pytest.skip("socksio is installed here")
    monkeypatch.setenv(name, value.replace("proxy:", f"user:{SECRET}@proxy:"))

    with pytest.raises(ConfigurationError) as caught:
        client_class(api_key="sk-test", base_url="https://api.example/klingai")

    assert name in str(caught.value)
    assert why in str(caught.value)
    assert SECRET not in str(caught.value)


@pytest.mark.parametrize(("name", "value", "why"), BAD.values(), ids=BAD.keys())
def test_the_cli_exits_2_naming_the_variable(name: str, value: str, why: str) -> None:
    if why == "socksio" and importlib.util.find_spec("socksio") is not None:
        pytest.skip("socksio is installed here")
    env = {name: value, "KLING_API_KEY": "sk-test", "KLING_BASE_URL": "https://api.example/kl"}

    result = CliRunner().invoke(cli, ["list", "text2video"], env=env)

    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"error: The proxy variable {name} cannot be used")
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_usable_proxy_variable_is_accepted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "proxy.internal:3128")  # no scheme: httpx reads http://

    Kling(api_key="sk-test", base_url="https://api.example/klingai").close()
