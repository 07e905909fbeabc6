"""The tables and columns a query reads (aliases and CTEs resolved to real tables where possible)."""

from __future__ import annotations

from sqlglot import exp

__all__ = ["extract_tables_and_columns"]


def extract_tables_and_columns(tree: exp.Expression) -> tuple[list[str], list[str]]:
    ctes = {cte.alias_or_name.lower() for cte in tree.find_all(exp.CTE)}
    aliases: dict[str, str] = {}
    tables: list[str] = []
    for table in tree.find_all(exp.Table):
        if not isinstance(table.this, exp.Identifier) or table.name.lower() in ctes:
            continue
        if table.name not in tables:
            tables.append(table.name)
        aliases[(table.alias or table.name).lower()] = table.name
    columns: list[str] = []
    for column in tree.find_all(exp.Column):
        if column.is_star or not column.name:
            continue
        owner = aliases.get(column.table.lower()) if column.table else (tables[0] if len(tables) == 1 else None)
        name = f"{owner}.{column.name}" if owner else column.name
        if name not in columns:
            columns.append(name)
    return tables, columns
