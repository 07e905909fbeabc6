"""One contract per search protocol, run on the Milvus implementation (Milvus Lite) and on the in-memory one:
the same test body, parametrised. Both use the same small hashing embedding, so what differs is the backend."""

from __future__ import annotations

import uuid
import zlib
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from langchain_core.embeddings import Embeddings

from text2sql_core.errors import VectorStoreError
from text2sql_core.models import ColumnSchema, SQLTemplateCreate, SQLTemplateInDB, TableHit, TableSchema
from text2sql_core.protocols import TableSearch, TemplateSearch, ValueLookup
from text2sql_core.settings import MilvusSettings
from text2sql_pipeline import IngestItem, TableStore, TemplateProcessor, TemplateStore, bm25_text, connect_milvus
from text2sql_pipeline.index.masking import masked_search_text
from text2sql_pipeline.retrieval import (
    HybridRetrievalService,
    InMemoryTableSearch,
    InMemoryTemplateSearch,
    InMemoryValueLookup,
    TableRetrievalService,
    ValueLexicon,
)

DIMENSION = 256
BACKENDS = [pytest.param("milvus", marks=pytest.mark.slow), "memory"]

LIBRARY = [
    ("hr", "SELECT dept_name, COUNT(*) FROM employees GROUP BY dept_name", "부서별 직원 수", []),
    ("hr", "SELECT name, city FROM employees WHERE city = '부산' ORDER BY name", "특정 도시에 사는 직원",
     ["부산에 사는 직원을 알려줘"]),
    ("sales", "SELECT region, SUM(amount) FROM orders GROUP BY region", "지역별 매출 합계", []),
    ("sales", "SELECT name FROM customers WHERE city = '서울'", "특정 도시 고객 목록", ["서울에 사는 고객 목록"]),
]
TABLES = {
    "hr": [TableSchema(name="employees", description="직원", columns=[ColumnSchema(name="salary", description="급여")]),
           TableSchema(name="departments", description="부서", columns=[ColumnSchema(name="dept_name")])],
    "sales": [TableSchema(name="orders", description="주문", columns=[ColumnSchema(name="amount", description="금액")])],
}


