"""The MariaDB/MySQL wall on its own (guard bypassed with `unchecked=True`): multi-statement strings, temp tables,
server files and DDL change nothing, and user variables, GET_LOCK, sql_mode and session variables set by one call
are gone in the next. What happened is checked through a separate root connection."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from text2sql_core.connection import ConnectionSettings
from text2sql_core.db import ReadOnlyExecutor
from text2sql_core.errors import DatabaseError

if TYPE_CHECKING:
    from conftest import WallDatabase

pytestmark = pytest.mark.mysql

OUTFILE = Path(f"/tmp/t2s_wall_{os.getpid()}_outfile.txt")

ATTACKS = [
    "COMMIT; INSERT INTO items VALUES (100000, 'x')",
    "ROLLBACK; INSERT INTO items VALUES (100000, 'x')",
    "SET SESSION TRANSACTION READ WRITE; DELETE FROM items",
    "SELECT 1; DELETE FROM items",
    "SET autocommit = 1; UPDATE items SET name = 'x'",
    "INSERT INTO items VALUES (100000, 'x')",
    "REPLACE INTO items VALUES (1, 'x')",
    "CREATE TEMPORARY TABLE items (id INT, name VARCHAR(50))",
    "CREATE TABLE sneaky (a INT)",
    "CREATE TABLE sneaky AS SELECT * FROM items",
    "TRUNCATE items",
    f"SELECT * FROM items INTO OUTFILE '{OUTFILE}'",
    "LOAD DATA LOCAL INFILE '/etc/hostname' INTO TABLE items",
]


def _state(wall: WallDatabase) -> tuple[object, ...]:
    tables = wall.scalar("SELECT count(*) FROM information_schema.tables WHERE table_name = 'sneaky'")
    return wall.fingerprint(), tables, OUTFILE.exists()


@pytest.mark.parametrize("attack", ATTACKS)
def test_writes_handed_straight_to_the_executor_change_nothing(mysql_wall: WallDatabase, attack: str) -> None:
    before = _state(mysql_wall)
    with pytest.raises(DatabaseError):
        ReadOnlyExecutor(ConnectionSettings(url=mysql_wall.reader_url)).execute_sync(attack, unchecked=True)
    assert _state(mysql_wall) == before
    assert before[0][0] == mysql_wall.rows and before[1:] == (0, False)


def test_the_driver_never_asks_for_multi_statements(mysql_wall: WallDatabase) -> None:
    from pymysql.constants import CLIENT

    from text2sql_core.db.connect import connection_factory

    conn = connection_factory(ConnectionSettings(url=mysql_wall.reader_url))()
    try:
        assert not conn.client_flag & CLIENT.MULTI_STATEMENTS
        assert not conn.client_flag & CLIENT.LOCAL_FILES
    finally:
        conn.close()


def _one_session(wall: WallDatabase, name: str) -> ConnectionSettings:
    """A pool of its own (pools are per URL) holding one connection, so consecutive calls share a session."""
    return ConnectionSettings(url=f"{wall.reader_url}?session={name}", pool_max=1)


def test_session_state_does_not_survive_into_the_next_call(mysql_wall: WallDatabase) -> None:
    executor = ReadOnlyExecutor(_one_session(mysql_wall, "state"))
    first = executor.execute_sync("SELECT CONNECTION_ID(), GET_LOCK('t2s_wall_lock', 0), @v := 42", unchecked=True)
    assert first.rows[0][1:] == [1, 42]
    assert mysql_wall.scalar("SELECT IS_FREE_LOCK('t2s_wall_lock')") == 1  # released on return, not later
    for statement in ["SET sql_mode = 'ANSI_QUOTES'", "SET @w = 'leak'", "SET SESSION max_statement_time = 0",
                      "SET SESSION TRANSACTION READ WRITE", "SELECT 7 INTO @x"]:
        executor.execute_sync(statement, unchecked=True)  # single statements the session accepts…
    second = executor.execute_sync(
        "SELECT CONNECTION_ID(), @v, @w, @x, @@sql_mode LIKE '%ANSI_QUOTES%', IS_USED_LOCK('t2s_wall_lock'), "
        "@@session.max_statement_time > 0, @@session.tx_read_only", unchecked=True)
    assert second.rows[0][0] == first.rows[0][0]  # …in the same pooled session…
    assert second.rows[0][1:] == [None, None, None, 0, None, 1, 1]  # …are all gone, read-only and timed again
    korean = executor.execute_sync("SELECT name FROM items WHERE id = 3")
    assert korean.rows == [["항목 3"]]  # the character set negotiated at connect time survives the reset


def test_session_is_reset_after_an_error_and_after_a_timeout(mysql_wall: WallDatabase) -> None:
    executor = ReadOnlyExecutor(_one_session(mysql_wall, "errors"), timeout_seconds=0.5)
    with pytest.raises(DatabaseError) as failed:
        executor.execute_sync("SELECT GET_LOCK('t2s_wall_err', 0), no_such_column FROM items", unchecked=True)
    assert failed.value.code == "QUERY_FAILED"
    with pytest.raises(DatabaseError) as slow:
        executor.execute_sync("SELECT GET_LOCK('t2s_wall_slow', 0) + count(*) FROM items a, items b, items c, "
                              "items d", unchecked=True)
    assert slow.value.code == "QUERY_TIMEOUT"
    assert mysql_wall.scalar("SELECT IS_FREE_LOCK('t2s_wall_slow') + IS_FREE_LOCK('t2s_wall_err')") == 2
    assert executor.execute_sync("SELECT count(*) FROM items").rows == [[mysql_wall.rows]]


@pytest.mark.parametrize("runaway", [
    "SET STATEMENT max_statement_time = 0 FOR SELECT count(*) FROM items a, items b, items c, items d",
    "SET STATEMENT max_statement_time = 0 FOR SELECT SLEEP(30)",
])
def test_a_query_that_lifts_its_own_timeout_is_still_stopped(mysql_wall: WallDatabase, runaway: str) -> None:
    """MariaDB lets one statement override max_statement_time; the watchdog's KILL QUERY stops it anyway."""
    executor = ReadOnlyExecutor(_one_session(mysql_wall, "watchdog"), timeout_seconds=0.5)
    started = time.monotonic()
    with pytest.raises(DatabaseError) as info:
        executor.execute_sync(runaway, unchecked=True)
    assert info.value.code == "QUERY_TIMEOUT" and time.monotonic() - started < 2.5
    assert mysql_wall.scalar("SELECT count(*) FROM information_schema.processlist "
                             "WHERE info LIKE 'SET STATEMENT%' AND id <> CONNECTION_ID()") == 0
    assert executor.execute_sync("SELECT count(*) FROM items").rows == [[mysql_wall.rows]]  # not killed in turn


