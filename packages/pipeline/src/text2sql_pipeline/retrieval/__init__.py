"""The search side: hybrid template retrieval, table retrieval and known values — over Milvus or in memory —
implementing the protocols of `text2sql_core.protocols`."""

from text2sql_pipeline.retrieval.backends import open_table_search, open_template_search, template_index_status
from text2sql_pipeline.retrieval.hybrid import HybridRetrievalService
from text2sql_pipeline.retrieval.memory import InMemoryTableSearch, InMemoryTemplateSearch, InMemoryValueLookup
from text2sql_pipeline.retrieval.scope import datasource_filter
from text2sql_pipeline.retrieval.tables import TableRetrievalService
from text2sql_pipeline.retrieval.values import ValueLexicon

__all__ = [
    "HybridRetrievalService",
    "InMemoryTableSearch",
    "InMemoryTemplateSearch",
    "InMemoryValueLookup",
    "TableRetrievalService",
    "ValueLexicon",
    "datasource_filter",
    "open_table_search",
    "open_template_search",
    "template_index_status",
]