class HashingEmbeddings(Embeddings):
    """Bag of morphemes in crc32 buckets: deterministic, instant, and texts sharing words are close."""

    def _vector(self, text: str) -> list[float]:
        vector = np.zeros(DIMENSION)
        for word in bm25_text(text).lower().split():
            vector[zlib.crc32(word.encode()) % DIMENSION] += 1.0
        norm = np.linalg.norm(vector)
        return (vector / norm if norm else vector).tolist()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self._vector(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._vector(text)


EMBEDDINGS = HashingEmbeddings()


def _templates() -> list[SQLTemplateInDB]:
    rows = [IngestItem(SQLTemplateCreate(sql_text=sql, description=d, questions=q, datasource=ds, dialect="sqlite"),
                       "contract") for ds, sql, d, q in LIBRARY]
    return TemplateProcessor().process(rows).templates


def _milvus(tmp_path: Path) -> MilvusSettings:
    return MilvusSettings(uri=str(tmp_path / "milvus.db"))


def _template_search(backend: str, tmp_path: Path, templates: list[SQLTemplateInDB]) -> TemplateSearch:
    if backend == "memory":
        return InMemoryTemplateSearch(EMBEDDINGS, templates)
    settings = _milvus(tmp_path)
    store = TemplateStore(connect_milvus(settings), f"contract_{uuid.uuid4().hex[:8]}", EMBEDDINGS, DIMENSION)
    if templates:
        store.index(templates)
    return HybridRetrievalService(store.collection.client, store.collection.name, EMBEDDINGS, settings)


@pytest.mark.parametrize("backend", BACKENDS)
def test_template_search_contract(backend: str, tmp_path: Path) -> None:
    templates = _templates()
    search = _template_search(backend, tmp_path, templates)
    assert isinstance(search, TemplateSearch)
    hits = search.search("부서별 직원 수", 3, "hr")
    assert hits[0].description == "부서별 직원 수" and {h.datasource for h in hits} == {"hr"}
    scores = [h.dense_score for h in hits]
    assert all(s is not None for s in scores) and all(h.masked_score is not None for h in hits)
    by_id = {t.id: t for t in templates}
    for hit in hits:  # the stored masked vector is the template's masked text, as indexed: no need to embed it again
        expected = np.asarray(EMBEDDINGS.embed_documents([masked_search_text(by_id[hit.id]) or hit.sql_text])[0])
        stored = np.asarray(hit.masked_vector)
        assert stored.shape == (DIMENSION,) and float(stored @ expected) == pytest.approx(1.0, abs=1e-5)
    assert {h.datasource for h in search.search("지역별 매출", 5, "sales")} == {"sales"}


@pytest.mark.parametrize("backend", BACKENDS)
def test_template_search_without_an_index_says_not_indexed(backend: str, tmp_path: Path) -> None:
    search = _template_search(backend, tmp_path, [])
    with pytest.raises(VectorStoreError) as info:
        search.search("anything", 3, None)
    assert info.value.code == "NOT_INDEXED"


def _table_search(backend: str, tmp_path: Path) -> TableSearch:
    if backend == "memory":
        return InMemoryTableSearch(EMBEDDINGS, TABLES)
    store = TableStore(connect_milvus(_milvus(tmp_path)), f"tables_{uuid.uuid4().hex[:8]}", EMBEDDINGS, DIMENSION)
    for datasource, tables in TABLES.items():
        store.index(datasource, tables)
    return TableRetrievalService(store.collection.client, store.collection.name, EMBEDDINGS)


@pytest.mark.parametrize("backend", BACKENDS)
def test_table_search_contract(backend: str, tmp_path: Path) -> None:
    search = _table_search(backend, tmp_path)
    assert isinstance(search, TableSearch)
    hits = search.search("직원 급여 salary", "hr", 2)
    assert all(isinstance(h, TableHit) for h in hits) and hits[0].table.name == "employees"
    assert {h.table.name for h in hits} <= {"employees", "departments"}
    assert [h.table.name for h in search.search("주문 금액", "sales", 5)] == ["orders"]


def _value_lookup(backend: str, tmp_path: Path) -> ValueLookup:
    templates = _templates()
    if backend == "memory":
        return InMemoryValueLookup(templates)
    search = _template_search(backend, tmp_path, templates)
    assert isinstance(search, HybridRetrievalService)
    return ValueLexicon(search.client, search.collection)


@pytest.mark.parametrize("backend", BACKENDS)
def test_value_lookup_contract(backend: str, tmp_path: Path) -> None:
    values: ValueLookup = _value_lookup(backend, tmp_path)
    assert isinstance(values, ValueLookup)
    assert values.mask("부산에 사는 직원", "hr") == "X에 사는 직원"
    assert values.mask("부산에 사는 고객", "sales") == "부산에 사는 고객"  # another datasource's value stays
    assert values.mask("서울에 사는 고객", None) == "X에 사는 고객"


def test_backends_are_interchangeable_for_the_agent() -> None:
    factories: list[Callable[[], object]] = [lambda: InMemoryTemplateSearch(EMBEDDINGS),
                                             lambda: InMemoryTableSearch(EMBEDDINGS), lambda: InMemoryValueLookup()]
    protocols = [TemplateSearch, TableSearch, ValueLookup]
    assert all(isinstance(make(), proto) for make, proto in zip(factories, protocols, strict=True))


@pytest.mark.slow
def test_template_index_status_for_readiness_checks(tmp_path: Path) -> None:
    from text2sql_core.settings import UnifiedSettings
    from text2sql_pipeline import template_index_status

    settings = UnifiedSettings(_env_file=None, milvus={"uri": str(tmp_path / "milvus.db"),
                                                       "templates_collection": f"status_{uuid.uuid4().hex[:8]}"})
    with pytest.raises(VectorStoreError) as info:
        template_index_status(settings)
    assert info.value.code == "NOT_INDEXED" and "text2sql index" in info.value.message
    store = TemplateStore(connect_milvus(settings.milvus), settings.milvus.templates_collection, EMBEDDINGS, DIMENSION)
    store.index(_templates())
    assert template_index_status(settings).endswith(f"({settings.milvus.templates_collection}: 4 templates)")
