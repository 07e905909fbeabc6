"""Mount the Chainlit chat at /chat on the serving app (one Chainlit app per process: it keeps global state)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from fastapi import FastAPI

from text2sql_agent.agent import Text2SQLAgent
from text2sql_agent.ui.feedback import FeedbackStore
from text2sql_agent.ui.runtime import ChatRuntime, set_runtime
from text2sql_agent.ui.users import load_users
from text2sql_core.errors import ConfigurationError
from text2sql_core.settings import UnifiedSettings

__all__ = ["CHAT_PATH", "mount_chat"]

CHAT_PATH = "/chat"
HERE = Path(__file__).parent


def _app_root(settings: UnifiedSettings) -> Path:
    """Chainlit writes .chainlit/ and .files/ into its root: a folder under data_dir, never the package."""
    root = settings.chat_root.resolve()
    (root / "public").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(HERE / "app_root" / "chainlit.md", root / "chainlit.md")
    shutil.copyfile(HERE / "app_root" / "public" / "theme.json", root / "public" / "theme.json")
    return root


def mount_chat(site: FastAPI, settings: UnifiedSettings, agent: Text2SQLAgent) -> None:
    chat = ChatRuntime(settings, agent, FeedbackStore.from_settings(settings), load_users(settings))
    if chat.login_required and not os.environ.get("CHAINLIT_AUTH_SECRET"):
        raise ConfigurationError("Chat logins need CHAINLIT_AUTH_SECRET (make one with `uv run chainlit "
                                 "create-secret`), or run without the chat (--no-chat).", code="CHAT_SECRET_MISSING")
    # Chainlit reads its root when first imported: set it before.
    os.environ["CHAINLIT_APP_ROOT"] = str(_app_root(settings))
    set_runtime(chat)
    from chainlit.config import config
    from chainlit.utils import mount_chainlit

    config.ui.name = "text2sql"
    config.ui.cot = "full"  # show every step, not only the tool calls' names
    mount_chainlit(app=site, target=str(HERE / "chainlit_app.py"), path=CHAT_PATH)
