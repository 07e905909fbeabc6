"""How each database is made read-only, one-statement and time-limited for one query, at the database level.

The guard already refused anything that writes; these settings make the database refuse it too, with the guard
bypassed. Session state that outlives the transaction is wiped when the connection returns (`db.reset`).
"""

from __future__ import annotations

import itertools
import sqlite3
import time
from typing import Any

from text2sql_core.db.binds import to_pyformat

__all__ = ["SESSION_POLICIES", "SessionPolicy", "raw_connection"]

_CURSOR_NAMES = itertools.count()


def raw_connection(conn: Any) -> Any:
    """The driver's connection behind a pool wrapper (SQLAlchemy's proxy swallows driver attributes)."""
    return getattr(conn, "dbapi_connection", None) or conn


class SessionPolicy:
    """Default: DB-API `:name` binds, a plain cursor, no extra statements."""

    def prepare_sql(self, sql: str) -> str:
        return sql

    def begin(self, conn: Any, timeout_s: float) -> None:
        """Start a read-only transaction with a statement timeout."""

    def open_cursor(self, conn: Any) -> Any:
        """The cursor the query runs in."""
        return conn.cursor()

    def abandon_unread(self, conn: Any) -> bool:
        """The row cap was reached with rows left: True if the connection must be dropped rather than reused
        (a streaming cursor would have to read every remaining row off the socket first)."""
        return False

    def end(self, conn: Any) -> None:
        """End the transaction without keeping anything."""
        conn.rollback()


def _run_all(conn: Any, statements: list[str]) -> None:
    cursor = conn.cursor()
    try:
        for statement in statements:
            cursor.execute(statement)
    finally:
        cursor.close()


# What a query may do, as SQLite's authorizer sees it while compiling: read tables, call functions, recurse.
# `mode=ro` and query_only do not stop VACUUM INTO or ATTACH from creating files; the authorizer does.
_SQLITE_ALLOWED_ACTIONS = frozenset({sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_FUNCTION,
                                     sqlite3.SQLITE_RECURSIVE})


def _sqlite_authorize(action: int, *_: object) -> int:
    return sqlite3.SQLITE_OK if action in _SQLITE_ALLOWED_ACTIONS else sqlite3.SQLITE_DENY


class SQLitePolicy(SessionPolicy):
    """Opened read-only (`mode=ro`) with `PRAGMA query_only`, value-size, heap and attach ceilings
    (`db.connect`); while the query compiles an authorizer allows only reads and function calls; the timeout
    interrupts from a progress handler. `sqlite3` refuses a second statement in `execute` itself."""

    def begin(self, conn: sqlite3.Connection, timeout_s: float) -> None:
        deadline = time.monotonic() + timeout_s
        conn.set_progress_handler(lambda: 1 if time.monotonic() > deadline else 0, 5000)
        conn.set_authorizer(_sqlite_authorize)

    def end(self, conn: sqlite3.Connection) -> None:
        conn.set_authorizer(None)
        conn.set_progress_handler(None, 0)
        conn.rollback()


class PostgresPolicy(SessionPolicy):
    """The query runs in a server-side cursor: `DECLARE … CURSOR FOR` accepts exactly one SELECT or VALUES (no
    COPY, DO, DDL, data-modifying WITH or SELECT … INTO) and psycopg sends it by the extended protocol, which
    refuses a second statement. Rows come back in FETCH batches, never the whole result at once."""

    def prepare_sql(self, sql: str) -> str:
        return to_pyformat(sql)

    def begin(self, conn: Any, timeout_s: float) -> None:
        _run_all(raw_connection(conn), ["SET TRANSACTION READ ONLY",
                                        f"SET LOCAL statement_timeout = {max(1, int(timeout_s * 1000))}"])

    def open_cursor(self, conn: Any) -> Any:
        return raw_connection(conn).cursor(name=f"text2sql_{next(_CURSOR_NAMES)}")


class MySQLPolicy(SessionPolicy):
    """MariaDB limits statements with max_statement_time (seconds), MySQL with max_execution_time (ms).
    One statement per call: the connection never has CLIENT.MULTI_STATEMENTS (`db.connect`). Rows stream
    (PyMySQL's SSCursor): the default cursor would hold the whole result in memory before the row cap applies."""

    def prepare_sql(self, sql: str) -> str:
        return to_pyformat(sql)

    def begin(self, conn: Any, timeout_s: float) -> None:
        version = str(getattr(raw_connection(conn), "server_version", "") or "")  # from the handshake, no query
        if not version:
            cursor = conn.cursor()
            try:
                cursor.execute("SELECT VERSION()")
                version = str(cursor.fetchone()[0])
            finally:
                cursor.close()
        limit = (f"SET SESSION max_statement_time = {timeout_s:.3f}" if "mariadb" in version.lower()
                 else f"SET SESSION max_execution_time = {int(timeout_s * 1000)}")
        # SESSION READ ONLY too: a statement that commits implicitly leaves the next transaction read-only
        _run_all(conn, [limit, "SET SESSION TRANSACTION READ ONLY", "START TRANSACTION READ ONLY"])

    def open_cursor(self, conn: Any) -> Any:
        from pymysql.cursors import SSCursor

        return raw_connection(conn).cursor(SSCursor)

    def abandon_unread(self, conn: Any) -> bool:
        # PyMySQL would read the rest of the result when the cursor or the result is closed or collected;
        # marking it finished lets both go, and the connection is dropped with the rows still on the wire.
        result = getattr(raw_connection(conn), "_result", None)
        if result is not None:
            result.unbuffered_active = False
        return True


class OraclePolicy(SessionPolicy):
    """`SET TRANSACTION READ ONLY` opens the transaction; `call_timeout` bounds every round trip; a cursor's
    `execute` runs exactly one statement (Oracle has no multi-statement strings outside PL/SQL blocks)."""

    def begin(self, conn: Any, timeout_s: float) -> None:
        raw_connection(conn).call_timeout = int(timeout_s * 1000)
        _run_all(conn, ["SET TRANSACTION READ ONLY"])


SESSION_POLICIES: dict[str, SessionPolicy] = {
    "sqlite": SQLitePolicy(),
    "postgres": PostgresPolicy(),
    "mysql": MySQLPolicy(),
    "oracle": OraclePolicy(),
}
