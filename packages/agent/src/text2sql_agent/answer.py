"""What `Text2SQLAgent.ask` returns."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

__all__ = ["Answer", "Step", "Suggestion"]


class Step(BaseModel):
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
    error: dict[str, Any] | None = None
    retrieved: list[str] = Field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error is None and self.sql is not None
