"""Two date binds over one column are one period slot whose grain the examples' span gives; a lone date is not."""

from __future__ import annotations

from datetime import date

import pytest

from text2sql_pipeline.process.periods import grain_of

RANGE = "SELECT status, COUNT(*) FROM orders o WHERE o.order_date >= {} AND o.order_date {} {} GROUP BY status"


@pytest.mark.parametrize(("start", "op", "end", "grain", "days", "inclusive"), [
    ("'2026-10-05'", "<", "'2026-10-06'", "day", None, False),
    ("'2026-10-01'", "<", "'2026-11-01'", "month", None, False),
    ("'2026-02-01'", "<", "'2026-03-01'", "month", None, False),  # 28 days, still a month
    ("'2024-02-01'", "<=", "'2024-02-29'", "month", None, True),  # leap February, inclusive end
    ("'2025-12-01'", "<", "'2026-01-01'", "month", None, False),  # December into the next year
    ("'2026-07-01'", "<", "'2026-10-01'", "quarter", None, False),
    ("'2026-01-01'", "<=", "'2026-06-30'", "half", None, True),
    ("'2025-01-01'", "<", "'2026-01-01'", "year", None, False),
    ("'2026-11-15'", "<", "'2026-11-22'", "days", 7, False),
    ("'2026-10-15'", "<", "'2026-11-15'", "days", 31, False),  # a month long, but not a calendar month
    ("DATE '2026-10-01'", "<", "DATE '2026-11-01'", "month", None, False),
    ("TO_DATE('20261001', 'YYYYMMDD')", "<=", "TO_DATE('20261031', 'YYYYMMDD')", "month", None, True),
    ("TIMESTAMP '2026-10-01 00:00:00'", "<=", "TIMESTAMP '2026-10-31 23:59:59'", "month", None, True),
])
def test_a_range_is_one_period_with_its_grain(normalize, start: str, op: str, end: str, grain: str,
                                              days: int | None, inclusive: bool) -> None:
    result = normalize(RANGE.format(start, op, end), "oracle", "9월 주문 상태별 건수")
    [period] = result.periods
    assert (period.grain, period.days, period.end_inclusive) == (grain, days, inclusive)
    assert (period.column, period.table) == ("order_date", "orders")
    first, second = result.params
    assert (period.start_param, period.end_param) == (first.name, second.name)
    assert first.period == second.period == period.name == "order_date_period"
    assert (first.role, second.role) == ("gte", "lt" if op == "<" else "lte")


def test_between_is_an_inclusive_period(normalize) -> None:
    result = normalize("SELECT SUM(amount) FROM sales WHERE sale_ymd BETWEEN 20260101 AND 20261231", "postgres",
                       "2026년 매출")
    [period] = result.periods
    assert (period.grain, period.end_inclusive, period.start_param, period.end_param) == (
        "year", True, "sale_ymd_from", "sale_ymd_to")
    assert [(p.example, p.date_format, p.role) for p in result.params] == [
        (20260101, "%Y%m%d", "between_low"), (20261231, "%Y%m%d", "between_high")]


def test_month_strings_make_a_period_of_months(normalize) -> None:
    result = normalize("SELECT SUM(amt) FROM sales WHERE base_ym >= '202607' AND base_ym <= '202609'", "oracle")
    [period] = result.periods
    assert (period.grain, period.end_inclusive) == ("quarter", True)
    assert {p.date_format for p in result.params} == {"%Y%m"}


def test_a_start_after_a_day_counts_from_the_next_day(normalize) -> None:
    result = normalize("SELECT COUNT(*) FROM t WHERE d > '2026-09-30' AND d <= '2026-10-31'", "sqlite")
    assert result.periods[0].grain == "month"


def test_a_lone_date_is_a_date_slot_not_a_period(normalize) -> None:
    result = normalize("SELECT COUNT(*) FROM customers WHERE joined_at >= '2025-01-01'", "sqlite", "2025년 이후 가입")
    assert result.periods == []
    [param] = result.params
    assert (param.type, param.role, param.period, param.from_question) == ("date", "gte", None, True)


def test_bounds_on_two_columns_are_two_dates_not_a_period(normalize) -> None:
    result = normalize("SELECT * FROM stays WHERE check_in >= '2026-10-01' AND check_out < '2026-11-01'", "sqlite")
    assert result.periods == [] and [p.period for p in result.params] == [None, None]


def test_two_ranges_are_two_periods_with_unique_names(normalize) -> None:
    result = normalize("SELECT COUNT(*) FROM orders WHERE order_date >= '2026-10-01' AND order_date < '2026-11-01' "
                       "UNION ALL SELECT COUNT(*) FROM orders WHERE order_date >= '2025-10-01' "
                       "AND order_date < '2025-11-01'", "sqlite")
    assert [p.name for p in result.periods] == ["order_date_period", "order_date_period_2"]
    assert [p.grain for p in result.periods] == ["month", "month"]


def test_grain_of_spans() -> None:
    assert grain_of(date(2026, 10, 1), date(2026, 10, 2)) == ("day", None)
    assert grain_of(date(2026, 4, 1), date(2026, 7, 1)) == ("quarter", None)
    assert grain_of(date(2026, 2, 1), date(2026, 5, 1)) == ("days", 89)  # three months, not a calendar quarter
    assert grain_of(date(2026, 7, 1), date(2027, 1, 1)) == ("half", None)
