"""The demo in Oracle: schema, Korean comments and rows for the compose stack's init script, and the demo templates
transpiled from SQLite with sqlglot, each checked by the guard. Dates stay ISO text, as in the SQLite demo, so the
templates' comparisons mean the same on both."""

from __future__ import annotations

import random
from datetime import date
from typing import Any

import sqlglot
import yaml

from text2sql_agent.demo.database import SCHEMA, _rows
from text2sql_agent.demo.runner import DEMO_DICTIONARY, DEMO_TEMPLATES
from text2sql_core.errors import SQLValidationError
from text2sql_core.validation.guard import parse_read_only

__all__ = ["oracle_demo_sql", "oracle_templates"]


def _literal(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, int | float):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


def _comment(text: Any) -> str:
    description = text.get("description", "") if isinstance(text, dict) else str(text)
    return description.replace("'", "''")


def _comments() -> list[str]:
    tables = yaml.safe_load(DEMO_DICTIONARY.read_text(encoding="utf-8"))["tables"]
    lines = []
    for table, spec in tables.items():
        lines.append(f"COMMENT ON TABLE {table} IS '{_comment(spec)}';")
        lines += [f"COMMENT ON COLUMN {table}.{column} IS '{_comment(text)}';"
                  for column, text in (spec.get("columns") or {}).items()]
    return lines


def oracle_demo_sql(today: date, seed: int = 2024) -> str:
    """DDL, comments and rows, one statement per line (SQL*Plus runs it as an init script)."""
    # TEXT would become CLOB, which Oracle cannot compare with = or group by: short text is VARCHAR2.
    schema = SCHEMA.replace(" TEXT", " VARCHAR(200)")
    ddl = [s + ";" for s in sqlglot.transpile(schema, read="sqlite", write="oracle")]
    inserts = [f"INSERT INTO {table} VALUES ({', '.join(_literal(v) for v in row)});"
               for table, data in _rows(today, random.Random(seed)).items() for row in data]
    return "\n".join([*ddl, *_comments(), *inserts, "COMMIT;"]) + "\n"


def oracle_templates() -> tuple[list[dict[str, Any]], list[str]]:
    """(templates in Oracle SQL, reasons for those left out)."""
    source = yaml.safe_load(DEMO_TEMPLATES.read_text(encoding="utf-8"))["templates"]
    kept, dropped = [], []
    for template in source:
        try:
            sql = sqlglot.transpile(template["sql_text"], read="sqlite", write="oracle")[0]
            parse_read_only(sql, "oracle")
        except (sqlglot.errors.SqlglotError, SQLValidationError) as err:
            dropped.append(f"{template['description']}: {err}")
            continue
        kept.append({**template, "sql_text": sql, "dialect": "oracle"})
    return kept, dropped
