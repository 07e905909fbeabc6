"""The SQL template: trusted SQL whose literals became named bind parameters."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from text2sql_core.clock import now

__all__ = [
    "BaseSQLTemplate",
    "Grain",
    "SQLTemplateCreate",
    "SQLTemplateInDB",
    "SQLTemplateSearch",
    "SlotRole",
    "SlotType",
    "TemplateParam",
    "TemplatePeriod",
]


def _utcnow() -> datetime:
    return now(UTC)  # the one clock: a test or TEXT2SQL_TODAY that pins the date pins these timestamps too


SlotType = Literal["string", "number", "date", "limit", "unknown"]
SlotRole = Literal["eq", "neq", "gt", "gte", "lt", "lte", "like", "in", "between_low", "between_high", "limit", "other"]
Grain = Literal["day", "week", "month", "quarter", "half", "year", "days"]


class TemplateParam(BaseModel):
    """One typed slot: a literal of the trusted query became this bind parameter; `example` is that literal."""

    name: str
    example: Any = None
    # string: a value of `column`; number: a quantity stated in the question; date: a day or month in the
    # form `date_format` gives; limit: a row count (LIMIT / FETCH FIRST / ROWNUM).
    type: SlotType = "unknown"
    # The column the value is compared with, and its table when the query names it (aliases resolved).
    column: str | None = None
    table: str | None = None
    # The comparison the bind sits in: decides which end of a period it takes and what a value must be.
    role: SlotRole | None = None
    # For dates: how the example was written, as a strftime pattern ("%Y-%m-%d", "%Y%m%d", "%Y%m",
    # "%Y-%m-%d %H:%M:%S"); a number-typed date (20261001) keeps an int example. Filling writes new dates the same way.
    date_format: str | None = None
    # The period slot this bind is one end of (see `TemplatePeriod`), if any.
    period: str | None = None
    # True when the example value appears in the example question: a new question must supply its own value.
    # False for structural constants (e.g. LIMIT 1 for "the youngest"), which keep the example unless restated.
    from_question: bool = True


class TemplatePeriod(BaseModel):
    """Two binds over one column that together are one period: `col >= :start AND col < :end` (`end_inclusive`
    False), `col >= :start AND col <= :end` or `col BETWEEN :start AND :end` (True). Filled as a whole from one
    period the question states, at its grain."""

    name: str
    column: str
    table: str | None = None
    start_param: str
    end_param: str
    end_inclusive: bool = False
    # What the example values span: one day, a calendar month, quarter, half, year, or `days` for N days.
    grain: Grain = "days"
    days: int | None = None


class BaseSQLTemplate(BaseModel):
    model_config = ConfigDict(extra="ignore")

    sql_text: str = Field(min_length=1)
    description: str = ""
    datasource: str = "default"
    dialect: str = "oracle"
    tables: list[str] = Field(default_factory=list)
    columns: list[str] = Field(default_factory=list)
    exec_count: int = Field(1, ge=0)
    domain_tags: list[str] = Field(default_factory=list)
    params: list[TemplateParam] = Field(default_factory=list)
    periods: list[TemplatePeriod] = Field(default_factory=list)
    # Literals kept as they are because they state a rule, not a question's value ("status <> '취소'"), as SQL
    # conditions: shown to the person asking ("취소 제외"), never filled.
    rules: list[str] = Field(default_factory=list)
    # Example questions this SQL answers (the first is the one whose values the params hold).
    questions: list[str] = Field(default_factory=list)

    @field_validator("sql_text")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("sql_text is empty")
        return value

    @field_validator("domain_tags", "questions", "tables", "columns", mode="before")
    @classmethod
    def _listify(cls, value: Any) -> Any:
        if value is None:
            return []
        if isinstance(value, str):
            sep = "|" if "|" in value else ","
            return [part.strip() for part in value.split(sep) if part.strip()]
        return value


class SQLTemplateCreate(BaseSQLTemplate):
    """A template as it arrives from a file or from SQL history, before processing."""

    id: str | None = None
    original_sql_id: str | None = None


class SQLTemplateInDB(BaseSQLTemplate):
    """A processed template as stored in the index."""

    id: str
    original_sql_id: str | None = None
    template_hash: str
    normalized_text: str
    # The question whose values the params' examples are (for aligning a new question's values).
    example_question: str = ""
    embedding: list[float] | None = None
    created_at: datetime = Field(default_factory=_utcnow)
    updated_at: datetime = Field(default_factory=_utcnow)

    def search_text(self) -> str:
        """What the dense vector and BM25 field are built from: the description and example questions."""
        parts = [self.description, *[q for q in self.questions if q != self.description]]
        return "\n".join(p for p in parts if p)


class SQLTemplateSearch(SQLTemplateInDB):
    """A template found by a search, with its score and which retriever matched it."""

    similarity_score: float = 0.0
    matched_from: Literal["hybrid", "dense", "sparse"] = "hybrid"
    # Cosine similarity between the question and the template's text, whatever the ranker's scale,
    # as written and with values masked on both sides.
    dense_score: float | None = None
    masked_score: float | None = None
    # The stored vector of the template's value-masked text (what the index embedded), so a caller comparing a
    # differently masked question with it does not embed the template again. Not part of the JSON form.
    masked_vector: list[float] | None = Field(default=None, exclude=True, repr=False)

    @property
    def cosine(self) -> float:
        scores = [s for s in (self.dense_score, self.masked_score) if s is not None]
        return sum(scores) / len(scores) if scores else self.similarity_score
