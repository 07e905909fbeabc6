"""One contract for Milvus Lite and a Milvus server: create, upsert idempotently, scope, search, drop.

The server cases run when TEXT2SQL_TEST_MILVUS_URI points at a Milvus server; none runs here, so they skip.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

from text2sql_core.embeddings import LocalE5Embeddings
from text2sql_core.errors import VectorStoreError
from text2sql_core.models import SQLTemplateCreate
from text2sql_core.settings import MilvusSettings
from text2sql_pipeline import HybridRetrievalService, TemplateProcessor, TemplateStore, connect_milvus
from text2sql_pipeline.ingest import IngestItem

SERVER_URI = os.environ.get("TEXT2SQL_TEST_MILVUS_URI")

pytestmark = pytest.mark.slow  # the bundled embedding model and Milvus Lite


@pytest.fixture(params=["lite", pytest.param("server", marks=pytest.mark.milvus_server)])
def milvus(request: pytest.FixtureRequest, tmp_path: Path) -> MilvusSettings:
    if request.param == "lite":
        return MilvusSettings(uri=str(tmp_path / "milvus.db"))
    if not SERVER_URI:
        pytest.skip("no Milvus server here: set TEXT2SQL_TEST_MILVUS_URI=http://host:19530 to run the server cases")
    return MilvusSettings(uri=SERVER_URI)


TEMPLATES = [
    ("hr", "SELECT dept_name, COUNT(*) FROM employees GROUP BY dept_name", "부서별 직원 수"),
    ("hr", "SELECT name FROM employees WHERE salary > 5000", "급여가 5000보다 많은 직원"),
    ("sales", "SELECT region, SUM(amount) FROM orders GROUP BY region", "지역별 매출 합계"),
    ("sales", "SELECT COUNT(*) FROM orders WHERE order_date >= '2024-01-01'", "2024년 이후 주문 건수"),
]


def _store(milvus: MilvusSettings, embeddings: LocalE5Embeddings) -> TemplateStore:
    client = connect_milvus(milvus)
    return TemplateStore(client, f"contract_{uuid.uuid4().hex[:8]}", embeddings, 384)


def _processed() -> list:
    rows = [IngestItem(SQLTemplateCreate(sql_text=sql, description=d, datasource=ds, dialect="sqlite"), "t")
            for ds, sql, d in TEMPLATES]
    return TemplateProcessor().process(rows).templates


def test_contract(milvus: MilvusSettings, embeddings: LocalE5Embeddings) -> None:
    store = _store(milvus, embeddings)
    try:
        first = store.index(_processed())
        assert (first.indexed, first.unchanged) == (4, 0) and store.collection.count() == 4
        again = store.index(_processed())
        assert (again.indexed, again.unchanged) == (0, 4)
        changed = _processed()
        changed[0].description = "부서마다 직원이 몇 명인지"
        third = store.index(changed)
        assert third.indexed == 1
        stored = store.get(changed[0].id)
        assert stored is not None and "부서별 직원 수" in stored.questions  # the old description is kept
        service = HybridRetrievalService(store.collection.client, store.collection.name, embeddings, milvus)
        hits = service.hybrid_search("지역마다 매출이 얼마야?", top_k=4, datasource="sales")
        assert hits[0].sql_text.startswith("SELECT") and "region" in hits[0].sql_text
        assert {h.datasource for h in hits} == {"sales"}
        rrf = HybridRetrievalService(store.collection.client, store.collection.name, embeddings,
                                     milvus.model_copy(update={"ranker": "rrf"}))
        assert "region" in rrf.hybrid_search("region sales total", top_k=1, datasource="sales")[0].sql_text
        dense = service.dense_search("직원 수", top_k=2, datasource="hr")
        assert {h.matched_from for h in dense} == {"dense"} and {h.datasource for h in dense} == {"hr"}
    finally:
        store.collection.drop()
    assert not store.collection.exists()


def test_missing_index_says_how_to_build_it(milvus: MilvusSettings, embeddings: LocalE5Embeddings) -> None:
    service = HybridRetrievalService(connect_milvus(milvus), "never_created", embeddings, milvus)
    with pytest.raises(VectorStoreError) as info:
        service.search("anything")
    assert info.value.code == "NOT_INDEXED" and "text2sql index" in info.value.message


def test_fallback_to_dense_when_hybrid_fails(tmp_path: Path, embeddings: LocalE5Embeddings,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    milvus = MilvusSettings(uri=str(tmp_path / "milvus.db"))
    store = _store(milvus, embeddings)
    store.index(_processed())
    service = HybridRetrievalService(store.collection.client, store.collection.name, embeddings, milvus)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("sparse index unavailable")

    monkeypatch.setattr(store.collection.client, "hybrid_search", broken)
    hits = service.search("부서별 직원 수", top_k=2, datasource="hr")
    assert hits and hits[0].matched_from == "dense" and "dept_name" in hits[0].sql_text


def test_locked_lite_folder_is_explained(tmp_path: Path) -> None:
    import subprocess
    import sys
    import time

    uri = str(tmp_path / "locked.db")
    holder = subprocess.Popen([sys.executable, "-c",
                               f"from pymilvus import MilvusClient; c = MilvusClient({uri!r}); "
                               "print('ready', flush=True); import time; time.sleep(30)"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(VectorStoreError) as info:
            connect_milvus(MilvusSettings(uri=uri), shared=False)
        assert info.value.code == "MILVUS_LITE_LOCKED" and "TEXT2SQL_MILVUS__HOST" in info.value.message
    finally:
        holder.kill()
        holder.wait(timeout=10)
        time.sleep(0.1)
