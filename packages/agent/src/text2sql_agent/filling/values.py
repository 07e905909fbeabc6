"""The value index as evidence for string slots: what it found in the question, for which column.

Written against the core `ValueIndex` protocol (`find(question, datasource) -> list[ValueMatch]`,
`columns(datasource)`, `has(datasource, table, column, value)`), by attribute only, so this module works with any
object of that shape (tests pass in-memory ones)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from text2sql_core.models import TemplateParam

__all__ = ["STRONG_METHODS", "ValueEvidence", "ValueIndexLike"]

# Matches a question's words make on their own; fuzzy ones are hints, not constraints the question states.
STRONG_METHODS = {"exact", "stem", "synonym"}


class ValueIndexLike(Protocol):
    def find(self, question: str, datasource: str) -> list[Any]: ...

    def columns(self, datasource: str) -> set[tuple[str, str]]: ...

    def has(self, datasource: str, table: str | None, column: str, value: Any) -> bool: ...


def _same(a: str | None, b: str | None) -> bool:
    return (a or "").lower() == (b or "").lower()


@dataclass
class ValueEvidence:
    """What the value index says about one question of one datasource (looked up once per question)."""

    index: ValueIndexLike
    datasource: str
    matches: list[Any] = field(default_factory=list)
    known: set[tuple[str, str]] = field(default_factory=set)

    @classmethod
    def lookup(cls, index: ValueIndexLike, question: str, datasource: str) -> ValueEvidence:
        known = {(str(t or "").lower(), str(c).lower()) for t, c in index.columns(datasource)}
        return cls(index, datasource, list(index.find(question, datasource)), known)

    def match_for(self, param: TemplateParam, taken: set[int]) -> Any | None:
        """The best unused match for the slot's column (and table, when both are known)."""
        fits = [(i, m) for i, m in enumerate(self.matches) if i not in taken and _same(m.column, param.column)
                and (not param.table or not m.table or _same(m.table, param.table))]
        if not fits:
            return None
        index, match = max(fits, key=lambda pair: (pair[1].method in STRONG_METHODS, pair[1].score))
        taken.add(index)
        return match

    def knows(self, param: TemplateParam) -> bool:
        """True when the index holds the slot's column, so a value it lacks is evidence against."""
        if not param.column:
            return False
        column = param.column.lower()
        return any(c == column and (not param.table or not t or t == param.table.lower()) for t, c in self.known)

    def has(self, param: TemplateParam, value: Any) -> bool:
        """True when the slot's column holds `value` — in the slot's table, or in any table with that column when
        the template does not say which (older indexes resolve no table)."""
        column = (param.column or "").lower()
        tables = [param.table] if param.table else sorted({t for t, c in self.known if c == column})
        return any(self.index.has(self.datasource, table, column, str(value)) for table in tables)
