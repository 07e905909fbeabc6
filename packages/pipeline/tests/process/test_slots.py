"""Every literal a typed slot: dates in each dialect's forms (keeping their wrapper and how they are written),
numbers, text with its column and table, limits; every slot has its comparison role."""

from __future__ import annotations

import pytest

from text2sql_pipeline.process.slots import date_format_of, looks_temporal

WHERE = "SELECT COUNT(*) FROM orders o WHERE o.order_date >= {}"

DATE_FORMS = [
    # dialect, literal as written, placeholder form in the normalized SQL, example, date_format
    ("oracle", "DATE '2026-10-01'", "TO_DATE(:order_date, 'YYYY-MM-DD')", "2026-10-01", "%Y-%m-%d"),
    ("oracle", "TIMESTAMP '2026-10-01 09:30:00'", "TO_TIMESTAMP(:order_date,", "2026-10-01 09:30:00",
     "%Y-%m-%d %H:%M:%S"),
    ("oracle", "TO_DATE('20261001', 'YYYYMMDD')", "TO_DATE(:order_date, 'YYYYMMDD')", "20261001", "%Y%m%d"),
    ("oracle", "TO_DATE('2026/10/01', 'YYYY/MM/DD')", "TO_DATE(:order_date, 'YYYY/MM/DD')", "2026/10/01",
     "%Y/%m/%d"),
    ("oracle", "TO_TIMESTAMP('2026-10-01 09:30:00', 'YYYY-MM-DD HH24:MI:SS')",
     "TO_TIMESTAMP(:order_date, 'YYYY-MM-DD HH24:MI:SS')", "2026-10-01 09:30:00", "%Y-%m-%d %H:%M:%S"),
    ("oracle", "CAST('2026-10-01' AS DATE)", "CAST(:order_date AS DATE)", "2026-10-01", "%Y-%m-%d"),
    ("oracle", "'2026-10-01'", ":order_date", "2026-10-01", "%Y-%m-%d"),
    ("postgres", "DATE '2026-10-01'", "CAST(:order_date AS DATE)", "2026-10-01", "%Y-%m-%d"),
    ("postgres", "'2026-10-01'::date", "CAST(:order_date AS DATE)", "2026-10-01", "%Y-%m-%d"),
    ("postgres", "TIMESTAMP '2026-10-01 09:30:00'", "CAST(:order_date AS TIMESTAMP)", "2026-10-01 09:30:00",
     "%Y-%m-%d %H:%M:%S"),
    ("postgres", "TO_DATE('20261001', 'YYYYMMDD')", "TO_DATE(:order_date, 'YYYYMMDD')", "20261001", "%Y%m%d"),
    ("postgres", "TO_TIMESTAMP('2026-10-01', 'YYYY-MM-DD')", "TO_TIMESTAMP(:order_date, 'YYYY-MM-DD')",
     "2026-10-01", "%Y-%m-%d"),
    ("mysql", "DATE '2026-10-01'", "CAST(:order_date AS DATE)", "2026-10-01", "%Y-%m-%d"),
    ("mysql", "TIMESTAMP '2026-10-01 09:30:00'", "TIMESTAMP(:order_date)", "2026-10-01 09:30:00",
     "%Y-%m-%d %H:%M:%S"),
    ("mysql", "STR_TO_DATE('20261001', '%Y%m%d')", "STR_TO_DATE(:order_date, '%Y%m%d')", "20261001", "%Y%m%d"),
    ("mysql", "CAST('2026-10-01 09:30' AS DATETIME)", "CAST(:order_date AS DATETIME)", "2026-10-01 09:30",
     "%Y-%m-%d %H:%M"),
    ("mysql", "DATE('2026-10-01')", "DATE(:order_date)", "2026-10-01", "%Y-%m-%d"),
    ("sqlite", "DATE('2026-10-01')", "DATE(:order_date)", "2026-10-01", "%Y-%m-%d"),
    ("sqlite", "datetime('2026-10-01 09:30:00')", "DATETIME(:order_date)", "2026-10-01 09:30:00",
     "%Y-%m-%d %H:%M:%S"),
    ("sqlite", "CAST('2026-10-01' AS DATE)", "DATE(:order_date)", "2026-10-01", "%Y-%m-%d"),
    ("sqlite", "'2026-10-01'", ":order_date", "2026-10-01", "%Y-%m-%d"),
]


