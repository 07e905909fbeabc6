"""The graph's state: typed values at every hop. Per-turn fields are reset by each `ask` (`turn_reset`);
`history` persists per thread (checkpointer).

A node that fails does not write its own error: the graph's guard turns what it raised into `failure` (an
`ErrorInfo` with a registered code) and the one conditional edge after every node sends the turn to the error
node, which records it as `error`. `error` without `failure` is an answer's outcome (no confident template,
repairs exhausted), not a failure."""

from __future__ import annotations

from typing import Annotated, Any, TypedDict

from text2sql_agent.answer import Step, Suggestion
from text2sql_agent.contracts import Candidate, Phase1Decision, QueryResult, Turn
from text2sql_core.models import ErrorInfo

__all__ = ["AgentState", "turn_reset"]

HISTORY_TURNS = 6


def add_steps(left: list[Step] | None, right: list[Step] | None) -> list[Step]:
    """Append steps; `None` starts a new turn."""
    if right is None:
        return []
    return [*(left or []), *right]


def keep_history(left: list[Turn] | None, right: list[Turn] | None) -> list[Turn]:
    # Older checkpoints stored turns as dicts: validate, so every reader sees `Turn`.
    turns = [*(left or []), *(right or [])][-HISTORY_TURNS:]
    return [Turn.model_validate(t) if not isinstance(t, Turn) else t for t in turns]


class AgentState(TypedDict, total=False):
    question: str
    standalone_question: str
    datasource: str
    execute: bool
    max_rows: int | None
    candidates: list[Candidate]
    # Retrieval failed but Phase 2 can still answer (an LLM is configured): noted, not a failure.
    retrieval_error: ErrorInfo | None
    phase1: Phase1Decision | None
    phase: str | None
    sql: str | None
    params: dict[str, Any]
    template_id: str | None
    confidence: float
    schema_text: str
    schema_tables: list[str]
    attempts: int
    # The validator's or the database's complaint, fed back to Phase 2 for repair.
    feedback: str | None
    result: QueryResult | None
    summary: str
    failure: ErrorInfo | None
    error: ErrorInfo | None
    suggestions: list[Suggestion]
    steps: Annotated[list[Step], add_steps]
    history: Annotated[list[Turn], keep_history]


def turn_reset(question: str, datasource: str, execute: bool, max_rows: int | None) -> dict[str, Any]:
    return {
        "question": question, "standalone_question": question, "datasource": datasource, "execute": execute,
        "max_rows": max_rows, "candidates": [], "retrieval_error": None, "phase1": None, "phase": None,
        "sql": None, "params": {}, "template_id": None, "confidence": 0.0, "schema_text": "", "schema_tables": [],
        "attempts": 0, "feedback": None, "result": None, "summary": "", "failure": None, "error": None,
        "suggestions": [], "steps": None,
    }
