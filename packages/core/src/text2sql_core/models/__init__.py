"""Data models: SQL templates and database schemas."""

from text2sql_core.models.schema import ColumnSchema, ForeignKey, TableSchema
from text2sql_core.models.templates import (
    BaseSQLTemplate,
    SQLTemplateCreate,
    SQLTemplateInDB,
    SQLTemplateSearch,
    TemplateParam,
)

__all__ = [
    "BaseSQLTemplate",
    "ColumnSchema",
    "ForeignKey",
    "SQLTemplateCreate",
    "SQLTemplateInDB",
    "SQLTemplateSearch",
    "TableSchema",
    "TemplateParam",
]
