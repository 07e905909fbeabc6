"""`.sql` files: statements separated by `;` (sqlparse splits, so `;` inside strings is safe), each optionally
preceded by a `-- description: …` line (`-- 설명: …` also works)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlparse

from text2sql_pipeline.ingest.records import IngestItem, SkippedRow, template_from_mapping

__all__ = ["read_sql_file"]

_DESCRIPTION = re.compile(r"^\s*--\s*(?:description|설명|desc)\s*:\s*(.+?)\s*$", re.IGNORECASE | re.MULTILINE)
_TAGS = re.compile(r"^\s*--\s*(?:tags|태그)\s*:\s*(.+?)\s*$", re.IGNORECASE | re.MULTILINE)


def _strip_comments(statement: str) -> str:
    return sqlparse.format(statement, strip_comments=True).strip().rstrip(";").strip()


def read_sql_file(path: Path, defaults: dict[str, Any]) -> Iterator[IngestItem | SkippedRow]:
    text = path.read_text(encoding="utf-8")
    offset = 0
    for index, statement in enumerate(sqlparse.split(text), start=1):
        line = text.count("\n", 0, text.find(statement, offset)) + 1 if statement else 0
        offset = max(offset, text.find(statement, offset) + len(statement))
        body = _strip_comments(statement)
        if not body:
            continue
        row: dict[str, Any] = {"sql_text": body}
        if match := _DESCRIPTION.search(statement):
            row["description"] = match.group(1)
        if match := _TAGS.search(statement):
            row["domain_tags"] = match.group(1)
        yield template_from_mapping(row, f"{path}:{line} (statement {index})", defaults)