@pytest.mark.parametrize(("dialect", "literal", "bound", "example", "date_format"), DATE_FORMS)
def test_each_date_form_is_a_date_slot_in_its_wrapper(normalize, dialect: str, literal: str, bound: str,
                                                      example: str, date_format: str) -> None:
    result = normalize(WHERE.format(literal), dialect, "10월 1일 이후 주문 건수")
    assert bound in result.normalized_text and "2026" not in result.normalized_text
    [param] = result.params
    assert (param.name, param.type, param.example, param.date_format) == ("order_date", "date", example,
                                                                          date_format)
    assert (param.column, param.table, param.role, param.from_question) == ("order_date", "orders", "gte", True)


def test_a_date_is_the_questions_even_when_the_example_question_never_says_it(normalize) -> None:
    [param] = normalize(WHERE.format("DATE '2026-10-01'"), "postgres", "최근 주문 건수").params
    assert param.type == "date" and param.from_question is True


@pytest.mark.parametrize(("column", "literal", "kind", "date_format"), [
    ("sale_ymd", "20261001", "date", "%Y%m%d"),  # NUMBER(8) days, common in Korean schemas
    ("sale_ymd", "'20261001'", "date", "%Y%m%d"),
    ("base_ym", "'202610'", "date", "%Y%m"),
    ("주문일자", "'20261001'", "date", "%Y%m%d"),
    ("customer_id", "20261001", "number", None),  # a valid date, but not a date column
    ("sale_ymd", "20261345", "number", None),  # a date column, but no valid date
    ("base_ym", "'ABC'", "string", None),
])
def test_a_compact_date_needs_a_temporal_column(normalize, column: str, literal: str, kind: str,
                                                date_format: str | None) -> None:
    [param] = normalize(f'SELECT * FROM sales WHERE "{column}" = {literal}', "postgres").params
    assert (param.type, param.date_format) == (kind, date_format)
    if kind == "date" and not literal.startswith("'"):
        assert param.example == 20261001  # a number-typed date keeps an int example


def test_the_schema_type_decides_when_the_name_does_not(normalize) -> None:
    sql = "SELECT * FROM sales WHERE closed = 20261001"
    assert normalize(sql, "postgres").params[0].type == "number"
    typed = normalize(sql, "postgres", column_types={"sales.closed": "DATE"}).params[0]
    assert (typed.type, typed.date_format, typed.example) == ("date", "%Y%m%d", 20261001)


def test_a_year_is_a_date_only_where_a_date_is_taken_apart(normalize) -> None:
    result = normalize("SELECT COUNT(*) FROM users WHERE EXTRACT(YEAR FROM joined_at) = 2024 AND birth_year > 1980",
                       "postgres", "2024년 가입자 중 1980년 이후 출생")
    assert [(p.name, p.type, p.date_format) for p in result.params] == [
        ("joined_at", "date", "%Y"), ("birth_year", "number", None)]
    month = normalize("SELECT COUNT(*) FROM t WHERE TO_CHAR(d, 'YYYY-MM') = '2026-10'", "oracle").params[0]
    assert (month.type, month.date_format) == ("date", "%Y-%m")


