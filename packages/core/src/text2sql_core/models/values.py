"""Values a database holds, and where a question names one: the contract of the value index.

The value index (`text2sql_pipeline.values`) reads the distinct values of low-cardinality text/code columns and the
data dictionary's value synonyms; a lookup finds them in a question. The filler binds a string slot from a match on
the slot's column, and treats a value the database does not hold as evidence against an answer."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

__all__ = ["ColumnValues", "MatchMethod", "ValueEntry", "ValueMatch"]

# exact: the value as written (case, width and spacing aside); stem: after Korean particles/suffixes were stripped;
# synonym: a data-dictionary synonym of the value; fuzzy: within a small edit distance (a typo).
MatchMethod = Literal["exact", "stem", "synonym", "fuzzy"]


class ValueEntry(BaseModel):
    """One value of one column, as the index stores it. `synonyms` are other ways people write it ("골드" for GOLD)."""

    datasource: str = "default"
    table: str
    column: str
    value: str
    synonyms: list[str] = Field(default_factory=list)


class ColumnValues(BaseModel):
    """The values of one column as the index stores them: what the database holds, plus the dictionary's synonyms."""

    datasource: str = "default"
    table: str
    column: str
    values: list[str] = Field(default_factory=list)
    # value → other ways of writing it, from the data dictionary (`values:` of a column).
    synonyms: dict[str, list[str]] = Field(default_factory=dict)
    # True when `values` is every distinct value the column held when it was read: only then is a value missing
    # from it evidence that the database does not hold it (a sampled or dictionary-only column is not complete).
    complete: bool = True


class ValueMatch(BaseModel):
    """A stretch of the question that names a value the database holds."""

    # The span in the question (Python string offsets, end exclusive) of `text`.
    start: int
    end: int
    # The question's surface without particles: "재무팀의" → "재무팀".
    text: str
    # The database's value, to bind as it is stored ("재무팀", "GOLD").
    value: str
    table: str
    column: str
    method: MatchMethod
    # 1.0 exact/synonym, 0.95 stem, below 0.9 fuzzy.
    score: float
