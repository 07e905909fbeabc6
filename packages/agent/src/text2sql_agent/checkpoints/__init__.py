"""Where conversations live: LangGraph's own checkpointers, kept bounded.

`make_checkpointer(settings)` gives a `SqliteSaver` on `TEXT2SQL_AGENT__CHECKPOINT_PATH` (default
`DATA_DIR/checkpoints.sqlite`, one process), or a `PostgresSaver` on `TEXT2SQL_AGENT__CHECKPOINT_URL` that replicas
behind a load balancer share, so a conversation continues on whichever replica the next request reaches. Both keep
only each thread's latest checkpoint and sweep threads past the TTL or the cap (`retention`), and rebuild only the
classes the agent's state holds (`serde`).
"""

from __future__ import annotations

from pathlib import Path

from langgraph.checkpoint.base import BaseCheckpointSaver

from text2sql_agent.checkpoints.retention import Retention, checkpoint_time
from text2sql_agent.checkpoints.savers import (
    RetainingPostgresSaver,
    RetainingSqliteSaver,
    open_postgres_saver,
    open_sqlite_saver,
    ping_postgres,
    ping_sqlite,
    postgres_conninfo,
)
from text2sql_agent.checkpoints.serde import state_serializer, state_types
from text2sql_core.settings import UnifiedSettings

__all__ = ["RetainingPostgresSaver", "RetainingSqliteSaver", "Retention", "checkpoint_time", "make_checkpointer",
           "ping_conversation_store", "postgres_conninfo", "state_serializer", "state_types"]


def _sqlite_path(settings: UnifiedSettings) -> Path:
    return Path(settings.agent.checkpoint_path or settings.data_dir / "checkpoints.sqlite")


def ping_conversation_store(settings: UnifiedSettings) -> str:
    """For readiness checks: where conversations go, if it can be used now (else `STATE_STORE_UNAVAILABLE`)."""
    if settings.agent.checkpoint_url is not None:
        return ping_postgres(settings.agent.checkpoint_url.get_secret_value())
    return ping_sqlite(_sqlite_path(settings))


def make_checkpointer(settings: UnifiedSettings, retention: Retention | None = None) -> BaseCheckpointSaver:
    """The checkpointer `Text2SQLAgent` gives its graph: PostgreSQL when a URL is set, else the SQLite file."""
    retention = retention or Retention.from_settings(settings)
    if settings.agent.checkpoint_url is not None:
        return open_postgres_saver(settings.agent.checkpoint_url.get_secret_value(), retention, state_serializer())
    return open_sqlite_saver(_sqlite_path(settings), retention, state_serializer())
