"""Hand-written Korean and English paraphrases find their template first; scoping never leaks datasources."""

from __future__ import annotations

import pytest

from text2sql_core.embeddings import LocalE5Embeddings
from text2sql_core.models import SQLTemplateCreate
from text2sql_core.settings import UnifiedSettings
from text2sql_pipeline import HybridRetrievalService, IngestItem, index_rows, template_store

pytestmark = pytest.mark.slow  # the bundled embedding model and Milvus Lite

LIBRARY = [
    ("hr", "SELECT d.dept_name, COUNT(*) FROM employees e JOIN departments d ON e.dept_id = d.id GROUP BY d.dept_name",
     "부서별 직원 수", ["How many employees does each department have?"]),
    ("hr", "SELECT name, salary FROM employees ORDER BY salary DESC LIMIT 10", "급여 상위 10명 직원",
     ["Top 10 highest paid employees"]),
    ("hr", "SELECT name FROM employees WHERE hire_date >= '2024-01-01'", "2024년 이후 입사한 직원 목록",
     ["Employees hired since 2024"]),
    ("hr", "SELECT AVG(salary) FROM employees", "전체 직원의 평균 급여", ["Average salary of all employees"]),
    ("sales", "SELECT region, SUM(amount) FROM orders GROUP BY region", "지역별 매출 합계",
     ["Total sales by region"]),
    ("sales", "SELECT strftime('%Y-%m', order_date), SUM(amount) FROM orders GROUP BY 1", "월별 매출 추이",
     ["Monthly revenue trend"]),
    ("sales", "SELECT c.name FROM customers c WHERE c.city = '서울'", "서울에 사는 고객 목록",
     ["Customers living in Seoul"]),
    ("sales", "SELECT p.name, SUM(o.quantity) FROM orders o JOIN products p ON o.product_id = p.id GROUP BY p.name "
              "ORDER BY 2 DESC LIMIT 5", "가장 많이 팔린 상품 5개", ["Top 5 best selling products"]),
    ("sales", "SELECT COUNT(*) FROM employees", "영업팀 인원 수", ["Headcount of the sales team"]),
]

CASES = [
    ("각 부서에는 직원이 몇 명씩 있나요?", "hr", "dept_name"),
    ("부서마다 사원 수를 세어줘", "hr", "dept_name"),
    ("number of staff in every department", "hr", "dept_name"),
    ("연봉이 가장 높은 직원 10명 보여줘", "hr", "ORDER BY salary DESC"),
    ("who are the ten best paid people", "hr", "ORDER BY salary DESC"),
    ("직원들 평균 월급이 얼마야?", "hr", "AVG(salary)"),
    ("what is the mean salary", "hr", "AVG(salary)"),
    ("지역마다 매출이 얼마나 돼?", "sales", "region"),
    ("revenue per region", "sales", "region"),
    ("달마다 매출이 어떻게 변했어?", "sales", "strftime"),
    ("서울 거주 고객을 알려줘", "sales", "city"),
    ("which customers are based in Seoul", "sales", "city"),
    ("판매량이 제일 많은 제품 다섯 개", "sales", "quantity"),
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory, embeddings: LocalE5Embeddings) -> HybridRetrievalService:
    folder = tmp_path_factory.mktemp("paraphrases")
    settings = UnifiedSettings(_env_file=None, milvus={"uri": str(folder / "milvus.db")})
    store = template_store(settings, embeddings)
    rows = [IngestItem(SQLTemplateCreate(sql_text=sql, description=d, questions=q, datasource=ds,
                                         dialect="sqlite"), "test") for ds, sql, d, q in LIBRARY]
    summary = index_rows(rows, store)
    assert summary.indexed == len(LIBRARY)
    return HybridRetrievalService(store.collection.client, store.collection.name, embeddings, settings.milvus)


@pytest.mark.parametrize(("question", "datasource", "fragment"), CASES)
def test_paraphrase_finds_its_template_first(service: HybridRetrievalService, question: str, datasource: str,
                                             fragment: str) -> None:
    hits = service.search(question, top_k=3, datasource=datasource)
    assert fragment.lower() in hits[0].normalized_text.lower(), [h.description for h in hits]


@pytest.mark.parametrize("datasource", ["hr", "sales"])
def test_scoping_never_returns_another_datasource(service: HybridRetrievalService, datasource: str) -> None:
    for question, _, _ in CASES:
        hits = service.search(question, top_k=10, datasource=datasource)
        assert hits and all(h.datasource == datasource for h in hits)
    # "영업팀 인원 수" lives in sales although it reads like HR: the filter, not the ranking, keeps it out.
    hr_hits = service.search("영업팀 인원 수", top_k=10, datasource="hr")
    assert all("영업팀" not in h.description for h in hr_hits)
