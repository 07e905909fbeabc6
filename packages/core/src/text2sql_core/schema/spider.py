"""Spider's `tables.json` as `TableSchema`s, and as empty SQLite databases (Spider ships no rows here)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from text2sql_core.models.schema import ColumnSchema, ForeignKey, TableSchema

__all__ = ["create_sqlite_database", "load_spider_schemas", "spider_db_to_tables"]

_TYPES = {"number": "NUMERIC", "text": "TEXT", "time": "TEXT", "boolean": "INTEGER", "others": "TEXT"}


def spider_db_to_tables(db: dict[str, Any]) -> list[TableSchema]:
    names = db["table_names_original"]
    columns: list[list[ColumnSchema]] = [[] for _ in names]
    index: dict[int, tuple[int, str]] = {}
    flat_pks = {c for pk in db.get("primary_keys", []) for c in (pk if isinstance(pk, list) else [pk])}
    readable = db.get("column_names", [])
    for i, ((table_idx, col_name), col_type) in enumerate(
        zip(db["column_names_original"], db["column_types"], strict=False)
    ):
        if table_idx < 0:
            continue
        description = readable[i][1] if i < len(readable) else ""
        columns[table_idx].append(
            ColumnSchema(name=col_name, data_type=_TYPES.get(col_type, "TEXT"), description=description,
                         is_primary_key=i in flat_pks)
        )
        index[i] = (table_idx, col_name)
    fks: list[list[ForeignKey]] = [[] for _ in names]
    for src, dst in db.get("foreign_keys", []):
        (src_t, src_c), (dst_t, dst_c) = index[src], index[dst]
        fks[src_t].append(ForeignKey(columns=[src_c], referred_table=names[dst_t], referred_columns=[dst_c]))
    readable_tables = db.get("table_names", names)
    return [
        TableSchema(name=name, description=readable_tables[t] if t < len(readable_tables) else "",
                    columns=columns[t], primary_key=[c.name for c in columns[t] if c.is_primary_key],
                    foreign_keys=fks[t])
        for t, name in enumerate(names)
    ]


def load_spider_schemas(path: str | Path) -> dict[str, list[TableSchema]]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return {db["db_id"]: spider_db_to_tables(db) for db in data}


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def create_sqlite_database(tables: list[TableSchema], path: str | Path) -> Path:
    """An empty SQLite database with these tables (no foreign-key enforcement: Spider's keys are loose)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    with sqlite3.connect(path) as conn:
        for table in tables:
            if table.name.lower().startswith("sqlite_"):
                continue  # SQLite's own bookkeeping tables (Spider lists sqlite_sequence) cannot be created
            cols = ", ".join(f"{_quote(c.name)} {c.data_type}" for c in table.columns)
            conn.execute(f"CREATE TABLE {_quote(table.name)} ({cols})")
    return path
