"""DB-API connections from a `ConnectionSettings`: SQLite opened read-only, servers through a pool.

Each driver is opened so the database itself keeps a query to one statement and bounded resources: PostgreSQL
without automatic server-side prepares (the pool's DISCARD ALL would orphan them), MariaDB/MySQL without
CLIENT.MULTI_STATEMENTS or LOCAL INFILE, SQLite read-only with a ceiling on value size and heap.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.pool import QueuePool

from text2sql_core.connection import ConnectionSettings
from text2sql_core.db.accounts import warn_about_account
from text2sql_core.db.reset import install_session_reset
from text2sql_core.errors import ConfigurationError

__all__ = ["SQLITE_HEAP_LIMIT_BYTES", "SQLITE_MAX_VALUE_BYTES", "connection_factory", "pooled_factory",
           "sqlite_path"]

# One string or blob (zeroblob, randomblob, a concatenation growing in a recursive CTE) may not exceed this.
SQLITE_MAX_VALUE_BYTES = 64 * 1024 * 1024
# SQLite's heap ceiling. sqlite3_hard_heap_limit64 is process-wide (every SQLite connection of this process
# shares it) and PRAGMA can only lower it; past it an allocation fails with SQLITE_NOMEM instead of growing.
SQLITE_HEAP_LIMIT_BYTES = 512 * 1024 * 1024

_POOLS: dict[str, QueuePool] = {}
_POOLS_LOCK = threading.Lock()


def sqlite_path(url: str) -> Path:
    database = make_url(url).database
    if not database or database == ":memory:":
        raise ConfigurationError("An in-memory SQLite database cannot be shared; give a file path "
                                 "(sqlite:///./data/demo.db).", code="SQLITE_MEMORY")
    return Path(database)


def _sqlite_read_only(url: str) -> Callable[[], Any]:
    path = sqlite_path(url)

    def connect() -> sqlite3.Connection:
        if not path.exists():
            raise FileNotFoundError(f"SQLite database {path} does not exist (run `uv run text2sql demo` "
                                    "to create the demo database, or fix the URL)")
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
        conn.execute("PRAGMA query_only = ON")
        conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, SQLITE_MAX_VALUE_BYTES)
        conn.setlimit(sqlite3.SQLITE_LIMIT_ATTACHED, 0)  # ATTACH and VACUUM INTO need a slot: none left
        conn.execute(f"PRAGMA hard_heap_limit = {SQLITE_HEAP_LIMIT_BYTES}")
        return conn

    return connect


def _postgres(url: str) -> Callable[[], Any]:
    import psycopg

    parsed = make_url(url)
    kwargs = {k: v for k, v in {"host": parsed.host, "port": parsed.port, "user": parsed.username,
                                "password": parsed.password, "dbname": parsed.database}.items() if v}

    def connect() -> Any:
        conn = psycopg.connect(connect_timeout=10, **kwargs)
        conn.prepare_threshold = None  # no automatic prepared statements: DISCARD ALL on return drops them
        return conn

    return connect


def _mysql(url: str) -> Callable[[], Any]:
    import pymysql

    parsed = make_url(url)
    kwargs = {k: v for k, v in {"host": parsed.host, "port": parsed.port, "user": parsed.username,
                                "password": parsed.password or "", "database": parsed.database}.items()
              if v is not None}
    # client_flag=0: PyMySQL never asks for CLIENT.MULTI_STATEMENTS itself, so `SELECT 1; DELETE …` is one
    # syntax error at the server; local_infile stays off (LOAD DATA LOCAL reads client files).
    return lambda: pymysql.connect(connect_timeout=10, charset="utf8mb4", client_flag=0, local_infile=False,
                                   **kwargs)


def _oracle(settings: ConnectionSettings) -> Callable[[], Any]:
    import oracledb  # thin mode: no Oracle client libraries needed

    user, password = settings.oracle_credentials()
    dsn = settings.oracle_dsn()
    return lambda: oracledb.connect(user=user, password=password, dsn=dsn)


def connection_factory(settings: ConnectionSettings) -> Callable[[], Any]:
    """A callable opening a fresh DB-API connection (unpooled)."""
    dialect = settings.dialect
    if dialect == "sqlite":
        return _sqlite_read_only(settings.sqlalchemy_url())
    if dialect == "postgres":
        return _postgres(settings.sqlalchemy_url())
    if dialect == "mysql":
        return _mysql(settings.sqlalchemy_url())
    return _oracle(settings)


def _warn_on_first_connect(pool: QueuePool, settings: ConnectionSettings) -> None:
    """The first connection of a pool checks the account's privileges and warns if it can do more than read."""
    dialect, target = settings.dialect, settings.display()

    def first_connect(dbapi_connection: Any, connection_record: Any) -> None:
        warn_about_account(dialect, dbapi_connection, target)

    event.listen(pool, "first_connect", first_connect)


def pooled_factory(settings: ConnectionSettings) -> Callable[[], Any]:
    """Servers share a `QueuePool` per target whose every return resets the session (`db.reset`);
    SQLite files are cheap to open and stay unpooled (each query gets a fresh connection)."""
    if settings.dialect == "sqlite":
        return connection_factory(settings)
    key = settings.sqlalchemy_url()
    with _POOLS_LOCK:
        if key not in _POOLS:
            # reset_on_return=None: the reset event does the rollback itself, then wipes the session
            pool = QueuePool(connection_factory(settings), pool_size=settings.pool_max, max_overflow=0,
                             timeout=30, recycle=1800, reset_on_return=None)
            install_session_reset(pool, settings.dialect)
            _warn_on_first_connect(pool, settings)
            _POOLS[key] = pool
        return _POOLS[key].connect
