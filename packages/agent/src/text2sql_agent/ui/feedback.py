"""Feedback on chat answers: every answer shown is remembered; a thumbs up makes a template candidate, a thumbs down
records a miss. Nothing reaches the Phase 1 index until a reviewer approves it.

The store is a SQLite file (one process) or a PostgreSQL database (`postgresql://…`): replicas behind a load
balancer then share one review queue, by default on the database that holds their conversations. The SQL is the
same on both: `?` placeholders become `%s` for psycopg, and `"user"` is quoted (a reserved word in PostgreSQL).
"""

from __future__ import annotations

import sqlite3
import threading
import uuid
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from text2sql_agent.answer import Answer
from text2sql_core.clock import now
from text2sql_core.errors import DatabaseError
from text2sql_core.settings import UnifiedSettings

__all__ = ["Candidate", "FeedbackStore"]

_SCHEMA = [
    """CREATE TABLE IF NOT EXISTS answers (
    message_id TEXT PRIMARY KEY, question TEXT NOT NULL, sql TEXT, datasource TEXT NOT NULL, dialect TEXT,
    phase TEXT, template_id TEXT, "user" TEXT, created_at TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS feedback (
    id TEXT PRIMARY KEY, message_id TEXT NOT NULL UNIQUE, value INTEGER NOT NULL, comment TEXT,
    status TEXT NOT NULL, created_at TEXT NOT NULL)""",
]
_REMEMBER = """INSERT INTO answers
(message_id, question, sql, datasource, dialect, phase, template_id, "user", created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (message_id) DO UPDATE SET question = excluded.question,
sql = excluded.sql, datasource = excluded.datasource, dialect = excluded.dialect, phase = excluded.phase,
template_id = excluded.template_id, "user" = excluded."user", created_at = excluded.created_at"""
_RECORD = """INSERT INTO feedback (id, message_id, value, comment, status, created_at) VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT (message_id) DO UPDATE SET value = excluded.value, comment = excluded.comment, status = excluded.status"""


@dataclass(frozen=True)
class Candidate:
    id: str
    question: str
    sql: str
    datasource: str
    dialect: str
    phase: str
    template_id: str | None
    user: str | None
    created_at: str


def _now() -> str:
    return now().isoformat(timespec="seconds")


def _is_postgres(target: str | Path) -> bool:
    return isinstance(target, str) and target.split("://")[0].split("+")[0] in ("postgresql", "postgres")


class FeedbackStore:
    def __init__(self, target: str | Path):
        """`target`: a SQLite file path, or a PostgreSQL URL (`postgresql://user:pw@host/db`)."""
        self._postgres = _is_postgres(target)
        if self._postgres:
            from text2sql_agent.checkpoints import postgres_conninfo

            self._conninfo = postgres_conninfo(str(target))
        else:
            self.path = Path(target)
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        with self._connect() as conn:
            for statement in _SCHEMA:
                conn.execute(statement)

    @classmethod
    def from_settings(cls, settings: UnifiedSettings) -> FeedbackStore:
        """TEXT2SQL_UI__FEEDBACK_URL, else the conversations' PostgreSQL, else the file TEXT2SQL_UI__FEEDBACK_PATH."""
        url = settings.ui.feedback_url or settings.agent.checkpoint_url
        if url is not None:
            return cls(url.get_secret_value())
        return cls(settings.ui.feedback_path or settings.data_dir / "feedback.sqlite")

    @contextmanager
    def _connect(self) -> Iterator[Any]:
        """One connection per operation, committed at the end: an object with `execute(sql, args)`."""
        if not self._postgres:
            with closing(sqlite3.connect(self.path, timeout=10)) as conn, conn:
                conn.row_factory = sqlite3.Row
                yield conn
            return
        import psycopg
        from psycopg.rows import dict_row

        try:
            with psycopg.connect(self._conninfo, connect_timeout=10, row_factory=dict_row) as conn:
                yield _Percent(conn)
        except psycopg.Error as err:
            raise DatabaseError(
                f"The feedback store failed: {str(err).strip()}. Check that PostgreSQL runs and "
                "TEXT2SQL_UI__FEEDBACK_URL (or TEXT2SQL_AGENT__CHECKPOINT_URL).", code="STATE_STORE_UNAVAILABLE",
            ) from None

    def remember(self, message_id: str, answer: Answer, dialect: str, user: str | None) -> None:
        with self._lock, self._connect() as conn:
            conn.execute(_REMEMBER, (message_id, answer.question, answer.sql_inlined or answer.sql,
                                     answer.datasource, dialect, answer.phase, answer.template_id, user, _now()))

    def record(self, message_id: str, value: int, comment: str | None = None) -> str | None:
        """Thumbs up (1) on an answer with SQL → 'pending' candidate; down (0) → 'miss'. None: unknown message."""
        with self._lock, self._connect() as conn:
            answer = conn.execute("SELECT sql FROM answers WHERE message_id = ?", (message_id,)).fetchone()
            if answer is None:
                return None
            status = "pending" if value == 1 and answer["sql"] else ("miss" if value == 0 else "liked")
            conn.execute(_RECORD, (uuid.uuid4().hex[:12], message_id, value, comment, status, _now()))
            return conn.execute("SELECT id FROM feedback WHERE message_id = ?", (message_id,)).fetchone()["id"]

    def _select(self, where: str, *args: str) -> list[Candidate]:
        with self._connect() as conn:
            rows = conn.execute(
                'SELECT f.id, a.question, a.sql, a.datasource, a.dialect, a.phase, a.template_id, a."user", '
                f"f.created_at FROM feedback f JOIN answers a USING (message_id) WHERE {where} "
                "ORDER BY f.created_at, f.id", args).fetchall()
        return [Candidate(**dict(row)) for row in rows]

    def candidates(self) -> list[Candidate]:
        return self._select("f.status = 'pending'")

    def misses(self) -> list[Candidate]:
        return self._select("f.status = 'miss'")

    def get(self, feedback_id: str) -> Candidate | None:
        """The pending candidate with this id."""
        found = self._select("f.status = 'pending' AND f.id = ?", feedback_id)
        return found[0] if found else None

    def resolve(self, feedback_id: str, status: str) -> bool:
        """Mark a pending candidate 'approved' or 'rejected' (kept, for the record)."""
        with self._lock, self._connect() as conn:
            changed = conn.execute("UPDATE feedback SET status = ? WHERE id = ? AND status = 'pending'",
                                   (status, feedback_id)).rowcount
            return changed == 1


class _Percent:
    """A psycopg connection that takes the `?` placeholders SQLite takes (no statement here holds a literal '?')."""

    def __init__(self, conn: Any):
        self._conn = conn

    def execute(self, sql: str, args: tuple[Any, ...] = ()) -> Any:
        return self._conn.execute(sql.replace("?", "%s"), args)
