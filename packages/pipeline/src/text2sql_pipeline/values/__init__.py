"""The value index: the distinct values of a database's low-cardinality text/code columns and their dictionary
synonyms, read from the OLTP connection, stored in Milvus, and found in questions (`ValueIndex` protocol)."""

from text2sql_pipeline.values.matcher import ValueMatcher
from text2sql_pipeline.values.memory import InMemoryValueIndex

__all__ = ["InMemoryValueIndex", "ValueMatcher"]
