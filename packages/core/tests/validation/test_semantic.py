"""Schema references: every table and column must exist; denied ones are refused; Spider's gold SQL all passes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlglot

from text2sql_core.models import ColumnSchema, TableSchema
from text2sql_core.schema import load_spider_schemas
from text2sql_core.validation import SQLValidator

TABLES = [
    TableSchema(name="employees", columns=[ColumnSchema(name=n) for n in ("id", "name", "dept_id", "salary", "ssn")]),
    TableSchema(name="departments", columns=[ColumnSchema(name=n) for n in ("id", "dept_name")]),
]


@pytest.fixture
def validator() -> SQLValidator:
    return SQLValidator("sqlite", schema=TABLES, denied_columns=["employees.ssn"], denied_tables=["audit"])


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT name FROM employees",
        "SELECT e.name, d.dept_name FROM employees e JOIN departments d ON e.dept_id = d.id",
        "WITH t AS (SELECT dept_id, COUNT(*) AS n FROM employees GROUP BY dept_id) SELECT t.n FROM t",
        "SELECT x.total FROM (SELECT SUM(salary) AS total FROM employees) x",
        "SELECT name FROM employees e WHERE EXISTS (SELECT 1 FROM departments d WHERE d.id = e.dept_id)",
        "SELECT dept_id, COUNT(*) AS cnt FROM employees GROUP BY dept_id ORDER BY cnt DESC",
        "SELECT EMPLOYEES.NAME FROM EMPLOYEES",
    ],
)
def test_valid_references(validator: SQLValidator, sql: str) -> None:
    ok, confidence, why = validator.validate_semantic(sql, "q")
    assert ok, why
    assert confidence == 1.0


@pytest.mark.parametrize(
    ("sql", "fragment"),
    [
        ("SELECT name FROM employee", "unknown table employee"),
        ("SELECT nam FROM employees", "unknown column nam"),
        ("SELECT e.title FROM employees e", "unknown column title"),
        ("SELECT z.name FROM employees e", "unknown table or alias z"),
        ("SELECT t.missing FROM (SELECT name FROM employees) t", "not produced by its subquery"),
        ("SELECT ssn FROM employees", "employees.ssn is not allowed"),
        ("SELECT * FROM employees", "denied column employees.ssn"),
        ("SELECT * FROM audit", "table audit is not allowed"),
    ],
)
def test_invalid_references(validator: SQLValidator, sql: str, fragment: str) -> None:
    ok, confidence, why = validator.validate_semantic(sql, "q")
    assert not ok
    assert confidence == 0.0
    assert fragment in why


def test_unsafe_sql_is_invalid_semantically_too(validator: SQLValidator) -> None:
    ok, _, why = validator.validate_semantic("DELETE FROM employees", "q")
    assert not ok and "read-only" in why


def test_denied_names_hold_without_a_schema() -> None:
    validator = SQLValidator("oracle", denied_tables=["salaries"])
    ok, _, why = validator.validate_semantic("SELECT * FROM salaries", "q")
    assert not ok and "salaries" in why


def test_every_spider_gold_query_passes(spider: Path) -> None:
    schemas = load_spider_schemas(spider / "tables.json")
    validators = {db: SQLValidator("sqlite", schema=tables) for db, tables in schemas.items()}
    questions = json.loads((spider / "questions.json").read_text())
    failures = []
    for q in questions:
        # Spider writes string literals in double quotes: read as MySQL, write SQLite.
        sql = sqlglot.transpile(q["query"], read="mysql", write="sqlite")[0]
        validator = validators[q["db_id"]]
        validator.validate_syntax(sql)
        ok, _, why = validator.validate_semantic(sql, q["question"])
        if not ok:
            failures.append((q["db_id"], sql, why))
    assert failures == []
    assert len(questions) == 1034
