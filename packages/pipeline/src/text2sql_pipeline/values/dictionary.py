"""Value synonyms from the data dictionary: how people write a value the database stores as a code.

    tables:
      customers:
        columns:
          grade:
            description: 고객 등급
            values: {GOLD: [골드, 골드 등급], SILVER: [실버]}   # database value → synonyms
          status:
            values: [활성, 휴면]                               # known values, no synonyms

Table and column names match case-insensitively, as in `text2sql_core.schema.dictionary`."""

from __future__ import annotations

from typing import Any

__all__ = ["dictionary_values"]


def _synonyms(raw: Any) -> dict[str, list[str]]:
    if isinstance(raw, dict):
        found = {}
        for value, synonyms in raw.items():
            if isinstance(synonyms, (str, int, float)):
                synonyms = [synonyms]
            found[str(value)] = [str(s) for s in synonyms or [] if str(s).strip()]
        return found
    if isinstance(raw, list):
        return {str(value): [] for value in raw if str(value).strip()}
    return {}


def dictionary_values(dictionary: dict[str, Any] | None) -> dict[tuple[str, str], dict[str, list[str]]]:
    """(table, column), lower-cased → {database value: [synonyms]} for every column with a `values:` entry."""
    found: dict[tuple[str, str], dict[str, list[str]]] = {}
    for table, entry in ((dictionary or {}).get("tables") or {}).items():
        columns = entry.get("columns") if isinstance(entry, dict) else None
        for column, column_entry in (columns or {}).items():
            if isinstance(column_entry, dict) and column_entry.get("values"):
                values = _synonyms(column_entry["values"])
                if values:
                    found[(str(table).lower(), str(column).lower())] = values
    return found
