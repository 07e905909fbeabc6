"""No answer: without an LLM and without a good enough template, say so, say how to get one, suggest templates.

When the best template was refused because the question states more than it can express, the message names each
leftover in the question's language ("'지난달'은 이 질문 유형에 기간 조건이 없어 반영할 수 없습니다")."""

from __future__ import annotations

from typing import Any

from text2sql_agent.answer import Suggestion
from text2sql_agent.filling.constraints import Leftover
from text2sql_agent.nodes.common import StepTimer, has_hangul
from text2sql_agent.resources import AgentResources
from text2sql_agent.state import AgentState
from text2sql_core.errors import ErrorCode
from text2sql_core.models import ErrorInfo

__all__ = ["NO_LLM_HINT", "leftover_message", "make_no_answer_node"]

NO_LLM_HINT = ("New kinds of questions need an LLM: set TEXT2SQL_LLM__BASE_URL (any OpenAI-compatible server) and "
               "TEXT2SQL_LLM__MODEL.")
_NO_LLM_HINT_KO = ("새로운 유형의 질문에는 LLM이 필요합니다: TEXT2SQL_LLM__BASE_URL(OpenAI 호환 서버)과 "
                   "TEXT2SQL_LLM__MODEL을 설정하세요.")


# What each kind of leftover is, as the sentence that names it says so.
_KO = {"period": "이 질문 유형에 기간 조건이 없어", "value": "이 질문 유형에 그 값의 조건이 없어",
       "unknown_value": "데이터에 있는 값이 아니어서", "number": "이 질문 유형에 그 숫자 조건이 없어",
       "limit": "이 질문 유형에 개수 제한이 없어", "comparison": "이 질문 유형에 비교 조건이 없어",
       "column": "이 질문 유형이 그 항목을 다루지 않아", "order": "이 질문 유형은 반대 방향으로 순위를 매겨"}
_EN = {"period": "this kind of question has no period condition", "value": "this kind of question has no condition "
       "on that value", "unknown_value": "it is not a value the data holds", "number": "this kind of question has no "
       "condition for that number", "limit": "this kind of question has no row limit", "comparison": "this kind of "
       "question has no comparison", "column": "this kind of question does not cover that column",
       "order": "this kind of question ranks the other way"}


def leftover_message(leftovers: list[Leftover], korean: bool) -> str:
    """One sentence per leftover, in the question's language."""
    if korean:
        return " ".join(f"'{item.text}'{_topic(item.text)} {_KO[item.kind]} 반영할 수 없습니다." for item in leftovers)
    return " ".join(f"'{item.text}' cannot be taken into account: {_EN[item.kind]}." for item in leftovers)


def _topic(word: str) -> str:
    """은/는 after the word's last syllable (는 after a vowel or a non-Hangul ending, the safer reading)."""
    last = word.strip()[-1:] if word.strip() else ""
    if "가" <= last <= "힣":
        return "은" if (ord(last) - 0xAC00) % 28 else "는"
    return "은(는)"


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
        leftovers = list(decision.leftovers) if decision else []
        if leftovers:
            head = ("이 질문은 가장 가까운 검증된 템플릿보다 조건이 많습니다" if korean
                    else "This question states more than the closest trusted template can express")
            message = f"{head}: {leftover_message(leftovers, korean)}"
        else:
            message = f"{head} ({reason})."
        if resources.llm is None:
            message += f" {_NO_LLM_HINT_KO if korean else NO_LLM_HINT}"
        context: dict[str, Any] = {"reason": reason}
        if leftovers:
            context["leftovers"] = [item.model_dump(mode="json") for item in leftovers]
        error = ErrorInfo.of(ErrorCode.NO_CONFIDENT_ANSWER, message, **context)
        timer.detail = {"reason": error.message}
        return {"error": error, "suggestions": suggestions, "sql": None, "phase": None, "steps": [timer.record()]}

    return no_answer_node
