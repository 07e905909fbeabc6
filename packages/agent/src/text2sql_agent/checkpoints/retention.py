"""Checkpoint retention: each thread keeps only its latest checkpoint, and a sweep drops old and surplus threads.

LangGraph writes one checkpoint per step (~7 per question, ~130 KB on the demo); a follow-up needs only the last
state, so each write drops the thread's older ones. At most every `interval_seconds`, a write also deletes threads
untouched for the TTL and all but the newest `max_threads`. A thread's age is read from its newest checkpoint id (a
time-ordered UUIDv6 LangGraph makes from the wall clock): no bookkeeping table, and replicas agree on it. Retention
never fails a question: its errors are logged and the next write tries again. The store's own failures (disk,
PostgreSQL down) become one `STATE_STORE_UNAVAILABLE` error instead of a driver's traceback.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

from text2sql_core.errors import DatabaseError
from text2sql_core.settings import UnifiedSettings

__all__ = ["THREADS_BY_RECENCY", "RetainingSaver", "Retention", "checkpoint_time"]

log = logging.getLogger(__name__)

_UUID_EPOCH = datetime(1582, 10, 15, tzinfo=UTC)  # UUID timestamps count 100 ns ticks from the Gregorian reform
# The same table and columns in LangGraph's SQLite and PostgreSQL savers.
THREADS_BY_RECENCY = ("SELECT thread_id, MAX(checkpoint_id) AS last FROM checkpoints "
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


class RetainingSaver:
    """Mixed into a LangGraph saver: drop the thread's older checkpoints at each write, sweep now and then."""

    retention: Retention
    _last_sweep: float
    _sweep_lock: threading.Lock
    _store_errors: tuple[type[BaseException], ...] = ()  # the backend's own errors, said as one clear error

    def _init_retention(self, retention: Retention) -> None:
        self.retention = retention
        self._last_sweep = float("-inf")
        self._sweep_lock = threading.Lock()

    def _unavailable(self, err: BaseException) -> DatabaseError:
        return DatabaseError(
            f"The conversation store failed: {str(err).strip() or type(err).__name__}. Check that PostgreSQL at "
            "TEXT2SQL_AGENT__CHECKPOINT_URL runs, or the disk under TEXT2SQL_AGENT__CHECKPOINT_PATH; a question "
            "without a thread id does not need it.", code="STATE_STORE_UNAVAILABLE")

    def get_tuple(self, config: Any) -> Any:
        try:
            return super().get_tuple(config)  # type: ignore[misc]
        except self._store_errors as err:
            raise self._unavailable(err) from None

    def put_writes(self, config: Any, writes: Any, task_id: str, task_path: str = "") -> None:
        try:
            super().put_writes(config, writes, task_id, task_path)  # type: ignore[misc]
        except self._store_errors as err:
            raise self._unavailable(err) from None

    def put(self, config: Any, checkpoint: Any, metadata: Any, new_versions: Any) -> Any:
        try:
            saved = super().put(config, checkpoint, metadata, new_versions)  # type: ignore[misc]
        except self._store_errors as err:
            raise self._unavailable(err) from None
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
