"""The value index: the distinct values of a database's low-cardinality text/code columns and their dictionary
synonyms, read from the OLTP connection, stored in Milvus, and found in questions (`ValueIndex` protocol)."""

from text2sql_pipeline.values.build import ValueBuild, read_values
from text2sql_pipeline.values.lookup import MilvusValueIndex
from text2sql_pipeline.values.matcher import ValueMatcher
from text2sql_pipeline.values.memory import InMemoryValueIndex
from text2sql_pipeline.values.refresh import index_values, open_value_index, value_store
from text2sql_pipeline.values.store import ValueStore

__all__ = [
    "InMemoryValueIndex",
    "MilvusValueIndex",
    "ValueBuild",
    "ValueMatcher",
    "ValueStore",
    "index_values",
    "open_value_index",
    "read_values",
    "value_store",
]
