"""Reading the values: the distinct values of each low-cardinality text/code column, from the OLTP database.

Every query goes through `ReadOnlyExecutor` (guard, read-only session, row cap, timeout) and is built with sqlglot
in the database's dialect: `SELECT COUNT(*) FROM t` once per table, then per column `SELECT c FROM t WHERE c IS NOT
NULL GROUP BY c` capped at MAX_DISTINCT + 1 rows — one row too many means too many values, and the column is
skipped. A table over SAMPLE_ROWS rows is read from a sample of that many rows. Denied tables and columns are never
named in any query."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlglot import exp

from text2sql_core.errors import Text2SQLError
from text2sql_core.models import ColumnSchema, ColumnValues, TableSchema
from text2sql_core.protocols import Executor
from text2sql_core.settings import ValueIndexSettings
from text2sql_pipeline.values.dictionary import dictionary_values

__all__ = ["ValueBuild", "is_denied", "read_values", "text_columns"]

logger = logging.getLogger(__name__)

_TEXT = re.compile(r"CHAR|TEXT|STRING|ENUM|CITEXT", re.IGNORECASE)
_NOT_TEXT = re.compile(r"LOB|BINARY|BLOB|JSON|XML|RAW|BYTEA|ARRAY|\[\]", re.IGNORECASE)
# Losing the connection ends the build; anything else (a table the account cannot read, a slow column) skips it.
_FATAL = {"DATABASE_UNREACHABLE"}


@dataclass
class ValueBuild:
    columns: list[ColumnValues] = field(default_factory=list)
    # (table, column or "*", why) of what was not indexed
    skipped: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def value_count(self) -> int:
        return sum(len(c.values) for c in self.columns)


def _names(items: Iterable[str]) -> set[str]:
    return {item.strip().lower() for item in items if item.strip()}


def is_denied(table: str, column: str | None, denied_tables: Iterable[str], denied_columns: Iterable[str]) -> bool:
    """As the guard reads the deny lists: TABLE (or SCHEMA.TABLE), COLUMN or TABLE.COLUMN, case-insensitive."""
    t = table.lower()
    if any(name == t or name.endswith(f".{t}") for name in _names(denied_tables)):
        return True
    if column is None:
        return False
    c = column.lower()
    return any(name in (c, f"{t}.{c}") or name.endswith(f".{t}.{c}") for name in _names(denied_columns))


def text_columns(table: TableSchema) -> list[ColumnSchema]:
    """Columns that may hold words a question names: character types (an untyped SQLite column too), not LOBs."""
    return [c for c in table.columns if (not c.data_type or _TEXT.search(c.data_type))
            and not _NOT_TEXT.search(c.data_type or "")]


def _column(name: str) -> exp.Column:
    return exp.column(exp.to_identifier(name, quoted=True))


def _table(name: str) -> exp.Table:
    return exp.to_table(exp.to_identifier(name, quoted=True).sql())


def _count_sql(table: str, dialect: str) -> str:
    return exp.select(exp.Count(this=exp.Star()).as_("n")).from_(_table(table)).sql(dialect=dialect)


def _distinct_sql(table: str, column: str, dialect: str, limit: int, sample: int | None) -> str:
    source: exp.Expression = _table(table)
    if sample is not None:  # the first SAMPLE_ROWS non-null values: bounded work on a huge table
        inner = exp.select(_column(column)).from_(_table(table)).where(_column(column).is_(exp.null()).not_())
        source = inner.limit(sample).subquery("s")
    query = exp.select(_column(column)).from_(source)
    if sample is None:
        query = query.where(_column(column).is_(exp.null()).not_())
    return query.group_by(_column(column)).limit(limit).sql(dialect=dialect)


def _run(executor: Executor, sql: str, cap: int) -> Any:
    return executor.execute_sync(sql, None, max_rows=cap)


def read_values(tables: list[TableSchema], executor: Executor, dialect: str, settings: ValueIndexSettings,
                datasource: str = "default", denied_tables: Iterable[str] = (), denied_columns: Iterable[str] = (),
                dictionary: dict[str, Any] | None = None) -> ValueBuild:
    """The datasource's columns with their values and dictionary synonyms. Raises `DatabaseError`
    (`DATABASE_UNREACHABLE`) only when the database cannot be reached; other failures skip the table or column."""
    denied_tables, denied_columns = list(denied_tables), list(denied_columns)
    synonyms = dictionary_values(dictionary)
    build = ValueBuild()
    for table in tables:
        if is_denied(table.name, None, denied_tables, denied_columns):
            build.skipped.append((table.name, "*", "denied"))
            continue
        columns = [c for c in text_columns(table) if not is_denied(table.name, c.name, denied_tables, denied_columns)]
        read = _read_table(table, columns, executor, dialect, settings, build) if columns else {}
        for column in table.columns:
            if is_denied(table.name, column.name, denied_tables, denied_columns):
                continue
            extra = synonyms.get((table.name.lower(), column.name.lower()), {})
            found = read.get(column.name)
            if found is None and not extra:
                continue
            values, complete = found if found is not None else ([], False)
            known = {v for v in values}
            # Dictionary values the read did not see still count (a sampled column, a numeric code column).
            values = values + [v for v in extra if v not in known]
            build.columns.append(ColumnValues(datasource=datasource, table=table.name, column=column.name,
                                              values=values, synonyms={v: s for v, s in extra.items() if s},
                                              complete=complete))
    return build


def _read_table(table: TableSchema, columns: list[ColumnSchema], executor: Executor, dialect: str,
                settings: ValueIndexSettings, build: ValueBuild) -> dict[str, tuple[list[str], bool]]:
    try:
        rows = int(_run(executor, _count_sql(table.name, dialect), 1).rows[0][0])
    except Text2SQLError as err:
        if err.code in _FATAL:
            raise
        build.skipped.append((table.name, "*", f"{err.code}: {err.message}"))
        return {}
    sample = settings.sample_rows if rows > settings.sample_rows else None
    found: dict[str, tuple[list[str], bool]] = {}
    for column in columns:
        sql = _distinct_sql(table.name, column.name, dialect, settings.max_distinct + 1, sample)
        try:
            result = _run(executor, sql, settings.max_distinct + 1)
        except Text2SQLError as err:
            if err.code in _FATAL:
                raise
            build.skipped.append((table.name, column.name, f"{err.code}: {err.message}"))
            continue
        if len(result.rows) > settings.max_distinct or result.truncated:
            build.skipped.append((table.name, column.name, f"more than {settings.max_distinct} distinct values"))
            continue
        raw = [row[0] for row in result.rows]
        if any(not isinstance(v, str) for v in raw):
            build.skipped.append((table.name, column.name, "not text"))
            continue
        # A column of dates or amounts written as text is for the period and number readers, not words: "2025-10-01"
        # must not bind order_date as a string. (Letterless values of a mixed column are kept for `has` only.)
        if raw and not any(c.isalpha() for v in raw for c in v):
            build.skipped.append((table.name, column.name, "no words (dates, numbers)"))
            continue
        values = [v for v in raw if v.strip() and len(v) <= settings.max_value_length]
        found[column.name] = (values, sample is None)
    return found
