"""Known values: the literals the indexed templates were written with, per datasource, masked in a question
(`ValueLexicon` implements `text2sql_core.protocols.ValueLookup`).

A value that a question shares with another template's example ("JetBlue Airways", "부산") is a coincidence, not
meaning, yet it pulls the search toward that template. Pattern masking (`mask_question`) catches numbers, quoted
strings and capitalised names, not lower-case or Korean values. The templates' own example values are the
datasource's vocabulary of values — exactly the ones that can coincide — so they are masked too."""

from __future__ import annotations

import re
import threading
import time
from typing import Any

from pymilvus import MilvusClient

from text2sql_core.text.masking import values_pattern
from text2sql_pipeline.index.masking import MASK
from text2sql_pipeline.retrieval.scope import datasource_filter

__all__ = ["ValueLexicon", "template_values"]

# Milvus caps one query's limit at 16384; a datasource with more templates masks the values of the first 16384.
# Measured: 10,000 values compile in ~0.24 s (once a minute per datasource) and mask a question in ~2 ms.
_MAX_ROWS = 16384
_MIN_LENGTH = 2


def template_values(payload: dict[str, Any]) -> set[str]:
    values = set()
    for param in payload.get("params") or []:
        example = param.get("example")
        wanted = param.get("from_question", True) and param.get("type") in ("string", "unknown")
        if wanted and isinstance(example, str):
            core = example.strip("%").strip()
            if len(core) >= _MIN_LENGTH and not core.isdigit():
                values.add(core)
    return values


class ValueLexicon:
    """Per-datasource value patterns read from the template collection, refreshed after `ttl_seconds` so that
    newly indexed templates count without a restart."""

    def __init__(self, client: MilvusClient, collection: str, ttl_seconds: float = 60.0):
        self.client = client
        self.collection = collection
        self.ttl_seconds = ttl_seconds
        self._cache: dict[str | None, tuple[float, re.Pattern[str] | None]] = {}
        self._lock = threading.Lock()

    def _load(self, datasource: str | None) -> re.Pattern[str] | None:
        rows = self.client.query(self.collection, filter=datasource_filter(datasource), output_fields=["payload"],
                                 limit=_MAX_ROWS)
        values: set[str] = set()
        for row in rows:
            values |= template_values(dict(row.get("payload") or {}))
        return values_pattern(values)  # the masking rule of the question side, so both agree

    def pattern(self, datasource: str | None) -> re.Pattern[str] | None:
        now = time.monotonic()
        with self._lock:
            cached = self._cache.get(datasource)
            if cached and now - cached[0] < self.ttl_seconds:
                return cached[1]
        pattern = self._load(datasource)
        with self._lock:
            self._cache[datasource] = (now, pattern)
        return pattern

    def invalidate(self) -> None:
        with self._lock:
            self._cache.clear()

    def mask(self, text: str, datasource: str | None) -> str:
        pattern = self.pattern(datasource)
        return pattern.sub(MASK, text) if pattern else text
