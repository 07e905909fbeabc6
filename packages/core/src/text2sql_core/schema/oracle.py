"""Oracle's data dictionary on the *schema* connection: three set-based queries for the whole schema."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any

from text2sql_core.errors import SchemaError
from text2sql_core.models.schema import ColumnSchema, ForeignKey, TableSchema
from text2sql_core.schema.base import related_tables

__all__ = ["OracleSchemaLoader"]

TABLES_SQL = """
SELECT table_name, table_type, comments
  FROM all_tab_comments
 WHERE owner = :owner AND table_type IN ('TABLE', 'VIEW') AND table_name NOT LIKE 'BIN$%'{table_filter}
 ORDER BY table_name"""

COLUMNS_SQL = """
SELECT c.table_name, c.column_name, c.data_type, c.data_length, c.data_precision, c.data_scale,
       c.nullable, cc.comments
  FROM all_tab_columns c
  LEFT JOIN all_col_comments cc
    ON cc.owner = c.owner AND cc.table_name = c.table_name AND cc.column_name = c.column_name
 WHERE c.owner = :owner{table_filter}
 ORDER BY c.table_name, c.column_id"""

KEYS_SQL = """
SELECT c.table_name, c.constraint_name, c.constraint_type, cc.column_name, cc.position,
       r.owner AS r_owner, r.table_name AS r_table_name, rc.column_name AS r_column_name
  FROM all_constraints c
  JOIN all_cons_columns cc
    ON cc.owner = c.owner AND cc.constraint_name = c.constraint_name AND cc.table_name = c.table_name
  LEFT JOIN all_constraints r
    ON r.owner = c.r_owner AND r.constraint_name = c.r_constraint_name
  LEFT JOIN all_cons_columns rc
    ON rc.owner = r.owner AND rc.constraint_name = r.constraint_name AND rc.position = cc.position
 WHERE c.owner = :owner AND c.constraint_type IN ('P', 'R'){table_filter}
 ORDER BY c.table_name, c.constraint_name, cc.position"""


def _type_name(data_type: str, length: Any, precision: Any, scale: Any) -> str:
    if data_type in {"VARCHAR2", "NVARCHAR2", "CHAR", "NCHAR", "RAW"} and length:
        return f"{data_type}({length})"
    if data_type == "NUMBER" and precision is not None:
        return f"NUMBER({precision},{scale or 0})" if scale else f"NUMBER({precision})"
    return data_type


class OracleSchemaLoader:
    """`connect` returns a DB-API connection on the schema account (e.g. `oracledb.connect`)."""

    def __init__(self, connect: Callable[[], Any], owner: str):
        self._connect = connect
        self.owner = owner.upper()

    def _query(self, cursor: Any, sql: str, binds: dict[str, Any]) -> list[tuple]:
        cursor.execute(sql, binds)
        return list(cursor.fetchall())

    def _fetch(self, table: str | None) -> list[TableSchema]:
        binds: dict[str, Any] = {"owner": self.owner}
        filters = {"t": "", "c": "", "k": ""}
        if table is not None:
            binds["table_name"] = table.upper()
            filters = {"t": " AND table_name = :table_name", "c": " AND c.table_name = :table_name",
                       "k": " AND c.table_name = :table_name"}
        try:
            conn = self._connect()
        except Exception as err:
            raise SchemaError(
                f"Cannot connect to the Oracle schema database: {err}. Check TEXT2SQL_ORACLE__SCHEMA__* "
                "(DSN or HOST/PORT/SERVICE_NAME, USERNAME, PASSWORD) and that the listener is reachable.",
                code="SCHEMA_DB_UNREACHABLE",
            ) from err
        try:
            cursor = conn.cursor()
            tables = self._query(cursor, TABLES_SQL.format(table_filter=filters["t"]), binds)
            columns = self._query(cursor, COLUMNS_SQL.format(table_filter=filters["c"]), binds)
            keys = self._query(cursor, KEYS_SQL.format(table_filter=filters["k"]), binds)
        except Exception as err:
            raise SchemaError(
                f"Reading Oracle's dictionary views failed: {err}. The schema account needs SELECT on the "
                f"tables of {self.owner} (ALL_* views only show what it may see).", code="SCHEMA_READ_FAILED",
            ) from err
        finally:
            conn.close()
        return _assemble(tables, columns, keys)

    def load_tables(self) -> list[TableSchema]:
        return self._fetch(None)

    def load_table(self, name: str) -> TableSchema | None:
        found = self._fetch(name)
        return found[0] if found else None

    def get_related_tables(self, name: str) -> list[TableSchema]:
        return related_tables(self.load_tables(), name)


def _assemble(tables: list[tuple], columns: list[tuple], keys: list[tuple]) -> list[TableSchema]:
    by_table: dict[str, TableSchema] = {
        name: TableSchema(name=name, description=comment or "") for name, _kind, comment in tables
    }
    for name, col, dtype, length, precision, scale, nullable, comment in columns:
        if name in by_table:
            by_table[name].columns.append(ColumnSchema(
                name=col, data_type=_type_name(dtype, length, precision, scale),
                nullable=nullable != "N", description=comment or ""))
    fk_parts: dict[tuple[str, str], list[tuple]] = defaultdict(list)
    for name, constraint, kind, col, _pos, _r_owner, r_table, r_col in keys:
        if name not in by_table:
            continue
        if kind == "P":
            by_table[name].primary_key.append(col)
            column = by_table[name].column(col)
            if column is not None:
                column.is_primary_key = True
        else:
            fk_parts[(name, constraint)].append((col, r_table, r_col, _r_owner))
    for (name, _constraint), parts in fk_parts.items():
        by_table[name].foreign_keys.append(ForeignKey(
            columns=[p[0] for p in parts], referred_table=parts[0][1],
            referred_columns=[p[2] for p in parts], referred_schema=parts[0][3]))
    return list(by_table.values())
