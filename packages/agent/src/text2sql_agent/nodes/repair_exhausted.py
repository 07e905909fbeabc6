"""Repairs exhausted: Phase 2 could not produce a valid query within the bound; nothing is run."""

from __future__ import annotations

from typing import Any

from text2sql_agent.nodes.common import StepTimer, has_hangul
from text2sql_agent.state import AgentState
from text2sql_core.errors import ErrorCode
from text2sql_core.models import ErrorInfo

__all__ = ["repair_exhausted_node"]


def repair_exhausted_node(state: AgentState) -> dict[str, Any]:
    timer = StepTimer("repair_exhausted")
    attempts, problem = state.get("attempts", 0), state.get("feedback")
    if has_hangul(state.get("question", "")):
        message = (f"LLM이 {attempts}번 시도했지만 유효한 읽기 전용 쿼리를 만들지 못했습니다 (마지막 문제: {problem}). "
                   "질문을 바꾸거나 관련 테이블 이름을 알려 주세요.")
    else:
        message = (f"The LLM could not write a valid read-only query in {attempts} attempt(s). Last problem: "
                   f"{problem}. Rephrase the question or name the tables involved.")
    timer.status = "failed"
    error = ErrorInfo.of(ErrorCode.REPAIR_EXHAUSTED, message, last_sql=state.get("sql"))
    return {"error": error, "sql": None, "phase": None, "result": None, "steps": [timer.record()]}
