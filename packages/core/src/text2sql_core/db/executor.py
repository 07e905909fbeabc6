"""Run one validated query on the *OLTP* connection: read-only transaction, row cap, timeout. Async.

What runs is what was checked: by default the SQL sent is the one printed from the guard's validated tree
(`render_checked`), never the caller's string. `unchecked=True` sends the string as given; it exists so tests can
prove the database wall (read-only session, one statement, session reset) holds on its own.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from text2sql_core.connection import ConnectionSettings
from text2sql_core.db.connect import pooled_factory
from text2sql_core.db.errors import classify_database_error, timeout_error, unreachable_error
from text2sql_core.db.sessions import SESSION_POLICIES, raw_connection
from text2sql_core.db.watchdog import GRACE_SECONDS, Watchdog, canceller
from text2sql_core.validation.guard import render_checked
from text2sql_core.validation.policy import GuardPolicy

__all__ = ["QueryResult", "ReadOnlyExecutor"]

_FETCH_BATCH = 200


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool
    elapsed_ms: float
    sql: str = ""
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def row_count(self) -> int:
        return len(self.rows)


class ReadOnlyExecutor:
    """`connect` may be injected (tests hand in fakes); by default it comes from the connection settings."""

    def __init__(
        self,
        settings: ConnectionSettings,
        max_rows: int = 1000,
        timeout_seconds: float = 30.0,
        connect: Callable[[], Any] | None = None,
        dialect: str | None = None,
        guard_policy: GuardPolicy | None = None,
    ):
        self.settings = settings
        # The guard's settings (allowed UDFs, size caps) as the caller's settings give them; None: the process's.
        self.guard_policy = guard_policy
        self.dialect = dialect or settings.dialect
        self.max_rows = max_rows
        self.timeout_seconds = timeout_seconds
        self._connect = connect or pooled_factory(settings)
        self._policy = SESSION_POLICIES[self.dialect]

    async def execute(
        self, sql: str, params: Mapping[str, Any] | None = None, max_rows: int | None = None,
        timeout_seconds: float | None = None, *, unchecked: bool = False,
    ) -> QueryResult:
        return await asyncio.to_thread(self.execute_sync, sql, params, max_rows, timeout_seconds,
                                       unchecked=unchecked)

    def execute_sync(
        self, sql: str, params: Mapping[str, Any] | None = None, max_rows: int | None = None,
        timeout_seconds: float | None = None, *, unchecked: bool = False,
    ) -> QueryResult:
        """Run `sql` as printed from the guard's tree; `SQLValidationError` (nothing sent) if the guard refuses.

        `unchecked=True` bypasses the guard and sends `sql` as given: for the backstop tests only.
        """
        statement = sql if unchecked else render_checked(sql, self.dialect, policy=self.guard_policy)
        cap = max(1, min(max_rows or self.max_rows, self.max_rows))
        timeout = timeout_seconds or self.timeout_seconds
        binds = dict(params or {})
        try:
            conn = self._connect()
        except Exception as err:
            raise unreachable_error(self.settings, err) from err
        started = time.perf_counter()
        try:  # closing returns a pooled connection, whose session the pool resets (db.reset), error or not
            columns, rows, truncated = self._run(conn, statement, binds, cap, timeout)
        finally:
            with contextlib.suppress(Exception):  # already discarded, or broken: nothing more to do
                conn.close()
        elapsed = (time.perf_counter() - started) * 1000
        return QueryResult(columns, rows, truncated, round(elapsed, 2), sql=statement, params=binds)

    def _run(self, conn: Any, statement: str, binds: dict[str, Any], cap: int,
             timeout: float) -> tuple[list[str], list[list[Any]], bool]:
        watchdog = Watchdog(timeout + GRACE_SECONDS, None)
        try:
            self._policy.begin(conn, timeout)
            # the whole call, every FETCH included, within the timeout — even if the query lifted the session's
            # own limit (see db.watchdog)
            watchdog = Watchdog(timeout + GRACE_SECONDS, canceller(self.dialect, raw_connection(conn), self.settings))
            with watchdog:
                cursor = self._policy.open_cursor(conn)
                try:
                    cursor.execute(self._policy.prepare_sql(statement), binds)
                    columns = [d[0] for d in cursor.description or []]
                    rows, truncated = _fetch_capped(cursor, cap)
                    if truncated and self._policy.abandon_unread(conn):
                        _discard(conn)  # unread rows are still on the wire: drop the connection, do not read them
                finally:
                    with contextlib.suppress(Exception):
                        cursor.close()
        except Exception as err:
            if watchdog.fired:
                raise timeout_error(self.dialect, timeout) from err
            raise classify_database_error(err, self.dialect, timeout) from err
        finally:
            with contextlib.suppress(Exception):  # the connection may be broken; closing it is what matters
                self._policy.end(conn)
        if watchdog.fired:  # e.g. MariaDB's SLEEP() answers 1 instead of failing when its query is killed
            raise timeout_error(self.dialect, timeout)
        return columns, rows, truncated


def _discard(conn: Any) -> None:
    """Close a connection for good: a pooled one is invalidated (the pool opens a new one when needed)."""
    invalidate = getattr(conn, "invalidate", None)
    with contextlib.suppress(Exception):
        if invalidate is not None:
            invalidate()
        else:
            conn.close()


def _fetch_capped(cursor: Any, cap: int) -> tuple[list[list[Any]], bool]:
    """Fetch at most `cap` rows, in batches, and tell whether more were there."""
    rows: list[list[Any]] = []
    while len(rows) <= cap:
        batch = cursor.fetchmany(min(_FETCH_BATCH, cap + 1 - len(rows)))
        if not batch:
            break
        rows.extend(list(r) for r in batch)
    truncated = len(rows) > cap
    return rows[:cap], truncated
