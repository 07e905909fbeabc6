"""Execution on the OLTP connection: read-only transaction, row cap, timeout. A Phase 2 query the database
rejects goes back for repair with the database's message while attempts are left; any other failure is raised
(the graph routes it to the error node)."""

from __future__ import annotations

from typing import Any

from text2sql_agent.contracts import QueryResult
from text2sql_agent.nodes.common import StepTimer
from text2sql_agent.resources import AgentResources
from text2sql_agent.state import AgentState
from text2sql_core.errors import DatabaseError, ErrorCode, SQLValidationError

__all__ = ["make_execute_node"]


def make_execute_node(resources: AgentResources) -> Any:
    max_attempts = resources.settings.agent.max_repair_attempts

    def execute_node(state: AgentState) -> dict[str, Any]:
        timer = StepTimer("execution")
        executor = resources.executor(state["datasource"])
        try:
            result = executor.execute_sync(state["sql"] or "", state.get("params") or {}, state.get("max_rows"))
        except (DatabaseError, SQLValidationError) as err:
            # The executor runs the guard again on what it sends: a refusal there is repairable like a database
            # error, never a crash.
            repairable = state.get("phase") == "phase2" and (
                isinstance(err, SQLValidationError) or err.code == ErrorCode.QUERY_FAILED)
            if not (repairable and state.get("attempts", 0) < max_attempts):
                raise
            timer.status, timer.detail = "failed", {"code": str(err.code), "error": err.message}
            return {"feedback": err.message, "steps": [timer.record()]}
        timer.detail = {"rows": result.row_count, "truncated": result.truncated, "elapsed_ms": result.elapsed_ms}
        return {"result": QueryResult.from_db(result), "feedback": None, "steps": [timer.record()]}

    return execute_node
