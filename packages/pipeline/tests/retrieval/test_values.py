"""Known values: the templates' own example values, masked in a question, per datasource."""

from __future__ import annotations

import pytest

from text2sql_core.embeddings import LocalE5Embeddings
from text2sql_core.models import SQLTemplateCreate
from text2sql_core.settings import UnifiedSettings
from text2sql_core.text.masking import values_pattern
from text2sql_pipeline import HybridRetrievalService, IngestItem, index_rows, template_store
from text2sql_pipeline.retrieval.values import ValueLexicon

LIBRARY = [
    ("hr", "SELECT name, city FROM employees WHERE city = '부산' ORDER BY name", "특정 도시에 사는 직원",
     ["부산에 사는 직원을 알려줘"]),
    ("hr", "SELECT name FROM employees WHERE dept = 'marketing'", "특정 부서 직원", ["marketing 부서 직원 목록"]),
    ("sales", "SELECT name, grade FROM customers WHERE city = '서울' ORDER BY name", "특정 도시 고객 목록",
     ["서울에 사는 고객 목록"]),
]


def test_values_match_whole_words_and_allow_korean_particles() -> None:
    pattern = values_pattern({"부산", "cat", "United Airlines"})
    assert pattern is not None
    assert pattern.sub("X", "부산에 사는 고객") == "X에 사는 고객"
    assert pattern.sub("X", "flights of united airlines") == "flights of X"
    assert pattern.sub("X", "the catalog of cats") == "the catalog of cats"
    assert values_pattern(set()) is None


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory, embeddings: LocalE5Embeddings):
    folder = tmp_path_factory.mktemp("values")
    settings = UnifiedSettings(_env_file=None, milvus={"uri": str(folder / "milvus.db")})
    store = template_store(settings, embeddings)
    rows = [IngestItem(SQLTemplateCreate(sql_text=sql, description=d, questions=q, datasource=ds,
                                         dialect="sqlite"), "test") for ds, sql, d, q in LIBRARY]
    assert index_rows(rows, store).indexed == len(LIBRARY)
    return store, settings


@pytest.mark.slow
def test_lexicon_reads_each_datasources_values(indexed) -> None:
    store, _ = indexed
    lexicon = ValueLexicon(store.collection.client, store.collection.name)
    assert lexicon.mask("부산에 사는 고객 목록", "hr") == "X에 사는 고객 목록"
    assert lexicon.mask("Marketing 부서", "hr") == "X 부서"
    # Values are scoped like the search: sales knows 서울, not hr's 부산.
    assert lexicon.mask("부산에 사는 고객 목록", "sales") == "부산에 사는 고객 목록"
    assert lexicon.mask("서울 고객", "sales") == "X 고객"


@pytest.mark.slow
def test_a_shared_value_does_not_pull_another_template_ahead(indexed, embeddings: LocalE5Embeddings) -> None:
    store, settings = indexed
    service = HybridRetrievalService(store.collection.client, store.collection.name, embeddings, settings.milvus)
    hits = service.search("부산에 사는 고객 목록 보여줘", top_k=3, datasource=None)
    by_text = {h.description: h for h in hits}
    customers, employees = by_text["특정 도시 고객 목록"], by_text["특정 도시에 사는 직원"]
    # As written, the shared 부산 favours the employees template; with known values masked, customers win.
    assert employees.dense_score > customers.dense_score
    assert customers.masked_score > employees.masked_score
