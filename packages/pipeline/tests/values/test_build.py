"""The value index built from real databases (PostgreSQL and MariaDB, a scratch database each, `t2s_values_<pid>`,
dropped after): thresholds, the deny lists (no query ever names a denied table or column), dictionary synonyms,
Milvus Lite storage, and a refresh that picks up a new value."""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
import sqlglot
from sqlglot import exp

from text2sql_core.db import QueryResult, ReadOnlyExecutor
from text2sql_core.settings import UnifiedSettings
from text2sql_pipeline.values import MilvusValueIndex, index_values, open_value_index
from text2sql_testing import port_open, postgres_database

pytestmark = pytest.mark.slow

CITIES = ["서울", "부산", "대구"]
DEPTS = ["재무팀", "인사팀", "개발팀", "마케팅팀", "영업팀"]
SCHEMA = [
    "CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(40), city VARCHAR(20), grade VARCHAR(10), "
    "ssn VARCHAR(20), memo VARCHAR(200), age INT, joined VARCHAR(10))",
    "CREATE TABLE dept (id INT PRIMARY KEY, dname VARCHAR(40))",
    "CREATE TABLE secrets (id INT PRIMARY KEY, token VARCHAR(40))",
    "CREATE TABLE events (id INT PRIMARY KEY, kind VARCHAR(20))",
]


def _rows() -> list[str]:
    statements = []
    for i in range(30):  # 30 names: over the threshold of 10; 3 cities, 2 grades, one long memo
        memo = "x" * 100 if i == 0 else "짧은 메모"
        statements.append(f"INSERT INTO customers VALUES ({i}, '고객{i:02d}', '{CITIES[i % 3]}', "
                          f"'{'GOLD' if i % 2 else 'SILVER'}', '900101-{i:07d}', '{memo}', {20 + i}, '2025-01-0{1 + i % 3}')")
    statements += [f"INSERT INTO dept VALUES ({i}, '{name}')" for i, name in enumerate(DEPTS)]
    statements.append("INSERT INTO secrets VALUES (1, '비밀토큰')")
    statements += [f"INSERT INTO events VALUES ({i}, '{'클릭' if i < 30 else '구매'}')" for i in range(40)]
    return statements


@pytest.fixture(scope="module", params=["postgres", "mysql"])
def database(request: pytest.FixtureRequest) -> Iterator[tuple[str, Any]]:
    """(URL, a function running one admin statement) of a scratch database filled with the tables above."""
    if request.param == "postgres":
        with postgres_database("values") as url:
            if url is None:
                pytest.skip("no PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth)")
            import psycopg

            def run(sql: str) -> None:
                with psycopg.connect(url, autocommit=True) as conn:
                    conn.execute(sql)

            for statement in [*SCHEMA, *_rows()]:
                run(statement)
            yield url.replace("postgresql://", "postgresql+psycopg://"), run
        return
    if not port_open("127.0.0.1", 3306):
        pytest.skip("no MariaDB/MySQL on 127.0.0.1:3306 (root, no password)")
    import pymysql

    name = f"t2s_values_{os.getpid()}"
    admin = pymysql.connect(host="127.0.0.1", user="root", password="", autocommit=True, charset="utf8mb4")
    admin.cursor().execute(f"DROP DATABASE IF EXISTS {name}")
    admin.cursor().execute(f"CREATE DATABASE {name} CHARACTER SET utf8mb4")

    def run_mysql(sql: str) -> None:
        conn = pymysql.connect(host="127.0.0.1", user="root", password="", database=name, autocommit=True,
                               charset="utf8mb4")
        with conn:
            conn.cursor().execute(sql)

    try:
        for statement in [*SCHEMA, *_rows()]:
            run_mysql(statement)
        yield f"mysql+pymysql://root@127.0.0.1:3306/{name}", run_mysql
    finally:
        admin.cursor().execute(f"DROP DATABASE IF EXISTS {name}")
        admin.close()


class RecordingExecutor:
    """The real read-only executor, keeping every SQL it was handed."""

    def __init__(self, inner: ReadOnlyExecutor):
        self.inner = inner
        self.sql: list[str] = []

    def execute_sync(self, sql: str, params: Mapping[str, Any] | None = None, max_rows: int | None = None,
                     timeout_seconds: float | None = None) -> QueryResult:
        self.sql.append(sql)
        return self.inner.execute_sync(sql, params, max_rows, timeout_seconds)


