"""A case-insensitive lookup of tables and columns, built from loaded `TableSchema`s."""

from __future__ import annotations

from collections.abc import Iterable

from text2sql_core.models.schema import TableSchema

__all__ = ["SchemaCatalog"]


class SchemaCatalog:
    def __init__(self, tables: Iterable[TableSchema]):
        self._columns: dict[str, set[str]] = {}
        self._names: dict[str, str] = {}
        for table in tables:
            key = table.name.lower()
            self._names[key] = table.name
            self._columns[key] = {c.name.lower() for c in table.columns}

    def __len__(self) -> int:
        return len(self._columns)

    def has_table(self, name: str) -> bool:
        return name.lower() in self._columns

    def columns_of(self, table: str) -> set[str]:
        return self._columns.get(table.lower(), set())

    def has_column(self, table: str, column: str) -> bool:
        return column.lower() in self.columns_of(table)

    def table_names(self) -> list[str]:
        return list(self._names.values())
