"""Session reset when a pooled connection goes back to the pool: nothing one caller set survives for the next.

A read-only transaction stops writes, not session state: a PostgreSQL advisory lock or `set_config(…, false)`,
a MariaDB `GET_LOCK`, user variable or `SET sql_mode` all outlive the transaction. The pool's `reset` event runs
on every return — after a success, an error or a timeout alike — and wipes them. A reset that fails discards the
connection (closed, not returned), so a half-reset session is never handed out.

Measured on the local MariaDB 10.11 (100 resets vs 50 fresh connections): COM_RESET_CONNECTION 0.2 ms,
a new connection 84 ms — so MariaDB/MySQL connections are reset in place, and only closed when the reset fails.
"""

from __future__ import annotations

import contextlib
import logging
from typing import Any

from sqlalchemy import event
from sqlalchemy.pool import Pool

__all__ = ["install_session_reset", "reset_session"]

_log = logging.getLogger(__name__)

_COM_RESET_CONNECTION = 0x1F  # MySQL ≥ 5.7.3, MariaDB ≥ 10.2.4; PyMySQL names it COM_END and has no method for it


def _reset_postgres(conn: Any) -> None:
    # DISCARD ALL = close cursors, unlisten, release advisory locks, RESET ALL (GUCs, role, session authorization),
    # drop temp tables and prepared statements. It refuses to run inside a transaction block, hence autocommit.
    conn.rollback()
    conn.autocommit = True
    try:
        conn.execute("DISCARD ALL")
    finally:
        conn.autocommit = False


def _reset_mysql(conn: Any) -> None:
    # COM_RESET_CONNECTION: rollback, user variables, session variables (sql_mode, max_statement_time…),
    # GET_LOCK locks, temporary tables and prepared statements, without re-authenticating.
    conn.rollback()
    conn._execute_command(_COM_RESET_CONNECTION, b"")
    conn._read_ok_packet()
    # the reset restores the server's defaults; put back what the driver negotiated at connect time
    conn.set_character_set(conn.charset, conn.collation)
    conn.autocommit(False)


def _reset_oracle(conn: Any) -> None:
    # Oracle has no one-call session reset short of reconnecting. Package state is reset here; ALTER SESSION
    # settings can only come from statements the guard refuses (see docs/security.md, database wall).
    conn.rollback()
    cursor = conn.cursor()
    try:
        cursor.execute("BEGIN DBMS_SESSION.RESET_PACKAGE; END;")
    finally:
        cursor.close()


_RESETS = {"postgres": _reset_postgres, "mysql": _reset_mysql, "oracle": _reset_oracle}


def reset_session(dialect: str, conn: Any) -> None:
    """Wipe the session state of a raw DB-API connection of `dialect`; raise if that could not be done."""
    reset = _RESETS.get(dialect)
    if reset is None:
        conn.rollback()
        return
    reset(conn)


def install_session_reset(pool: Pool, dialect: str) -> None:
    """Run `reset_session` on every return to `pool` (create the pool with `reset_on_return=None`)."""

    def on_reset(dbapi_connection: Any, connection_record: Any, reset_state: Any) -> None:
        if getattr(reset_state, "terminate_only", False):
            return  # the connection is being closed anyway
        try:
            reset_session(dialect, dbapi_connection)
        except Exception as err:
            # Logged without a traceback: the connection is simply dropped and the next checkout opens a new one.
            _log.warning("Session reset failed (%s: %s); the %s connection is closed instead of reused.",
                         type(err).__name__, str(err).strip()[:200], dialect)
            with contextlib.suppress(Exception):
                connection_record.invalidate(err)

    event.listen(pool, "reset", on_reset)
