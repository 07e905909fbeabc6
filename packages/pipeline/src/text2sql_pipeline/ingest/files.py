"""Template files: `.jsonl`, `.json`, `.yaml`/`.yml`, `.csv`, `.sql`. Bad rows are reported and skipped."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import yaml

from text2sql_pipeline.ingest.records import IngestItem, SkippedRow, template_from_mapping
from text2sql_pipeline.ingest.sql_file import read_sql_file

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


def _read_jsonl(path: Path, defaults: dict[str, Any]) -> Iterator[Row]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
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


def _read_document(path: Path, defaults: dict[str, Any]) -> Iterator[Row]:
    text = path.read_text(encoding="utf-8")
    try:
        data = json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
    except (json.JSONDecodeError, yaml.YAMLError) as err:
        yield SkippedRow(str(path), f"the file cannot be parsed: {err}")
        return
    for index, entry in enumerate(_entries(data or []), start=1):
        yield template_from_mapping(entry, f"{path}#{index}", defaults)


def _read_csv(path: Path, defaults: dict[str, Any]) -> Iterator[Row]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
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
    elif suffix == ".jsonl":
        yield from _read_jsonl(path, defaults)
    elif suffix in {".json", ".yaml", ".yml"}:
        yield from _read_document(path, defaults)
    elif suffix == ".csv":
        yield from _read_csv(path, defaults)
    elif suffix == ".sql":
        yield from read_sql_file(path, defaults)
    else:
        yield SkippedRow(str(path), f"unsupported file type {suffix!r}; use one of {', '.join(SUPPORTED_SUFFIXES)}")
