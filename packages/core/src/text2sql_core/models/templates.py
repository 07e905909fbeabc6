"""The SQL template: trusted SQL whose literals became named bind parameters."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

__all__ = [
    "BaseSQLTemplate",
    "SQLTemplateCreate",
    "SQLTemplateInDB",
    "SQLTemplateSearch",
    "TemplateParam",
]


def _utcnow() -> datetime:
    return datetime.now(UTC)


class TemplateParam(BaseModel):
    """One bind parameter: its name, the literal it replaced (the example value) and that literal's type."""

    name: str
    example: Any = None
    type: Literal["string", "number", "date", "unknown"] = "unknown"
    # The column the value is compared with, when there is one (helps binding and prompts).
    column: str | None = None
    # True when the example value appears in the example question: a new question must supply its own value.
    # False for structural constants (e.g. LIMIT 1 for "the youngest"), which keep the example unless restated.
    from_question: bool = True


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
