"""Does every table and column the query reads exist, and is it allowed? Aliases, CTEs and subqueries resolved."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlglot import exp
from sqlglot.optimizer.scope import Scope, traverse_scope

from text2sql_core.validation.catalog import SchemaCatalog
from text2sql_core.validation.scopes import scope_outputs

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


class _Checker:
    def __init__(self, catalog: SchemaCatalog, denied_tables: set[str], denied_columns: set[str]):
        self.catalog = catalog
        self.denied_tables = denied_tables
        self.denied_columns = denied_columns
        self.report = SemanticReport()

    def check_denied_names(self, tree: exp.Expression) -> None:
        """A denied name is refused wherever it appears, even as a CTE's name: a CTE never shadows it."""
        for table in tree.find_all(exp.Table):
            if isinstance(table.this, exp.Identifier) and table.name.lower() in self.denied_tables:
                self.report.denied.append(f"table {table.name} is not allowed")

    def check_sources(self, scope: Scope) -> None:
        """Tables each scope reads, resolved by sqlglot's scopes: inside `WITH x AS (… FROM x)` the inner x is real."""
        for source in scope.sources.values():
            if not isinstance(source, exp.Table) or not isinstance(source.this, exp.Identifier):
                continue  # a CTE or subquery (its own scope), or a table-valued function (checked by the guard)
            name = source.name.lower()
            if name in _ALWAYS_PRESENT_TABLES or name in self.denied_tables:
                continue
            if not self.catalog.has_table(name):
                self.report.problems.append(f"unknown table {source.name}")
            else:
                self.report.tables.add(name)

    def check_star_exposure(self, scope: Scope) -> None:
        """`SELECT *`, `t.*` (also inside a function, e.g. row_to_json(t.*)) return every column of their tables."""
        if isinstance(scope.expression, exp.Select) and any(isinstance(s, exp.Star) for s in scope.expression.selects):
            for _, source in scope.selected_sources.values():
                if isinstance(source, exp.Table):
                    self._read_whole_row(source.name.lower(), "SELECT *")
        for star in scope.stars:
            if isinstance(star, exp.Column) and star.table:
                source = self._source(star.table.lower(), scope)
                if isinstance(source, exp.Table):
                    self._read_whole_row(source.name.lower(), f"{star.table}.*")

    def _read_whole_row(self, table: str, how: str) -> None:
        for column in sorted(self.catalog.columns_of(table)):
            self.report.columns.add(f"{table}.{column}")
            if f"{table}.{column}" in self.denied_columns or column in self.denied_columns:
                self.report.denied.append(f"{how} would expose the denied column {table}.{column}")

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
            outputs = scope_outputs(source, self.catalog)
            if outputs is not None and name not in outputs:
                self.report.problems.append(f"column {column.sql()} is not produced by its subquery")
            return
        table = source.name.lower()
        if not self.catalog.has_table(table):
            return  # reported (or allowed, like DUAL) by check_sources
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
            if self._resolve_in(name, current):
                return
            if self._is_select_alias(name, current) or self._has_pivot(current):
                return
            current = current.parent
        self.report.problems.append(f"unknown column {column.name}")

    def _resolve_in(self, name: str, scope: Scope) -> bool:
        """Note every source of `scope` that has the column (all of them: the check must not pick the harmless
        one when the database would pick another); a source's own name is a whole-row reference (PostgreSQL)."""
        found = False
        for _, source in scope.selected_sources.values():
            if isinstance(source, Scope):
                outputs = scope_outputs(source, self.catalog)
                found = found or outputs is None or name in outputs
            elif self.catalog.has_column(source.name, name):
                self._note_column(source.name.lower(), name)
                found = True
        if found:
            return True
        for alias, (_, source) in scope.selected_sources.items():
            if alias.lower() == name and isinstance(source, exp.Table):
                self._read_whole_row(source.name.lower(), f"the whole-row reference {alias}")
                return True
            if alias.lower() == name and isinstance(source, Scope):
                return True
        return False

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
    checker.check_denied_names(tree)
    try:
        scopes = traverse_scope(tree)
    except Exception as err:  # sqlglot cannot scope some exotic syntax: refuse rather than guess
        checker.report.problems.append(f"could not resolve column scopes: {err}")
        return checker.report
    seen: set[int] = set()
    for scope in scopes:  # innermost first; an outer scope also lists its subqueries' unqualified columns
        checker.check_sources(scope)
        checker.check_star_exposure(scope)
        for column in scope.columns:
            if id(column) not in seen:
                seen.add(id(column))
                checker.check_column(column, scope)
    return checker.report
