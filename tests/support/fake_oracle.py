"""A fake Oracle DB-API connection: records every statement and its binds, answers from a script.

No Oracle server runs here; these fakes check what our code sends (SQL text and binds), not Oracle itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Responder = Callable[[str, dict[str, Any]], tuple[list[str], list[tuple]]]


class FakeCursor:
    def __init__(self, conn: FakeOracleConnection):
        self.conn = conn
        self.description: list[tuple] | None = None
        self._rows: list[tuple] = []

    def execute(self, sql: str, binds: dict[str, Any] | None = None) -> None:
        binds = dict(binds or {})
        self.conn.executed.append((sql, binds))
        if self.conn.fail_on and self.conn.fail_on in sql:
            raise self.conn.error
        columns, rows = self.conn.responder(sql, binds)
        self.description = [(c, None, None, None, None, None, None) for c in columns] if columns else None
        self._rows = list(rows)

    def fetchall(self) -> list[tuple]:
        rows, self._rows = self._rows, []
        return rows

    def fetchmany(self, size: int) -> list[tuple]:
        batch, self._rows = self._rows[:size], self._rows[size:]
        self.conn.fetch_sizes.append(size)
        return batch

    def close(self) -> None:
        self.conn.cursors_closed += 1


class FakeOracleConnection:
    def __init__(self, responder: Responder, fail_on: str | None = None, error: Exception | None = None):
        self.responder = responder
        self.executed: list[tuple[str, dict[str, Any]]] = []
        self.fetch_sizes: list[int] = []
        self.call_timeout = 0
        self.rolled_back = 0
        self.closed = False
        self.cursors_closed = 0
        self.fail_on = fail_on
        self.error = error or RuntimeError("ORA-00942: table or view does not exist")

    def cursor(self) -> FakeCursor:
        return FakeCursor(self)

    def rollback(self) -> None:
        self.rolled_back += 1

    def commit(self) -> None:  # pragma: no cover - must never be called
        raise AssertionError("the executor must never commit")

    def close(self) -> None:
        self.closed = True
