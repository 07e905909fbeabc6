"""What an ingestor yields: a template to process, or a bad row with where it was and why it was skipped."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from text2sql_core.models import SQLTemplateCreate

__all__ = ["IngestItem", "SkippedRow", "template_from_mapping"]


@dataclass
class SkippedRow:
    source: str  # file:line, or the history row's sql_id
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass
class IngestItem:
    template: SQLTemplateCreate
    source: str


def _first_error(err: ValidationError) -> str:
    first = err.errors()[0]
    where = ".".join(str(p) for p in first.get("loc", ())) or "row"
    return f"{where}: {first.get('msg', 'invalid')}"


def template_from_mapping(
    data: Any, source: str, defaults: dict[str, Any]
) -> IngestItem | SkippedRow:
    """A mapping (a JSON line, a YAML entry, a CSV row) as a template; any problem becomes a `SkippedRow`."""
    if not isinstance(data, dict):
        return SkippedRow(source, f"expected an object with sql_text, got {type(data).__name__}")
    for key in ("sql_text", "sql", "query"):
        if key in data and not str(data[key] or "").strip():
            return SkippedRow(source, f"{key} is empty")
    row = {k: v for k, v in data.items() if v not in (None, "")}
    if "sql_text" not in row:
        for alias in ("sql", "query"):
            if alias in row:
                row["sql_text"] = row.pop(alias)
                break
    if "questions" not in row and "question" in row:
        row["questions"] = [row.pop("question")]
    merged = {**defaults, **row}  # a row's own datasource or dialect wins over the run's defaults
    try:
        return IngestItem(SQLTemplateCreate.model_validate(merged), source)
    except ValidationError as err:
        return SkippedRow(source, _first_error(err))
