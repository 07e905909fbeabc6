"""text2sql core: models, settings, errors, the SQL guard, schema loading and read-only execution."""

from text2sql_core.errors import (
    ConfigurationError,
    DatabaseError,
    ErrorCode,
    LLMError,
    LLMNotConfiguredError,
    SchemaError,
    SQLValidationError,
    Text2SQLError,
    VectorStoreError,
)
from text2sql_core.logconfig import configure_logging
from text2sql_core.models import (
    BaseSQLTemplate,
    ColumnSchema,
    ErrorInfo,
    ForeignKey,
    SQLTemplateCreate,
    SQLTemplateInDB,
    SQLTemplateSearch,
    TableSchema,
    TemplateParam,
)
from text2sql_core.settings import UnifiedSettings, get_settings

__all__ = [
    "BaseSQLTemplate",
    "ColumnSchema",
    "ConfigurationError",
    "DatabaseError",
    "ErrorCode",
    "ErrorInfo",
    "ForeignKey",
    "LLMError",
    "LLMNotConfiguredError",
    "SQLTemplateCreate",
    "SQLTemplateInDB",
    "SQLTemplateSearch",
    "SQLValidationError",
    "SchemaError",
    "TableSchema",
    "TemplateParam",
    "Text2SQLError",
    "UnifiedSettings",
    "VectorStoreError",
    "configure_logging",
    "get_settings",
]
