"""text2sql pipeline: ingest → process → index SQL templates into Milvus (dense + BM25), and search them.

Exports load lazily (PEP 562): `text2sql index --help` or a question answered from a warm process must not pay
for pymilvus and the embedding stack just because this package was named.
"""

from __future__ import annotations

from text2sql_core.lazy import lazy_exports

# Exported name → the module that defines it. Explicit, so a typo fails loudly and `__all__` stays exact.
_EXPORTS = {
    "TableStore": "text2sql_pipeline.index",
    "TemplateStore": "text2sql_pipeline.index",
    "bm25_text": "text2sql_pipeline.index",
    "connect_milvus": "text2sql_pipeline.index",
    "HistoryFilters": "text2sql_pipeline.ingest",
    "IngestItem": "text2sql_pipeline.ingest",
    "SkippedRow": "text2sql_pipeline.ingest",
    "read_oracle_history": "text2sql_pipeline.ingest",
    "read_template_file": "text2sql_pipeline.ingest",
    "TemplateProcessor": "text2sql_pipeline.process",
    "parameterize": "text2sql_pipeline.process",
    "HybridRetrievalService": "text2sql_pipeline.retrieval",
    "InMemoryTableSearch": "text2sql_pipeline.retrieval",
    "InMemoryTemplateSearch": "text2sql_pipeline.retrieval",
    "TableRetrievalService": "text2sql_pipeline.retrieval",
    "open_table_search": "text2sql_pipeline.retrieval",
    "open_template_search": "text2sql_pipeline.retrieval",
    "template_index_status": "text2sql_pipeline.retrieval",
    "index_rows": "text2sql_pipeline.run",
    "index_template_files": "text2sql_pipeline.run",
    "template_store": "text2sql_pipeline.run",
    "IndexSummary": "text2sql_pipeline.summary",
    "InMemoryValueIndex": "text2sql_pipeline.values",
    "MilvusValueIndex": "text2sql_pipeline.values",
    "index_values": "text2sql_pipeline.values",
    "open_value_index": "text2sql_pipeline.values",
}

__all__ = sorted(_EXPORTS)


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
