"""Where conversations live: LangGraph's own checkpointers, kept bounded.

`make_checkpointer(settings)` gives a `SqliteSaver` on `TEXT2SQL_AGENT__CHECKPOINT_PATH` (one process), or a
`PostgresSaver` on `TEXT2SQL_AGENT__CHECKPOINT_URL` that replicas behind a load balancer share. Both keep:

- only a thread's latest checkpoint: LangGraph writes one per step (~7 per question, ~130 KB), and a follow-up
  needs only the last state, so each write drops the thread's older ones;
- only live threads: a sweep, at most every `checkpoint_prune_interval_seconds` and run by a write, deletes threads
  untouched for `checkpoint_ttl_hours` and all but the newest `checkpoint_max_threads`.

A thread's age is read from its newest checkpoint id (a time-ordered UUIDv6 LangGraph makes from the wall clock), so
no bookkeeping table is needed and replicas agree on it. Retention never fails a question: an error is logged and
the next write tries again.
"""

from __future__ import annotations

import atexit
import dataclasses
import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_type_hints
from uuid import UUID

from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.checkpoint.postgres import PostgresSaver
from langgraph.checkpoint.serde.jsonplus import JsonPlusSerializer
from langgraph.checkpoint.sqlite import SqliteSaver
from pydantic import BaseModel
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from text2sql_core.errors import ConfigurationError, DatabaseError
from text2sql_core.settings import UnifiedSettings

__all__ = ["RetainingPostgresSaver", "RetainingSqliteSaver", "Retention", "checkpoint_time", "make_checkpointer",
           "postgres_conninfo", "state_serializer", "state_types"]

log = logging.getLogger(__name__)

_UUID_EPOCH = datetime(1582, 10, 15, tzinfo=UTC)  # UUID timestamps count 100 ns ticks from the Gregorian reform
_THREADS_BY_RECENCY = ("SELECT thread_id, MAX(checkpoint_id) AS last FROM checkpoints "
                       "GROUP BY thread_id ORDER BY last DESC")


@dataclass(frozen=True)
class Retention:
    ttl: timedelta | None = None
    max_threads: int | None = None
    interval_seconds: float = 60.0
    # Wall clock, like the checkpoint ids it is compared with (not the pinnable business clock: a pinned
    # TEXT2SQL_TODAY must not expire every conversation). Tests pass their own.
    clock: Callable[[], datetime] = lambda: datetime.now(UTC)

    @classmethod
    def from_settings(cls, settings: UnifiedSettings) -> Retention:
        agent = settings.agent
        return cls(ttl=timedelta(hours=agent.checkpoint_ttl_hours) if agent.checkpoint_ttl_hours else None,
                   max_threads=agent.checkpoint_max_threads or None,
                   interval_seconds=agent.checkpoint_prune_interval_seconds)

    def expired(self, threads: Sequence[tuple[str, str]]) -> list[str]:
        """Of (thread_id, newest checkpoint id) pairs, newest first: the threads past the TTL or the cap."""
        cutoff = self.clock() - self.ttl if self.ttl else None
        return [thread for rank, (thread, last) in enumerate(threads)
                if (self.max_threads is not None and rank >= self.max_threads)
                or (cutoff is not None and checkpoint_time(last) < cutoff)]


