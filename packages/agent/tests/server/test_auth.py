from __future__ import annotations

from pydantic import SecretStr

from text2sql_agent.server.auth import ApiKeyAuthenticator, is_loopback


def test_bearer_and_header_keys_identify_the_client_without_revealing_the_key() -> None:
    auth = ApiKeyAuthenticator([SecretStr("alpha-key"), SecretStr("beta-key")])
    by_bearer = auth.identify({"authorization": "Bearer beta-key"})
    assert by_bearer and by_bearer.startswith("key:") and "beta" not in by_bearer
    assert auth.identify({"x-api-key": "beta-key"}) == by_bearer
    assert auth.identify({"x-api-key": "alpha-key"}) != by_bearer


def test_wrong_missing_or_malformed_keys_are_refused() -> None:
    auth = ApiKeyAuthenticator([SecretStr("alpha-key")])
    for headers in ({}, {"authorization": "Bearer alpha"}, {"authorization": "Basic alpha-key"},
                    {"authorization": "Bearer "}, {"x-api-key": "alpha-key-and-more"}):
        assert auth.identify(headers) is None, headers


def test_no_keys_means_auth_is_not_enabled() -> None:
    assert not ApiKeyAuthenticator([SecretStr("")]).enabled and ApiKeyAuthenticator([SecretStr("k")]).enabled


def test_loopback_addresses() -> None:
    assert all(is_loopback(h) for h in ("127.0.0.1", "::1", "localhost", "127.0.0.2"))
    assert not any(is_loopback(h) for h in ("0.0.0.0", "10.0.0.5", "example.com", "::"))
