"""Database access: read-only execution on the OLTP connection, the database's own wall behind the guard."""

from text2sql_core.db.accounts import account_risks
from text2sql_core.db.binds import bind_names, to_pyformat
from text2sql_core.db.connect import connection_factory, pooled_factory
from text2sql_core.db.executor import QueryResult, ReadOnlyExecutor

__all__ = ["QueryResult", "ReadOnlyExecutor", "account_risks", "bind_names", "connection_factory", "pooled_factory",
           "to_pyformat"]