def checkpoint_time(checkpoint_id: str) -> datetime:
    """When LangGraph made a checkpoint: its id is a UUIDv6, whose 60-bit timestamp reads like a v1 one."""
    value = UUID(checkpoint_id)
    # Bits 127..80: the timestamp's high 48 bits; 79..76: the version; 75..64: its low 12 bits.
    ticks = ((value.int >> 80) << 12) | ((value.int >> 64) & 0x0FFF)
    return _UUID_EPOCH + timedelta(microseconds=ticks // 10)


class _Retaining:
    """Mixed into a LangGraph saver: drop the thread's older checkpoints at each write, sweep now and then."""

    retention: Retention
    _last_sweep: float
    _sweep_lock: threading.Lock

    def _init_retention(self, retention: Retention) -> None:
        self.retention = retention
        self._last_sweep = float("-inf")
        self._sweep_lock = threading.Lock()

    def put(self, config: Any, checkpoint: Any, metadata: Any, new_versions: Any) -> Any:
        saved = super().put(config, checkpoint, metadata, new_versions)  # type: ignore[misc]
        conf = saved["configurable"]
        try:
            self._keep_latest(str(conf["thread_id"]), conf.get("checkpoint_ns", ""), conf["checkpoint_id"])
            if time.monotonic() - self._last_sweep >= self.retention.interval_seconds:
                self.sweep()
        except Exception:  # the answer matters more than the housekeeping, which the next write retries
            log.warning("checkpoint retention failed; retried at the next write", exc_info=True)
        return saved

    def sweep(self) -> list[str]:
        """Delete the threads past the TTL or the cap; returns their ids."""
        if not self._sweep_lock.acquire(blocking=False):
            return []  # another thread of this process is sweeping
        try:
            self._last_sweep = time.monotonic()
            doomed = self.retention.expired(self._threads_by_recency())
            for thread_id in doomed:
                self.delete_thread(thread_id)  # type: ignore[attr-defined]
            if doomed:
                log.info("checkpoint retention deleted %d threads", len(doomed))
            return doomed
        finally:
            self._sweep_lock.release()

    def _threads_by_recency(self) -> list[tuple[str, str]]:
        raise NotImplementedError

    def _keep_latest(self, thread_id: str, checkpoint_ns: str, checkpoint_id: str) -> None:
        raise NotImplementedError


class RetainingSqliteSaver(_Retaining, SqliteSaver):
    def __init__(self, conn: sqlite3.Connection, retention: Retention, serde: Any | None = None):
        super().__init__(conn, serde=serde)
        self._init_retention(retention)

    def _threads_by_recency(self) -> list[tuple[str, str]]:
        with self.cursor(transaction=False) as cur:
            return [(row[0], row[1]) for row in cur.execute(_THREADS_BY_RECENCY)]

    def _keep_latest(self, thread_id: str, checkpoint_ns: str, checkpoint_id: str) -> None:
        # Ids are time-ordered: everything before the checkpoint just written is history no one reads. A write of a
        # later step (a larger id) is never touched.
        with self.cursor() as cur:
            for table in ("checkpoints", "writes"):
                cur.execute(f"DELETE FROM {table} WHERE thread_id = ? AND checkpoint_ns = ? AND checkpoint_id < ?",
                            (thread_id, checkpoint_ns, checkpoint_id))


class RetainingPostgresSaver(_Retaining, PostgresSaver):
    def __init__(self, conn: Any, retention: Retention, serde: Any | None = None):
        super().__init__(conn, serde=serde)
        self._init_retention(retention)

    def _threads_by_recency(self) -> list[tuple[str, str]]:
        with self._cursor() as cur:
            return [(row["thread_id"], row["last"]) for row in cur.execute(_THREADS_BY_RECENCY).fetchall()]

    def _keep_latest(self, thread_id: str, checkpoint_ns: str, checkpoint_id: str) -> None:
        # LangGraph's own pruning: it also drops the channel blobs only older checkpoints referenced.
        self.prune([thread_id], strategy="keep_latest")


def _masked(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<unparsable URL>"


def state_types() -> set[type]:
    """Every class the agent's state can hold (pydantic models, dataclasses, enums), read from `AgentState`."""
    from text2sql_agent.state import AgentState

    found: set[type] = set()

    def visit(hint: Any) -> None:
        for arg in get_args(hint):
            visit(arg)
        if not isinstance(hint, type) or hint in found:
            return
        if issubclass(hint, BaseModel):
            found.add(hint)
            for field in hint.model_fields.values():
                visit(field.annotation)
        elif dataclasses.is_dataclass(hint):
            found.add(hint)
            for field in dataclasses.fields(hint):
                visit(field.type)
        elif issubclass(hint, Enum):
            found.add(hint)

    for hint in get_type_hints(AgentState, include_extras=True).values():
        visit(hint)
    return found


def state_serializer() -> JsonPlusSerializer:
    """LangGraph's serializer, told which classes a checkpoint may rebuild: the state's own and nothing else. By
    default it rebuilds any class a stored row names (and warns that this will stop): a row written into a shared
    database must not choose what code runs."""
    return JsonPlusSerializer(allowed_msgpack_modules=[(t.__module__, t.__name__) for t in state_types()])


def postgres_conninfo(url: str) -> str:
    """libpq's form of a PostgreSQL URL (`postgresql+psycopg://` → `postgresql://`)."""
    scheme, sep, rest = url.partition("://")
    if not sep or scheme.split("+")[0] not in ("postgresql", "postgres"):
        raise ConfigurationError(
            f"TEXT2SQL_AGENT__CHECKPOINT_URL must be a PostgreSQL URL (postgresql://user:pw@host:5432/db), not "
            f"{_masked(url)!r}; for one process leave it empty (SQLite at TEXT2SQL_AGENT__CHECKPOINT_PATH).",
            code="UNSUPPORTED_DATABASE_URL")
    return f"postgresql://{rest}"


def _postgres(url: str, retention: Retention) -> RetainingPostgresSaver:
    import psycopg
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
    return RetainingPostgresSaver(pool, retention, state_serializer())


def make_checkpointer(settings: UnifiedSettings, retention: Retention | None = None) -> BaseCheckpointSaver:
    """The checkpointer `Text2SQLAgent` gives its graph: PostgreSQL when a URL is set, else the SQLite file."""
    retention = retention or Retention.from_settings(settings)
    if settings.agent.checkpoint_url is not None:
        return _postgres(settings.agent.checkpoint_url.get_secret_value(), retention)
    path = Path(settings.agent.checkpoint_path or settings.data_dir / "checkpoints.sqlite")
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, check_same_thread=False)
    # The saver writes in WAL mode; without a limit the -wal file stays at its high-water mark (~4 MB).
    conn.execute("PRAGMA journal_size_limit = 1048576")
    return RetainingSqliteSaver(conn, retention, state_serializer())
