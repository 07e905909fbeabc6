"""Repairs exhausted: Phase 2 could not produce a valid query within the bound; nothing is run."""

from __future__ import annotations

from typing import Any

from text2sql_agent.nodes.common import StepTimer
from text2sql_agent.state import AgentState
from text2sql_core.errors import ErrorCode
from text2sql_core.models import ErrorInfo

__all__ = ["repair_exhausted_node"]


def repair_exhausted_node(state: AgentState) -> dict[str, Any]:
    timer = StepTimer("repair_exhausted")
    message = (f"The LLM could not write a valid read-only query in {state.get('attempts', 0)} attempt(s). "
               f"Last problem: {state.get('feedback')}. Rephrase the question or name the tables involved.")
    timer.status = "failed"
    error = ErrorInfo.of(ErrorCode.REPAIR_EXHAUSTED, message, last_sql=state.get("sql"))
    return {"error": error, "sql": None, "phase": None, "result": None, "steps": [timer.record()]}
