"""The seams between the agent and its backends: what it needs from search, schema and execution — nothing more.

The pipeline implements the searches over Milvus (`text2sql_pipeline.retrieval`) and in memory (for tests and
small deployments); core implements `SchemaSource` (`CachedSchemaLoader`) and `Executor` (`ReadOnlyExecutor`).
The agent depends only on these protocols, so it never imports pymilvus and its node tests run on fakes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol, runtime_checkable

from text2sql_core.db.executor import QueryResult
from text2sql_core.models import SQLTemplateSearch, TableHit, TableSchema, ValueMatch

__all__ = ["Executor", "SchemaSource", "TableSearch", "TemplateSearch", "ValueIndex", "ValueLookup"]


@runtime_checkable
class TemplateSearch(Protocol):
    def search(self, question: str, top_k: int, datasource: str | None) -> list[SQLTemplateSearch]:
        """The best templates of `datasource` first, each with both cosines (`dense_score`, `masked_score`) and
        the stored vector of its value-masked text (`masked_vector`). Raises `VectorStoreError` — `NOT_INDEXED`
        when there is no index, `VECTOR_STORE_UNAVAILABLE` when the store cannot be reached."""
        ...


@runtime_checkable
class TableSearch(Protocol):
    def search(self, question: str, datasource: str | None, top_k: int) -> list[TableHit]:
        """The tables of `datasource` whose documents best match the question, best first."""
        ...


@runtime_checkable
class ValueLookup(Protocol):
    def mask(self, text: str, datasource: str | None) -> str:
        """`text` with every value known to `datasource`'s templates replaced by the mask."""
        ...


@runtime_checkable
class ValueIndex(Protocol):
    """The values the database holds in its low-cardinality text/code columns (and their dictionary synonyms)."""

    def find(self, question: str, datasource: str | None) -> list[ValueMatch]:
        """The best non-overlapping matches of known values in `question`, in question order. A value held by several
        columns gives one match per column (same span); the caller picks the column its slot compares with."""
        ...

    def columns(self, datasource: str | None) -> set[tuple[str, str]]:
        """The (table, column) pairs whose values are indexed: only for these does a missing value mean anything."""
        ...

    def has(self, datasource: str | None, table: str, column: str, value: str) -> bool:
        """True when `table.column` holds `value` (exactly, case/width/spacing aside, or through a synonym)."""
        ...


@runtime_checkable
class SchemaSource(Protocol):
    def load_tables(self) -> list[TableSchema]:
        """Every table the datasource exposes (raises `SchemaError` when it cannot be read)."""
        ...


@runtime_checkable
class Executor(Protocol):
    def execute_sync(self, sql: str, params: Mapping[str, Any] | None = None, max_rows: int | None = None,
                     timeout_seconds: float | None = None) -> QueryResult:
        """Run one validated read-only query (raises `DatabaseError` with a registered code)."""
        ...
