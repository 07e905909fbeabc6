"""End to end on PostgreSQL: a question with other months, years, relative periods or other values of the same
column is answered right (rows compared with hand-written SQL); a question that says more than any template can
express is not answered, and the leftover is named.

The shop database (`t2s_faithful_<pid>_<n>`, dropped after) has Korean comments; its trusted queries are a `.sql`
file with literal dates (`DATE '…'`, `YYYYMM` strings), a `<> '취소'` rule, a GOLD grade and cities. Templates go
through the real pipeline (ingest → process), values through the real value reader (`read_values` on the database,
matched by the in-memory `ValueIndex`), search through the in-memory `TemplateSearch` over a hashing embedding. The
confidence threshold is set to 0: these tests check what is filled and what is left over, not the calibration.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import psycopg
import pytest

from text2sql_agent import Text2SQLAgent
from text2sql_core.clock import pinned_today
from text2sql_core.db import ReadOnlyExecutor
from text2sql_core.schema import create_schema_loader
from text2sql_core.settings import DatasourceSettings, UnifiedSettings
from text2sql_pipeline import InMemoryTemplateSearch, TemplateProcessor
from text2sql_pipeline.ingest.sql_file import read_sql_text
from text2sql_pipeline.values import InMemoryValueIndex, read_values

pytestmark = pytest.mark.postgres
TODAY = date(2026, 11, 22)

SCHEMA = """
CREATE TABLE customers (customer_id INT PRIMARY KEY, name TEXT NOT NULL, city TEXT, grade TEXT, joined_at DATE);
COMMENT ON TABLE customers IS '고객';
COMMENT ON COLUMN customers.name IS '고객 이름';
COMMENT ON COLUMN customers.city IS '거주 도시';
COMMENT ON COLUMN customers.grade IS '고객 등급';
COMMENT ON COLUMN customers.joined_at IS '가입일';
CREATE TABLE orders (order_id INT PRIMARY KEY, customer_id INT REFERENCES customers(customer_id), order_date DATE,
  order_ym CHAR(6), status TEXT, region TEXT, amount INT);
COMMENT ON TABLE orders IS '주문';
COMMENT ON COLUMN orders.order_date IS '주문일';
COMMENT ON COLUMN orders.order_ym IS '주문 년월';
COMMENT ON COLUMN orders.status IS '주문 상태';
COMMENT ON COLUMN orders.region IS '판매 지역';
COMMENT ON COLUMN orders.amount IS '주문 금액';
"""

TRUSTED = """
-- description: 2026년 9월 지역별 매출 합계
SELECT region, SUM(amount) AS sales FROM orders
WHERE order_date >= DATE '2026-09-01' AND order_date < DATE '2026-10-01' AND status <> '취소'
GROUP BY region ORDER BY region;
-- description: 2025년 1월부터 6월까지 월별 주문 건수
SELECT order_ym, COUNT(*) AS orders FROM orders WHERE order_ym BETWEEN '202501' AND '202506'
GROUP BY order_ym ORDER BY order_ym;
-- description: 서울에 사는 GOLD 고객 목록
SELECT name FROM customers WHERE city = '서울' AND grade = 'GOLD' ORDER BY name;
-- description: 2024년 이후 가입한 고객 수
SELECT COUNT(*) AS customers FROM customers WHERE joined_at >= DATE '2024-01-01';
-- description: 부산 고객 목록
SELECT name FROM customers WHERE city = '부산' ORDER BY name;
-- description: 지역별 매출 합계
SELECT region, SUM(amount) AS sales FROM orders WHERE status <> '취소' GROUP BY region ORDER BY region;
"""

CITIES, GRADES = ["서울", "부산", "대구", "인천"], ["GOLD", "SILVER", "BRONZE"]
STATUSES, REGIONS = ["완료", "완료", "배송중", "취소"], ["수도권", "영남", "호남"]


def _fill(conn: psycopg.Connection) -> None:
    conn.execute(SCHEMA)
    for i in range(1, 61):
        joined = date(2023, 6, 1) + timedelta(days=(i * 53) % 1270)
        conn.execute("INSERT INTO customers VALUES (%s, %s, %s, %s, %s)",
                     (i, f"고객{i:02d}", CITIES[i % 4], GRADES[(i // 4) % 3], joined))
    for i in range(1, 701):
        day = date(2025, 1, 1) + timedelta(days=(i * 37) % 691)  # 2025-01-01 … 2026-11-22
        conn.execute("INSERT INTO orders VALUES (%s, %s, %s, %s, %s, %s, %s)",
                     (i, 1 + i % 60, day, day.strftime("%Y%m"), STATUSES[i % 4], REGIONS[i % 3], 1000 * (1 + i % 17)))


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    from text2sql_testing import postgres_database

    with postgres_database("faithful") as url:
        if url is None:
            pytest.skip("no PostgreSQL on 127.0.0.1:5432 (user postgres or root, trust auth)")
        with psycopg.connect(url, autocommit=True) as conn:
            _fill(conn)
        yield url, tmp_path_factory.mktemp("faithful")


@pytest.fixture(scope="module")
def library(shop: tuple[str, Path]) -> tuple[UnifiedSettings, list, list]:
    """Settings, the processed templates and the database's values — built once for the module."""
    url, folder = shop
    settings = UnifiedSettings(_env_file=None, data_dir=folder, default_datasource="shop",
                               datasources={"shop": DatasourceSettings(schema_url=url, oltp_url=url)},
                               milvus={"uri": str(folder / "unused-milvus.db")}, phase1_confidence_threshold=0.0,
                               agent={"checkpoint_path": str(folder / "checkpoints.sqlite")})
    rows = list(read_sql_text(Path("trusted.sql"), TRUSTED, {"datasource": "shop", "dialect": "postgres"}))
    templates = TemplateProcessor().process(rows).templates
    assert len(templates) == 6
    tables = create_schema_loader(settings, "shop").load_tables()
    executor = ReadOnlyExecutor(settings.connection("oltp", "shop"))
    build = read_values(tables, executor, "postgres", settings.values, datasource="shop")
    return settings, templates, build.columns


