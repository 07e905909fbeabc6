"""The PostgreSQL wall on its own (guard bypassed with `unchecked=True`): multi-statement strings, COPY, large
objects, DO blocks, temp tables and SELECT … INTO change nothing, and session state is gone after each call.

What happened is checked through a separate superuser connection, never through the executor's own answer.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from text2sql_core.connection import ConnectionSettings
from text2sql_core.db import ReadOnlyExecutor
from text2sql_core.errors import DatabaseError

if TYPE_CHECKING:
    from conftest import WallDatabase

pytestmark = pytest.mark.postgres

# /tmp is writable by the server's OS user, so only the wall can keep these files from appearing.
COPY_FILE = Path(f"/tmp/t2s_wall_{os.getpid()}_copy.csv")
PROGRAM_FILE = Path(f"/tmp/t2s_wall_{os.getpid()}_program")

ATTACKS = [
    "COMMIT; INSERT INTO items VALUES (100000, 'x')",
    "ROLLBACK; INSERT INTO items VALUES (100000, 'x')",
    "END; UPDATE items SET name = 'x'",
    "SET TRANSACTION READ WRITE; DELETE FROM items",
    "SELECT 1; DELETE FROM items",
    "SELECT 1; COMMIT; TRUNCATE items",
    f"COPY items TO '{COPY_FILE}'",
    f"COPY (SELECT 1) TO PROGRAM 'touch {PROGRAM_FILE}'",
    "COPY items FROM PROGRAM 'echo 100000,x' WITH (FORMAT csv)",
    "CREATE TEMP TABLE items (id int, name text)",
    "CREATE TABLE sneaky (a int)",
    "DO $$BEGIN INSERT INTO items VALUES (100000, 'x'); END$$",
    "DO $$BEGIN COMMIT; DELETE FROM items; END$$",
    "SELECT * INTO sneaky FROM items",
    "WITH gone AS (DELETE FROM items RETURNING id) SELECT count(*) FROM gone",
    "TRUNCATE items",
    "INSERT INTO items VALUES (100000, 'x') RETURNING id",
    "SELECT nextval('items_seq')",
    "SELECT setval('items_seq', 100)",
    "SELECT set_config('transaction_read_only', 'off', true), nextval('items_seq')",
    "SELECT query_to_xml('CREATE TABLE sneaky (a int)', true, false, '')",
    f"SELECT query_to_xml('COPY (SELECT 1) TO PROGRAM ''touch {PROGRAM_FILE}''', true, false, '')",
]


def _state(wall: WallDatabase) -> tuple[object, ...]:
    return (wall.fingerprint(), wall.scalar("SELECT count(*) FROM pg_largeobject_metadata"),
            wall.scalar("SELECT count(*) FROM pg_class WHERE relname = 'sneaky'"),
            wall.scalar("SELECT last_value * 10 + is_called::int FROM items_seq"),
            COPY_FILE.exists(), PROGRAM_FILE.exists())


@pytest.mark.parametrize("account", ["reader", "superuser"])
@pytest.mark.parametrize("attack", ATTACKS)
def test_writes_handed_straight_to_the_executor_change_nothing(postgres_wall: WallDatabase, account: str,
                                                                 attack: str) -> None:
    url = postgres_wall.reader_url if account == "reader" else postgres_wall.super_url
    before = _state(postgres_wall)
    with pytest.raises(DatabaseError):
        ReadOnlyExecutor(ConnectionSettings(url=url)).execute_sync(attack, unchecked=True)
    assert _state(postgres_wall) == before
    assert before[0][0] == postgres_wall.rows and before[1:] == (0, 0, 10, False, False)


def test_lo_import_is_refused_to_the_reader_and_rolled_back_for_a_superuser(postgres_wall: WallDatabase) -> None:
    """lo_import is a function call inside a SELECT, so DECLARE accepts it. The reader may not call it; a
    superuser can (it reads a server file), but the large object it creates is rolled back with the transaction."""
    attack = "SELECT lo_import('/etc/hostname')"
    with pytest.raises(DatabaseError) as info:
        ReadOnlyExecutor(ConnectionSettings(url=postgres_wall.reader_url)).execute_sync(attack, unchecked=True)
    assert "permission denied" in info.value.message
    result = ReadOnlyExecutor(ConnectionSettings(url=postgres_wall.super_url)).execute_sync(attack, unchecked=True)
    assert isinstance(result.rows[0][0], int)  # it ran…
    assert postgres_wall.scalar("SELECT count(*) FROM pg_largeobject_metadata") == 0  # …and left nothing


def _one_session(wall: WallDatabase, name: str) -> ConnectionSettings:
    """A pool of its own (pools are per URL) holding one connection, so consecutive calls share a session."""
    return ConnectionSettings(url=f"{wall.reader_url}?application_name={name}", pool_max=1)


def test_session_state_does_not_survive_into_the_next_call(postgres_wall: WallDatabase) -> None:
    executor = ReadOnlyExecutor(_one_session(postgres_wall, "state"))
    first = executor.execute_sync(
        "SELECT pg_backend_pid(), pg_advisory_lock(424242), set_config('work_mem', '1234kB', false), "
        "set_config('search_path', 'pg_catalog', false), set_config('default_transaction_read_only', 'off', false)",
        unchecked=True)
    held = postgres_wall.scalar("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = 424242")
    assert held == 0  # released when the connection went back to the pool, not when the next caller came
    second = executor.execute_sync(
        "SELECT pg_backend_pid(), current_setting('work_mem'), current_setting('search_path'), "
        "current_setting('default_transaction_read_only')", unchecked=True)
    assert second.rows[0][0] == first.rows[0][0]  # the same pooled session…
    assert second.rows[0][1:] == ["4MB", '"$user", public', "on"]  # …with the role's defaults back


def test_session_is_reset_after_an_error_and_after_a_timeout(postgres_wall: WallDatabase) -> None:
    executor = ReadOnlyExecutor(_one_session(postgres_wall, "errors"), timeout_seconds=0.5)
    with pytest.raises(DatabaseError) as failed:
        executor.execute_sync("SELECT pg_advisory_lock(424243), 1 / (id - id) FROM items", unchecked=True)
    assert failed.value.code == "QUERY_FAILED"
    with pytest.raises(DatabaseError) as slow:
        executor.execute_sync("SELECT pg_advisory_lock(424244), count(*) FROM generate_series(1, 1000000000)",
                              unchecked=True)
    assert slow.value.code == "QUERY_TIMEOUT"
    assert postgres_wall.scalar("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                                "AND objid IN (424243, 424244)") == 0
    assert executor.execute_sync("SELECT count(*) FROM items").rows == [[postgres_wall.rows]]


def test_a_query_that_lifts_its_own_timeout_is_still_stopped(postgres_wall: WallDatabase) -> None:
    """set_config(…, true) switches statement_timeout off for the later FETCHes; the watchdog cancels anyway."""
    executor = ReadOnlyExecutor(_one_session(postgres_wall, "watchdog"), timeout_seconds=0.5)
    started = time.monotonic()
    with pytest.raises(DatabaseError) as info:
        executor.execute_sync("SELECT set_config('statement_timeout', '0', true), "
                              "CASE WHEN n > 201 THEN pg_sleep(30) END FROM generate_series(1, 260) n", unchecked=True)
    assert info.value.code == "QUERY_TIMEOUT" and time.monotonic() - started < 2.5
    assert postgres_wall.scalar("SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(30)%' "
                                "AND state = 'active' AND pid <> pg_backend_pid()") == 0
    assert executor.execute_sync("SELECT count(*) FROM items").rows == [[postgres_wall.rows]]


def test_a_broken_connection_is_replaced(postgres_wall: WallDatabase) -> None:
    executor = ReadOnlyExecutor(_one_session(postgres_wall, "broken"))
    pid = executor.execute_sync("SELECT pg_backend_pid()", unchecked=True).rows[0][0]
    assert postgres_wall.scalar(f"SELECT pg_terminate_backend({pid})") is True
    with pytest.raises(DatabaseError):  # this call finds the pooled session dead…
        executor.execute_sync("SELECT count(*) FROM items")
    assert executor.execute_sync("SELECT count(*) FROM items").rows == [[postgres_wall.rows]]  # …the next is fine
