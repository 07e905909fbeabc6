"""Period slots filled from Korean and English periods at their grain, in each date format; what a template cannot
say is a leftover; a date the question does not give is missing (never the example's)."""

from __future__ import annotations

from datetime import date

import pytest

from text2sql_agent.filling.binder import fill_template
from text2sql_agent.filling.periods import format_date, infer_date_format
from text2sql_core.models import SQLTemplateInDB, TemplateParam, TemplatePeriod

TODAY = date(2026, 11, 22)


def make(sql: str, params: list[TemplateParam], periods: list[TemplatePeriod] | None = None,
         question: str = "예시 질문") -> SQLTemplateInDB:
    return SQLTemplateInDB(id="t", sql_text=sql, normalized_text=sql, template_hash="h", dialect="postgres",
                           params=params, periods=periods or [], example_question=question, description=question,
                           columns=["region", "amount", "order_date"], tables=["orders"])


def month_range(fmt: str, start: object, end: object, inclusive: bool = False) -> SQLTemplateInDB:
    op = "<=" if inclusive else "<"
    sql = f"SELECT region, SUM(amount) FROM orders WHERE order_date >= :d_from AND order_date {op} :d_to GROUP BY region"
    params = [TemplateParam(name="d_from", example=start, type="date", column="order_date", role="gte",
                            date_format=fmt, period="p"),
              TemplateParam(name="d_to", example=end, type="date", column="order_date",
                            role="lte" if inclusive else "lt", date_format=fmt, period="p")]
    period = TemplatePeriod(name="p", column="order_date", start_param="d_from", end_param="d_to",
                            end_inclusive=inclusive, grain="month")
    return make(sql, params, [period])


# (question, format, example start, example end, inclusive, expected start, expected end)
PAIR_CASES = [
    ("지난달 지역별 매출 합계는?", "%Y-%m-%d", "2026-09-01", "2026-10-01", False, "2026-10-01", "2026-11-01"),
    ("9월 지역별 매출", "%Y-%m-%d", "2026-03-01", "2026-04-01", False, "2026-09-01", "2026-10-01"),
    ("2025년 3분기 지역별 매출", "%Y-%m-%d", "2026-03-01", "2026-04-01", False, "2025-07-01", "2025-10-01"),
    ("작년 지역별 매출", "%Y%m%d", "20260301", "20260331", True, "20250101", "20251231"),
    ("올해 지역별 매출", "%Y-%m-%d", "2026-03-01", "2026-03-31", True, "2026-01-01", "2026-12-31"),
    ("최근 7일 지역별 매출", "%Y-%m-%d", "2026-03-01", "2026-04-01", False, "2026-11-16", "2026-11-23"),
    ("sales by region last month", "%Y-%m-%d", "2026-03-01", "2026-04-01", False, "2026-10-01", "2026-11-01"),
    ("sales by region in Q2 2024", "%Y/%m/%d", "2026/03/01", "2026/04/01", False, "2024/04/01", "2024/07/01"),
    ("2024년 1월부터 3월까지 지역별 매출", "%Y-%m-%d", "2026-03-01", "2026-04-01", False, "2024-01-01", "2024-04-01"),
    ("지난달 지역별 매출", "%Y%m", "202609", "202609", True, "202610", "202610"),
    ("2025년 상반기 지역별 매출", "%Y%m", "202609", "202610", False, "202501", "202507"),
]


@pytest.mark.parametrize(("question", "fmt", "ex_start", "ex_end", "inclusive", "start", "end"), PAIR_CASES)
def test_a_period_fills_a_pair_as_a_whole(question, fmt, ex_start, ex_end, inclusive, start, end) -> None:
    fill = fill_template(month_range(fmt, ex_start, ex_end, inclusive), question, TODAY)
    assert fill.values == {"d_from": start, "d_to": end} and fill.complete
    assert fill.methods == {"d_from": "period", "d_to": "period"} and not fill.periods.leftovers


def test_number_dates_stay_numbers_and_timestamps_keep_their_time() -> None:
    numeric = fill_template(month_range("%Y%m%d", 20260301, 20260401), "지난달 지역별 매출", TODAY)
    assert numeric.values == {"d_from": 20261001, "d_to": 20261101}
    stamped = fill_template(month_range("%Y-%m-%d", "2026-03-01 00:00:00", "2026-04-01 00:00:00"), "9월 매출", TODAY)
    assert stamped.values == {"d_from": "2026-09-01 00:00:00", "d_to": "2026-10-01 00:00:00"}


def test_a_month_slot_cannot_say_a_week_so_the_week_is_left_over() -> None:
    fill = fill_template(month_range("%Y%m", "202609", "202610"), "지난주 지역별 매출", TODAY)
    assert fill.missing == ["d_from", "d_to"] and [p.text for p in fill.periods.leftovers] == ["지난주"]