@pytest.mark.parametrize(("dialect", "sql", "example", "role"), [
    ("sqlite", "SELECT name FROM emp ORDER BY sal DESC LIMIT 5", 5, "limit"),
    ("postgres", "SELECT name FROM emp ORDER BY sal DESC LIMIT 5", 5, "limit"),
    ("mysql", "SELECT name FROM emp ORDER BY sal DESC LIMIT 5", 5, "limit"),
    ("oracle", "SELECT name FROM emp ORDER BY sal DESC FETCH FIRST 5 ROWS ONLY", 5, "limit"),
    ("oracle", "SELECT name FROM (SELECT name FROM emp ORDER BY sal DESC) WHERE ROWNUM <= 5", 5, "limit"),
    ("oracle", "SELECT name FROM (SELECT name FROM emp ORDER BY sal DESC) WHERE ROWNUM < 6", 6, "lt"),
])
def test_row_limits_are_limit_slots(normalize, dialect: str, sql: str, example: int, role: str) -> None:
    [param] = normalize(sql, dialect, "급여 상위 5명").params
    assert (param.name, param.type, param.example, param.role) == ("limit", "limit", example, role)


def test_roles_columns_and_tables_through_aliases(normalize) -> None:
    sql = ("SELECT c.name FROM customers c JOIN orders o ON o.customer_id = c.id WHERE c.city = '서울' "
           "AND 100000 < o.amount AND o.amount <= 500000 AND c.grade IN ('VIP', 'GOLD') AND c.name LIKE '김%' "
           "AND o.qty BETWEEN 2 AND 9")
    result = normalize(sql, "postgres", "서울 VIP GOLD 고객 중 김씨, 100000원 초과 500000원 이하, 2~9개")
    assert [(p.name, p.type, p.table, p.column, p.role) for p in result.params] == [
        ("city", "string", "customers", "city", "eq"),
        ("amount", "number", "orders", "amount", "gt"),  # 100000 < amount is amount > 100000
        ("amount_2", "number", "orders", "amount", "lte"),
        ("grade", "string", "customers", "grade", "in"),
        ("grade_2", "string", "customers", "grade", "in"),
        ("name", "string", "customers", "name", "like"),
        ("qty_from", "number", "orders", "qty", "between_low"),
        ("qty_to", "number", "orders", "qty", "between_high")]


def test_shape_literals_stay(normalize) -> None:
    result = normalize("SELECT TO_CHAR(hire_date, 'YYYY-MM') AS m, ROUND(AVG(sal), 2) FROM emp "
                       "GROUP BY TO_CHAR(hire_date, 'YYYY-MM')", "oracle")
    assert result.params == [] and "'YYYY-MM'" in result.normalized_text


def test_date_forms_and_the_column_rule() -> None:
    assert [date_format_of(t) for t in ("2026-10-01", "20261001", "202610", "2026-10-01 09:30:00", "2026.10.01",
                                        "20261", "10", "20261345", "1000")] == [
        "%Y-%m-%d", "%Y%m%d", "%Y%m", "%Y-%m-%d %H:%M:%S", "%Y.%m.%d", None, None, None, None]
    assert looks_temporal("order_date") and looks_temporal("base_ym") and looks_temporal("created_at")
    assert looks_temporal("가입일자") and looks_temporal("기준년월") and looks_temporal("x", "TIMESTAMP(6)")
    assert not looks_temporal("customer_id") and not looks_temporal("amount", "NUMBER(12)")


@pytest.mark.parametrize(("dialect", "sql", "name", "example", "role"), [
    ("oracle", "SELECT COUNT(*) FROM orders WHERE order_date >= SYSDATE - 7", "order_date_days", 7, "gte"),
    ("postgres", "SELECT COUNT(*) FROM orders WHERE CURRENT_DATE - 7 <= order_date", "order_date_days", 7, "gte"),
    ("oracle", "SELECT COUNT(*) FROM orders WHERE order_date >= ADD_MONTHS(TRUNC(SYSDATE, 'MM'), -3)",
     "order_date_months", -3, "gte"),
])
def test_a_window_back_from_today_is_a_number_slot(normalize, dialect: str, sql: str, name: str, example: int,
                                                   role: str) -> None:
    [param] = normalize(sql, dialect, "최근 7일 주문 건수").params
    assert (param.name, param.type, param.example, param.column, param.role) == (name, "number", example,
                                                                                 "order_date", role)
    assert param.from_question is (example == 7)  # stated in the question ("7일"), or a structural constant
