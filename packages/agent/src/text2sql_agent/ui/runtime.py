"""What the Chainlit app needs from the serving process. Chainlit loads its app module by path, so the agent, the
settings and the stores are handed over here before `mount_chainlit` loads it."""

from __future__ import annotations

from dataclasses import dataclass

from text2sql_agent.agent import Text2SQLAgent
from text2sql_agent.ui.feedback import FeedbackStore
from text2sql_core.errors import ConfigurationError
from text2sql_core.settings import UnifiedSettings

__all__ = ["ChatRuntime", "runtime", "set_runtime"]


@dataclass(frozen=True)
class ChatRuntime:
    settings: UnifiedSettings
    agent: Text2SQLAgent
    feedback: FeedbackStore
    users: dict[str, str]

    @property
    def login_required(self) -> bool:
        return bool(self.users) and not self.settings.ui.auth_disabled


_current: ChatRuntime | None = None


def set_runtime(value: ChatRuntime) -> None:
    global _current
    _current = value


def runtime() -> ChatRuntime:
    if _current is None:
        raise ConfigurationError("The chat runs inside `text2sql serve` (or `text2sql ui`).", code="CHAT_NOT_MOUNTED")
    return _current
