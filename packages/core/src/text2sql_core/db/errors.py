"""Database errors into `DatabaseError`s that say what happened and what to do."""

from __future__ import annotations

from text2sql_core.connection import ConnectionSettings
from text2sql_core.errors import DatabaseError

__all__ = ["classify_database_error", "timeout_error", "unreachable_error"]

_TIMEOUT_MARKS = ("statement timeout", "canceling statement", "interrupted", "max_statement_time",
                  "max_execution_time", "dpi-1067", "dpy-4024", "ora-01013", "call timeout", "query execution was")
# SQLite raises a bare MemoryError past its heap ceiling and "string or blob too big" past the value-size limit.
_MEMORY_MARKS = ("memoryerror", "out of memory", "string or blob too big", "too big", "ora-04030", "53200")
_READ_ONLY_MARKS = ("read-only", "read only", "readonly", "query_only", "ora-01456", "attempt to write",
                    "1792", "25006")


def unreachable_error(settings: ConnectionSettings, err: Exception) -> DatabaseError:
    return DatabaseError(
        f"Cannot connect to the database {settings.display()}: {err}. Check that it is running and reachable, "
        "and the URL or TEXT2SQL_ORACLE__OLTP__* settings.",
        code="DATABASE_UNREACHABLE",
        context={"target": settings.display()},
    )


def timeout_error(dialect: str, timeout_s: float) -> DatabaseError:
    return DatabaseError(
        f"The query ran longer than the {timeout_s:g} s limit and was stopped. Narrow it (filters, fewer "
        "rows) or raise TEXT2SQL_SECURITY__QUERY_TIMEOUT_SECONDS.",
        code="QUERY_TIMEOUT", context={"dialect": dialect},
    )


def classify_database_error(err: Exception, dialect: str, timeout_s: float) -> DatabaseError:
    text = str(err).strip() or type(err).__name__
    lowered = text.lower()
    if any(mark in lowered for mark in _TIMEOUT_MARKS):
        return timeout_error(dialect, timeout_s)
    if isinstance(err, MemoryError) or any(mark in lowered for mark in _MEMORY_MARKS):
        return DatabaseError(
            f"The query needed more memory than a query may use and was stopped ({text}). Select fewer or "
            "smaller values (no huge strings or blobs), or aggregate in the query.",
            code="QUERY_MEMORY_LIMIT", context={"dialect": dialect},
        )
    if any(mark in lowered for mark in _READ_ONLY_MARKS):
        return DatabaseError(f"The database refused a write in a read-only session: {text}",
                             code="READ_ONLY_VIOLATION", context={"dialect": dialect})
    return DatabaseError(f"The database rejected the query: {text}", code="QUERY_FAILED",
                         context={"dialect": dialect})
