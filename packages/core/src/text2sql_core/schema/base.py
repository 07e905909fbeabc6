"""The `SchemaLoader` protocol and the helper every loader shares."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, runtime_checkable

from text2sql_core.models.schema import TableSchema

__all__ = ["SchemaLoader", "related_tables"]


@runtime_checkable
class SchemaLoader(Protocol):
    def load_tables(self) -> list[TableSchema]: ...

    def load_table(self, name: str) -> TableSchema | None: ...

    def get_related_tables(self, name: str) -> list[TableSchema]: ...


def related_tables(tables: Iterable[TableSchema], name: str) -> list[TableSchema]:
    """Tables joined to `name` by a foreign key, in either direction."""
    tables = list(tables)
    wanted = name.lower()
    this = next((t for t in tables if t.name.lower() == wanted), None)
    if this is None:
        return []
    referred = {r.lower() for r in this.related_table_names()}
    return [
        t for t in tables
        if t.name.lower() != wanted
        and (t.name.lower() in referred or any(fk.referred_table.lower() == wanted for fk in t.foreign_keys))
    ]
