"""Database access: read-only execution on the OLTP connection."""

from text2sql_core.db.binds import bind_names, to_pyformat
from text2sql_core.db.connect import connection_factory, pooled_factory
from text2sql_core.db.executor import QueryResult, ReadOnlyExecutor

__all__ = ["QueryResult", "ReadOnlyExecutor", "bind_names", "connection_factory", "pooled_factory", "to_pyformat"]
