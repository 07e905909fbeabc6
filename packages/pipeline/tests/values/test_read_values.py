"""`read_values` on Oracle SQL, with a scripted executor (no Oracle server here): the queries it writes (quoted
upper-case names, FETCH FIRST, a sample on a huge table), the thresholds, and which failures skip a column and
which end the build. The real databases are in test_build.py."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from text2sql_core.db import QueryResult
from text2sql_core.errors import DatabaseError
from text2sql_core.models import ColumnSchema, TableSchema
from text2sql_core.settings import ValueIndexSettings
from text2sql_core.validation.guard import render_checked
from text2sql_pipeline.values import read_values

TABLES = [
    TableSchema(name="CUSTOMERS", columns=[ColumnSchema(name="CITY", data_type="VARCHAR2(20)"),
                                           ColumnSchema(name="NOTE", data_type="CLOB"),
                                           ColumnSchema(name="AGE", data_type="NUMBER(3)"),
                                           ColumnSchema(name="SSN", data_type="VARCHAR2(20)")]),
    TableSchema(name="EVENTS", columns=[ColumnSchema(name="KIND", data_type="VARCHAR2(20)"),
                                        ColumnSchema(name="CODE", data_type="CHAR(4)")]),
    TableSchema(name="AUDIT_LOG", columns=[ColumnSchema(name="ACTION", data_type="VARCHAR2(20)")]),
]


class ScriptedExecutor:
    """Answers by what the SQL reads; every SQL must pass the Oracle guard, as the real executor would demand."""

    def __init__(self, fail: dict[str, DatabaseError] | None = None):
        self.sql: list[str] = []
        self.fail = fail or {}

    def execute_sync(self, sql: str, params: Mapping[str, Any] | None = None, max_rows: int | None = None,
                     timeout_seconds: float | None = None) -> QueryResult:
        render_checked(sql, "oracle")
        self.sql.append(sql)
        for mark, error in self.fail.items():
            if mark in sql:
                raise error
        if "COUNT(*)" in sql:
            return QueryResult(["N"], [[5_000_000 if '"EVENTS"' in sql else 40]], False, 1.0)
        if '"CITY"' in sql:
            return QueryResult(["CITY"], [["서울"], ["부산"], ["GOLD      "]], False, 1.0)
        if '"KIND"' in sql:
            return QueryResult(["KIND"], [["클릭"], ["구매"]], False, 1.0)
        return QueryResult(["X"], [[f"v{i}"] for i in range(max_rows or 0)], True, 1.0)


def test_oracle_queries_thresholds_and_sample() -> None:
    executor = ScriptedExecutor(fail={'"CODE"': DatabaseError("ORA-00942", code="QUERY_FAILED")})
    settings = ValueIndexSettings(max_distinct=10, sample_rows=1_000_000)
    build = read_values(TABLES, executor, "oracle", settings, denied_tables=["audit_log"],
                        denied_columns=["customers.ssn"])
    columns = {(c.table, c.column): c for c in build.columns}
    assert columns["CUSTOMERS", "CITY"].values == ["서울", "부산", "GOLD      "]  # stored as is (CHAR padding)
    assert columns["CUSTOMERS", "CITY"].complete and not columns["EVENTS", "KIND"].complete  # sampled
    assert set(columns) == {("CUSTOMERS", "CITY"), ("EVENTS", "KIND")}
    skipped = {(t, c): why for t, c, why in build.skipped}
    assert skipped["AUDIT_LOG", "*"] == "denied" and "QUERY_FAILED" in skipped["EVENTS", "CODE"]
    sample = next(sql for sql in executor.sql if '"KIND"' in sql)
    assert "FETCH FIRST 1000000 ROWS ONLY" in sample and "FETCH FIRST 11 ROWS ONLY" in sample
    assert all('"SSN"' not in sql and "AUDIT_LOG" not in sql and '"NOTE"' not in sql and '"AGE"' not in sql
               for sql in executor.sql)


def test_too_many_values_and_a_lost_database() -> None:
    wide = [TableSchema(name="T", columns=[ColumnSchema(name="NAME", data_type="VARCHAR2(40)")])]
    build = read_values(wide, ScriptedExecutor(), "oracle", ValueIndexSettings(max_distinct=3))
    assert build.columns == [] and build.skipped == [("T", "NAME", "more than 3 distinct values")]
    down = ScriptedExecutor(fail={"COUNT(*)": DatabaseError("cannot connect", code="DATABASE_UNREACHABLE")})
    with pytest.raises(DatabaseError) as caught:
        read_values(wide, down, "oracle", ValueIndexSettings())
    assert caught.value.code == "DATABASE_UNREACHABLE"


def test_dictionary_values_join_the_read_ones() -> None:
    dictionary = {"tables": {"customers": {"columns": {
        "city": {"values": {"서울": ["서울시", "Seoul"]}},
        "age": {"values": {"20": ["스무 살"]}},  # a numeric column: known from the dictionary only
        "ssn": {"values": {"x": ["y"]}},  # denied: the dictionary cannot bring it back
    }}}}
    build = read_values(TABLES[:1], ScriptedExecutor(), "oracle", ValueIndexSettings(), dictionary=dictionary,
                        denied_columns=["ssn"])
    columns = {c.column: c for c in build.columns}
    assert columns["CITY"].synonyms == {"서울": ["서울시", "Seoul"]} and columns["CITY"].complete
    assert columns["AGE"].values == ["20"] and columns["AGE"].complete is False
    assert "SSN" not in columns
