"""Indexing into Milvus: templates and tables, dense + BM25 (Korean split into morphemes)."""

from text2sql_pipeline.index.collection import CollectionSpec, MilvusCollection
from text2sql_pipeline.index.connection import connect_milvus
from text2sql_pipeline.index.tables import TableStore, table_id
from text2sql_pipeline.index.templates import IndexCounts, TemplateStore, template_bm25_text
from text2sql_pipeline.index.tokenize import bm25_text

__all__ = [
    "CollectionSpec",
    "IndexCounts",
    "MilvusCollection",
    "TableStore",
    "TemplateStore",
    "bm25_text",
    "connect_milvus",
    "table_id",
    "template_bm25_text",
]
