"""The typed values that travel between the graph's nodes and out to callers.

`Candidate` is a retrieved template (`text2sql_core.models.SQLTemplateSearch`, with its stored masked vector);
`Phase1Decision` is what Phase 1 decided about its best candidate, and why; `QueryResult` is a query's result as
the state and the `Answer` hold it (a mirror of `text2sql_core.db.QueryResult`, which stays the executor's own
type); `Turn` is one question of a conversation, kept across turns of a thread."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from text2sql_agent.filling.constraints import Leftover
from text2sql_agent.phase1.confidence import ConfidenceFeatures
from text2sql_core.db import QueryResult as DbQueryResult
from text2sql_core.models import SQLTemplateSearch

__all__ = ["Candidate", "Leftover", "Phase1Decision", "QueryResult", "Turn"]

Candidate = SQLTemplateSearch


class Phase1Decision(BaseModel):
    template_id: str
    description: str = ""
    confidence: float = 0.0
    values: dict[str, Any] = Field(default_factory=dict)
    missing: list[str] = Field(default_factory=list)
    # What the question states that the template cannot express (kind, text, span): never answered by Phase 1.
    leftovers: list[Leftover] = Field(default_factory=list)
    methods: dict[str, str] = Field(default_factory=dict)
    sql: str | None = None
    sql_inlined: str | None = None
    accepted: bool = False
    # Why it was not accepted ("" when it was).
    reason: str = ""
    # The normalized SQL of the five best reranked templates (what the evaluation scores as retrieval).
    ranked: list[str] = Field(default_factory=list)
    # The calibration's inputs: the evaluation refits the calibration from these.
    features: ConfidenceFeatures


class QueryResult(BaseModel):
    columns: list[str] = Field(default_factory=list)
    rows: list[list[Any]] = Field(default_factory=list)
    truncated: bool = False
    elapsed_ms: float = 0.0

    @classmethod
    def from_db(cls, result: DbQueryResult) -> QueryResult:
        return cls(columns=list(result.columns), rows=[list(r) for r in result.rows], truncated=result.truncated,
                   elapsed_ms=result.elapsed_ms)

    @property
    def row_count(self) -> int:
        return len(self.rows)


class Turn(BaseModel):
    question: str
    sql: str | None = None
