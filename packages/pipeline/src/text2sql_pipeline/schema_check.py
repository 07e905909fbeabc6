"""Index-time warnings for templates that name a table or column the loaded schema does not have.

Cheap on purpose: it compares the names the processor already extracted (`template.tables`, `.columns`) with
the schema, with no new parsing. A template is still indexed (the schema may be partial, or the table may be a
view the schema account cannot see); the warning tells the user before a question finds a query that fails.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from text2sql_core.models import SQLTemplateInDB, TableSchema

__all__ = ["unknown_names"]

# Names that look like columns to the extractor but are functions or pseudo-columns of the dialects.
_PSEUDO_COLUMNS = frozenset({"rownum", "rowid", "level", "sysdate", "systimestamp", "current_date",
                             "current_timestamp", "user", "uid", "dual"})


def _aliased(sql: str, name: str) -> bool:
    """An output alias (`COUNT(*) AS n … ORDER BY n`) is read as a column of the table; it is not one."""
    return re.search(rf"\bAS\s+[\"`]?{re.escape(name)}[\"`]?(?![\w$#])", sql, re.IGNORECASE) is not None


def _unknown(template: SQLTemplateInDB, tables: dict[str, set[str]], all_columns: set[str]) -> list[str]:
    missing = [f"table {t}" for t in template.tables if t.lower() not in tables]
    for column in template.columns:
        owner, _, name = column.rpartition(".")
        lowered = name.lower()
        if lowered in _PSEUDO_COLUMNS or _aliased(template.sql_text, name):
            continue
        known = tables.get(owner.lower()) if owner else all_columns
        if known is not None and lowered not in known:
            missing.append(f"column {column}")
    return missing


def unknown_names(templates: Iterable[SQLTemplateInDB], schemas: dict[str, list[TableSchema]]) -> list[str]:
    """One line per template naming what its datasource's schema lacks (datasources without a schema: none)."""
    by_datasource: dict[str, tuple[dict[str, set[str]], set[str]]] = {}
    for datasource, schema in schemas.items():
        if schema:
            tables = {t.name.lower(): {c.name.lower() for c in t.columns} for t in schema}
            by_datasource[datasource] = tables, set().union(*tables.values())
    warnings: list[str] = []
    for template in templates:
        if template.datasource not in by_datasource:
            continue  # no schema loaded for this datasource: nothing to compare with
        if missing := _unknown(template, *by_datasource[template.datasource]):
            origin = " ".join((template.description or template.sql_text).split())
            warnings.append(f"{template.datasource} has no {', '.join(missing)} — template {template.id} "
                            f"({origin[:60]})")
    return warnings