def since_template() -> SQLTemplateInDB:
    sql = "SELECT name FROM employees WHERE hire_date >= :hire_date ORDER BY hire_date"
    return make(sql, [TemplateParam(name="hire_date", example="2024-01-01", type="date", column="hire_date")],
                question="2024년 이후 입사한 직원")


@pytest.mark.parametrize(("question", "value"), [
    ("올해 입사한 직원", "2026-01-01"),  # runs past today: a since-slot says all of it
    ("2025년 이후 입사한 직원", "2025-01-01"),
    ("3월부터 입사한 직원", "2026-03-01"),
    ("employees hired since 2023", "2023-01-01"),
    ("최근 30일 입사자", "2026-10-24"),
])
def test_a_since_slot_takes_the_start(question: str, value: str) -> None:
    fill = fill_template(since_template(), question, TODAY)
    assert fill.values == {"hire_date": value} and not fill.periods.leftovers


@pytest.mark.parametrize("question", ["작년에 입사한 직원", "지난달 입사한 직원", "2024년 3월 입사자"])
def test_a_closed_past_period_is_more_than_a_since_slot_can_say(question: str) -> None:
    fill = fill_template(since_template(), question, TODAY)
    assert fill.missing == ["hire_date"] and len(fill.periods.leftovers) == 1


def test_a_date_the_question_does_not_give_is_missing_never_the_example() -> None:
    fill = fill_template(since_template(), "입사한 직원 목록", TODAY)
    assert fill.missing == ["hire_date"] and "hire_date" not in fill.values
    pair = fill_template(month_range("%Y-%m-%d", "2026-03-01", "2026-04-01"), "지역별 매출 합계", TODAY)
    assert pair.missing == ["d_from", "d_to"]


def test_an_open_period_binds_only_a_since_or_until_slot() -> None:
    fill = fill_template(month_range("%Y-%m-%d", "2026-03-01", "2026-04-01"), "3월부터 지역별 매출", TODAY)
    assert fill.missing == ["d_from", "d_to"] and [p.text for p in fill.periods.leftovers] == ["3월부터"]
    until = make("SELECT name FROM employees WHERE hire_date < :hire_date",
                 [TemplateParam(name="hire_date", example="2024-01-01", type="date", column="hire_date", role="lt")])
    assert fill_template(until, "2020년 이전 입사자", TODAY).values == {"hire_date": "2021-01-01"}
    assert fill_template(until, "올해 입사자", TODAY).missing == ["hire_date"]


def test_a_single_day_slot_takes_a_day_not_a_month() -> None:
    day = make("SELECT * FROM orders WHERE order_date = :order_date",
               [TemplateParam(name="order_date", example="2026-03-05", type="date", column="order_date", role="eq")])
    assert fill_template(day, "어제 주문", TODAY).values == {"order_date": "2026-11-21"}
    assert fill_template(day, "2026년 3월 7일 주문", TODAY).values == {"order_date": "2026-03-07"}
    month = fill_template(day, "지난달 주문", TODAY)
    assert month.missing == ["order_date"] and [p.text for p in month.periods.leftovers] == ["지난달"]


def test_a_template_without_date_slots_leaves_every_period_over() -> None:
    plain = make("SELECT region, SUM(amount) FROM orders GROUP BY region", [])
    fill = fill_template(plain, "지난달 지역별 매출 합계는?", TODAY)
    assert fill.complete and [p.text for p in fill.periods.leftovers] == ["지난달"]


def test_untyped_pairs_from_older_indexes_are_inferred_from_the_sql() -> None:
    sql = "SELECT COUNT(*) FROM orders WHERE order_date BETWEEN :a AND :b"
    t = make(sql, [TemplateParam(name="a", example="2026-03-01"), TemplateParam(name="b", example="2026-03-31")])
    assert fill_template(t, "지난달 주문 건수", TODAY).values == {"a": "2026-10-01", "b": "2026-10-31"}


def test_other_todays_move_relative_periods() -> None:
    t = month_range("%Y-%m-%d", "2026-03-01", "2026-04-01")
    assert fill_template(t, "지난달 매출", date(2027, 1, 15)).values == {"d_from": "2026-12-01", "d_to": "2027-01-01"}
    assert fill_template(t, "9월 매출", date(2027, 1, 15)).values == {"d_from": "2026-09-01", "d_to": "2026-10-01"}


def test_formats_are_inferred_from_examples() -> None:
    assert infer_date_format("2024-01-01") == "%Y-%m-%d" and infer_date_format("20240101") == "%Y%m%d"
    assert infer_date_format("202401") == "%Y%m" and infer_date_format("2024/01/05") == "%Y/%m/%d"
    assert infer_date_format("서울") is None and infer_date_format(5000) is None
    assert format_date(date(2026, 9, 1), TemplateParam(name="x", example=202603, date_format="%Y%m")) == 202609
