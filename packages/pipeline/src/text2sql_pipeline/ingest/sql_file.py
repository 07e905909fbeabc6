"""`.sql` files: statements separated by `;`, each optionally preceded by a `-- description: …` line
(`-- 설명: …` also works) and a `-- tags: …` line. A broken statement (unclosed parenthesis, quote or comment) is
reported with its line, and the statements after it are still read (`sql_split`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from text2sql_pipeline.ingest.encoding import UndecodableFile, read_text
from text2sql_pipeline.ingest.records import IngestItem, SkippedRow, template_from_mapping
from text2sql_pipeline.ingest.sql_split import split_statements

__all__ = ["read_sql_file", "read_sql_text"]

_DESCRIPTION = re.compile(r"^\s*--\s*(?:description|설명|desc)\s*:\s*(.+?)\s*$", re.IGNORECASE | re.MULTILINE)
_TAGS = re.compile(r"^\s*--\s*(?:tags|태그)\s*:\s*(.+?)\s*$", re.IGNORECASE | re.MULTILINE)


def read_sql_text(path: Path, text: str, defaults: dict[str, Any]) -> Iterator[IngestItem | SkippedRow]:
    for index, chunk in enumerate(split_statements(text), start=1):
        source = f"{path}:{chunk.line} (statement {index})"
        if chunk.problem:
            yield SkippedRow(source, f"broken statement: {chunk.problem}; the statements after it are still read")
            continue
        row: dict[str, Any] = {"sql_text": chunk.body}
        if match := _DESCRIPTION.search(chunk.raw):
            row["description"] = match.group(1)
        if match := _TAGS.search(chunk.raw):
            row["domain_tags"] = match.group(1)
        yield template_from_mapping(row, source, defaults)


def read_sql_file(path: Path, defaults: dict[str, Any]) -> Iterator[IngestItem | SkippedRow]:
    try:
        text = read_text(path).text
    except UndecodableFile as err:
        yield SkippedRow(str(path), str(err))
        return
    yield from read_sql_text(path, text, defaults)
