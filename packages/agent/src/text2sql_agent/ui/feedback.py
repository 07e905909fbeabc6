"""Feedback on chat answers, in SQLite: every answer shown is remembered; a thumbs up makes a template candidate,
a thumbs down records a miss. Nothing reaches the Phase 1 index until a reviewer approves it."""

from __future__ import annotations

import sqlite3
import threading
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from text2sql_agent.answer import Answer

__all__ = ["Candidate", "FeedbackStore"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS answers (
    message_id TEXT PRIMARY KEY, question TEXT NOT NULL, sql TEXT, datasource TEXT NOT NULL, dialect TEXT,
    phase TEXT, template_id TEXT, user TEXT, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS feedback (
    id TEXT PRIMARY KEY, message_id TEXT NOT NULL UNIQUE, value INTEGER NOT NULL, comment TEXT,
    status TEXT NOT NULL, created_at TEXT NOT NULL);
"""


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
    return datetime.now(UTC).isoformat(timespec="seconds")


class FeedbackStore:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        with self._connect() as conn:
            conn.executescript(_SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=10)
        conn.row_factory = sqlite3.Row
        return conn

    def remember(self, message_id: str, answer: Answer, dialect: str, user: str | None) -> None:
        with self._lock, self._connect() as conn:
            conn.execute("INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         (message_id, answer.question, answer.sql_inlined or answer.sql, answer.datasource, dialect,
                          answer.phase, answer.template_id, user, _now()))

    def record(self, message_id: str, value: int, comment: str | None = None) -> str | None:
        """Thumbs up (1) on an answer with SQL → 'pending' candidate; down (0) → 'miss'. None: unknown message."""
        with self._lock, self._connect() as conn:
            answer = conn.execute("SELECT sql FROM answers WHERE message_id = ?", (message_id,)).fetchone()
            if answer is None:
                return None
            status = "pending" if value == 1 and answer["sql"] else ("miss" if value == 0 else "liked")
            feedback_id = uuid.uuid4().hex[:12]
            conn.execute("INSERT INTO feedback VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(message_id) DO UPDATE SET "
                         "value = excluded.value, comment = excluded.comment, status = excluded.status",
                         (feedback_id, message_id, value, comment, status, _now()))
            row = conn.execute("SELECT id FROM feedback WHERE message_id = ?", (message_id,)).fetchone()
            return row["id"]

    def _select(self, where: str, *args: str) -> list[Candidate]:
        with self._connect() as conn:
            rows = conn.execute(
                "SELECT f.id, a.question, a.sql, a.datasource, a.dialect, a.phase, a.template_id, a.user, "
                f"f.created_at FROM feedback f JOIN answers a USING (message_id) WHERE {where} "
                "ORDER BY f.created_at", args).fetchall()
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
