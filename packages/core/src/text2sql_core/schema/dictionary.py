"""A data dictionary file (YAML) merged over what the database says: descriptions and synonyms, Korean welcome.

    tables:
      employees:
        description: 직원 정보
        synonyms: [사원, 직원]
        columns:
          salary: {description: 월 급여(원), synonyms: [급여, 연봉]}
          hire_date: 입사일
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from text2sql_core.errors import SchemaError
from text2sql_core.models.schema import TableSchema

__all__ = ["apply_dictionary", "load_dictionary"]


def load_dictionary(path: str | Path) -> dict[str, Any]:
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError as err:
        raise SchemaError(f"Data dictionary {path} does not exist. Fix TEXT2SQL_DICTIONARY_PATH.",
                          code="DICTIONARY_NOT_FOUND") from err
    except yaml.YAMLError as err:
        raise SchemaError(f"Data dictionary {path} is not valid YAML: {err}", code="DICTIONARY_INVALID") from err
    if not isinstance(data, dict) or not isinstance(data.get("tables", {}), dict):
        raise SchemaError(f"Data dictionary {path} must have a `tables:` mapping.", code="DICTIONARY_INVALID")
    return data


def _entry(value: Any) -> dict[str, Any]:
    if isinstance(value, str):
        return {"description": value}
    return value if isinstance(value, dict) else {}


def apply_dictionary(tables: list[TableSchema], dictionary: dict[str, Any]) -> list[TableSchema]:
    """New `TableSchema`s with the dictionary's descriptions and synonyms; names match case-insensitively."""
    entries = {name.lower(): _entry(value) for name, value in (dictionary.get("tables") or {}).items()}
    merged = []
    for table in tables:
        entry = entries.get(table.name.lower())
        if not entry:
            merged.append(table)
            continue
        table = table.model_copy(deep=True)
        table.description = entry.get("description") or table.description
        table.synonyms = list(entry.get("synonyms") or table.synonyms)
        columns = {name.lower(): _entry(value) for name, value in (entry.get("columns") or {}).items()}
        for column in table.columns:
            col_entry = columns.get(column.name.lower(), {})
            column.description = col_entry.get("description") or column.description
            column.synonyms = list(col_entry.get("synonyms") or column.synonyms)
        merged.append(table)
    return merged
