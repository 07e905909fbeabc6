"""In-memory implementations of the search protocols: the same contracts as the Milvus services, over lists.

For tests (node tests run in milliseconds on them) and for tiny deployments. Dense cosine only (no BM25): the
contract is "best first, scoped by datasource, both cosines and the stored masked vector", not Milvus's ranking."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from langchain_core.embeddings import Embeddings

from text2sql_core.errors import ErrorCode, VectorStoreError
from text2sql_core.models import SQLTemplateInDB, SQLTemplateSearch, TableHit, TableSchema
from text2sql_core.text.masking import values_pattern
from text2sql_pipeline.index.masking import MASK, mask_question, masked_search_text
from text2sql_pipeline.retrieval.values import template_values

__all__ = ["InMemoryTableSearch", "InMemoryTemplateSearch", "InMemoryValueLookup"]


def _cosine(a: list[float], b: list[float]) -> float:
    u, v = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    norm = float(np.linalg.norm(u) * np.linalg.norm(v))
    return float(u @ v) / norm if norm else 0.0


class InMemoryValueLookup:
    """The templates' example values per datasource (`None` = all datasources), masked in a text."""

    def __init__(self, templates: Iterable[SQLTemplateInDB] = ()):
        self.templates = list(templates)

    def mask(self, text: str, datasource: str | None) -> str:
        values: set[str] = set()
        for template in self.templates:
            if datasource is None or template.datasource == datasource:
                values |= template_values(template.model_dump(mode="json"))
        pattern = values_pattern(values)
        return pattern.sub(MASK, text) if pattern else text


class InMemoryTemplateSearch:
    """Templates embedded once when added (as written and value-masked, like the index); searched by cosine."""

    def __init__(self, embeddings: Embeddings, templates: Iterable[SQLTemplateInDB] = ()):
        self.embeddings = embeddings
        self._rows: list[tuple[SQLTemplateInDB, list[float], list[float]]] = []
        self.values = InMemoryValueLookup()
        self.add(list(templates))

    def add(self, templates: list[SQLTemplateInDB]) -> None:
        if not templates:
            return
        plain = self.embeddings.embed_documents([t.search_text() or t.sql_text for t in templates])
        masked = self.embeddings.embed_documents([masked_search_text(t) or t.sql_text for t in templates])
        self._rows += list(zip(templates, plain, masked, strict=True))
        self.values.templates += templates

    def search(self, question: str, top_k: int = 5, datasource: str | None = None) -> list[SQLTemplateSearch]:
        if not self._rows:
            raise VectorStoreError("No template index yet (nothing was added). Index templates first.",
                                   code=ErrorCode.NOT_INDEXED)
        plain_q = self.embeddings.embed_query(question)
        masked_text = mask_question(self.values.mask(question, datasource))
        masked_q = plain_q if masked_text == question else self.embeddings.embed_query(masked_text)
        scored = []
        for template, plain, masked in self._rows:
            if datasource and template.datasource != datasource:
                continue
            dense, masked_score = _cosine(plain_q, plain), _cosine(masked_q, masked)
            scored.append(SQLTemplateSearch(**template.model_dump(), similarity_score=(dense + masked_score) / 2,
                                            matched_from="dense", dense_score=dense, masked_score=masked_score,
                                            masked_vector=list(masked)))
        return sorted(scored, key=lambda hit: hit.similarity_score, reverse=True)[:top_k]


class InMemoryTableSearch:
    def __init__(self, embeddings: Embeddings, tables: dict[str, list[TableSchema]] | None = None):
        self.embeddings = embeddings
        self._rows: list[tuple[str, TableSchema, list[float]]] = []
        for datasource, items in (tables or {}).items():
            self.add(datasource, items)

    def add(self, datasource: str, tables: list[TableSchema]) -> None:
        vectors = self.embeddings.embed_documents([t.to_document() for t in tables]) if tables else []
        self._rows += [(datasource, t, v) for t, v in zip(tables, vectors, strict=True)]

    def search(self, question: str, datasource: str | None, top_k: int = 8) -> list[TableHit]:
        query = self.embeddings.embed_query(question)
        hits = [TableHit(table=table, score=_cosine(query, vector)) for ds, table, vector in self._rows
                if datasource is None or ds == datasource]
        return sorted(hits, key=lambda hit: hit.score, reverse=True)[:top_k]
