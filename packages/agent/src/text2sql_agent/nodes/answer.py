"""Answer agent: a short summary in the language of the question — by the LLM when configured, else from the rows."""

from __future__ import annotations

import logging
from typing import Any

from langchain_core.messages import HumanMessage, SystemMessage

from text2sql_agent.contracts import Turn
from text2sql_agent.nodes.common import StepTimer, call_llm, has_hangul
from text2sql_agent.resources import AgentResources
from text2sql_agent.state import AgentState
from text2sql_core.errors import LLMError

__all__ = ["deterministic_summary", "make_answer_node"]

log = logging.getLogger(__name__)


def _cell(value: Any) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)


def deterministic_summary(question: str, columns: list[str], rows: list[list[Any]], truncated: bool,
                          executed: bool) -> str:
    korean = has_hangul(question)
    if not executed:
        return "SQL만 생성했습니다 (실행하지 않음)." if korean else "SQL generated (not run)."
    if not rows:
        return "조건에 맞는 결과가 없습니다." if korean else "No rows match."
    count = f"{len(rows)}{'+' if truncated else ''}"
    if len(rows) == 1 and len(columns) == 1:
        return f"결과: {_cell(rows[0][0])}" if korean else f"Result: {_cell(rows[0][0])}"
    first = ", ".join(f"{c}={_cell(v)}" for c, v in zip(columns, rows[0], strict=False))
    if korean:
        return f"{count}개 행을 찾았습니다. 첫 행: {first}" + (" (행 수 제한으로 잘림)" if truncated else "")
    return f"Found {count} rows. First: {first}" + (" (cut at the row limit)" if truncated else "")


def make_answer_node(resources: AgentResources) -> Any:
    def answer_node(state: AgentState) -> dict[str, Any]:
        timer = StepTimer("answer")
        result = state.get("result")
        question = state["question"]
        summary = deterministic_summary(question, result.columns if result else [], result.rows if result else [],
                                        result.truncated if result else False, executed=result is not None)
        if resources.llm is not None and result is not None:
            preview = "\n".join(", ".join(_cell(v) for v in row) for row in result.rows[:20])
            messages = [
                SystemMessage("Summarise the query result in two sentences at most, in the language of the "
                              "question. Numbers exactly as given."),
                HumanMessage(f"Question: {question}\nSQL: {state.get('sql')}\nColumns: {result.columns}\n"
                             f"Rows ({result.row_count}{'+' if result.truncated else ''}):\n{preview}"),
            ]
            try:
                summary = call_llm(resources.llm, messages, "the summary").strip() or summary
            except LLMError as err:
                # The rows are the answer: a summary the model could not write (even a transient failure, not
                # worth delaying the rows for) falls back to ours.
                log.warning("LLM summary failed (%s); using the deterministic summary", err.message)
                timer.detail["summary"] = "deterministic (the LLM failed)"
        history = [Turn(question=state["standalone_question"], sql=state.get("sql"))]
        return {"summary": summary, "history": history, "steps": [timer.record()]}

    return answer_node
