"""Business rules stay literals: negative conditions and values the description names as excluded; they are
recorded in `rules`, and they are part of the template hash."""

from __future__ import annotations

import pytest

from text2sql_core.models import SQLTemplateCreate
from text2sql_core.sqltext import parse_one
from text2sql_pipeline.ingest import IngestItem
from text2sql_pipeline.process import TemplateProcessor
from text2sql_pipeline.process.fingerprint import template_hash
from text2sql_pipeline.process.rules import named_as_rule

REVENUE = ("SELECT o.region, SUM(o.amount) AS sales FROM orders o WHERE {} AND o.order_date >= DATE '2026-10-01' "
           "AND o.order_date < DATE '2026-11-01' GROUP BY o.region")


@pytest.mark.parametrize(("condition", "rule"), [
    ("o.status <> '취소'", "o.status <> '취소'"),
    ("o.status != '취소'", "o.status <> '취소'"),
    ("o.status NOT IN ('취소', '반품')", "NOT o.status IN ('취소', '반품')"),
    ("o.memo NOT LIKE '%테스트%'", "o.memo NOT LIKE '%테스트%'"),
    ("NOT (o.channel = 'B2B')", "NOT (o.channel = 'B2B')"),
    ("o.amount <> 0", "o.amount <> 0"),
])
def test_negative_conditions_stay_fixed(normalize, condition: str, rule: str) -> None:
    result = normalize(REVENUE.format(condition), "oracle", "10월 지역별 매출")
    assert [p.type for p in result.params] == ["date", "date"]  # only the period is filled
    assert result.rules == [rule]
    assert rule in result.normalized_text  # the literal stays in the SQL as written


def test_a_rule_the_description_names_stays_fixed(normalize) -> None:
    sql = "SELECT region, SUM(amount) FROM orders WHERE status = '정상' AND channel = '온라인' GROUP BY region"
    result = normalize(sql, "postgres", "온라인 지역별 매출", description="지역별 매출 (정상 주문만, 테스트 제외)")
    assert [p.name for p in result.params] == ["status", "channel"]  # nothing names them as excluded
    excluded = normalize("SELECT region, SUM(amount) FROM orders o WHERE o.kind = '반품' AND o.region = '서울' "
                         "GROUP BY region", "postgres", "서울 매출", description="서울 매출 (반품 제외)")
    assert [p.name for p in excluded.params] == ["region"] and excluded.rules == ["o.kind = '반품'"]
    english = normalize("SELECT SUM(amount) FROM orders WHERE state = 'CANCELLED' AND region = 'EU'", "sqlite",
                        "Revenue in EU excluding cancelled orders")
    assert [p.name for p in english.params] == ["region"] and english.rules == ["state = 'CANCELLED'"]


def test_named_as_rule_needs_an_exclusion_word_near_the_value() -> None:
    assert named_as_rule("취소", ["취소 제외 매출"]) and named_as_rule("취소", ["취소된 주문 빼고"])
    assert named_as_rule("cancelled", ["revenue excluding cancelled orders"])
    assert not named_as_rule("취소", ["취소된 주문 목록"]) and not named_as_rule("서울", ["서울이 아닌 고객"])
    assert not named_as_rule("France", ["singers not from France"])  # a value a new question may change


def _process(*rows: tuple[str, str]) -> list:
    items = [IngestItem(SQLTemplateCreate(sql_text=sql, description=text, datasource="shop", dialect="oracle"),
                        f"row{i}") for i, (sql, text) in enumerate(rows)]
    return TemplateProcessor().process(items).templates


def test_values_collapse_rules_do_not() -> None:
    templates = _process(
        (REVENUE.format("o.status <> '취소'").replace("2026-10-01", "2026-09-01").replace("2026-11-01", "2026-10-01"),
         "9월 지역별 매출"),
        (REVENUE.format("o.status <> '취소'"), "10월 지역별 매출"),
        (REVENUE.format("o.status <> '반품'"), "10월 지역별 매출 (반품 제외)"))
    assert len(templates) == 2
    cancelled, returned = templates
    assert cancelled.rules == ["o.status <> '취소'"] and returned.rules == ["o.status <> '반품'"]
    assert cancelled.template_hash != returned.template_hash and cancelled.id != returned.id
    assert cancelled.questions == ["10월 지역별 매출"]  # the duplicate's description kept as a question
    [period] = cancelled.periods
    assert (period.grain, period.start_param, period.end_param) == ("month", "order_date", "order_date_2")
    assert "'취소'" in cancelled.sql_text and "2026" not in cancelled.sql_text


def test_a_template_without_rules_keeps_its_hash() -> None:
    [template] = _process(("SELECT COUNT(*) FROM emp WHERE deptno = 10", "10번 부서 인원"))
    bound = parse_one("SELECT COUNT(*) FROM emp WHERE deptno = :deptno", "oracle")
    assert template.template_hash == template_hash(bound, "oracle") == template_hash(bound, "oracle", [])


def test_an_in_list_named_as_excluded_is_one_rule(normalize) -> None:
    result = normalize("SELECT SUM(amount) FROM orders WHERE status IN ('취소', '반품') AND region = '서울'", "sqlite",
                       "서울 취소·반품 제외 금액")
    assert [p.name for p in result.params] == ["region"] and result.rules == ["status IN ('취소', '반품')"]


def test_only_generic_nouns_may_stand_between_a_value_and_its_exclusion_word() -> None:
    assert named_as_rule("취소", ["취소된 주문 제외"]) and named_as_rule("반품", ["취소·반품 제외"])
    assert not named_as_rule("서울", ["서울 취소·반품 제외"]) and not named_as_rule("서울", ["서울 고객 빼고 전체"])
    assert named_as_rule("cancelled", ["excluding the cancelled ones"])
    assert not named_as_rule("EU", ["EU revenue excluding cancelled"])


@pytest.mark.parametrize(("sql", "question", "roles", "rules"), [
    ("SELECT name FROM singer WHERE country <> 'France'", "Which singers are not from France?", ["neq"], []),
    ("SELECT name FROM singer WHERE country NOT IN ('France', 'USA')", "singers not from France or USA",
     ["neq", "neq"], []),
    ("SELECT name FROM customers WHERE city <> '서울'", "서울이 아닌 지역 고객", ["neq"], []),
    # Named as excluded ("취소 제외") it is a rule even though the question says it.
    ("SELECT region, SUM(amount) FROM orders WHERE status <> '취소' GROUP BY region", "취소 제외 지역별 매출", [],
     ["status <> '취소'"]),
    # Half of the list asked about is not the person's choice of the whole list.
    ("SELECT name FROM singer WHERE country NOT IN ('France', 'USA')", "singers not from France", [],
     ["NOT country IN ('France', 'USA')"]),
])
def test_an_excluded_value_the_question_asks_for_is_a_slot(normalize, sql: str, question: str, roles: list[str],
                                                           rules: list[str]) -> None:
    result = normalize(sql, "sqlite", question)
    assert [p.role for p in result.params] == roles
    assert result.rules == rules
