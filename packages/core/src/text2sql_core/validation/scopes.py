"""What a scope yields and reads, resolved through sqlglot's scopes: the outputs of a subquery or CTE (with
`SELECT *` expanded against the schema) and every whole-row read (`*`, `t.*`, a PostgreSQL whole-row reference)."""

from __future__ import annotations

from sqlglot import exp
from sqlglot.optimizer.scope import Scope, traverse_scope

from text2sql_core.validation.catalog import SchemaCatalog

__all__ = ["scope_outputs", "star_columns", "whole_row_reads"]


def star_columns(scope: Scope, catalog: SchemaCatalog) -> set[str] | None:
    """The columns `SELECT *` yields in `scope`, expanded against the schema; None when a source is unknown."""
    names: set[str] = set()
    for _, source in scope.selected_sources.values():
        if isinstance(source, Scope):
            outputs = scope_outputs(source, catalog)
            if outputs is None:
                return None
            names |= outputs
        elif isinstance(source, exp.Table) and catalog.has_table(source.name):
            names |= catalog.columns_of(source.name)
        else:
            return None
    return names


def scope_outputs(scope: Scope, catalog: SchemaCatalog) -> set[str] | None:
    """Names a derived table or CTE exposes (`*` expanded against the schema); None when they cannot be known."""
    expression = scope.expression
    if isinstance(expression, exp.SetOperation):
        left = expression.left
        return {s.alias_or_name.lower() for s in left.selects} if isinstance(left, exp.Select) else None
    if not isinstance(expression, exp.Select):
        return None
    names: set[str] = set()
    for select in expression.selects:
        if isinstance(select, exp.Star) or (isinstance(select, exp.Column) and select.is_star):
            expanded = star_columns(scope, catalog)
            if expanded is None:
                return None
            names |= expanded
        else:
            names.add(select.alias_or_name.lower())
    return names


def whole_row_reads(tree: exp.Expression) -> list[tuple[str, str]]:
    """(table, how) for every `*`, `t.*` and whole-row reference, resolved through scopes to real tables."""
    reads: list[tuple[str, str]] = []
    try:
        scopes = traverse_scope(tree)
    except Exception:  # cannot resolve: treat every table as read whole, the safe reading
        return [(t.name.lower(), "the query") for t in tree.find_all(exp.Table)]
    for scope in scopes:
        tables = {alias.lower(): src.name.lower() for alias, (_, src) in scope.selected_sources.items()
                  if isinstance(src, exp.Table)}
        if isinstance(scope.expression, exp.Select) and any(isinstance(s, exp.Star) for s in scope.expression.selects):
            reads += [(t, "SELECT *") for t in tables.values()]
        for star in scope.stars:
            if isinstance(star, exp.Column) and star.table.lower() in tables:
                reads.append((tables[star.table.lower()], f"{star.table}.*"))
        for column in scope.columns:
            if not column.table and column.name.lower() in tables:
                reads.append((tables[column.name.lower()], f"the whole-row reference {column.name}"))
    return reads
