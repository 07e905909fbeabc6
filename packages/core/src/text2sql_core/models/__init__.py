"""Data models: SQL templates, database schemas and errors as callers see them."""

from text2sql_core.models.errors import INTERNAL_MESSAGE, ErrorInfo
from text2sql_core.models.schema import ColumnSchema, ForeignKey, TableHit, TableSchema
from text2sql_core.models.templates import (
    BaseSQLTemplate,
    SQLTemplateCreate,
    SQLTemplateInDB,
    SQLTemplateSearch,
    TemplateParam,
    TemplatePeriod,
)
from text2sql_core.models.values import ColumnValues, MatchMethod, ValueEntry, ValueMatch

__all__ = [
    "INTERNAL_MESSAGE",
    "BaseSQLTemplate",
    "ColumnSchema",
    "ColumnValues",
    "ErrorInfo",
    "ForeignKey",
    "MatchMethod",
    "SQLTemplateCreate",
    "SQLTemplateInDB",
    "SQLTemplateSearch",
    "TableHit",
    "TableSchema",
    "TemplateParam",
    "TemplatePeriod",
    "ValueEntry",
    "ValueMatch",
]
