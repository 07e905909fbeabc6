"""What `Text2SQLAgent.ask` returns: the SQL, its result, how it was reached (steps, Phase 1's decision), or the
error — always a registered code with a message and a remedy."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from text2sql_agent.contracts import Phase1Decision
from text2sql_core.models import ErrorInfo

__all__ = ["Answer", "Step", "Suggestion"]


class Step(BaseModel):
    """One node's telemetry, for progress lines and logs. Not an API: read `Answer`'s typed fields instead."""

    name: str
    status: Literal["ok", "skipped", "failed"] = "ok"
    ms: float = 0.0
    detail: dict[str, Any] = Field(default_factory=dict)


class Suggestion(BaseModel):
    template_id: str
    description: str
    score: float
    example_question: str = ""  # a question this template answers as it is: what a click in the chat asks


class Answer(BaseModel):
    question: str
    standalone_question: str = ""
    datasource: str = "default"
    sql: str | None = None
    sql_inlined: str | None = None
    params: dict[str, Any] = Field(default_factory=dict)
    phase: Literal["phase1", "phase2"] | None = None
    template_id: str | None = None
    confidence: float = 0.0
    columns: list[str] = Field(default_factory=list)
    rows: list[list[Any]] = Field(default_factory=list)
    truncated: bool = False
    summary: str = ""
    steps: list[Step] = Field(default_factory=list)
    suggestions: list[Suggestion] = Field(default_factory=list)
    error: ErrorInfo | None = None
    retrieved: list[str] = Field(default_factory=list)
    # What Phase 1 decided about its best template (None when nothing was retrieved).
    phase1: Phase1Decision | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and self.sql is not None
