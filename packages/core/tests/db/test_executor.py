"""Read-only execution on real databases: reads with binds, writes refused by the database itself, row cap,
timeout. The databases and accounts come from conftest.py (`t2s_wall_<pid>`, least-privilege reader)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from text2sql_core.connection import ConnectionSettings
from text2sql_core.db import ReadOnlyExecutor
from text2sql_core.errors import DatabaseError

if TYPE_CHECKING:
    from conftest import WallDatabase

SLOW = {
    "sqlite": "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r",
    "postgres": "SELECT count(*) FROM generate_series(1, 1000000000)",
    "mysql": "SELECT count(*) FROM items a, items b, items c, items d",
}


async def test_reads_with_binds(wall: WallDatabase) -> None:
    result = await ReadOnlyExecutor(ConnectionSettings(url=wall.reader_url)).execute(
        "SELECT id, name FROM items WHERE id = :item_id OR name LIKE '%항목 1%' ORDER BY id", {"item_id": 7}
    )
    assert [c.lower() for c in result.columns] == ["id", "name"]
    assert result.rows[0] == [1, "항목 1"] and [7, "항목 7"] in result.rows
    assert not result.truncated and result.elapsed_ms >= 0
    assert result.params == {"item_id": 7}


def test_percent_signs_survive_without_binds(wall: WallDatabase) -> None:
    """psycopg and PyMySQL read `%` as a placeholder; the rewrite doubles it, with or without bind values."""
    executor = ReadOnlyExecutor(ConnectionSettings(url=wall.reader_url))
    expected = sum("항목 1" in f"항목 {i}" for i in range(wall.rows))
    assert executor.execute_sync("SELECT count(*) FROM items WHERE name LIKE '%항목 1%'").rows == [[expected]]
    assert executor.execute_sync("SELECT count(*) FROM items WHERE name LIKE '%항목 1%'", {}).rows == [[expected]]


@pytest.mark.parametrize(
    "write",
    ["INSERT INTO items VALUES (100000, 'x')", "UPDATE items SET name = 'x'", "DELETE FROM items",
     "CREATE TABLE sneaky (a int)", "DROP TABLE items"],
)
def test_database_refuses_writes_that_bypass_the_guard(wall: WallDatabase, write: str) -> None:
    before = wall.fingerprint()
    for url in {wall.reader_url, wall.super_url}:  # the read-only session holds even for a superuser
        with pytest.raises(DatabaseError) as info:
            ReadOnlyExecutor(ConnectionSettings(url=url)).execute_sync(write, unchecked=True)
        assert info.value.code in {"READ_ONLY_VIOLATION", "QUERY_FAILED"}
    assert wall.fingerprint() == before and before[0] == wall.rows


def test_row_cap_sets_truncated(wall: WallDatabase) -> None:
    executor = ReadOnlyExecutor(ConnectionSettings(url=wall.reader_url), max_rows=100)
    result = executor.execute_sync("SELECT id FROM items ORDER BY id")
    assert result.row_count == 100 and result.truncated
    assert executor.execute_sync("SELECT id FROM items ORDER BY id", max_rows=10).row_count == 10
    exact = executor.execute_sync("SELECT id FROM items WHERE id < 100")
    assert exact.row_count == 100 and not exact.truncated


def test_a_huge_result_is_not_read_past_the_cap(wall: WallDatabase) -> None:
    """15.6 million rows: only cap + 1 are read (PostgreSQL FETCHes from a server-side cursor, MariaDB streams and
    drops the connection rather than draining it, SQLite steps) — fast, and the next call is served normally."""
    executor = ReadOnlyExecutor(ConnectionSettings(url=wall.reader_url), max_rows=10, timeout_seconds=30)
    started = time.monotonic()
    result = executor.execute_sync("SELECT a.id FROM items a, items b, items c")
    assert result.row_count == 10 and result.truncated
    assert time.monotonic() - started < 5
    assert executor.execute_sync("SELECT count(*) FROM items").rows == [[wall.rows]]


def test_timeout_stops_a_slow_query(wall: WallDatabase) -> None:
    executor = ReadOnlyExecutor(ConnectionSettings(url=wall.reader_url), timeout_seconds=0.5)
    with pytest.raises(DatabaseError) as info:
        executor.execute_sync(SLOW[wall.dialect], unchecked=True)  # the database's limit, not the guard's
    assert info.value.code == "QUERY_TIMEOUT"
    assert executor.execute_sync("SELECT count(*) FROM items").rows[0][0] == wall.rows  # pool still healthy


def test_unreachable_database_names_the_target(tmp_path: Path) -> None:
    executor = ReadOnlyExecutor(ConnectionSettings(url=f"sqlite:///{tmp_path}/missing.db"))
    with pytest.raises(DatabaseError) as info:
        executor.execute_sync("SELECT 1")
    assert info.value.code == "DATABASE_UNREACHABLE" and "missing.db" in info.value.message
    refused = ReadOnlyExecutor(ConnectionSettings(url="postgresql+psycopg://u:pw@127.0.0.1:1/x"))
    with pytest.raises(DatabaseError) as info:
        refused.execute_sync("SELECT 1")
    assert info.value.code == "DATABASE_UNREACHABLE" and "pw" not in info.value.message
