"""Read-only execution on real databases: writes refused by the database itself, row cap, timeout."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from text2sql_core.connection import ConnectionSettings
from text2sql_core.db import ReadOnlyExecutor
from text2sql_core.db.connect import connection_factory
from text2sql_core.errors import DatabaseError
from text2sql_testing import mariadb_url, postgres_url

ROWS = 250


def _sqlite_db(tmp_path: Path) -> str:
    db = tmp_path / "ro.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT)")
        conn.executemany("INSERT INTO items VALUES (?, ?)", [(i, f"항목 {i}") for i in range(ROWS)])
    return f"sqlite:///{db}"


def _server_db(url: str | None, setup: Callable[[str], None], reason: str) -> str:
    if url is None:
        pytest.skip(reason)
    setup(url)
    return url


def _setup_postgres(url: str) -> None:
    with connection_factory(ConnectionSettings(url=url))() as conn:
        conn.execute("DROP TABLE IF EXISTS items")
        conn.execute("CREATE TABLE items (id int PRIMARY KEY, name text)")
        with conn.cursor() as cur:
            cur.executemany("INSERT INTO items VALUES (%s, %s)", [(i, f"항목 {i}") for i in range(ROWS)])
        conn.commit()


def _setup_mariadb(url: str) -> None:
    conn = connection_factory(ConnectionSettings(url=url))()
    with conn:
        cur = conn.cursor()
        cur.execute("DROP TABLE IF EXISTS items")
        cur.execute("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(50)) CHARACTER SET utf8mb4")
        cur.executemany("INSERT INTO items VALUES (%s, %s)", [(i, f"항목 {i}") for i in range(ROWS)])
        conn.commit()


SLOW = {
    "sqlite": "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r",
    "postgres": "SELECT count(*) FROM generate_series(1, 1000000000)",
    "mysql": "SELECT count(*) FROM items a, items b, items c, items d",
}


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres),
                        pytest.param("mysql", marks=pytest.mark.mysql)])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[str, str]:
    if request.param == "sqlite":
        return "sqlite", _sqlite_db(tmp_path)
    if request.param == "postgres":
        return "postgres", _server_db(postgres_url(), _setup_postgres, "PostgreSQL is not running on 127.0.0.1:5432")
    return "mysql", _server_db(mariadb_url(), _setup_mariadb, "MariaDB/MySQL is not running on 127.0.0.1:3306")


def _count(url: str) -> int:
    return ReadOnlyExecutor(ConnectionSettings(url=url)).execute_sync("SELECT count(*) FROM items").rows[0][0]


async def test_reads_with_binds(database: tuple[str, str]) -> None:
    _, url = database
    result = await ReadOnlyExecutor(ConnectionSettings(url=url)).execute(
        "SELECT id, name FROM items WHERE id = :item_id OR name LIKE '%항목 1%' ORDER BY id", {"item_id": 7}
    )
    assert [c.lower() for c in result.columns] == ["id", "name"]
    assert result.rows[0] == [1, "항목 1"] and [7, "항목 7"] in result.rows
    assert not result.truncated and result.elapsed_ms >= 0


@pytest.mark.parametrize(
    "write",
    ["INSERT INTO items VALUES (100000, 'x')", "UPDATE items SET name = 'x'", "DELETE FROM items",
     "CREATE TABLE sneaky (a int)", "DROP TABLE items"],
)
def test_database_refuses_writes_that_bypass_the_guard(database: tuple[str, str], write: str) -> None:
    _, url = database
    executor = ReadOnlyExecutor(ConnectionSettings(url=url))
    with pytest.raises(DatabaseError) as info:
        executor.execute_sync(write)
    assert info.value.code in {"READ_ONLY_VIOLATION", "QUERY_FAILED"}
    assert _count(url) == ROWS


def test_row_cap_sets_truncated(database: tuple[str, str]) -> None:
    _, url = database
    executor = ReadOnlyExecutor(ConnectionSettings(url=url), max_rows=100)
    result = executor.execute_sync("SELECT id FROM items ORDER BY id")
    assert result.row_count == 100 and result.truncated
    assert executor.execute_sync("SELECT id FROM items ORDER BY id", max_rows=10).row_count == 10
    exact = executor.execute_sync("SELECT id FROM items WHERE id < 100")
    assert exact.row_count == 100 and not exact.truncated


def test_timeout_stops_a_slow_query(database: tuple[str, str]) -> None:
    dialect, url = database
    executor = ReadOnlyExecutor(ConnectionSettings(url=url), timeout_seconds=0.5)
    with pytest.raises(DatabaseError) as info:
        executor.execute_sync(SLOW[dialect])
    assert info.value.code == "QUERY_TIMEOUT"
    assert executor.execute_sync("SELECT count(*) FROM items").rows[0][0] == ROWS  # pool still healthy


def test_unreachable_database_names_the_target(tmp_path: Path) -> None:
    executor = ReadOnlyExecutor(ConnectionSettings(url=f"sqlite:///{tmp_path}/missing.db"))
    with pytest.raises(DatabaseError) as info:
        executor.execute_sync("SELECT 1")
    assert info.value.code == "DATABASE_UNREACHABLE" and "missing.db" in info.value.message
    refused = ReadOnlyExecutor(ConnectionSettings(url="postgresql+psycopg://u:pw@127.0.0.1:1/x"))
    with pytest.raises(DatabaseError) as info:
        refused.execute_sync("SELECT 1")
    assert info.value.code == "DATABASE_UNREACHABLE" and "pw" not in info.value.message
