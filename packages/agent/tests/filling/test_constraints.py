"""Constraint accounting: what the question states must be said by the template, or it is a leftover."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from text2sql_agent.filling.binder import fill_template
from text2sql_agent.filling.constraints import account_constraints
from text2sql_agent.filling.values import ValueEvidence
from text2sql_core.models import SQLTemplateCreate, SQLTemplateInDB, TemplateParam
from text2sql_pipeline.process import TemplateProcessor

TODAY = date(2026, 11, 22)


def processed(sql: str, example: str) -> SQLTemplateInDB:
    return TemplateProcessor().process_one(SQLTemplateCreate(sql_text=sql, description=example, dialect="sqlite"))


def leftovers(template: SQLTemplateInDB, question: str, evidence: ValueEvidence | None = None,
              vocabulary: object | None = None) -> list[tuple[str, str]]:
    fill = fill_template(template, question, TODAY, evidence)
    return [(item.kind, item.text) for item in account_constraints(question, template, fill, evidence, vocabulary)]


@dataclass
class Match:
    start: int
    end: int
    text: str
    value: str
    table: str | None
    column: str
    method: str = "exact"
    score: float = 1.0


class FakeValueIndex:
    """An in-memory value index over a few columns (the protocol's shape)."""

    def __init__(self, values: dict[tuple[str, str], list[str]]):
        self.values = values

    def find(self, question: str, datasource: str) -> list[Match]:
        found = []
        for (table, column), values in self.values.items():
            for value in values:
                at = question.find(value)
                if at >= 0:
                    found.append(Match(at, at + len(value), value, value, table, column))
        return found

    def columns(self, datasource: str) -> set[tuple[str, str]]:
        return set(self.values)

    def has(self, datasource: str, table: str, column: str, value: object) -> bool:
        return str(value) in self.values.get((table, column), [])


INDEX = FakeValueIndex({("customers", "city"): ["서울", "부산", "대구"], ("customers", "grade"): ["GOLD", "SILVER"],
                        ("orders", "status"): ["완료", "취소", "배송중"]})


def test_a_period_the_template_has_no_slot_for_is_left_over() -> None:
    t = processed("SELECT region, SUM(amount) FROM orders GROUP BY region", "지역별 매출 합계")
    assert leftovers(t, "지난달 지역별 매출 합계는?") == [("period", "지난달")]
    assert leftovers(t, "지역별 매출 합계는?") == []


def test_numbers_limits_and_comparisons_must_be_consumed() -> None:
    everyone = processed("SELECT name, salary FROM employees ORDER BY salary DESC", "직원 급여 순으로 보여줘")
    assert leftovers(everyone, "급여 상위 5명 보여줘") == [("limit", "5")]
    assert leftovers(everyone, "top 10 employees by salary") == [("limit", "10")]
    assert leftovers(everyone, "급여가 300만원 이상인 직원") == [("number", "300만"), ("comparison", "이상")]
    top = processed("SELECT name, salary FROM employees ORDER BY salary DESC LIMIT 5", "급여 상위 5명")
    assert leftovers(top, "급여 상위 세 명") == [] and leftovers(top, "급여 상위 10명") == []
    youngest = processed("SELECT name FROM employees ORDER BY age LIMIT 1", "가장 어린 직원은?")
    assert leftovers(youngest, "가장 어린 직원은?") == []
    assert leftovers(youngest, "가장 어린 직원 3명은?") == [("number", "3")]


def test_a_comparison_is_consumed_by_an_inequality_slot() -> None:
    t = processed("SELECT name FROM employees WHERE salary >= 5000000", "급여가 5000000원 이상인 직원 목록")
    assert leftovers(t, "급여가 3000000원 이상인 직원 목록") == []
    assert leftovers(t, "salary at least 4000000") == []


def test_value_index_matches_for_columns_no_slot_uses_are_left_over() -> None:
    t = processed("SELECT name FROM customers WHERE city = '서울'", "서울에 사는 고객 목록")
    assert leftovers(t, "부산에 사는 GOLD 고객 목록", ValueEvidence.lookup(INDEX, "부산에 사는 GOLD 고객 목록", "d")) == \
        [("value", "GOLD")]
    fill = fill_template(t, "부산에 사는 고객", TODAY, ValueEvidence.lookup(INDEX, "부산에 사는 고객", "d"))
    assert fill.values == {"city": "부산"} and fill.methods == {"city": "index"}


def test_a_value_the_index_does_not_know_for_the_slot_column_is_evidence_against() -> None:
    t = processed("SELECT name FROM customers WHERE city = '서울'", "서울에 사는 고객 목록")
    question = "인천에 사는 고객 목록"
    evidence = ValueEvidence.lookup(INDEX, question, "d")
    fill = fill_template(t, question, TODAY, evidence)
    assert fill.values == {"city": "인천"} and fill.unknown == {"city": "인천"}
    assert leftovers(t, question, evidence) == [("unknown_value", "인천")]


def test_a_fixed_rule_consumes_the_value_it_states() -> None:
    t = processed("SELECT COUNT(*) FROM orders WHERE status <> '취소'", "취소 제외 주문 건수")
    t.params = [p.model_copy(update={"from_question": False}) for p in t.params]
    question = "취소 제외 주문 건수"
    assert leftovers(t, question, ValueEvidence.lookup(INDEX, question, "d")) == []


def test_quoted_strings_must_be_bound() -> None:
    t = processed("SELECT COUNT(*) FROM employees", "How many employees?")
    assert leftovers(t, "How many employees named 'Kim'?") == [("value", "Kim")]


def test_columns_the_template_does_not_read_are_left_over_generic_words_are_not() -> None:
    class Vocabulary:
        def columns_mentioned(self, question: str) -> list[tuple[str, str]]:
            return [("products", "price")] if "가격" in question else []

    t = SQLTemplateInDB(id="q", sql_text="x", normalized_text="SELECT category, AVG(quantity) FROM products "
                        "GROUP BY category", template_hash="h", columns=["category", "quantity"],
                        params=[], example_question="카테고리별 평균 수량")
    assert leftovers(t, "카테고리별 상품 평균 가격", vocabulary=Vocabulary()) == [("column", "price")]
    assert leftovers(t, "카테고리별 상품 목록 수", vocabulary=Vocabulary()) == []
    with_price = t.model_copy(update={"columns": ["category", "price"]})
    assert leftovers(with_price, "카테고리별 상품 평균 가격", vocabulary=Vocabulary()) == []


def test_number_dates_are_periods_not_numbers() -> None:
    t = processed("SELECT name FROM employees WHERE hire_date >= '2024-01-01'", "2024년 이후 입사한 직원")
    assert leftovers(t, "2025년 이후 입사한 직원") == []
    assert fill_template(t, "2025년 이후 입사한 직원", TODAY).values == {"hire_date": "2025-01-01"}
    one = TemplateParam(name="n", example=3, type="number", column="x")
    assert one.type == "number"


def _demo(fast_demo, description: str) -> SQLTemplateInDB:
    return next(t for t in fast_demo.templates if t.description == description)


def test_the_schema_vocabulary_names_columns_a_template_does_not_read(fast_demo) -> None:
    from text2sql_agent.phase1.vocabulary import SchemaVocabulary
    from text2sql_core.schema import create_schema_loader

    vocabulary = SchemaVocabulary.from_tables(create_schema_loader(fast_demo.settings, "default").load_tables())
    quantity = _demo(fast_demo, "상품별 평균 판매 수량")
    assert ("column", "판매 가격") in leftovers(quantity, "상품별 평균 판매 가격 알려줘", vocabulary=vocabulary)
    assert leftovers(quantity, "상품마다 주문당 평균 몇 개씩 팔리나요?", vocabulary=vocabulary) == []
    # Table words and generic words are not columns: 직원, 목록, 수, 부서 name no column of their own here.
    headcount = _demo(fast_demo, "부서별 직원 수")
    for question in ("부서별 직원 수를 알려줘", "각 부서에 직원이 몇 명 있나요?", "팀마다 인원이 몇 명씩이야?"):
        assert leftovers(headcount, question, vocabulary=vocabulary) == [], question
    team = _demo(fast_demo, "특정 부서의 직원 목록")
    assert leftovers(team, "재무팀 직원 목록을 보여줘", vocabulary=vocabulary) == []
    salary = _demo(fast_demo, "부서별 평균 급여")
    assert leftovers(salary, "부서별 평균 급여", vocabulary=vocabulary) == []
    assert ("column", "입사일") in leftovers(salary, "부서별 평균 급여와 입사일", vocabulary=vocabulary)


def test_the_end_of_a_ranking_must_be_the_templates() -> None:
    top = processed("SELECT name, salary FROM employees ORDER BY salary DESC LIMIT 5", "급여가 가장 높은 직원 5명")
    assert leftovers(top, "급여가 가장 낮은 직원 5명이 누구예요?") == [("order", "낮은")]
    assert leftovers(top, "5 lowest paid employees") == [("order", "lowest")]
    assert leftovers(top, "월급 제일 많이 받는 사람 3명 알려줘") == []
    assert leftovers(top, "top 5 employees earning at least 100") == [("comparison", "at least"), ("number", "100")]
    smallest = processed("SELECT name FROM products ORDER BY price LIMIT 1", "가장 싼 상품은?")
    assert leftovers(smallest, "가장 비싼 상품은?") == [("order", "비싼")]
    assert leftovers(smallest, "제일 싼 상품은?") == []
    listing = processed("SELECT name FROM employees ORDER BY salary DESC", "급여 순 직원 목록")
    assert leftovers(listing, "급여 낮은 순 직원 목록") == []  # no LIMIT: the whole list, either end readable


def test_korean_myriad_units_multiply_the_digits() -> None:
    t = processed("SELECT name FROM employees WHERE salary >= 5000000", "급여가 5000000원 이상인 직원 목록")
    assert fill_template(t, "급여를 450만원 이상 받는 직원은 누구입니까?", TODAY).values == {"salary": 4500000}
    assert fill_template(t, "급여가 1.5억 이상인 직원", TODAY).values == {"salary": 150000000}
    assert leftovers(t, "급여를 450만원 이상 받는 직원은 누구입니까?") == []
