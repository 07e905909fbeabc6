"""Question agent: tidy the question; with an LLM and earlier turns, rewrite a follow-up as a standalone question."""

from __future__ import annotations

import re
from typing import Any

from langchain_core.messages import HumanMessage, SystemMessage

from text2sql_agent.nodes.common import StepTimer, call_llm
from text2sql_agent.resources import AgentResources
from text2sql_agent.state import AgentState

__all__ = ["make_question_node"]

_SYSTEM = ("Rewrite the user's last question as one standalone question, using the conversation for missing "
           "context (e.g. '그럼 지난달은?' after a question about this month's sales). Keep the user's language. "
           "Answer with the question only.")


def clean_question(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def make_question_node(resources: AgentResources) -> Any:
    def question_node(state: AgentState) -> dict[str, Any]:
        timer = StepTimer("question")
        question = clean_question(state["question"])
        standalone = question
        history = state.get("history") or []
        if resources.llm is not None and history:
            turns = "\n".join(f"Q: {h.question}\nSQL: {h.sql or '-'}" for h in history[-3:])
            reply = call_llm(resources.llm, [SystemMessage(_SYSTEM),
                                             HumanMessage(f"Conversation:\n{turns}\n\nLast question: {question}")],
                             "rewriting a follow-up question")
            standalone = clean_question(reply).strip("\"'") or question
            timer.detail["rewritten"] = standalone != question
        timer.detail["question"] = standalone
        return {"question": question, "standalone_question": standalone, "steps": [timer.record()]}

    return question_node
