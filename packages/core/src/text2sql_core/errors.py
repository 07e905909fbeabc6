"""The one errors module: every error a user can meet says what failed and what to do about it."""

from __future__ import annotations

from typing import Any

__all__ = [
    "ConfigurationError",
    "DatabaseError",
    "LLMError",
    "LLMNotConfiguredError",
    "SQLValidationError",
    "SchemaError",
    "Text2SQLError",
    "VectorStoreError",
]


class Text2SQLError(Exception):
    """Base error. `code` is stable and machine-readable; `context` carries safe details (never secrets)."""

    default_code = "TEXT2SQL_ERROR"

    def __init__(self, message: str, code: str | None = None, context: dict[str, Any] | None = None):
        super().__init__(message)
        self.message = message
        self.code = code or self.default_code
        self.context = dict(context or {})

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "context": self.context}

    def __str__(self) -> str:
        return self.message


class ConfigurationError(Text2SQLError):
    default_code = "CONFIGURATION_ERROR"


class DatabaseError(Text2SQLError):
    default_code = "DATABASE_ERROR"


class SchemaError(Text2SQLError):
    default_code = "SCHEMA_ERROR"


class VectorStoreError(Text2SQLError):
    default_code = "VECTOR_STORE_ERROR"


class LLMError(Text2SQLError):
    default_code = "LLM_ERROR"


class LLMNotConfiguredError(LLMError):
    default_code = "LLM_NOT_CONFIGURED"

    def __init__(self, what: str):
        super().__init__(
            f"{what} needs an LLM, and none is configured. Set TEXT2SQL_LLM__BASE_URL (any OpenAI-compatible "
            "server, e.g. http://localhost:11434/v1 for Ollama), TEXT2SQL_LLM__MODEL and, if the server needs "
            "one, TEXT2SQL_LLM__API_KEY.",
        )


class SQLValidationError(Text2SQLError):
    """The SQL was refused. `sql` is the statement as given, `reason` a short machine-readable cause."""

    default_code = "SQL_VALIDATION_ERROR"

    def __init__(self, message: str, sql: str = "", reason: str = "invalid", context: dict[str, Any] | None = None):
        super().__init__(message, context={"reason": reason, **(context or {})})
        self.sql = sql
        self.reason = reason
