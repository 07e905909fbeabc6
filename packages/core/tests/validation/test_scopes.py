"""Denied tables and columns resolved through scopes: CTE names, `SELECT *` subqueries, whole-row references."""

from __future__ import annotations

import pytest

from text2sql_core.models import ColumnSchema, TableSchema
from text2sql_core.validation import SQLValidator

TABLES = [
    TableSchema(name="employees", columns=[ColumnSchema(name=n) for n in ("id", "name", "dept_id", "salary", "ssn")]),
    TableSchema(name="departments", columns=[ColumnSchema(name=n) for n in ("id", "dept_name")]),
    TableSchema(name="secrets", columns=[ColumnSchema(name=n) for n in ("id", "token")]),
]


@pytest.fixture(params=["postgres", "sqlite", "mysql", "oracle"])
def validator(request: pytest.FixtureRequest) -> SQLValidator:
    return SQLValidator(request.param, schema=TABLES, denied_tables=["secrets"], denied_columns=["employees.ssn"])


@pytest.mark.parametrize(
    ("sql", "fragment"),
    [
        # a CTE named like the denied table does not hide the real one it reads
        ("WITH secrets AS (SELECT * FROM secrets) SELECT * FROM secrets", "table secrets is not allowed"),
        ("WITH s AS (SELECT token FROM secrets) SELECT token FROM s", "table secrets is not allowed"),
        ("WITH employees AS (SELECT * FROM employees) SELECT ssn FROM employees", "employees.ssn"),
        # a `SELECT *` subquery listed first no longer swallows every unqualified column
        ("SELECT ssn FROM (SELECT * FROM departments) d, employees", "employees.ssn is not allowed"),
        ("SELECT d.dept_name, ssn FROM (SELECT * FROM departments) d JOIN employees e ON e.dept_id = d.id",
         "employees.ssn is not allowed"),
        ("SELECT x.ssn FROM (SELECT * FROM employees) x", "denied column employees.ssn"),
        ("SELECT ssn FROM (SELECT id FROM departments UNION SELECT id FROM departments) u, employees",
         "employees.ssn is not allowed"),
        # `t.*` anywhere, not only as a select item
        ("SELECT e.* FROM employees e", "denied column employees.ssn"),
        ("SELECT COUNT(*) FROM (SELECT e.* FROM employees e) x", "denied column employees.ssn"),
        ("SELECT EXISTS (SELECT * FROM employees) FROM departments", "denied column employees.ssn"),
    ],
)
def test_denied_through_scopes(validator: SQLValidator, sql: str, fragment: str) -> None:
    ok, _, why = validator.validate_semantic(sql, "q")
    assert not ok
    assert fragment in why


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT row_to_json(e.*) FROM employees e",
        "SELECT to_json(e) FROM employees e",
        "SELECT e FROM employees e",
        "SELECT employees FROM employees",
        "SELECT json_agg(e.*) FROM employees AS e JOIN departments d ON d.id = e.dept_id",
    ],
)
def test_postgres_whole_row_reads_every_column(sql: str) -> None:
    validator = SQLValidator("postgres", schema=TABLES, denied_columns=["employees.ssn"])
    ok, _, why = validator.validate_semantic(sql, "q")
    assert not ok
    assert "employees.ssn" in why


@pytest.mark.parametrize(
    "sql",
    [
        "WITH d AS (SELECT * FROM departments) SELECT d.dept_name FROM d",
        "SELECT name FROM (SELECT * FROM departments) d, employees",
        "SELECT x.dept_name FROM (SELECT * FROM departments) x",
        "SELECT d.* FROM departments d",
        "SELECT COUNT(*) FROM employees",
        "SELECT e.name, d.dept_name FROM employees e JOIN departments d ON d.id = e.dept_id",
        "WITH top AS (SELECT dept_id, MAX(salary) AS m FROM employees GROUP BY dept_id) SELECT * FROM top",
    ],
)
def test_legitimate_scopes_pass(validator: SQLValidator, sql: str) -> None:
    ok, _, why = validator.validate_semantic(sql, "q")
    assert ok, why


def test_unknown_column_through_star_subquery_is_reported(validator: SQLValidator) -> None:
    ok, _, why = validator.validate_semantic("SELECT x.nothing FROM (SELECT * FROM departments) x", "q")
    assert not ok and "not produced by its subquery" in why


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT * FROM employees",
        "SELECT e.* FROM employees e",
        "SELECT row_to_json(e.*) FROM employees e",
        "SELECT e FROM employees e",
        "SELECT n FROM (SELECT * FROM employees) x(n)",
    ],
)
def test_whole_rows_of_a_guarded_table_are_refused_without_a_schema(sql: str) -> None:
    validator = SQLValidator("postgres", denied_columns=["employees.ssn"])
    ok, _, why = validator.validate_semantic(sql, "q")
    assert not ok and "employees" in why


def test_named_columns_pass_without_a_schema() -> None:
    validator = SQLValidator("postgres", denied_columns=["employees.ssn"])
    assert validator.validate_semantic("SELECT e.name FROM employees e", "q")[0]
    assert validator.validate_semantic("SELECT * FROM departments", "q")[0]
