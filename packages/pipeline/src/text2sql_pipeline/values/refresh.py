"""Building and opening the value index from the settings: what `text2sql index-schema` (`--values-only`) runs, and
what the agent opens to look values up."""

from __future__ import annotations

from text2sql_core.models import TableSchema
from text2sql_core.protocols import Executor, ValueIndex
from text2sql_core.settings import UnifiedSettings
from text2sql_pipeline.values.build import ValueBuild, read_values
from text2sql_pipeline.values.lookup import MilvusValueIndex
from text2sql_pipeline.values.store import ValueStore

__all__ = ["index_values", "open_value_index", "value_store"]


def value_store(settings: UnifiedSettings) -> ValueStore:
    from text2sql_pipeline.index.connection import connect_milvus

    return ValueStore(connect_milvus(settings.milvus), settings.values.collection)


def index_values(settings: UnifiedSettings, datasource: str | None = None, tables: list[TableSchema] | None = None,
                 executor: Executor | None = None, store: ValueStore | None = None) -> ValueBuild:
    """Read the datasource's values on its OLTP connection and replace what the collection holds for it.

    `tables` default to the schema connection's (with the data dictionary); `executor` to a `ReadOnlyExecutor` on
    the OLTP connection. Raises `DatabaseError`/`SchemaError`/`VectorStoreError` with registered codes."""
    name = datasource or settings.default_datasource
    if tables is None:
        from text2sql_core.schema import create_schema_loader

        tables = create_schema_loader(settings, name).load_tables()
    connection = settings.connection("oltp", name)
    if executor is None:
        from text2sql_core.db import ReadOnlyExecutor

        # The row cap is the column threshold + 1 ("too many"), whatever the answers' cap is.
        executor = ReadOnlyExecutor(connection, max_rows=settings.values.max_distinct + 1,
                                    timeout_seconds=settings.security.query_timeout_seconds)
    path = settings.dictionary_for(name)
    dictionary = None
    if path:
        from text2sql_core.schema.dictionary import load_dictionary

        dictionary = load_dictionary(path)
    build = read_values(tables, executor, connection.dialect, settings.values, datasource=name,
                        denied_tables=settings.security.denied_tables,
                        denied_columns=settings.security.denied_columns, dictionary=dictionary)
    (store or value_store(settings)).replace(name, build.columns)
    return build


def open_value_index(settings: UnifiedSettings) -> ValueIndex:
    """The Milvus-backed lookup (values reloaded every TEXT2SQL_VALUES__REFRESH_SECONDS). Raises
    `VectorStoreError` when Milvus cannot be opened."""
    return MilvusValueIndex(value_store(settings), default_datasource=settings.default_datasource,
                            refresh_seconds=settings.values.refresh_seconds)
