from __future__ import annotations

import pytest
from typer.testing import CliRunner

from text2sql.cli import app
from text2sql_agent.server.exposure import check_exposure
from text2sql_core.errors import ConfigurationError
from text2sql_core.settings import UnifiedSettings


def settings(**values: object) -> UnifiedSettings:
    return UnifiedSettings(_env_file=None, **values)


def test_loopback_needs_nothing() -> None:
    check_exposure(settings(), "127.0.0.1", chat=True)


def test_open_address_without_keys_is_refused_unless_explicitly_allowed() -> None:
    with pytest.raises(ConfigurationError, match="TEXT2SQL_SERVER__API_KEYS"):
        check_exposure(settings(), "0.0.0.0", chat=False)
    check_exposure(settings(server={"auth_disabled": True}), "0.0.0.0", chat=False)
    check_exposure(settings(server={"api_keys": "k1,k2"}), "0.0.0.0", chat=False)


def test_open_address_with_chat_needs_logins() -> None:
    keyed = {"api_keys": "k1"}
    with pytest.raises(ConfigurationError, match="TEXT2SQL_UI__USERS"):
        check_exposure(settings(server=keyed), "10.1.2.3", chat=True)
    check_exposure(settings(server=keyed, ui={"users": "kim:pbkdf2_sha256$1$aa$bb"}), "10.1.2.3", chat=True)


def test_serve_command_refuses_before_listening(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TEXT2SQL_SERVER__API_KEYS", raising=False)
    result = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0", "--no-chat", "--no-demo"])
    assert result.exit_code == 2 and "AUTH_REQUIRED" in result.output
