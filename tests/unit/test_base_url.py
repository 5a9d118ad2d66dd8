"""A base URL that cannot make a request URL is a configuration error, before any request."""

from __future__ import annotations

import pytest

from kling_ext import AsyncKling, ConfigurationError, Kling

MALFORMED = {
    "unclosed IPv6 bracket": "http://[::1",
    "no host": "http://",
    "not http": "ftp://x",
    "space in host": "http://a b",
    "no scheme": "://x",
    "port out of range": "http://[::1]:99999",
    "port not a number": "http://127.0.0.1:abc/klingai",
    "port 0": "http://127.0.0.1:0/klingai",
    "control character": "http://127.0.0.1:8/kling\x00ai",
    "query": "https://gw.example.test/klingai?x=1",
}


@pytest.mark.parametrize("base_url", MALFORMED.values(), ids=MALFORMED.keys())
@pytest.mark.parametrize("client", [Kling, AsyncKling])
def test_malformed_base_url_is_a_configuration_error_naming_it(
    base_url: str, client: type[Kling] | type[AsyncKling]
) -> None:
    with pytest.raises(ConfigurationError) as caught:
        client(api_key="k", base_url=base_url)

    error = caught.value
    assert error.remedy == "base_url"
    assert str(error).startswith("The base URL ")
    assert "pass base_url=..., or set KLING_BASE_URL" in str(error)


def test_malformed_base_url_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KLING_BASE_URL", "http://[::1")

    with pytest.raises(ConfigurationError, match="base URL 'http://\\[::1'"):
        Kling(api_key="k")


def test_a_password_in_the_base_url_is_refused_and_not_repeated() -> None:
    with pytest.raises(ConfigurationError) as caught:
        Kling(api_key="k", base_url="https://user:hunter2@gw.example.test/klingai")

    assert "hunter2" not in str(caught.value)
    assert "user or password" in str(caught.value)


@pytest.mark.parametrize(
    "base_url",
    [
        "https://api.example.com/klingai",
        "http://127.0.0.1:8000/klingai/",
        "http://[::1]:8080/klingai",
        "http://localhost",
        "https://bücher.example/klingai",
    ],
)
def test_well_formed_base_urls_are_accepted(base_url: str) -> None:
    with Kling(api_key="k", base_url=base_url) as client:
        assert client.base_url == base_url.rstrip("/")


def test_library_messages_give_the_python_way(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("KLING_API_KEY", "API_KEY", "KLING_ACCESS_KEY", "KLING_SECRET_KEY"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(ConfigurationError) as no_key:
        Kling(base_url="https://x.example")
    assert "pass api_key=..." in str(no_key.value)
    assert "--" not in str(no_key.value)
    with pytest.raises(ConfigurationError) as insecure:
        Kling(api_key="k", base_url="http://gw.example.test")
    assert "pass allow_insecure=True" in str(insecure.value)
    assert "kling" not in str(insecure.value)
