"""Does every table and column the query reads exist, and is it allowed? Aliases, CTEs and subqueries resolved."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlglot import exp
from sqlglot.optimizer.scope import Scope, traverse_scope

from text2sql_core.validation.catalog import SchemaCatalog

__all__ = ["SemanticReport", "check_references"]

# Names that look like columns but are pseudo-columns or niladic functions.
_PSEUDO_COLUMNS = frozenset(
    {"rownum", "rowid", "level", "sysdate", "systimestamp", "user", "uid", "current_date", "current_timestamp",
     "connect_by_isleaf", "connect_by_iscycle", "localtimestamp", "ora_rowscn", "dbtimezone", "sessiontimezone",
     "current_time", "null", "true", "false"}
)
_ALWAYS_PRESENT_TABLES = frozenset({"dual"})


@dataclass
class SemanticReport:
    problems: list[str] = field(default_factory=list)
    denied: list[str] = field(default_factory=list)
    tables: set[str] = field(default_factory=set)
    columns: set[str] = field(default_factory=set)

    @property
    def ok(self) -> bool:
        return not self.problems and not self.denied


def _scope_outputs(scope: Scope) -> set[str] | None:
    """Names a derived table or CTE exposes; None when it selects `*` (anything may come out)."""
    expression = scope.expression
    if not isinstance(expression, exp.Select):
        if isinstance(expression, exp.SetOperation):
            left = expression.left
            return {s.alias_or_name.lower() for s in left.selects} if isinstance(left, exp.Select) else None
        return None
    if any(isinstance(s, exp.Star) or (isinstance(s, exp.Column) and s.is_star) for s in expression.selects):
        return None
    return {s.alias_or_name.lower() for s in expression.selects}


class _Checker:
    def __init__(self, catalog: SchemaCatalog, denied_tables: set[str], denied_columns: set[str]):
        self.catalog = catalog
        self.denied_tables = denied_tables
        self.denied_columns = denied_columns
        self.report = SemanticReport()

    def check_tables(self, tree: exp.Expression, cte_names: set[str]) -> None:
        for table in tree.find_all(exp.Table):
            if not isinstance(table.this, exp.Identifier):
                continue  # table-valued function
            name = table.name.lower()
            if name in cte_names or name in _ALWAYS_PRESENT_TABLES:
                continue
            if name in self.denied_tables:
                self.report.denied.append(f"table {table.name} is not allowed")
            elif not self.catalog.has_table(name):
                self.report.problems.append(f"unknown table {table.name}")
            else:
                self.report.tables.add(name)

    def check_star_exposure(self, scope: Scope) -> None:
        """`SELECT *` or `t.*` would return every column of its tables, denied ones included."""
        if not isinstance(scope.expression, exp.Select) or not self.denied_columns:
            return
        for select in scope.expression.selects:
            if isinstance(select, exp.Star):
                sources = list(scope.sources.values())
            elif isinstance(select, exp.Column) and select.is_star and select.table:
                sources = [self._source(select.table.lower(), scope)]
            else:
                continue
            for source in sources:
                if isinstance(source, exp.Table):
                    self._refuse_denied_in(source.name.lower())

    def _refuse_denied_in(self, table: str) -> None:
        for column in self.catalog.columns_of(table):
            if f"{table}.{column}" in self.denied_columns or column in self.denied_columns:
                self.report.denied.append(f"SELECT * would expose the denied column {table}.{column}")

    def check_column(self, column: exp.Column, scope: Scope) -> None:
        name = column.name.lower()
        if not name or column.is_star:
            return
        if column.table:
            self._check_qualified(column, name, column.table.lower(), scope)
        else:
            self._check_unqualified(column, name, scope)

    def _source(self, alias: str, scope: Scope | None) -> exp.Table | Scope | None:
        while scope is not None:
            if alias in scope.sources:
                return scope.sources[alias]
            lowered = {k.lower(): v for k, v in scope.sources.items()}
            if alias in lowered:
                return lowered[alias]
            scope = scope.parent
        return None

    def _check_qualified(self, column: exp.Column, name: str, alias: str, scope: Scope) -> None:
        source = self._source(alias, scope)
        if source is None:
            if not self.catalog.has_table(alias):
                self.report.problems.append(f"unknown table or alias {column.table} in {column.sql()}")
                return
            source = exp.to_table(alias)
        self._check_in_source(column, name, source)

    def _check_in_source(self, column: exp.Column, name: str, source: exp.Table | Scope) -> None:
        if isinstance(source, Scope):
            outputs = _scope_outputs(source)
            if outputs is not None and name not in outputs:
                self.report.problems.append(f"column {column.sql()} is not produced by its subquery")
            return
        table = source.name.lower()
        if not self.catalog.has_table(table):
            return  # reported (or allowed, like DUAL) by check_tables
        if not self.catalog.has_column(table, name):
            self.report.problems.append(f"unknown column {column.name} in table {source.name}")
            return
        self._note_column(table, name)

    def _note_column(self, table: str, name: str) -> None:
        self.report.columns.add(f"{table}.{name}")
        if f"{table}.{name}" in self.denied_columns or name in self.denied_columns:
            self.report.denied.append(f"column {table}.{name} is not allowed")

    def _check_unqualified(self, column: exp.Column, name: str, scope: Scope | None) -> None:
        if name in _PSEUDO_COLUMNS:
            return
        current = scope
        while current is not None:
            for source in current.sources.values():
                if isinstance(source, Scope):
                    outputs = _scope_outputs(source)
                    if outputs is None or name in outputs:
                        return
                elif self.catalog.has_column(source.name, name):
                    self._note_column(source.name.lower(), name)
                    return
            if self._is_select_alias(name, current) or self._has_pivot(current):
                return
            current = current.parent
        self.report.problems.append(f"unknown column {column.name}")

    @staticmethod
    def _is_select_alias(name: str, scope: Scope) -> bool:
        expression = scope.expression
        return isinstance(expression, exp.Select) and any(
            isinstance(s, exp.Alias) and s.alias.lower() == name for s in expression.selects
        )

    @staticmethod
    def _has_pivot(scope: Scope) -> bool:
        return any(True for _ in scope.expression.find_all(exp.Pivot))


def check_references(
    tree: exp.Expression,
    catalog: SchemaCatalog,
    denied_tables: set[str] | None = None,
    denied_columns: set[str] | None = None,
) -> SemanticReport:
    checker = _Checker(catalog, {t.lower() for t in denied_tables or ()}, {c.lower() for c in denied_columns or ()})
    cte_names = {cte.alias_or_name.lower() for cte in tree.find_all(exp.CTE)}
    checker.check_tables(tree, cte_names)
    try:
        scopes = traverse_scope(tree)
    except Exception as err:  # sqlglot cannot scope some exotic syntax; the table check above still holds
        checker.report.problems.append(f"could not resolve column scopes: {err}")
        return checker.report
    seen: set[int] = set()
    for scope in scopes:  # innermost first; an outer scope also lists its subqueries' unqualified columns
        checker.check_star_exposure(scope)
        for column in scope.columns:
            if id(column) not in seen:
                seen.add(id(column))
                checker.check_column(column, scope)
    return checker.report
