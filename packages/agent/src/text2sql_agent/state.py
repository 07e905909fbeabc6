"""The graph's state. Per-turn fields are reset by each `ask`; `history` persists per thread (checkpointer)."""

from __future__ import annotations

from typing import Annotated, Any, TypedDict

__all__ = ["AgentState", "turn_reset"]


def add_steps(left: list[dict] | None, right: list[dict] | None) -> list[dict]:
    """Append steps; `None` starts a new turn."""
    if right is None:
        return []
    return [*(left or []), *right]


def keep_history(left: list[dict] | None, right: list[dict] | None) -> list[dict]:
    return [*(left or []), *(right or [])][-6:]


class AgentState(TypedDict, total=False):
    question: str
    standalone_question: str
    datasource: str
    execute: bool
    max_rows: int | None
    candidates: list[dict[str, Any]]
    retrieval_error: dict[str, Any] | None
    phase1: dict[str, Any] | None
    phase: str | None
    sql: str | None
    params: dict[str, Any]
    template_id: str | None
    confidence: float
    schema_text: str
    attempts: int
    feedback: str | None
    result: dict[str, Any] | None
    summary: str
    error: dict[str, Any] | None
    suggestions: list[dict[str, Any]]
    steps: Annotated[list[dict], add_steps]
    history: Annotated[list[dict], keep_history]


def turn_reset(question: str, datasource: str, execute: bool, max_rows: int | None) -> dict[str, Any]:
    return {
        "question": question, "standalone_question": question, "datasource": datasource, "execute": execute,
        "max_rows": max_rows, "candidates": [], "retrieval_error": None, "phase1": None, "phase": None,
        "sql": None, "params": {}, "template_id": None, "confidence": 0.0, "schema_text": "", "attempts": 0,
        "feedback": None, "result": None, "summary": "", "error": None, "suggestions": [], "steps": None,
    }