@pytest.fixture
def agent(library: tuple[UnifiedSettings, list, list], hashing_embeddings) -> Text2SQLAgent:
    settings, templates, columns = library
    embeddings = hashing_embeddings
    return Text2SQLAgent(settings, llm=None, embeddings=embeddings,
                         retrieval=InMemoryTemplateSearch(embeddings, templates),
                         value_index=InMemoryValueIndex(columns, default_datasource="shop"))


def _rows(url: str, sql: str) -> list[tuple]:
    with psycopg.connect(url) as conn:
        return [tuple(r) for r in conn.execute(sql).fetchall()]


def _ask(agent: Text2SQLAgent, question: str):
    with pinned_today(TODAY):
        return agent.ask(question, datasource="shop", thread_id=f"faithful-{abs(hash(question))}", execute=True)


ANSWERED = [
    ("2025년 3월 지역별 매출 합계", "SELECT region, SUM(amount) FROM orders WHERE order_date >= DATE '2025-03-01' "
     "AND order_date < DATE '2025-04-01' AND status <> '취소' GROUP BY region ORDER BY region"),
    ("지난달 지역별 매출 합계", "SELECT region, SUM(amount) FROM orders WHERE order_date >= DATE '2026-10-01' "
     "AND order_date < DATE '2026-11-01' AND status <> '취소' GROUP BY region ORDER BY region"),
    ("작년 지역별 매출 합계", "SELECT region, SUM(amount) FROM orders WHERE order_date >= DATE '2025-01-01' "
     "AND order_date < DATE '2026-01-01' AND status <> '취소' GROUP BY region ORDER BY region"),
    ("최근 30일 지역별 매출 합계", "SELECT region, SUM(amount) FROM orders WHERE order_date >= DATE '2026-10-24' "
     "AND order_date < DATE '2026-11-23' AND status <> '취소' GROUP BY region ORDER BY region"),
    ("올해 가입한 고객 수", "SELECT COUNT(*) FROM customers WHERE joined_at >= DATE '2026-01-01'"),
    ("2025년 이후 가입한 고객 수", "SELECT COUNT(*) FROM customers WHERE joined_at >= DATE '2025-01-01'"),
    ("대구에 사는 SILVER 고객 목록", "SELECT name FROM customers WHERE city = '대구' AND grade = 'SILVER' ORDER BY name"),
    ("인천 고객 목록", "SELECT name FROM customers WHERE city = '인천' ORDER BY name"),
]


@pytest.mark.parametrize(("question", "sql"), ANSWERED, ids=[q for q, _ in ANSWERED])
def test_other_periods_and_values_are_answered_right(agent: Text2SQLAgent, shop, question: str, sql: str) -> None:
    answer = _ask(agent, question)
    assert answer.phase == "phase1", answer.error
    assert [tuple(r) for r in answer.rows] == _rows(shop[0], sql)


def test_a_month_string_range_takes_other_months(agent: Text2SQLAgent, shop) -> None:
    answer = _ask(agent, "2026년 3월부터 5월까지 월별 주문 건수")
    assert answer.phase == "phase1", answer.error
    assert [tuple(r) for r in answer.rows] == _rows(
        shop[0], "SELECT order_ym, COUNT(*) FROM orders WHERE order_ym BETWEEN '202603' AND '202605' "
                 "GROUP BY order_ym ORDER BY order_ym")


@pytest.mark.parametrize(("question", "leftover"), [
    ("지난달 부산 고객 목록", "지난달"),
    ("배송중 주문의 지역별 매출 합계", "배송중"),
    ("Sales by region last month for the top 2 regions", "2"),
])
def test_a_question_saying_more_than_the_template_is_not_answered(agent: Text2SQLAgent, question: str,
                                                                  leftover: str) -> None:
    answer = _ask(agent, question)
    assert answer.phase is None and answer.error is not None
    assert answer.error.code == "NO_CONFIDENT_ANSWER"
    assert f"'{leftover}'" in answer.error.message
    assert leftover in [item["text"] for item in answer.error.context["leftovers"]]
