"""Literals → named binds in value positions only; examples kept; the hash ignores values, names and layout."""

from __future__ import annotations

import pytest

from text2sql_core.sqltext import inline_params, parse_one
from text2sql_pipeline.process import parameterize
from text2sql_pipeline.process.fingerprint import template_hash


def _params(sql: str, dialect: str = "oracle", question: str = "") -> list[tuple]:
    result = parameterize(parse_one(sql, dialect), dialect, question)
    return [(p.name, p.example, p.type, p.from_question) for p in result.params]


def test_value_positions_become_binds() -> None:
    sql = ("SELECT TO_CHAR(hire_date, 'YYYY-MM') AS m, ROUND(AVG(sal), 2) FROM emp "
           "WHERE deptno IN (10, 20) AND ename LIKE 'K%' AND sal BETWEEN 1000 AND 2000.5 AND hire_date >= DATE "
           "'2024-01-01' AND comm = -5 GROUP BY TO_CHAR(hire_date, 'YYYY-MM') FETCH FIRST 5 ROWS ONLY")
    result = parameterize(parse_one(sql, "oracle"), "oracle")
    assert "'YYYY-MM'" in result.normalized_text and "ROUND(AVG(sal), 2)" in result.normalized_text
    assert [(p.name, p.example, p.type) for p in result.params] == [
        ("deptno", 10, "number"), ("deptno_2", 20, "number"), ("ename", "K%", "string"),
        ("sal_from", 1000, "number"), ("sal_to", 2000.5, "number"), ("hire_date", "2024-01-01", "date"),
        ("comm", -5, "number"), ("limit", 5, "limit")]
    assert "FETCH FIRST :limit ROWS ONLY" in result.normalized_text


def test_values_in_the_question_must_come_from_the_question() -> None:
    params = _params("SELECT name FROM singer WHERE country = 'France' ORDER BY age LIMIT 1", "sqlite",
                     "Name of the youngest singer from France")
    assert params == [("country", "France", "string", True), ("limit", 1, "limit", False)]


@pytest.mark.parametrize("dialect", ["oracle", "sqlite", "postgres", "mysql"])
def test_binds_print_as_colon_names_and_inline_back(dialect: str) -> None:
    result = parameterize(parse_one("SELECT a FROM t WHERE b = 'x' AND c > 3", dialect), dialect)
    assert ":b" in result.normalized_text and ":c" in result.normalized_text
    inlined = inline_params(result.normalized_text, {"b": "y'z", "c": 4}, dialect)
    assert "4" in inlined and ("'y''z'" in inlined or "'y\\'z'" in inlined)


def test_reserved_and_korean_names_are_safe() -> None:
    params = _params("SELECT * FROM t WHERE \"date\" = '2024-01-01' AND 부서 = '영업'")
    assert [p[0] for p in params] == ["p_date", "p"]


def test_hash_ignores_literals_layout_and_case() -> None:
    one = parameterize(parse_one("select name from SINGER where country = 'France'", "sqlite"), "sqlite")
    two = parameterize(parse_one("SELECT name\n  FROM singer WHERE country='Korea'", "sqlite"), "sqlite")
    three = parameterize(parse_one("SELECT name FROM singer WHERE age = 3", "sqlite"), "sqlite")
    assert template_hash(one.tree, "sqlite") == template_hash(two.tree, "sqlite")
    assert template_hash(one.tree, "sqlite") != template_hash(three.tree, "sqlite")


def test_a_number_the_question_spells_comes_from_the_question() -> None:
    having = "SELECT a FROM t GROUP BY a HAVING count(*) >= {}"
    assert _params(having.format(2), "sqlite", "Show a with at least two rows") == [("p", 2, "number", True)]
    assert _params(having.format(3), "sqlite", "직원이 세 명 이상인 부서") == [("p", 3, "number", True)]
    assert _params(having.format(3), "sqlite", "직원이 세명 이상인 부서") == [("p", 3, "number", True)]
    # "one" is not read as a number: "the oldest one" keeps LIMIT 1 a constant.
    assert _params("SELECT a FROM t ORDER BY b DESC LIMIT 1", "sqlite", "Which one is the oldest?")[0][3] is False
