"""Phase 2 validation: the guard and the schema check (and the LLM review). A failure is fed back for repair."""

from __future__ import annotations

from typing import Any

from text2sql_agent.nodes.common import StepTimer
from text2sql_agent.resources import AgentResources
from text2sql_agent.state import AgentState
from text2sql_core.errors import SQLValidationError

__all__ = ["make_phase2_validate_node"]


def make_phase2_validate_node(resources: AgentResources) -> Any:
    def phase2_validate_node(state: AgentState) -> dict[str, Any]:
        timer = StepTimer("validation")
        sql = state.get("sql") or ""
        try:
            validator = resources.validator(state["datasource"], with_llm=True)
            cleaned = validator.validate_syntax(sql) if sql else ""
            if not cleaned:
                raise SQLValidationError("The model's answer contained no SQL query.", sql=sql, reason="no_sql")
            ok, confidence, why = validator.validate_semantic(cleaned, state["standalone_question"],
                                                              schema_text=state.get("schema_text", ""))
        except SQLValidationError as err:
            ok, confidence, why, cleaned = False, 0.0, err.message, sql
        timer.detail = {"valid": ok, "explanation": why}
        if not ok:
            timer.status = "failed"
            return {"feedback": why, "confidence": 0.0, "steps": [timer.record()]}
        return {"sql": cleaned, "feedback": None, "confidence": round(confidence, 4), "steps": [timer.record()]}

    return phase2_validate_node
