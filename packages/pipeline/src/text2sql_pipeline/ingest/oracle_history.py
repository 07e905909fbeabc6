"""Oracle SQL history on the *schema* connection: SELECTs from V$SQL (and DBA_HIST_SQLTEXT where licensed).

Executions become exec_count; filters: parsing schema, minimum executions, first seen since a date.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from text2sql_core.errors import DatabaseError
from text2sql_pipeline.ingest.records import IngestItem, SkippedRow, template_from_mapping

__all__ = ["HistoryFilters", "read_oracle_history"]

V_SQL = """
SELECT sql_id, sql_fulltext, executions, parsing_schema_name, last_active_time
  FROM v$sql
 WHERE command_type = 3
   AND executions >= :min_executions
   AND parsing_schema_name NOT IN ('SYS', 'SYSTEM', 'DBSNMP', 'XDB', 'MDSYS', 'CTXSYS', 'ORDSYS', 'AUDSYS')
   {schema_filter}{since_filter}
 ORDER BY executions DESC
 FETCH FIRST :max_rows ROWS ONLY"""

# AWR keeps statements that aged out of the shared pool; it needs the Diagnostics Pack licence.
DBA_HIST = """
SELECT t.sql_id, t.sql_text, SUM(s.executions_delta) AS executions, MAX(s.parsing_schema_name)
  FROM dba_hist_sqltext t
  JOIN dba_hist_sqlstat s ON s.sql_id = t.sql_id AND s.dbid = t.dbid
 WHERE t.command_type = 3
   {schema_filter}
 GROUP BY t.sql_id, t.sql_text
HAVING SUM(s.executions_delta) >= :min_executions
 ORDER BY executions DESC
 FETCH FIRST :max_rows ROWS ONLY"""


@dataclass
class HistoryFilters:
    parsing_schemas: list[str] | None = None
    min_executions: int = 2
    since: datetime | None = None
    include_awr: bool = False
    max_rows: int = 10000


def _read_lob(value: Any) -> str:
    return value.read() if hasattr(value, "read") else str(value or "")


def _schema_binds(filters: HistoryFilters) -> tuple[str, dict[str, Any]]:
    if not filters.parsing_schemas:
        return "", {}
    names = {f"schema_{i}": s.upper() for i, s in enumerate(filters.parsing_schemas)}
    placeholders = ", ".join(f":{n}" for n in names)
    return f"AND parsing_schema_name IN ({placeholders})", names


def _run(cursor: Any, sql: str, binds: dict[str, Any]) -> list[tuple]:
    cursor.execute(sql, binds)
    return list(cursor.fetchall())


def read_oracle_history(
    connect: Callable[[], Any], filters: HistoryFilters, datasource: str
) -> Iterator[IngestItem | SkippedRow]:
    schema_filter, schema_binds = _schema_binds(filters)
    binds = {"min_executions": filters.min_executions, "max_rows": filters.max_rows, **schema_binds}
    since_filter = ""
    if filters.since is not None:
        since_filter = "\n   AND last_active_time >= :since"
        binds["since"] = filters.since
    try:
        conn = connect()
    except Exception as err:
        raise DatabaseError(f"Cannot connect to Oracle to read SQL history: {err}. Check TEXT2SQL_ORACLE__SCHEMA__*.",
                            code="SCHEMA_DB_UNREACHABLE") from err
    try:
        cursor = conn.cursor()
        rows = _run(cursor, V_SQL.format(schema_filter=schema_filter, since_filter=since_filter), binds)
        if filters.include_awr:
            awr_binds = {k: v for k, v in binds.items() if k != "since"}
            awr_filter = schema_filter.replace("parsing_schema_name", "s.parsing_schema_name")
            rows += _run(cursor, DBA_HIST.format(schema_filter=awr_filter), awr_binds)
    except Exception as err:
        raise DatabaseError(
            f"Reading V$SQL failed: {err}. The schema account needs SELECT on V_$SQL (and on DBA_HIST_SQLTEXT/"
            "DBA_HIST_SQLSTAT with --awr, which needs the Diagnostics Pack licence).", code="HISTORY_READ_FAILED",
        ) from err
    finally:
        conn.close()
    seen: set[str] = set()
    for sql_id, text, executions, schema, *_ in rows:
        if sql_id in seen:
            continue  # V$SQL has one row per child cursor; AWR repeats what V$SQL has
        seen.add(sql_id)
        row = {"sql_text": _read_lob(text), "exec_count": int(executions or 0), "original_sql_id": sql_id,
               "domain_tags": [str(schema).lower()] if schema else []}
        yield template_from_mapping(row, f"v$sql:{sql_id}", {"datasource": datasource, "dialect": "oracle"})
