"""Hybrid template search: dense (e5) + BM25 (morpheme-split) in one Milvus `hybrid_search`, scoped by datasource
with a Milvus filter (never a post-filter), and a dense-only fallback when hybrid search fails. Implements
`text2sql_core.protocols.TemplateSearch` (`search`)."""

from __future__ import annotations

import logging
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings
from pymilvus import AnnSearchRequest, MilvusClient, RRFRanker, WeightedRanker

from text2sql_core.errors import ErrorCode, VectorStoreError
from text2sql_core.models import SQLTemplateSearch
from text2sql_core.protocols import ValueLookup
from text2sql_core.settings import MilvusSettings
from text2sql_pipeline.index.collection import DENSE, DENSE_MASKED, SPARSE
from text2sql_pipeline.index.masking import mask_question
from text2sql_pipeline.index.tokenize import bm25_text
from text2sql_pipeline.retrieval.scope import datasource_filter
from text2sql_pipeline.retrieval.values import ValueLexicon

__all__ = ["HybridRetrievalService", "datasource_filter"]

log = logging.getLogger(__name__)

_DENSE_PARAMS = {"metric_type": "COSINE", "params": {"ef": 128}}
_SPARSE_PARAMS = {"metric_type": "BM25"}  # Milvus Lite refuses drop_ratio_* here


class HybridRetrievalService:
    def __init__(self, client: MilvusClient, collection: str, embeddings: Embeddings, settings: MilvusSettings,
                 values: ValueLookup | None = None):
        self.client = client
        self.collection = collection
        self.embeddings = embeddings
        self.settings = settings
        self._loaded = False
        self.values: ValueLookup = values or ValueLexicon(client, collection)

    def _ensure_collection(self) -> None:
        try:
            exists = self.client.has_collection(self.collection)
            if exists and not self._loaded:
                self.client.load_collection(self.collection)
                self._loaded = True
        except Exception as err:
            raise VectorStoreError(f"Milvus is unreachable: {err}. Check TEXT2SQL_MILVUS__URI or __HOST.",
                                   code=ErrorCode.VECTOR_STORE_UNAVAILABLE) from err
        if not exists:
            raise VectorStoreError(
                f"No template index yet (collection {self.collection!r} does not exist). Index templates first: "
                "`uv run text2sql index FILE…` (or `uv run text2sql demo`).", code=ErrorCode.NOT_INDEXED)

    def _vectors(self, query: str, datasource: str | None) -> tuple[list[float], list[float]]:
        masked = mask_question(self._mask_known_values(query, datasource))
        if masked == query:
            vector = self.embeddings.embed_query(query)
            return vector, vector
        plain_vector, masked_vector = self.embeddings.embed_query(query), self.embeddings.embed_query(masked)
        return plain_vector, masked_vector

    def _mask_known_values(self, query: str, datasource: str | None) -> str:
        try:
            return self.values.mask(query, datasource)
        except Exception as err:  # the search itself reports Milvus trouble; masking is only a refinement
            log.warning("could not read the known values of %r: %s", datasource, err)
            return query

    def hybrid_search(self, query: str, top_k: int = 5, datasource: str | None = None,
                      vectors: tuple[list[float], list[float]] | None = None) -> list[SQLTemplateSearch]:
        """Hybrid search (dense, dense of the value-masked text, BM25) only; raises `VectorStoreError`."""
        self._ensure_collection()
        return self._hybrid(query, top_k, datasource, vectors or self._vectors(query, datasource))

    def _hybrid(self, query: str, top_k: int, datasource: str | None,
                vectors: tuple[list[float], list[float]]) -> list[SQLTemplateSearch]:
        plain, masked = vectors
        where = datasource_filter(datasource) or None
        half = self.settings.dense_weight / 2
        requests = [AnnSearchRequest(data=[plain], anns_field=DENSE, param=_DENSE_PARAMS, limit=top_k * 4, expr=where),
                    AnnSearchRequest(data=[masked], anns_field=DENSE_MASKED, param=_DENSE_PARAMS, limit=top_k * 4,
                                     expr=where)]
        weights = [half, half]
        terms = bm25_text(query)
        if terms:
            requests.append(AnnSearchRequest(data=[terms], anns_field=SPARSE, param=_SPARSE_PARAMS, limit=top_k * 4,
                                             expr=where))
            weights.append(self.settings.sparse_weight)
        ranker = RRFRanker(self.settings.rrf_k) if self.settings.ranker == "rrf" else WeightedRanker(*weights)
        try:
            hits = self.client.hybrid_search(self.collection, requests, ranker, limit=top_k,
                                             output_fields=["payload", DENSE, DENSE_MASKED])
        except Exception as err:
            raise VectorStoreError(f"Hybrid search failed: {err}", code=ErrorCode.HYBRID_SEARCH_FAILED) from err
        return [_to_result(hit, "hybrid", plain, masked) for hit in hits[0]]

    def dense_search(self, query: str, top_k: int = 5, datasource: str | None = None,
                     vectors: tuple[list[float], list[float]] | None = None) -> list[SQLTemplateSearch]:
        self._ensure_collection()
        return self._dense(top_k, datasource, vectors or self._vectors(query, datasource))

    def _dense(self, top_k: int, datasource: str | None,
               vectors: tuple[list[float], list[float]]) -> list[SQLTemplateSearch]:
        plain, masked = vectors
        try:
            hits = self.client.search(self.collection, data=[plain], anns_field=DENSE, search_params=_DENSE_PARAMS,
                                      limit=top_k, filter=datasource_filter(datasource),
                                      output_fields=["payload", DENSE, DENSE_MASKED])
        except Exception as err:
            raise VectorStoreError(f"Dense search failed: {err}. Is Milvus reachable?",
                                   code=ErrorCode.VECTOR_STORE_UNAVAILABLE) from err
        return [_to_result(hit, "dense", plain, masked) for hit in hits[0]]

    def search(self, query: str, top_k: int = 5, datasource: str | None = None,
               vectors: tuple[list[float], list[float]] | None = None) -> list[SQLTemplateSearch]:
        """The `TemplateSearch` contract: hybrid search, dense-only when hybrid search fails."""
        # The collection is checked (and loaded) once, before the known values are read from it.
        self._ensure_collection()
        vectors = vectors or self._vectors(query, datasource)
        try:
            return self._hybrid(query, top_k, datasource, vectors)
        except VectorStoreError as err:
            log.warning("hybrid search failed (%s); falling back to dense-only search", err.message)
            return self._dense(top_k, datasource, vectors)


def _cosine(a: list[float], b: list[float] | None) -> float | None:
    if not b:
        return None
    u, v = np.asarray(a, dtype=np.float32), np.asarray(b, dtype=np.float32)
    norm = float(np.linalg.norm(u) * np.linalg.norm(v))
    return float(u @ v) / norm if norm else None


def _to_result(hit: dict[str, Any], matched_from: str, plain: list[float], masked: list[float]) -> SQLTemplateSearch:
    """Both cosines: as written, and with values masked — so a shared value counts, but a different value does not
    push a template away (`SQLTemplateSearch.cosine` is their mean)."""
    entity = hit["entity"]
    return SQLTemplateSearch(**dict(entity["payload"]), similarity_score=float(hit["distance"]),
                             matched_from=matched_from, dense_score=_cosine(plain, entity.get(DENSE)),
                             masked_score=_cosine(masked, entity.get(DENSE_MASKED)),
                             masked_vector=[float(x) for x in entity.get(DENSE_MASKED) or []] or None)
