"""The processing steps in order: validate → parameterize → hash → extract → describe → merge duplicates."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from langchain_core.language_models import BaseChatModel

from text2sql_core.errors import SQLValidationError
from text2sql_core.models import SQLTemplateCreate, SQLTemplateInDB, TableSchema
from text2sql_core.validation import parse_read_only
from text2sql_pipeline.ingest import IngestItem, SkippedRow
from text2sql_pipeline.process.dedupe import merge_into
from text2sql_pipeline.process.describe import describe_deterministic, describe_with_llm
from text2sql_pipeline.process.extract import extract_tables_and_columns
from text2sql_pipeline.process.fingerprint import template_hash, template_id
from text2sql_pipeline.process.normalize import parameterize

__all__ = ["ProcessResult", "TemplateProcessor"]

log = logging.getLogger(__name__)


@dataclass
class ProcessResult:
    templates: list[SQLTemplateInDB] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)
    read: int = 0
    duplicates: int = 0


def _column_types(schema: dict[str, TableSchema]) -> dict[str, str]:
    """"table.column" and "column" → the column's type, so a date kept as CHAR(8) or NUMBER(8) is known."""
    types: dict[str, str] = {}
    for table in schema.values():
        for column in table.columns:
            if column.data_type:
                types[f"{table.name}.{column.name}".lower()] = column.data_type
                types.setdefault(column.name.lower(), column.data_type)
    return types


class TemplateProcessor:
    def __init__(self, schemas: dict[str, list[TableSchema]] | None = None, llm: BaseChatModel | None = None):
        """`schemas` maps a datasource to its tables (for descriptions); `llm` writes missing descriptions."""
        self._schemas = {ds: {t.name.lower(): t for t in tables} for ds, tables in (schemas or {}).items()}
        self._llm = llm

    def process(self, rows: Iterable[IngestItem | SkippedRow]) -> ProcessResult:
        result = ProcessResult()
        by_key: dict[tuple[str, str], SQLTemplateInDB] = {}
        for row in rows:
            if isinstance(row, SkippedRow):
                result.read += 1
                result.skipped.append(row)
                continue
            result.read += 1
            try:
                template = self.process_one(row.template)
            except SQLValidationError as err:
                result.skipped.append(SkippedRow(row.source, err.message))
                continue
            key = (template.datasource, template.template_hash)
            if key in by_key:
                merge_into(by_key[key], template)
                result.duplicates += 1
            else:
                by_key[key] = template
        result.templates = list(by_key.values())
        return result

    def process_one(self, raw: SQLTemplateCreate) -> SQLTemplateInDB:
        tree = parse_read_only(raw.sql_text, raw.dialect)  # raises SQLValidationError with the reason
        question = raw.questions[0] if raw.questions else raw.description
        schema = self._schemas.get(raw.datasource, {})
        normalized = parameterize(tree, raw.dialect, question, raw.description, _column_types(schema))
        hash_ = template_hash(normalized.tree, raw.dialect, normalized.rules)
        tables, columns = extract_tables_and_columns(normalized.tree)
        description = raw.description or self._describe(normalized.sql_text, tables, columns, normalized.params,
                                                         schema)
        questions = [q for q in raw.questions if q != description]
        return SQLTemplateInDB(
            id=raw.id or template_id(raw.datasource, hash_),
            original_sql_id=raw.original_sql_id,
            sql_text=normalized.sql_text,
            normalized_text=normalized.normalized_text,
            template_hash=hash_,
            example_question=question,
            description=description,
            questions=questions,
            datasource=raw.datasource,
            dialect=raw.dialect,
            tables=tables,
            columns=columns,
            exec_count=raw.exec_count,
            domain_tags=raw.domain_tags,
            params=normalized.params,
            periods=normalized.periods,
            rules=normalized.rules,
        )

    def _describe(self, sql: str, tables: list[str], columns: list[str], params: list, schema: dict) -> str:
        if self._llm is not None:
            schema_text = "\n\n".join(schema[t.lower()].to_document() for t in tables if t.lower() in schema)
            try:
                return describe_with_llm(self._llm, sql, schema_text)
            except Exception as err:  # a description is not worth losing the template over
                log.warning("LLM description failed (%s); using the schema-based one", err)
        return describe_deterministic(tables, columns, params, schema)