def test_the_watchdog_stops_only_the_runaway(mysql_wall: WallDatabase) -> None:
    """KILL QUERY names one connection: queries running beside the runaway, on the same pool, are untouched."""
    executor = ReadOnlyExecutor(ConnectionSettings(url=f"{mysql_wall.reader_url}?session=beside", pool_max=3),
                                timeout_seconds=0.5)
    outcome: dict[str, str] = {}

    def runaway() -> None:
        try:
            executor.execute_sync("SET STATEMENT max_statement_time = 0 FOR SELECT SLEEP(30)", unchecked=True)
        except DatabaseError as err:
            outcome["runaway"] = err.code

    thread = threading.Thread(target=runaway)
    thread.start()
    answers = []
    while thread.is_alive():
        answers.append(executor.execute_sync("SELECT count(*) FROM items").rows[0][0])
    thread.join()
    assert outcome == {"runaway": "QUERY_TIMEOUT"}
    assert len(answers) > 5 and set(answers) == {mysql_wall.rows}


def test_reader_cannot_read_server_files(mysql_wall: WallDatabase) -> None:
    """LOAD_FILE needs the FILE privilege: without it MariaDB answers NULL rather than an error."""
    executor = ReadOnlyExecutor(ConnectionSettings(url=mysql_wall.reader_url))
    assert executor.execute_sync("SELECT LOAD_FILE('/etc/hostname')", unchecked=True).rows == [[None]]
