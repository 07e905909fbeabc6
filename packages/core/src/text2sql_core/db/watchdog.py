"""A client-side deadline for one call: when it passes, the running query is cancelled from another thread.

The session's own limit (`statement_timeout`, `max_statement_time`) is set by us but can be switched off by the
query itself: `SELECT set_config('statement_timeout', '0', true), …` leaves PostgreSQL's later FETCHes unbounded,
`SET STATEMENT max_statement_time = 0 FOR SELECT …` does the same on MariaDB. The watchdog cannot be reached from
SQL. It fires a little after the session limit, so the database's own timeout normally answers first.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from types import TracebackType
from typing import Any

from text2sql_core.connection import ConnectionSettings

__all__ = ["GRACE_SECONDS", "Watchdog", "canceller"]

GRACE_SECONDS = 0.25

_log = logging.getLogger(__name__)


class Watchdog:
    """`with Watchdog(seconds, cancel) as dog:` — `dog.fired` tells whether `cancel` had to run."""

    def __init__(self, seconds: float, cancel: Callable[[], None] | None):
        self.fired = False
        self._cancel = cancel
        self._timer = threading.Timer(seconds, self._fire) if cancel else None
        if self._timer is not None:
            self._timer.daemon = True

    def _fire(self) -> None:
        self.fired = True
        try:
            if self._cancel is not None:
                self._cancel()
        except Exception as err:  # the database may be gone already; the call fails on its own then
            _log.warning("Cancelling a query past its deadline failed (%s: %s).", type(err).__name__, err)

    def __enter__(self) -> Watchdog:
        if self._timer is not None:
            self._timer.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self._timer is not None:
            self._timer.cancel()
            # a cancel already under way must finish before the connection is reused, or it could stop the
            # next caller's query on the same session
            self._timer.join()


def _postgres_cancel(conn: Any) -> Callable[[], None]:
    # psycopg's cancel is thread-safe: it sends a cancel request on a new socket, the query fails with
    # "canceling statement due to user request" and the connection stays usable.
    return getattr(conn, "cancel_safe", None) or conn.cancel


def _mysql_cancel(conn: Any, settings: ConnectionSettings) -> Callable[[], None]:
    thread_id = int(conn.thread_id())

    def cancel() -> None:
        from text2sql_core.db.connect import connection_factory  # connect imports this module's users

        killer = connection_factory(settings)()
        try:
            cursor = killer.cursor()
            cursor.execute(f"KILL QUERY {thread_id}")  # an account may always kill its own queries
        finally:
            with contextlib.suppress(Exception):
                killer.close()

    return cancel


def canceller(dialect: str, conn: Any, settings: ConnectionSettings) -> Callable[[], None] | None:
    """How to stop the query running on `conn` from another thread; None where the driver's own limit is
    client-side already (SQLite's progress handler, Oracle's call_timeout)."""
    if dialect == "postgres":
        return _postgres_cancel(conn)
    if dialect == "mysql":
        return _mysql_cancel(conn, settings)
    return None
