"""How each database is made read-only and time-limited for one query, at the database level.

The guard already refused anything that writes; these settings make the database refuse it too.
"""

from __future__ import annotations

import sqlite3
import time
from typing import Any

from text2sql_core.db.binds import to_pyformat

__all__ = ["SESSION_POLICIES", "SessionPolicy"]


class SessionPolicy:
    """Default: DB-API `:name` binds, no extra statements."""

    def prepare_sql(self, sql: str) -> str:
        return sql

    def begin(self, conn: Any, cursor: Any, timeout_s: float) -> None:
        """Start a read-only transaction with a statement timeout."""

    def end(self, conn: Any, cursor: Any) -> None:
        """End the transaction without keeping anything."""
        conn.rollback()


class SQLitePolicy(SessionPolicy):
    """Opened read-only (`mode=ro`) with `PRAGMA query_only`; the timeout interrupts from a progress handler."""

    def begin(self, conn: sqlite3.Connection, cursor: Any, timeout_s: float) -> None:
        deadline = time.monotonic() + timeout_s
        conn.set_progress_handler(lambda: 1 if time.monotonic() > deadline else 0, 5000)

    def end(self, conn: sqlite3.Connection, cursor: Any) -> None:
        conn.set_progress_handler(None, 0)
        conn.rollback()


class PostgresPolicy(SessionPolicy):
    def prepare_sql(self, sql: str) -> str:
        return to_pyformat(sql)

    def begin(self, conn: Any, cursor: Any, timeout_s: float) -> None:
        cursor.execute("SET TRANSACTION READ ONLY")
        cursor.execute(f"SET LOCAL statement_timeout = {int(timeout_s * 1000)}")


class MySQLPolicy(SessionPolicy):
    """MariaDB limits statements with max_statement_time (seconds), MySQL with max_execution_time (ms)."""

    def prepare_sql(self, sql: str) -> str:
        return to_pyformat(sql)

    def begin(self, conn: Any, cursor: Any, timeout_s: float) -> None:
        cursor.execute("SELECT VERSION()")
        version = str(cursor.fetchone()[0])
        if "mariadb" in version.lower():
            cursor.execute(f"SET SESSION max_statement_time = {timeout_s:.3f}")
        else:
            cursor.execute(f"SET SESSION max_execution_time = {int(timeout_s * 1000)}")
        cursor.execute("SET SESSION TRANSACTION READ ONLY")  # DDL commits implicitly; the next one stays read-only
        cursor.execute("START TRANSACTION READ ONLY")


class OraclePolicy(SessionPolicy):
    """`SET TRANSACTION READ ONLY` opens the transaction; `call_timeout` bounds every round trip."""

    def begin(self, conn: Any, cursor: Any, timeout_s: float) -> None:
        raw = getattr(conn, "dbapi_connection", conn)  # a pooled wrapper would swallow the attribute
        raw.call_timeout = int(timeout_s * 1000)
        cursor.execute("SET TRANSACTION READ ONLY")


SESSION_POLICIES: dict[str, SessionPolicy] = {
    "sqlite": SQLitePolicy(),
    "postgres": PostgresPolicy(),
    "mysql": MySQLPolicy(),
    "oracle": OraclePolicy(),
}
