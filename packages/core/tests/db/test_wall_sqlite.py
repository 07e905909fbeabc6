"""The SQLite wall on its own (guard bypassed): a read-only file, one statement per call, a time budget and a
memory ceiling — a query that tries to allocate a gigabyte fails quickly with a clear error."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from text2sql_core.connection import ConnectionSettings
from text2sql_core.db import ReadOnlyExecutor
from text2sql_core.db.connect import SQLITE_HEAP_LIMIT_BYTES, SQLITE_MAX_VALUE_BYTES
from text2sql_core.errors import DatabaseError

if TYPE_CHECKING:
    from conftest import WallDatabase

SIDE_FILE = Path(f"/tmp/t2s_wall_{os.getpid()}_side.db")  # mode=ro alone let ATTACH and VACUUM INTO create it

ATTACKS = [
    "SELECT 1; DELETE FROM items",
    "COMMIT; INSERT INTO items VALUES (100000, 'x')",
    "PRAGMA query_only = OFF",
    "PRAGMA writable_schema = ON",
    f"ATTACH DATABASE '{SIDE_FILE}' AS side",
    f"VACUUM INTO '{SIDE_FILE}'",
    "CREATE TEMP TABLE items (id INTEGER, name TEXT)",
    "CREATE TEMP VIEW items AS SELECT 1 AS id, 'x' AS name",
    "REPLACE INTO items VALUES (1, 'x')",
    "INSERT INTO items VALUES (100000, 'x')",
    "DROP TABLE items",
]

HUGE = {
    "one gigabyte blob": "SELECT randomblob(1000000000)",
    "zero-filled gigabyte returned": "SELECT zeroblob(1000000000)",
    "string doubling in a recursive CTE": "WITH RECURSIVE r(s) AS (SELECT 'x' UNION ALL SELECT s || s FROM r "
                                          "WHERE length(s) < 2000000000) SELECT max(length(s)) FROM r",
    "twenty 60 MB values in one row": "SELECT " + ", ".join(["zeroblob(60000000)"] * 20),
    "group_concat of a gigabyte": "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r "
                                  "WHERE n < 20000) SELECT length(group_concat(printf('%.*c', 100000, 'x'))) FROM r",
}


@pytest.mark.parametrize("attack", ATTACKS)
def test_writes_handed_straight_to_the_executor_change_nothing(sqlite_wall: WallDatabase, attack: str) -> None:
    before = sqlite_wall.fingerprint()
    executor = ReadOnlyExecutor(ConnectionSettings(url=sqlite_wall.reader_url))
    with pytest.raises(DatabaseError):
        executor.execute_sync(attack, unchecked=True)
    assert sqlite_wall.fingerprint() == before and not SIDE_FILE.exists()
    assert executor.execute_sync("SELECT count(*) FROM items").rows == [[sqlite_wall.rows]]


@pytest.mark.parametrize("query", list(HUGE.values()), ids=list(HUGE))
def test_a_query_cannot_allocate_a_gigabyte(sqlite_wall: WallDatabase, query: str) -> None:
    executor = ReadOnlyExecutor(ConnectionSettings(url=sqlite_wall.reader_url), timeout_seconds=20)
    started = time.monotonic()
    with pytest.raises(DatabaseError) as info:
        executor.execute_sync(query, unchecked=True)
    assert info.value.code == "QUERY_MEMORY_LIMIT", info.value.message
    assert "memory" in info.value.message and "Traceback" not in info.value.message
    assert time.monotonic() - started < 10  # refused at the ceiling, not after the timeout
    assert executor.execute_sync("SELECT count(*) FROM items").rows == [[sqlite_wall.rows]]


def test_the_ceilings_are_set_on_every_connection(sqlite_wall: WallDatabase) -> None:
    import sqlite3

    from text2sql_core.db.connect import connection_factory

    conn = connection_factory(ConnectionSettings(url=sqlite_wall.reader_url))()
    try:
        assert conn.getlimit(sqlite3.SQLITE_LIMIT_LENGTH) == SQLITE_MAX_VALUE_BYTES
        assert 0 < conn.execute("PRAGMA hard_heap_limit").fetchone()[0] <= SQLITE_HEAP_LIMIT_BYTES
        assert conn.execute("PRAGMA query_only").fetchone()[0] == 1
    finally:
        conn.close()
