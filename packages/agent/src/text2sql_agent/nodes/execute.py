"""Execution on the OLTP connection: read-only transaction, row cap, timeout. A Phase 2 query the database
rejects goes back for repair with the database's message."""

from __future__ import annotations

from typing import Any

from text2sql_agent.nodes.common import StepTimer, error_dict
from text2sql_agent.resources import AgentResources
from text2sql_agent.state import AgentState
from text2sql_core.errors import DatabaseError
from text2sql_core.llm import is_transient_error

__all__ = ["make_execute_node"]


def make_execute_node(resources: AgentResources) -> Any:
    def execute_node(state: AgentState) -> dict[str, Any]:
        timer = StepTimer("execution")
        executor = resources.executor(state["datasource"])
        try:
            result = executor.execute_sync(state["sql"] or "", state.get("params") or {}, state.get("max_rows"))
        except DatabaseError as err:
            if err.code == "DATABASE_UNREACHABLE" and is_transient_error(err.__cause__ or err):
                raise  # the node's retry policy handles a dropped connection
            timer.status, timer.detail = "failed", {"error": err.message}
            update: dict[str, Any] = {"error": error_dict(err), "steps": [timer.record()]}
            if state.get("phase") == "phase2" and err.code == "QUERY_FAILED":
                update["feedback"] = err.message
            return update
        timer.detail = {"rows": result.row_count, "truncated": result.truncated, "elapsed_ms": result.elapsed_ms}
        return {"result": {"columns": result.columns, "rows": result.rows, "truncated": result.truncated},
                "error": None, "feedback": None, "steps": [timer.record()]}

    return execute_node
