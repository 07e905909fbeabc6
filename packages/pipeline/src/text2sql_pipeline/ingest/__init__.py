"""Ingestors: template files and Oracle SQL history."""

from text2sql_pipeline.ingest.files import SUPPORTED_SUFFIXES, expand_paths, read_template_file
from text2sql_pipeline.ingest.oracle_history import HistoryFilters, read_oracle_history
from text2sql_pipeline.ingest.records import IngestItem, SkippedRow, template_from_mapping

__all__ = [
    "SUPPORTED_SUFFIXES",
    "HistoryFilters",
    "IngestItem",
    "SkippedRow",
    "expand_paths",
    "read_oracle_history",
    "read_template_file",
    "template_from_mapping",
]