def _settings(tmp_path: Path, url: str) -> UnifiedSettings:
    dictionary = tmp_path / "dictionary.yaml"
    dictionary.write_text("tables:\n  customers:\n    columns:\n      grade:\n        description: 고객 등급\n"
                          "        values: {GOLD: [골드, 골드 등급], SILVER: [실버]}\n", encoding="utf-8")
    return UnifiedSettings(
        _env_file=None, data_dir=tmp_path, milvus={"uri": str(tmp_path / "milvus.db")}, default_datasource="shop",
        datasources={"shop": {"oltp_url": url, "dictionary_path": str(dictionary)}},
        security={"denied_tables": ["secrets"], "denied_columns": ["customers.ssn"]},
        values={"max_distinct": 10, "max_value_length": 80, "sample_rows": 35, "refresh_seconds": 0},
    )


def _recording(settings: UnifiedSettings) -> RecordingExecutor:
    return RecordingExecutor(ReadOnlyExecutor(settings.connection("oltp", "shop"), max_rows=11))


def _named(sql: str, dialect: str) -> set[str]:
    tree = sqlglot.parse_one(sql, read=dialect)
    return {t.name.lower() for t in tree.find_all(exp.Table)} | {c.name.lower() for c in tree.find_all(exp.Column)}


def test_built_from_the_database(database: tuple[str, Any], tmp_path: Path) -> None:
    url, _ = database
    settings = _settings(tmp_path, url)
    executor = _recording(settings)
    build = index_values(settings, executor=executor)
    columns = {(c.table, c.column): c for c in build.columns}
    assert sorted(columns["customers", "city"].values) == sorted(CITIES)
    assert sorted(columns["dept", "dname"].values) == sorted(DEPTS)
    assert columns["customers", "grade"].synonyms == {"GOLD": ["골드", "골드 등급"], "SILVER": ["실버"]}
    assert columns["customers", "memo"].values == ["짧은 메모"]  # the 100-character memo is left out
    assert ("customers", "name") not in columns  # 30 distinct names, over the threshold of 10
    assert any(s[:2] == ("customers", "name") and "more than 10" in s[2] for s in build.skipped)
    assert ("customers", "age") not in columns  # not text
    assert ("customers", "joined") not in columns  # dates written as text are for the period reader, not words
    assert columns["events", "kind"].complete is False  # 40 rows over SAMPLE_ROWS=35: read from a sample
    assert columns["customers", "city"].complete is True
    # the deny lists: never named in any query, never indexed
    dialect = settings.connection("oltp", "shop").dialect
    assert executor.sql and all(not ({"ssn", "secrets", "token"} & _named(sql, dialect)) for sql in executor.sql)
    assert ("customers", "ssn") not in columns and not any(t == "secrets" for t, _ in columns)

    index = open_value_index(settings)
    found = [(m.text, m.value, m.column, m.method) for m in index.find("부산에서 사는 골드 등급인 고객", None)]
    assert found == [("부산", "부산", "city", "stem"), ("골드 등급", "GOLD", "grade", "synonym")]
    assert [(m.value, m.method) for m in index.find("재무틴 직원 목록", "shop")] == [("재무팀", "fuzzy")]
    assert [m.value for m in index.find("마케팅팀의 직원 수", None)] == ["마케팅팀"]
    assert index.find("총무팀 직원", None) == []
    assert index.has(None, "customers", "city", "대구") and not index.has(None, "customers", "city", "광주")
    assert ("customers", "city") in index.columns(None) and ("events", "kind") not in index.columns(None)


def test_refresh_picks_up_a_new_value(database: tuple[str, Any], tmp_path: Path) -> None:
    url, run = database
    settings = _settings(tmp_path, url)
    index_values(settings, executor=_recording(settings))
    index = open_value_index(settings)
    assert isinstance(index, MilvusValueIndex)
    assert index.find("광주에 사는 고객", None) == []
    run("INSERT INTO customers VALUES (100, '새 고객', '광주', 'GOLD', '1', '', 40, '2025-02-01')")
    try:
        index_values(settings, executor=_recording(settings))
        assert [(m.text, m.value) for m in index.find("광주에 사는 고객", None)] == [("광주", "광주")]
        assert index.has(None, "customers", "city", "광주")
    finally:
        run("DELETE FROM customers WHERE id = 100")
