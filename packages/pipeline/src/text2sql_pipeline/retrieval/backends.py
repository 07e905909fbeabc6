"""The Milvus-backed searches, opened from the settings: the agent and the server get protocol implementations
from here and never touch a Milvus client themselves."""

from __future__ import annotations

from langchain_core.embeddings import Embeddings

from text2sql_core.errors import ErrorCode, Text2SQLError, VectorStoreError
from text2sql_core.protocols import TableSearch, TemplateSearch
from text2sql_core.settings import UnifiedSettings
from text2sql_pipeline.index.connection import connect_milvus
from text2sql_pipeline.retrieval.hybrid import HybridRetrievalService
from text2sql_pipeline.retrieval.tables import TableRetrievalService

__all__ = ["open_table_search", "open_template_search", "template_index_status"]


def open_template_search(settings: UnifiedSettings, embeddings: Embeddings) -> TemplateSearch:
    """Raises `VectorStoreError` (`VECTOR_STORE_UNAVAILABLE`, `MILVUS_LITE_LOCKED`) when Milvus cannot be opened."""
    client = connect_milvus(settings.milvus)
    return HybridRetrievalService(client, settings.milvus.templates_collection, embeddings, settings.milvus)


def open_table_search(settings: UnifiedSettings, embeddings: Embeddings) -> TableSearch | None:
    """The schema collection's search, or None when there is none (Phase 2 then links tables by name)."""
    try:
        client = connect_milvus(settings.milvus)
    except Text2SQLError:
        return None
    service = TableRetrievalService(client, settings.milvus.schema_collection, embeddings)
    return service if service.available() else None


def template_index_status(settings: UnifiedSettings) -> str:
    """One line for a readiness check: where the template index is and how many templates it holds. Raises
    `VectorStoreError` — `NOT_INDEXED` when the collection does not exist."""
    client = connect_milvus(settings.milvus)
    collection = settings.milvus.templates_collection
    try:
        exists = client.has_collection(collection)
        rows = client.get_collection_stats(collection).get("row_count", 0) if exists else 0
    except Exception as err:
        raise VectorStoreError(f"Milvus did not answer: {err}. Check TEXT2SQL_MILVUS__URI or __HOST.",
                               code=ErrorCode.VECTOR_STORE_UNAVAILABLE) from err
    if not exists:
        raise VectorStoreError(f"Milvus has no collection {collection!r}: run `text2sql index` (or `text2sql demo`).",
                               code=ErrorCode.NOT_INDEXED)
    return f"{settings.milvus.connection_uri} ({collection}: {rows} templates)"
