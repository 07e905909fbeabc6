"""Processing: validate, parameterize, hash, extract, describe, merge duplicates."""

from text2sql_pipeline.process.normalize import NormalizedSQL, parameterize
from text2sql_pipeline.process.processor import ProcessResult, TemplateProcessor

__all__ = ["NormalizedSQL", "ProcessResult", "TemplateProcessor", "parameterize"]
