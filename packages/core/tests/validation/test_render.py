"""`render_checked`: the executor runs only SQL printed from the validated tree, binds kept as `:name`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from text2sql_core.errors import SQLValidationError
from text2sql_core.validation import render_checked, validate_syntax

LEGIT: list[tuple[str, str]] = [
    (dialect, sql)
    for entries in yaml.safe_load((Path(__file__).parent / "corpus" / "legit.yaml").read_text("utf-8"))["legit"].values()
    for dialect, sql in entries
]


@pytest.mark.parametrize("dialect", ["oracle", "postgres", "mysql", "sqlite"])
def test_named_binds_stay_colon_style(dialect: str) -> None:
    rendered = render_checked("SELECT a FROM t WHERE a = :id AND b LIKE '%x%'", dialect)
    assert ":id" in rendered
    assert "%(id)s" not in rendered
    assert "'%x%'" in rendered


def test_oracle_positional_binds_survive() -> None:
    assert render_checked("SELECT ename FROM emp WHERE deptno = :1 AND sal > :2", "oracle").endswith(
        "deptno = :1 AND sal > :2"
    )


def test_oracle_json_query_wrapper_survives() -> None:
    sql = "SELECT JSON_QUERY(doc, '$.a' WITH CONDITIONAL WRAPPER EMPTY ON ERROR) FROM docs"
    assert render_checked(sql, "oracle") == sql


@pytest.mark.parametrize(("dialect", "sql"), LEGIT, ids=[f"{d}-{i}" for i, (d, _) in enumerate(LEGIT)])
def test_legitimate_queries_round_trip(dialect: str, sql: str) -> None:
    rendered = render_checked(sql, dialect)
    assert validate_syntax(rendered, dialect) == rendered  # still one clean, valid query
    assert render_checked(rendered, dialect) == rendered  # idempotent
    outside_literals = re.sub(r"'[^']*'", "''", rendered)
    hints = re.findall(r"/\*\+.*?\*/", outside_literals)
    assert not hints or dialect == "oracle"  # only Oracle keeps its optimizer hints
    without_hints = re.sub(r"/\*\+.*?\*/", "", outside_literals)
    assert "/*" not in without_hints and "--" not in without_hints


@pytest.mark.parametrize(
    ("dialect", "sql", "gone"),
    [
        ("postgres", "SELECT a FROM t /*!50000 , pg_sleep(5) */", "pg_sleep"),
        ("sqlite", "SELECT a FROM t /*! , load_extension('x') */", "load_extension"),
        ("oracle", "SELECT a FROM t /*! , DBMS_LOCK.SLEEP(5) */", "DBMS_LOCK"),
        ("oracle", "SELECT a FROM t -- ; DELETE FROM t\n", "DELETE"),
        ("postgres", "SELECT a FROM t; -- DROP TABLE t", "DROP"),
        ("sqlite", "SELECT a /* hidden */ FROM t", "hidden"),
    ],
)
def test_comments_never_survive(dialect: str, sql: str, gone: str) -> None:
    rendered = render_checked(sql, dialect)
    assert gone not in rendered
    assert "/*" not in rendered and "--" not in rendered


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT 1 /*!50000 , SLEEP(5) */",
        "SELECT a FROM t /*M!100000 WHERE SLEEP(1) */",
        "SELECT /*+ SET_VAR(max_execution_time=0) */ a FROM t",
        "SELECT /*+ MAX_EXECUTION_TIME(0) */ a FROM t",
    ],
)
def test_mysql_executable_comments_and_hints_are_refused_not_rendered(sql: str) -> None:
    with pytest.raises(SQLValidationError) as info:
        render_checked(sql, "mysql")
    assert info.value.reason in {"executable_comment", "optimizer_hint"}


def test_oracle_hints_are_kept_from_the_tree() -> None:
    rendered = render_checked("SELECT /*+ INDEX(e emp_idx) */ e.ename FROM emp e -- note", "oracle")
    assert rendered == "SELECT /*+ INDEX(e emp_idx) */ e.ename FROM emp e"
