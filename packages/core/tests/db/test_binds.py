"""`:name` binds → `%(name)s` for psycopg/PyMySQL, leaving literals, comments and casts alone."""

from text2sql_core.db import bind_names, to_pyformat


def test_rewrites_binds_only() -> None:
    sql = "SELECT a::text, '%:x%' FROM t WHERE b = :id AND c LIKE '50%' -- :note\n AND d = :id"
    assert to_pyformat(sql) == (
        "SELECT a::text, '%%:x%%' FROM t WHERE b = %(id)s AND c LIKE '50%%' -- :note\n AND d = %(id)s"
    )
    assert bind_names(sql) == ["id"]


def test_korean_and_several_names() -> None:
    assert bind_names("SELECT * FROM t WHERE a = :start_date AND b = :end_date") == ["start_date", "end_date"]
