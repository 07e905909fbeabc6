"""Table search for Phase 2: the tables whose documents best match a question, within one datasource.
Implements `text2sql_core.protocols.TableSearch`."""

from __future__ import annotations

from langchain_core.embeddings import Embeddings
from pymilvus import AnnSearchRequest, MilvusClient, RRFRanker

from text2sql_core.errors import ErrorCode, VectorStoreError
from text2sql_core.models import TableHit, TableSchema
from text2sql_pipeline.index.collection import DENSE, SPARSE
from text2sql_pipeline.index.tokenize import bm25_text
from text2sql_pipeline.retrieval.scope import datasource_filter

__all__ = ["TableRetrievalService"]


class TableRetrievalService:
    def __init__(self, client: MilvusClient, collection: str, embeddings: Embeddings):
        self.client = client
        self.collection = collection
        self.embeddings = embeddings

    def available(self) -> bool:
        try:
            if not self.client.has_collection(self.collection):
                return False
            self.client.load_collection(self.collection)
            return True
        except Exception:
            return False

    def search(self, question: str, datasource: str | None, top_k: int = 8) -> list[TableHit]:
        where = datasource_filter(datasource) or None
        requests = [AnnSearchRequest(data=[self.embeddings.embed_query(question)], anns_field=DENSE,
                                     param={"metric_type": "COSINE"}, limit=top_k * 2, expr=where)]
        terms = bm25_text(question)
        if terms:
            requests.append(AnnSearchRequest(data=[terms], anns_field=SPARSE, param={"metric_type": "BM25"},
                                             limit=top_k * 2, expr=where))
        try:
            hits = self.client.hybrid_search(self.collection, requests, RRFRanker(60), limit=top_k,
                                             output_fields=["payload"])
        except Exception as err:
            raise VectorStoreError(f"Table search failed: {err}", code=ErrorCode.TABLE_SEARCH_FAILED) from err
        return [TableHit(table=TableSchema.model_validate(h["entity"]["payload"]), score=float(h["distance"]))
                for h in hits[0]]
