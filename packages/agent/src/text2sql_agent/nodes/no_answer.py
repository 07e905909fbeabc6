"""No answer: without an LLM and without a good enough template, say so, say how to get one, suggest templates."""

from __future__ import annotations

from typing import Any

from text2sql_agent.answer import Suggestion
from text2sql_agent.nodes.common import StepTimer, has_hangul
from text2sql_agent.resources import AgentResources
from text2sql_agent.state import AgentState
from text2sql_core.errors import ErrorCode
from text2sql_core.models import ErrorInfo

__all__ = ["NO_LLM_HINT", "make_no_answer_node"]

NO_LLM_HINT = ("New kinds of questions need an LLM: set TEXT2SQL_LLM__BASE_URL (any OpenAI-compatible server) and "
               "TEXT2SQL_LLM__MODEL.")
_NO_LLM_HINT_KO = ("새로운 유형의 질문에는 LLM이 필요합니다: TEXT2SQL_LLM__BASE_URL(OpenAI 호환 서버)과 "
                   "TEXT2SQL_LLM__MODEL을 설정하세요.")


def make_no_answer_node(resources: AgentResources) -> Any:
    def no_answer_node(state: AgentState) -> dict[str, Any]:
        timer = StepTimer("no_answer")
        decision = state.get("phase1")
        suggestions = [Suggestion(template_id=c.id, description=c.description,
                                  example_question=c.example_question or (c.questions or [""])[0],
                                  score=round(c.dense_score or c.similarity_score or 0.0, 4))
                       for c in (state.get("candidates") or [])[:3]]
        korean = has_hangul(state["question"])
        reason = (decision.reason if decision else "") or ("no template retrieved" if not suggestions else "")
        head = ("이 질문에 충분히 맞는 검증된 템플릿이 없습니다" if korean
                else "No trusted template answers this question well enough")
        message = f"{head} ({reason})."
        if resources.llm is None:
            message += f" {_NO_LLM_HINT_KO if korean else NO_LLM_HINT}"
        error = ErrorInfo.of(ErrorCode.NO_CONFIDENT_ANSWER, message, reason=reason)
        timer.detail = {"reason": error.message}
        return {"error": error, "suggestions": suggestions, "sql": None, "phase": None, "steps": [timer.record()]}

    return no_answer_node
