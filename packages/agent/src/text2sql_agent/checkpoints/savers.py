"""The two savers: LangGraph's SQLite (one process) and PostgreSQL (shared by replicas) savers, with retention."""

from __future__ import annotations

import atexit
import os
import sqlite3
from pathlib import Path
from typing import Any

import psycopg
from langgraph.checkpoint.postgres import PostgresSaver
from langgraph.checkpoint.sqlite import SqliteSaver
from psycopg_pool import PoolTimeout
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from text2sql_agent.checkpoints.retention import THREADS_BY_RECENCY, RetainingSaver, Retention
from text2sql_core.errors import ConfigurationError, DatabaseError

__all__ = ["RetainingPostgresSaver", "RetainingSqliteSaver", "open_postgres_saver", "open_sqlite_saver",
           "ping_postgres", "ping_sqlite", "postgres_conninfo"]


class RetainingSqliteSaver(RetainingSaver, SqliteSaver):
    _store_errors = (sqlite3.Error,)

    def __init__(self, conn: sqlite3.Connection, retention: Retention, serde: Any | None = None):
        super().__init__(conn, serde=serde)
        self._init_retention(retention)

    def _threads_by_recency(self) -> list[tuple[str, str]]:
        with self.cursor(transaction=False) as cur:
            return [(row[0], row[1]) for row in cur.execute(THREADS_BY_RECENCY)]

    def _keep_latest(self, thread_id: str, checkpoint_ns: str, checkpoint_id: str) -> None:
        # Ids are time-ordered: everything before the checkpoint just written is history no one reads. A write of a
        # later step (a larger id) is never touched.
        with self.cursor() as cur:
            for table in ("checkpoints", "writes"):
                cur.execute(f"DELETE FROM {table} WHERE thread_id = ? AND checkpoint_ns = ? AND checkpoint_id < ?",
                            (thread_id, checkpoint_ns, checkpoint_id))


class RetainingPostgresSaver(RetainingSaver, PostgresSaver):
    _store_errors = (psycopg.Error, PoolTimeout)

    def __init__(self, conn: Any, retention: Retention, serde: Any | None = None):
        super().__init__(conn, serde=serde)
        self._init_retention(retention)

    def _threads_by_recency(self) -> list[tuple[str, str]]:
        with self._cursor() as cur:
            return [(row["thread_id"], row["last"]) for row in cur.execute(THREADS_BY_RECENCY).fetchall()]

    def _keep_latest(self, thread_id: str, checkpoint_ns: str, checkpoint_id: str) -> None:
        # LangGraph's own pruning: it also drops the channel blobs only older checkpoints referenced.
        self.prune([thread_id], strategy="keep_latest")


def _masked(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<unparsable URL>"


def postgres_conninfo(url: str) -> str:
    """libpq's form of a PostgreSQL URL (`postgresql+psycopg://` → `postgresql://`)."""
    scheme, sep, rest = url.partition("://")
    if not sep or scheme.split("+")[0] not in ("postgresql", "postgres"):
        raise ConfigurationError(
            f"TEXT2SQL_AGENT__CHECKPOINT_URL must be a PostgreSQL URL (postgresql://user:pw@host:5432/db), not "
            f"{_masked(url)!r}; for one process leave it empty (SQLite at TEXT2SQL_AGENT__CHECKPOINT_PATH).",
            code="UNSUPPORTED_DATABASE_URL")
    return f"postgresql://{rest}"


def open_postgres_saver(url: str, retention: Retention, serde: Any) -> RetainingPostgresSaver:
    from psycopg.rows import dict_row
    from psycopg_pool import ConnectionPool

    conninfo, options = postgres_conninfo(url), {"autocommit": True, "prepare_threshold": 0, "row_factory": dict_row}
    try:
        # One direct connection first: an unreachable server fails now, with its own reason, not after a pool timeout.
        with psycopg.connect(conninfo, connect_timeout=10, **options) as conn:
            # Replicas starting together would run the migrations twice: one at a time.
            conn.execute("SELECT pg_advisory_lock(hashtext('text2sql_checkpoints_setup'))")
            PostgresSaver(conn).setup()
    except psycopg.Error as err:
        raise DatabaseError(
            f"The conversation store at {_masked(url)} cannot be used: {str(err).strip()}. "
            "Check that PostgreSQL runs and TEXT2SQL_AGENT__CHECKPOINT_URL (user, password, database).",
            code="STATE_STORE_UNAVAILABLE") from None
    # The server answers several questions at once: a small pool, closed when the process ends.
    pool = ConnectionPool(conninfo, min_size=1, max_size=4, kwargs=options, open=True)
    atexit.register(pool.close)
    return RetainingPostgresSaver(pool, retention, serde)


def open_sqlite_saver(path: Path, retention: Retention, serde: Any) -> RetainingSqliteSaver:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, check_same_thread=False)
    # The saver writes in WAL mode; without a limit the -wal file stays at its high-water mark (~4 MB).
    conn.execute("PRAGMA journal_size_limit = 1048576")
    return RetainingSqliteSaver(conn, retention, serde)


def ping_postgres(url: str) -> str:
    try:
        with psycopg.connect(postgres_conninfo(url), connect_timeout=5, autocommit=True) as conn:
            conn.execute("SELECT 1")
    except psycopg.Error as err:
        raise DatabaseError(f"The conversation store at {_masked(url)} cannot be reached: {str(err).strip()}. "
                            "Check that PostgreSQL runs and TEXT2SQL_AGENT__CHECKPOINT_URL.",
                            code="STATE_STORE_UNAVAILABLE") from None
    return f"{_masked(url)} (PostgreSQL, shared)"


def ping_sqlite(path: Path) -> str:
    # SQLite writes the file and its -wal beside it: the nearest existing folder must take new files.
    folder = next((p for p in path.parents if p.exists()), Path("."))
    blocked = path if path.exists() and not os.access(path, os.W_OK) else None
    if blocked is None and not os.access(folder, os.W_OK):
        blocked = folder
    if blocked is not None:
        raise DatabaseError(f"Conversations cannot be written to {path}: {blocked} is not writable. Set "
                            "TEXT2SQL_DATA_DIR or TEXT2SQL_AGENT__CHECKPOINT_PATH to a writable place.",
                            code="STATE_STORE_UNAVAILABLE")
    return f"{path} (SQLite, this process)"
