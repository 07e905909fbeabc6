"""`text2sql serve`: the A2A endpoint (JSON-RPC and HTTP+JSON), the agent card, health checks and the chat."""

from text2sql_agent.server.app import create_app
from text2sql_agent.server.card import build_agent_card
from text2sql_agent.server.executor import Text2SQLExecutor

__all__ = ["Text2SQLExecutor", "build_agent_card", "create_app"]
