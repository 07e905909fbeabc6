"""A TTL cache in front of any `SchemaLoader`, with the data dictionary applied on the way out."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from text2sql_core.models.schema import TableSchema
from text2sql_core.schema.base import SchemaLoader, related_tables
from text2sql_core.schema.dictionary import apply_dictionary

__all__ = ["CachedSchemaLoader"]


class CachedSchemaLoader:
    def __init__(self, loader: SchemaLoader, ttl_seconds: float = 600.0, dictionary: dict | None = None,
                 clock: Callable[[], float] = time.monotonic):
        self._loader = loader
        self._ttl = ttl_seconds
        self._dictionary = dictionary
        self._clock = clock
        self._lock = threading.Lock()
        self._tables: list[TableSchema] | None = None
        self._loaded_at = 0.0

    def invalidate(self) -> None:
        with self._lock:
            self._tables = None

    def load_tables(self) -> list[TableSchema]:
        with self._lock:
            if self._tables is None or self._clock() - self._loaded_at > self._ttl:
                tables = self._loader.load_tables()
                self._tables = apply_dictionary(tables, self._dictionary) if self._dictionary else tables
                self._loaded_at = self._clock()
            return list(self._tables)

    def load_table(self, name: str) -> TableSchema | None:
        return next((t for t in self.load_tables() if t.name.lower() == name.lower()), None)

    def get_related_tables(self, name: str) -> list[TableSchema]:
        return related_tables(self.load_tables(), name)
