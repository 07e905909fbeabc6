"""Schema loading with keys and comments from real SQLite, PostgreSQL and MariaDB; dictionary and cache."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from text2sql_core.schema import CachedSchemaLoader, InspectorSchemaLoader, apply_dictionary, load_dictionary
from text2sql_core.settings import UnifiedSettings
from text2sql_testing import mariadb_url, postgres_url


def _check_hr_schema(loader: InspectorSchemaLoader, comments: bool) -> None:
    tables = {t.name.lower(): t for t in loader.load_tables()}
    assert {"t2s_dept", "t2s_emp"} <= set(tables)
    emp = tables["t2s_emp"]
    assert [c.name.lower() for c in emp.columns] == ["id", "name", "salary", "dept_id"]
    assert [c.lower() for c in emp.primary_key] == ["id"]
    fk = emp.foreign_keys[0]
    assert fk.referred_table.lower() == "t2s_dept" and [c.lower() for c in fk.columns] == ["dept_id"]
    assert [t.name.lower() for t in loader.get_related_tables("t2s_dept")] == ["t2s_emp"]
    if comments:
        assert emp.description == "직원"
        assert emp.column("salary").description == "월 급여"


def test_sqlite(tmp_path: Path) -> None:
    db = tmp_path / "hr.db"
    with sqlite3.connect(db) as conn:
        conn.executescript(
            "CREATE TABLE t2s_dept (id INTEGER PRIMARY KEY, name TEXT);"
            "CREATE TABLE t2s_emp (id INTEGER PRIMARY KEY, name TEXT, salary REAL,"
            " dept_id INTEGER REFERENCES t2s_dept(id));"
        )
    _check_hr_schema(InspectorSchemaLoader(url=f"sqlite:///{db}"), comments=False)


@pytest.mark.postgres
def test_postgres() -> None:
    url = postgres_url()
    if url is None:
        pytest.skip("PostgreSQL is not running on 127.0.0.1:5432")
    import psycopg

    from text2sql_core.connection import ConnectionSettings
    from text2sql_core.db.connect import connection_factory

    with connection_factory(ConnectionSettings(url=url))() as conn:
        conn.execute("DROP TABLE IF EXISTS t2s_emp, t2s_dept")
        conn.execute("CREATE TABLE t2s_dept (id int PRIMARY KEY, name text)")
        conn.execute("CREATE TABLE t2s_emp (id int PRIMARY KEY, name text, salary numeric,"
                     " dept_id int REFERENCES t2s_dept(id))")
        conn.execute("COMMENT ON TABLE t2s_emp IS '직원'")
        conn.execute("COMMENT ON COLUMN t2s_emp.salary IS '월 급여'")
        conn.commit()
    assert isinstance(conn, psycopg.Connection)
    _check_hr_schema(InspectorSchemaLoader(url=url), comments=True)


@pytest.mark.mysql
def test_mariadb() -> None:
    url = mariadb_url()
    if url is None:
        pytest.skip("MariaDB/MySQL is not running on 127.0.0.1:3306")
    import pymysql

    conn = pymysql.connect(host="127.0.0.1", user="root", password="", database="text2sql_test", autocommit=True)
    with conn:
        cur = conn.cursor()
        cur.execute("DROP TABLE IF EXISTS t2s_emp, t2s_dept")
        cur.execute("CREATE TABLE t2s_dept (id INT PRIMARY KEY, name VARCHAR(50))")
        cur.execute("CREATE TABLE t2s_emp (id INT PRIMARY KEY, name VARCHAR(50), salary DECIMAL(10,2)"
                    " COMMENT '월 급여', dept_id INT, FOREIGN KEY (dept_id) REFERENCES t2s_dept(id))"
                    " COMMENT='직원' CHARACTER SET utf8mb4")
    _check_hr_schema(InspectorSchemaLoader(url=url), comments=True)


def test_dictionary_merges_descriptions_and_synonyms(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE Employees (Salary REAL, name TEXT)")
    path = tmp_path / "dict.yaml"
    path.write_text(
        "tables:\n  employees:\n    description: 직원 정보\n    synonyms: [사원]\n"
        "    columns:\n      salary: {description: 월 급여, synonyms: [급여, 연봉]}\n      name: 이름\n",
        encoding="utf-8",
    )
    tables = apply_dictionary(InspectorSchemaLoader(url=f"sqlite:///{db}").load_tables(), load_dictionary(path))
    table = tables[0]
    assert (table.description, table.synonyms) == ("직원 정보", ["사원"])
    assert table.column("Salary").synonyms == ["급여", "연봉"] and table.column("name").description == "이름"
    assert "월 급여" in table.to_document()


def test_cache_respects_ttl() -> None:
    class Counting:
        calls = 0

        def load_tables(self):
            Counting.calls += 1
            return []

    now = [0.0]
    cache = CachedSchemaLoader(Counting(), ttl_seconds=10, clock=lambda: now[0])  # type: ignore[arg-type]
    cache.load_tables()
    cache.load_tables()
    assert Counting.calls == 1
    now[0] = 11
    cache.load_tables()
    assert Counting.calls == 2
    cache.invalidate()
    cache.load_tables()
    assert Counting.calls == 3


def test_factory_picks_the_loader(tmp_path: Path) -> None:
    from text2sql_core.schema import create_schema_loader

    db = tmp_path / "demo.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE a (x INT)")
    loader = create_schema_loader(UnifiedSettings(_env_file=None, data_dir=tmp_path, demo=True))  # the demo.db
    assert [t.name for t in loader.load_tables()] == ["a"]
