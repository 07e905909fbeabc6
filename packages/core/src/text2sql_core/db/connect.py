"""DB-API connections from a `ConnectionSettings`: SQLite opened read-only, servers through a pool."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url
from sqlalchemy.pool import QueuePool

from text2sql_core.connection import ConnectionSettings
from text2sql_core.errors import ConfigurationError

__all__ = ["connection_factory", "pooled_factory", "sqlite_path"]

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
        return conn

    return connect


def _postgres(url: str) -> Callable[[], Any]:
    import psycopg

    parsed = make_url(url)
    kwargs = {k: v for k, v in {"host": parsed.host, "port": parsed.port, "user": parsed.username,
                                "password": parsed.password, "dbname": parsed.database}.items() if v}
    return lambda: psycopg.connect(connect_timeout=10, **kwargs)


def _mysql(url: str) -> Callable[[], Any]:
    import pymysql

    parsed = make_url(url)
    kwargs = {k: v for k, v in {"host": parsed.host, "port": parsed.port, "user": parsed.username,
                                "password": parsed.password or "", "database": parsed.database}.items()
              if v is not None}
    return lambda: pymysql.connect(connect_timeout=10, charset="utf8mb4", **kwargs)


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


def pooled_factory(settings: ConnectionSettings) -> Callable[[], Any]:
    """Servers share a `QueuePool` per target; SQLite files are cheap to open and stay unpooled."""
    if settings.dialect == "sqlite":
        return connection_factory(settings)
    key = settings.sqlalchemy_url()
    with _POOLS_LOCK:
        if key not in _POOLS:
            _POOLS[key] = QueuePool(connection_factory(settings), pool_size=settings.pool_max,
                                    max_overflow=0, timeout=30, recycle=1800)
        return _POOLS[key].connect
