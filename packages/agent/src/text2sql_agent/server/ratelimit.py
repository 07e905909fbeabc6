"""Per-client limits: requests per minute (a token bucket) and tasks at once. Over a limit the caller is told
when to come back (429 + Retry-After), never given a 5xx."""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

__all__ = ["Admission", "RateLimiter"]


@dataclass
class _Bucket:
    tokens: float
    updated: float
    active: int = 0


@dataclass(frozen=True)
class Admission:
    allowed: bool
    retry_after: int = 0
    reason: str = ""


@dataclass
class RateLimiter:
    requests_per_minute: int
    max_concurrent: int
    clock: Callable[[], float] = time.monotonic
    _buckets: dict[str, _Bucket] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def _refill(self, bucket: _Bucket, now: float) -> None:
        rate = self.requests_per_minute / 60.0
        bucket.tokens = min(float(self.requests_per_minute), bucket.tokens + (now - bucket.updated) * rate)
        bucket.updated = now

    def acquire(self, client: str) -> Admission:
        """Take one request token and one task slot, or say why not and for how long."""
        now = self.clock()
        with self._lock:
            bucket = self._buckets.setdefault(client, _Bucket(float(self.requests_per_minute), now))
            self._refill(bucket, now)
            if bucket.tokens < 1.0:
                wait = (1.0 - bucket.tokens) * 60.0 / self.requests_per_minute
                return Admission(False, max(1, math.ceil(wait)), "rate")
            if bucket.active >= self.max_concurrent:
                return Admission(False, 1, "concurrency")
            bucket.tokens -= 1.0
            bucket.active += 1
            return Admission(True)

    def release(self, client: str) -> None:
        with self._lock:
            bucket = self._buckets.get(client)
            if bucket is not None and bucket.active > 0:
                bucket.active -= 1
            self._forget_idle(self.clock())

    def _forget_idle(self, now: float) -> None:
        # A full, idle bucket is the same as none: drop it so many one-off clients do not grow memory.
        if len(self._buckets) < 1024:
            return
        for name in [n for n, b in self._buckets.items() if b.active == 0 and now - b.updated > 60.0]:
            del self._buckets[name]
