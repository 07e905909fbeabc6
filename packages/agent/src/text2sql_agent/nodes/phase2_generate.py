"""Phase 2 generation: the LLM writes SQL from the schema and the nearest templates; on a repair turn it gets
the validator's or the database's error back."""

from __future__ import annotations

from typing import Any

from text2sql_agent.nodes.common import StepTimer, call_llm
from text2sql_agent.prompts import phase2_messages
from text2sql_agent.resources import AgentResources
from text2sql_agent.sql_extract import extract_sql
from text2sql_agent.state import AgentState

__all__ = ["make_phase2_generate_node"]


def make_phase2_generate_node(resources: AgentResources) -> Any:
    def phase2_generate_node(state: AgentState) -> dict[str, Any]:
        timer = StepTimer("phase2_generate")
        examples = [(c.example_question or c.description, c.normalized_text)
                    for c in (state.get("candidates") or [])[:3]]
        messages = phase2_messages(state["standalone_question"], resources.dialect(state["datasource"]),
                                   state.get("schema_text", ""), examples, state.get("feedback"), state.get("sql"))
        sql = extract_sql(call_llm(resources.llm, messages, "writing SQL (Phase 2)"))
        attempts = state.get("attempts", 0) + 1
        timer.detail = {"attempt": attempts, "sql": sql, "repair": bool(state.get("feedback"))}
        return {"sql": sql, "params": {}, "phase": "phase2", "template_id": None, "attempts": attempts,
                "steps": [timer.record()]}

    return phase2_generate_node
