"""Template files: `.jsonl`, `.json`, `.yaml`/`.yml`, `.csv`, `.sql`. Bad rows are reported and skipped; a file
that cannot be decoded is one skipped row naming it, and the other files are still read."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import yaml

from text2sql_pipeline.ingest.encoding import UndecodableFile, read_text
from text2sql_pipeline.ingest.records import IngestItem, SkippedRow, template_from_mapping
from text2sql_pipeline.ingest.sql_file import read_sql_text

__all__ = ["SUPPORTED_SUFFIXES", "expand_paths", "read_template_file"]

SUPPORTED_SUFFIXES = (".jsonl", ".json", ".yaml", ".yml", ".csv", ".sql")

Row = IngestItem | SkippedRow


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files as given, and the supported files inside folders (sorted, so runs are repeatable)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix.lower() in SUPPORTED_SUFFIXES)
        else:
            yield path


def _read_jsonl(path: Path, text: str, defaults: dict[str, Any]) -> Iterator[Row]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        source = f"{path}:{number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as err:
            yield SkippedRow(source, f"not valid JSON ({err.msg})")
            continue
        yield template_from_mapping(data, source, defaults)


def _entries(data: Any) -> list[Any]:
    if isinstance(data, dict) and "templates" in data:
        data = data["templates"]
    return data if isinstance(data, list) else [data]


def _read_document(path: Path, text: str, defaults: dict[str, Any]) -> Iterator[Row]:
    try:
        data = json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
    except (json.JSONDecodeError, yaml.YAMLError) as err:
        yield SkippedRow(str(path), f"the file cannot be parsed: {err}")
        return
    for index, entry in enumerate(_entries(data or []), start=1):
        yield template_from_mapping(entry, f"{path}#{index}", defaults)


def _read_csv(path: Path, text: str, defaults: dict[str, Any]) -> Iterator[Row]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    for number, row in enumerate(reader, start=2):  # line 1 is the header
        if None in row:
            yield SkippedRow(f"{path}:{number}", "more cells than header columns")
            continue
        yield template_from_mapping(dict(row), f"{path}:{number}", defaults)


def read_template_file(path: Path, defaults: dict[str, Any] | None = None) -> Iterator[Row]:
    defaults = defaults or {}
    suffix = path.suffix.lower()
    if not path.exists():
        yield SkippedRow(str(path), "file not found")
        return
    if suffix not in SUPPORTED_SUFFIXES:
        yield SkippedRow(str(path), f"unsupported file type {suffix!r}; use one of {', '.join(SUPPORTED_SUFFIXES)}")
        return
    try:
        text = read_text(path).text
    except UndecodableFile as err:
        yield SkippedRow(str(path), str(err))
        return
    except OSError as err:  # a folder named like a file, no permission, a vanished file
        yield SkippedRow(str(path), f"cannot read the file: {err.strerror or err}")
        return
    if suffix == ".jsonl":
        yield from _read_jsonl(path, text, defaults)
    elif suffix in {".json", ".yaml", ".yml"}:
        yield from _read_document(path, text, defaults)
    elif suffix == ".csv":
        yield from _read_csv(path, text, defaults)
    else:
        yield from read_sql_text(path, text, defaults)
