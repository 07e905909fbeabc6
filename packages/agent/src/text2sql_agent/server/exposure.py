"""Refuse to listen where anyone could reach an unauthenticated endpoint, unless told so explicitly."""

from __future__ import annotations

from text2sql_agent.server.auth import ApiKeyAuthenticator, is_loopback
from text2sql_core.errors import ConfigurationError
from text2sql_core.settings import UnifiedSettings

__all__ = ["check_exposure"]


def check_exposure(settings: UnifiedSettings, host: str, chat: bool) -> None:
    if is_loopback(host):
        return
    server = settings.server
    if not ApiKeyAuthenticator(server.api_keys).enabled and not server.auth_disabled:
        raise ConfigurationError(
            f"Refusing to serve /a2a on {host} without API keys: anyone who can reach it could query the database. "
            "Set TEXT2SQL_SERVER__API_KEYS (comma-separated), or TEXT2SQL_SERVER__AUTH_DISABLED=true to accept that.",
            code="AUTH_REQUIRED")
    ui = settings.ui
    if chat and not ui.users and ui.users_file is None and not ui.auth_disabled:
        raise ConfigurationError(
            f"Refusing to serve the chat on {host} without logins. Add users (`text2sql users add NAME` prints an "
            "entry for TEXT2SQL_UI__USERS or TEXT2SQL_UI__USERS_FILE), or set TEXT2SQL_UI__AUTH_DISABLED=true.",
            code="AUTH_REQUIRED")
