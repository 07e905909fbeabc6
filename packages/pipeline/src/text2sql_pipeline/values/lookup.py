"""`MilvusValueIndex`: the `ValueIndex` protocol over the value collection, one compiled matcher per datasource in
memory, reloaded after `refresh_seconds` so a refresh (`text2sql index-schema --values-only`) reaches every replica.
Reading the rows is cheap; compiling 50,000 values takes a second or two, so a matcher is only rebuilt when what was
read changed."""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time

from text2sql_core.errors import Text2SQLError
from text2sql_core.models import ValueMatch
from text2sql_pipeline.values.matcher import ValueMatcher
from text2sql_pipeline.values.store import ValueStore

__all__ = ["MilvusValueIndex"]

logger = logging.getLogger(__name__)


class MilvusValueIndex:
    def __init__(self, store: ValueStore, default_datasource: str = "default", refresh_seconds: float = 60.0):
        self.store = store
        self.default_datasource = default_datasource
        self.refresh_seconds = refresh_seconds
        self._cache: dict[str, tuple[float, ValueMatcher]] = {}
        self._compiled: dict[str, tuple[str, ValueMatcher]] = {}
        self._lock = threading.Lock()

    def _load(self, datasource: str) -> ValueMatcher:
        try:
            columns = self.store.load(datasource)
            digest = hashlib.sha256(json.dumps([c.model_dump() for c in columns], sort_keys=True,
                                               ensure_ascii=False).encode("utf-8")).hexdigest()
            compiled = self._compiled.get(datasource)
            if compiled and compiled[0] == digest:
                return compiled[1]
            matcher = ValueMatcher(columns)
            self._compiled[datasource] = (digest, matcher)
            return matcher
        except Text2SQLError as err:
            # Values help Phase 1 bind; without them it still answers what it can (and refuses the rest): a
            # store that cannot be read is logged, not raised into the question's path.
            logger.warning("The value index of %r could not be read (%s); no database values this time.",
                           datasource, err.message)
            return ValueMatcher(())

    def matcher(self, datasource: str | None) -> ValueMatcher:
        name = datasource or self.default_datasource
        now = time.monotonic()
        with self._lock:
            cached = self._cache.get(name)
            if cached and now - cached[0] < self.refresh_seconds:
                return cached[1]
        matcher = self._load(name)
        with self._lock:
            self._cache[name] = (now, matcher)
        return matcher

    def invalidate(self) -> None:
        with self._lock:
            self._cache.clear()
            self._compiled.clear()

    def find(self, question: str, datasource: str | None) -> list[ValueMatch]:
        return self.matcher(datasource).find(question)

    def columns(self, datasource: str | None) -> set[tuple[str, str]]:
        return self.matcher(datasource).columns()

    def has(self, datasource: str | None, table: str, column: str, value: str) -> bool:
        return self.matcher(datasource).has(table, column, value)
