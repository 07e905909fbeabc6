"""`InMemoryValueIndex`: the `ValueIndex` protocol over rows handed in — for node tests and small deployments.

It runs the same `ValueMatcher` as the Milvus-backed lookup, so a contract test holds both to one behaviour."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from text2sql_core.models import ColumnValues, ValueEntry, ValueMatch
from text2sql_pipeline.values.matcher import ValueMatcher

__all__ = ["InMemoryValueIndex", "group_rows"]

DEFAULT_DATASOURCE = "default"


def group_rows(rows: Iterable[ColumnValues | ValueEntry | Mapping[str, Any]]) -> dict[str, list[ColumnValues]]:
    """Rows per datasource as whole columns: `ValueEntry` rows (one value each) are gathered into complete columns."""
    columns: dict[tuple[str, str, str], ColumnValues] = {}
    for row in rows:
        if isinstance(row, Mapping):
            row = ColumnValues.model_validate(row) if "values" in row else ValueEntry.model_validate(row)
        where = (row.datasource, row.table, row.column)
        column = columns.setdefault(where, ColumnValues(datasource=row.datasource, table=row.table,
                                                         column=row.column, complete=True))
        if isinstance(row, ColumnValues):
            column.values.extend(row.values)
            for value, synonyms in row.synonyms.items():
                column.synonyms.setdefault(value, []).extend(synonyms)
            column.complete = column.complete and row.complete
        else:
            column.values.append(row.value)
            if row.synonyms:
                column.synonyms.setdefault(row.value, []).extend(row.synonyms)
    grouped: dict[str, list[ColumnValues]] = defaultdict(list)
    for column in columns.values():
        grouped[column.datasource].append(column)
    return dict(grouped)


class InMemoryValueIndex:
    """`datasource=None` means `default_datasource`."""

    def __init__(self, rows: Iterable[ColumnValues | ValueEntry | Mapping[str, Any]] = (),
                 default_datasource: str = DEFAULT_DATASOURCE):
        self.default_datasource = default_datasource
        self._matchers = {name: ValueMatcher(columns) for name, columns in group_rows(rows).items()}
        self._empty = ValueMatcher(())

    def _matcher(self, datasource: str | None) -> ValueMatcher:
        return self._matchers.get(datasource or self.default_datasource, self._empty)

    def find(self, question: str, datasource: str | None) -> list[ValueMatch]:
        return self._matcher(datasource).find(question)

    def columns(self, datasource: str | None) -> set[tuple[str, str]]:
        return self._matcher(datasource).columns()

    def has(self, datasource: str | None, table: str, column: str, value: str) -> bool:
        return self._matcher(datasource).has(table, column, value)
