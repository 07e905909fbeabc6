"""text2sql pipeline: ingest → process → index SQL templates into Milvus (dense + BM25), and search them."""

from text2sql_pipeline.index import TableStore, TemplateStore, bm25_text, connect_milvus
from text2sql_pipeline.ingest import HistoryFilters, IngestItem, SkippedRow, read_oracle_history, read_template_file
from text2sql_pipeline.process import TemplateProcessor, parameterize
from text2sql_pipeline.retrieval import (
    HybridRetrievalService,
    InMemoryTableSearch,
    InMemoryTemplateSearch,
    TableRetrievalService,
    open_table_search,
    open_template_search,
    template_index_status,
)
from text2sql_pipeline.run import index_rows, index_template_files, template_store
from text2sql_pipeline.summary import IndexSummary
from text2sql_pipeline.values import InMemoryValueIndex, MilvusValueIndex, index_values, open_value_index

__all__ = [
    "HistoryFilters",
    "HybridRetrievalService",
    "InMemoryTableSearch",
    "InMemoryTemplateSearch",
    "InMemoryValueIndex",
    "IndexSummary",
    "IngestItem",
    "MilvusValueIndex",
    "SkippedRow",
    "TableRetrievalService",
    "TableStore",
    "TemplateProcessor",
    "TemplateStore",
    "bm25_text",
    "connect_milvus",
    "index_rows",
    "index_template_files",
    "index_values",
    "open_table_search",
    "open_template_search",
    "open_value_index",
    "parameterize",
    "read_oracle_history",
    "read_template_file",
    "template_index_status",
    "template_store",
]
