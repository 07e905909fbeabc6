# ruff: noqa: E501  (the registry is one line per code, on purpose: easy to scan, merge and extend)
"""The one errors module: the registry of error codes, and the exceptions that carry them.

Every code a user or caller can meet is one line of `ErrorCode`: the code, what failed, what to do. The table in
docs/operations.md is generated from it (`error_table_markdown`) and a test keeps the two equal; another test scans
the sources for code strings that are not registered. To add a code: add one line here, then regenerate the table
with
`uv run python -c "import pathlib, text2sql_core.errors as e; p = pathlib.Path('docs/operations.md'); p.write_text(e.with_error_table(p.read_text()))"`.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

__all__ = [
    "ConfigurationError",
    "DatabaseError",
    "ErrorCode",
    "LLMError",
    "LLMNotConfiguredError",
    "SQLValidationError",
    "SchemaError",
    "Text2SQLError",
    "VectorStoreError",
    "error_table_markdown",
    "with_error_table",
]

DOCS_PAGE = "docs/operations.md"


class ErrorCode(StrEnum):
    """NAME = "NAME", "what failed (one line)", "what to do". The value is the stable, machine-readable code."""

    message: str
    remedy: str

    def __new__(cls, value: str, message: str = "", remedy: str = "") -> ErrorCode:
        member = str.__new__(cls, value)
        member._value_ = value
        member.message = message
        member.remedy = remedy
        return member

    @property
    def anchor(self) -> str:
        """Where the code is documented: a row of the error table in docs/operations.md."""
        return f"{DOCS_PAGE}#{self.value.lower()}"

    # General
    INTERNAL_ERROR = "INTERNAL_ERROR", "An unexpected internal error; the details are in the server log.", "Retry; if it persists, report it with the time of the request."
    TEXT2SQL_ERROR = "TEXT2SQL_ERROR", "A text2sql operation failed.", "Read the message; it names the failing part."
    BAD_REQUEST = "BAD_REQUEST", "The request is malformed or misses a field.", "Fix the request as the message says (see docs/a2a.md)."
    # Configuration
    CONFIGURATION_ERROR = "CONFIGURATION_ERROR", "A setting is missing or invalid.", "Fix the TEXT2SQL_* setting the message names (docs/configuration.md)."
    CONNECTION_NOT_CONFIGURED = "CONNECTION_NOT_CONFIGURED", "A database connection is not configured.", "Set the TEXT2SQL_ORACLE__* or TEXT2SQL_DATASOURCES__NAME__* URL or parts."
    DATASOURCE_NOT_CONFIGURED = "DATASOURCE_NOT_CONFIGURED", "The datasource has no connection settings.", "Declare it as TEXT2SQL_DATASOURCES__NAME__*."
    UNKNOWN_DATASOURCE = "UNKNOWN_DATASOURCE", "The datasource named in the request is not configured.", "Use one of the configured datasources or declare it."
    UNKNOWN_DIALECT = "UNKNOWN_DIALECT", "The SQL dialect is not supported.", "Use oracle, postgres, mysql or sqlite."
    UNSUPPORTED_DATABASE_URL = "UNSUPPORTED_DATABASE_URL", "The database URL's scheme is not supported.", "Use an oracle, postgresql, mysql or sqlite URL."
    SCHEMA_OWNER_MISSING = "SCHEMA_OWNER_MISSING", "It is unclear whose tables to load.", "Set TEXT2SQL_ORACLE__SCHEMA__OWNER."
    EMBEDDING_NOT_CONFIGURED = "EMBEDDING_NOT_CONFIGURED", "The embeddings server is not configured.", "Set TEXT2SQL_EMBEDDING__BASE_URL and TEXT2SQL_EMBEDDING__MODEL."
    SQLITE_MEMORY = "SQLITE_MEMORY", "An in-memory SQLite database cannot be shared between connections.", "Use a file URL (sqlite:///./data/demo.db)."
    DATABASE_NOT_CONFIGURED = "DATABASE_NOT_CONFIGURED", "No database is configured at all.", "Set TEXT2SQL_ORACLE__OLTP__URL and __SCHEMA__URL (or a datasource), or run `text2sql demo`."
    CLOCK_TODAY_INVALID = "CLOCK_TODAY_INVALID", "The pinned date (TEXT2SQL_TODAY) is not a date.", "Write it as YYYY-MM-DD, or unset it."
    CLOCK_PIN_INVALID = "CLOCK_PIN_INVALID", "The clock cannot be pinned to the value given.", "Give a date as YYYY-MM-DD or a moment as ISO 8601."
    CALIBRATION_STALE = "CALIBRATION_STALE", "The Phase 1 calibration was fitted for other confidence features.", "Refit it: `text2sql eval spider --fit-calibration FILE`, or unset TEXT2SQL_AGENT__CALIBRATION_PATH."
    CALIBRATION_INVALID = "CALIBRATION_INVALID", "The Phase 1 calibration file cannot be read.", "Fix TEXT2SQL_AGENT__CALIBRATION_PATH, or refit with `text2sql eval spider --fit-calibration FILE`."
    DEMO_BROKEN = "DEMO_BROKEN", "The bundled demo templates could not be indexed.", "Run `text2sql demo --rebuild`; report it if it persists."
    # Database (the OLTP connection)
    DATABASE_ERROR = "DATABASE_ERROR", "The database failed.", "Read the message; check the database and its log."
    DATABASE_UNREACHABLE = "DATABASE_UNREACHABLE", "The OLTP database cannot be reached.", "Check that it runs and the TEXT2SQL_ORACLE__OLTP__* settings."
    QUERY_TIMEOUT = "QUERY_TIMEOUT", "The query ran past the time limit and was stopped.", "Narrow the question, or raise TEXT2SQL_SECURITY__QUERY_TIMEOUT_SECONDS."
    READ_ONLY_VIOLATION = "READ_ONLY_VIOLATION", "The database refused a write in the read-only session.", "Nothing was changed; only read-only questions are answered."
    QUERY_MEMORY_LIMIT = "QUERY_MEMORY_LIMIT", "The query needed more memory than a query may use and was stopped.", "Select fewer or smaller values, or aggregate in the query."
    QUERY_FAILED = "QUERY_FAILED", "The database rejected the query.", "Rephrase the question; with an LLM, Phase 2 repairs it."
    STATE_STORE_UNAVAILABLE = "STATE_STORE_UNAVAILABLE", "The conversation or feedback store cannot be used.", "Check that PostgreSQL runs and TEXT2SQL_AGENT__CHECKPOINT_URL (user, password, database)."
    # Schema (the schema connection and the data dictionary)
    SCHEMA_ERROR = "SCHEMA_ERROR", "The schema could not be loaded.", "Check the schema connection and the data dictionary."
    SCHEMA_CONFIG = "SCHEMA_CONFIG", "The schema loader has no database URL or engine.", "Set the schema connection (TEXT2SQL_ORACLE__SCHEMA__*)."
    SCHEMA_DB_UNREACHABLE = "SCHEMA_DB_UNREACHABLE", "The schema connection cannot be reached.", "Check TEXT2SQL_ORACLE__SCHEMA__* and that the database runs."
    SCHEMA_READ_FAILED = "SCHEMA_READ_FAILED", "The dictionary views could not be read.", "Grant the schema account SELECT on the ALL_* views."
    DICTIONARY_NOT_FOUND = "DICTIONARY_NOT_FOUND", "The data dictionary file does not exist.", "Fix the dictionary path in the settings."
    DICTIONARY_INVALID = "DICTIONARY_INVALID", "The data dictionary is not valid YAML with a `tables:` mapping.", "Fix the file as the message says."
    HISTORY_READ_FAILED = "HISTORY_READ_FAILED", "Oracle's SQL history could not be read.", "Grant SELECT on V_$SQL (and DBA_HIST_* with --awr)."
    # Vector store (Milvus)
    VECTOR_STORE_ERROR = "VECTOR_STORE_ERROR", "A Milvus operation failed.", "Read the message; check Milvus and its log."
    VECTOR_STORE_UNAVAILABLE = "VECTOR_STORE_UNAVAILABLE", "Milvus cannot be reached.", "Check TEXT2SQL_MILVUS__URI or TEXT2SQL_MILVUS__HOST/PORT/TOKEN."
    NOT_INDEXED = "NOT_INDEXED", "There is no template index yet.", "Run `text2sql index FILE…` (or `text2sql demo`)."
    MILVUS_LITE_LOCKED = "MILVUS_LITE_LOCKED", "Another process holds the Milvus Lite folder.", "Stop the other process, or share a Milvus server (see above)."
    DIMENSION_MISMATCH = "DIMENSION_MISMATCH", "The collection was built with another embedding size.", "Rebuild it: `text2sql index --drop …`."
    HYBRID_SEARCH_FAILED = "HYBRID_SEARCH_FAILED", "Milvus's hybrid search failed (dense-only search is tried next).", "Check the Milvus log; the answer still comes from dense search."
    TABLE_SEARCH_FAILED = "TABLE_SEARCH_FAILED", "The schema collection could not be searched.", "Rebuild it: `text2sql index-schema --drop`."
    # LLM
    LLM_ERROR = "LLM_ERROR", "An LLM call failed (not transient, or still failing after retries).", "Check the LLM server's log and TEXT2SQL_LLM__MODEL; retry."
    LLM_NOT_CONFIGURED = "LLM_NOT_CONFIGURED", "The feature needs an LLM and none is configured.", "Set TEXT2SQL_LLM__BASE_URL and TEXT2SQL_LLM__MODEL."
    LLM_UNAVAILABLE = "LLM_UNAVAILABLE", "The LLM server does not answer.", "Check TEXT2SQL_LLM__BASE_URL and TEXT2SQL_LLM__API_KEY."
    # Answers
    SQL_VALIDATION_ERROR = "SQL_VALIDATION_ERROR", "The SQL was refused by the guard or the schema check.", "Only one read-only query on known tables is allowed."
    NO_CONFIDENT_ANSWER = "NO_CONFIDENT_ANSWER", "No trusted template answers well enough and no LLM is configured.", "Pick a suggestion, rephrase, or configure an LLM."
    REPAIR_EXHAUSTED = "REPAIR_EXHAUSTED", "Phase 2 wrote no valid query in the allowed attempts; nothing ran.", "Rephrase the question or name the tables involved."
    # Serving (A2A and the chat)
    AUTH_REQUIRED = "AUTH_REQUIRED", "Serving beyond localhost needs API keys.", "Set TEXT2SQL_SERVER__API_KEYS (docs/a2a.md)."
    UNAUTHENTICATED = "UNAUTHENTICATED", "The request has no valid API key.", "Send a configured key in the X-API-Key header."
    RATE_LIMITED = "RATE_LIMITED", "Too many requests from this client.", "Retry after the time the message gives."
    REQUEST_TOO_LARGE = "REQUEST_TOO_LARGE", "The request body is over the size limit.", "Send a shorter request."
    BAD_USER = "BAD_USER", "A chat user name or the users file is invalid.", "Fix it as the message says (`text2sql users add NAME`)."
    CHAT_SECRET_MISSING = "CHAT_SECRET_MISSING", "The chat needs CHAINLIT_AUTH_SECRET for its logins.", "Set it (`chainlit create-secret`) or run with --no-chat."
    CHAT_NOT_MOUNTED = "CHAT_NOT_MOUNTED", "The chat runs only inside `text2sql serve`.", "Start it with `text2sql serve` (or `text2sql ui`)."
    UNKNOWN_CANDIDATE = "UNKNOWN_CANDIDATE", "No pending template candidate has that id.", "Reload the review list."
    CANDIDATE_REJECTED_BY_PIPELINE = "CANDIDATE_REJECTED_BY_PIPELINE", "The pipeline refused the candidate template.", "Read the reason; fix or reject the candidate."


TABLE_BEGIN, TABLE_END = "<!-- error-codes:begin -->", "<!-- error-codes:end -->"


def error_table_markdown() -> str:
    """The error table of docs/operations.md, generated from the registry (a test keeps the page equal to it)."""
    lines = ["| Code | What failed | What to do |", "|---|---|---|"]
    for code in ErrorCode:
        lines.append(f'| <a id="{code.value.lower()}"></a>`{code.value}` | {code.message} | {code.remedy} |')
    return "\n".join(lines)


def with_error_table(page: str) -> str:
    """`page` with the text between its error-table markers replaced by the generated table."""
    head, rest = page.split(TABLE_BEGIN, 1)
    return f"{head}{TABLE_BEGIN}\n{error_table_markdown()}\n{TABLE_END}{rest.split(TABLE_END, 1)[1]}"



class Text2SQLError(Exception):
    """Base error. `code` is a registered `ErrorCode`; `context` carries safe details (never secrets)."""

    default_code: ErrorCode = ErrorCode.TEXT2SQL_ERROR

    def __init__(self, message: str, code: str | None = None, context: dict[str, Any] | None = None):
        super().__init__(message)
        self.message = message
        # An unregistered code is kept as given (so nothing is lost) — the registry test reports it.
        self.code: str = ErrorCode(code) if code in ErrorCode.__members__ else (code or self.default_code)
        self.context = dict(context or {})

    @property
    def remedy(self) -> str:
        return ErrorCode(self.code).remedy if self.code in ErrorCode.__members__ else ""

    def to_dict(self) -> dict[str, Any]:
        return {"code": str(self.code), "message": self.message, "context": self.context}

    def __str__(self) -> str:
        return self.message


class ConfigurationError(Text2SQLError):
    default_code = ErrorCode.CONFIGURATION_ERROR


class DatabaseError(Text2SQLError):
    default_code = ErrorCode.DATABASE_ERROR


class SchemaError(Text2SQLError):
    default_code = ErrorCode.SCHEMA_ERROR


class VectorStoreError(Text2SQLError):
    default_code = ErrorCode.VECTOR_STORE_ERROR


class LLMError(Text2SQLError):
    """An LLM call failed for good (raised by the agent's nodes; transient errors are retried first)."""

    default_code = ErrorCode.LLM_ERROR


class LLMNotConfiguredError(LLMError):
    default_code = ErrorCode.LLM_NOT_CONFIGURED

    def __init__(self, what: str):
        super().__init__(
            f"{what} needs an LLM, and none is configured. Set TEXT2SQL_LLM__BASE_URL (any OpenAI-compatible "
            "server, e.g. http://localhost:11434/v1 for Ollama), TEXT2SQL_LLM__MODEL and, if the server needs "
            "one, TEXT2SQL_LLM__API_KEY.",
        )


class SQLValidationError(Text2SQLError):
    """The SQL was refused. `sql` is the statement as given, `reason` a short machine-readable cause."""

    default_code = ErrorCode.SQL_VALIDATION_ERROR

    def __init__(self, message: str, sql: str = "", reason: str = "invalid", context: dict[str, Any] | None = None):
        super().__init__(message, context={"reason": reason, **(context or {})})
        self.sql = sql
        self.reason = reason
