"""`render_checked`: the executor runs only SQL printed from the validated tree, binds kept as `:name`."""

from __future__ import annotations

import pytest

from text2sql_core.validation import render_checked


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


def test_comments_do_not_survive() -> None:
    rendered = render_checked("SELECT a /* note */ FROM t -- trailing\n", "postgres")
    assert "note" not in rendered and "trailing" not in rendered
