"""Deterministic filling: constants kept, values aligned with the example question, dates, and refusals."""

from __future__ import annotations

from datetime import date

from text2sql_agent.filling.align import align_value
from text2sql_agent.filling.binder import fill_template
from text2sql_core.models import SQLTemplateCreate, SQLTemplateInDB
from text2sql_pipeline.process import TemplateProcessor


def template(sql: str, example: str, dialect: str = "sqlite") -> SQLTemplateInDB:
    return TemplateProcessor().process_one(SQLTemplateCreate(sql_text=sql, description=example, dialect=dialect))


def test_replaced_values_and_kept_constants() -> None:
    t = template("SELECT count(*) FROM pets p JOIN students s ON p.owner = s.id WHERE s.sex = 'F' AND p.kind = 'dog'",
                 "How many dog pets are raised by female students?")
    fill = fill_template(t, "How many cat pets are raised by female students?")
    assert fill.values == {"sex": "F", "kind": "cat"} and fill.methods == {"sex": "constant", "kind": "replaced"}


def test_numbers_between_and_same_values() -> None:
    t = template("SELECT name FROM stadium WHERE capacity BETWEEN 5000 AND 10000",
                 "Which stadiums have a capacity between 5000 and 10000?")
    assert fill_template(t, "Stadiums with capacity between 6501 and 13001").values == \
        {"capacity_from": 6501, "capacity_to": 13001}
    same = fill_template(t, "List stadium names whose capacity is between 5000 and 10000.")
    assert same.values == {"capacity_from": 5000, "capacity_to": 10000} and same.quality == 1.0


def test_korean_values_with_particles() -> None:
    t = template("SELECT name FROM customers WHERE city = '서울'", "서울에 사는 고객 목록")
    assert fill_template(t, "부산에 사는 고객을 보여줘").values == {"city": "부산"}
    team = template("SELECT name FROM employees e JOIN departments d ON e.dept_id = d.dept_id "
                    "WHERE d.dept_name = '개발팀'", "개발팀 직원 목록을 보여줘")
    assert fill_template(team, "마케팅팀 직원 목록을 보여줘").values == {"dept_name": "마케팅팀"}


def test_case_follows_the_example_and_like_keeps_wildcards() -> None:
    t = template("SELECT * FROM airlines WHERE country = 'USA' AND name LIKE '%Air%'",
                 "Airlines from the usa whose name contains Air")
    fill = fill_template(t, "Airlines from the uk whose name contains Jet")
    assert fill.values == {"country": "UK", "name": "%Jet%"}


def test_relative_dates_fill_date_params() -> None:
    t = template("SELECT name FROM employees WHERE hire_date >= '2024-01-01'", "2024년 이후 입사한 직원")
    assert t.params[0].from_question
    assert fill_template(t, "지난달 이후 입사한 직원", today=date(2026, 11, 21)).values == {"hire_date": "2026-10-01"}
    between = template("SELECT SUM(amount) FROM orders WHERE order_date BETWEEN '2025-01-01' AND '2025-12-31'",
                       "2025-01-01부터 2025-12-31까지 매출 합계")
    assert fill_template(between, "지난달 매출 합계", today=date(2026, 11, 21)).values == \
        {"order_date_from": "2026-10-01", "order_date_to": "2026-10-31"}


def test_missing_value_means_no_answer() -> None:
    t = template("SELECT avg(age) FROM singer WHERE country = 'France'", "Average age of singers from France?")
    fill = fill_template(t, "What is the average age of all French singers?")
    assert not fill.complete and fill.missing == ["country"]


def test_alignment_refuses_when_unsure() -> None:
    assert align_value("flights from APG to CVO", "flights between two cities", "APG") is None
    assert align_value("a b c", "a b c", "zzz") is None


def test_a_number_spelled_in_the_example_is_taken_from_the_question() -> None:
    t = template("SELECT code FROM templates GROUP BY code HAVING count(*) < 3",
                 "Show all template type codes with less than three templates.")
    assert [p.from_question for p in t.params] == [True]
    assert fill_template(t, "Which codes have fewer than 5 templates?").values == {"p": 5}
    assert fill_template(t, "Codes with less than seven templates").values == {"p": 7}
    korean = template("SELECT dept FROM employees GROUP BY dept HAVING count(*) >= 3", "직원이 세 명 이상인 부서")
    assert fill_template(korean, "직원이 다섯 명 이상인 부서").values == {"p": 5}
    assert fill_template(korean, "직원이 10명 이상인 부서").values == {"p": 10}


def test_sentence_punctuation_and_quotes_do_not_leak_into_values() -> None:
    t = template("SELECT id FROM templates WHERE code = 'PP' OR code = 'PPT'",
                 "What are the ids of templates with template type code PP or PPT?")
    assert fill_template(t, "Return the ids of templates that have the code CV or CVT.").values == \
        {"code": "CV", "code_2": "CVT"}
    named = template("SELECT text FROM paragraphs p JOIN documents d ON p.doc = d.id WHERE d.name = 'Customer reviews'",
                     'Show all paragraph texts for the document "Customer reviews".')
    assert fill_template(named, "What are the paragraph texts for the document with the name 'Data base'?").values \
        == {"name": "Data base"}


def test_numbers_in_words_are_read_in_order_when_alignment_fails() -> None:
    t = template("SELECT p.id FROM professionals p JOIN treatments t ON p.id = t.pid GROUP BY p.id HAVING count(*) >= 2",
                 "Which professionals have done at least two treatments?")
    fill = fill_template(t, "What are the ids of the professionals who have performed four or more treatments?")
    assert fill.values == {"p": 4} and fill.methods == {"p": "ordered_all"}
