"""The default path: what runs is what the guard checked. An attack is refused before any connection is opened,
and the SQL sent (and reported in `QueryResult.sql`) is the one printed from the validated tree."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from text2sql_core.connection import ConnectionSettings
from text2sql_core.db import ReadOnlyExecutor
from text2sql_core.errors import SQLValidationError
from text2sql_core.validation import render_checked

if TYPE_CHECKING:
    from conftest import WallDatabase

SETTINGS = {
    "sqlite": ConnectionSettings(url="sqlite:///unused.db"),
    "postgres": ConnectionSettings(url="postgresql+psycopg://reader@db/app"),
    "mysql": ConnectionSettings(url="mysql+pymysql://reader@db/app"),
    "oracle": ConnectionSettings(dsn="db:1521/ORCL", username="reader"),
}

ATTACKS = [
    "COMMIT; INSERT INTO items VALUES (1, 'x')",
    "ROLLBACK; INSERT INTO items VALUES (1, 'x')",
    "SELECT 1 FROM items; DELETE FROM items",
    "DELETE FROM items",
    "UPDATE items SET name = 'x'",
    "SELECT * INTO sneaky FROM items",
    "CREATE TABLE sneaky (a int)",
]


class _NoConnection:
    """A `connect` that records being called: the guarded path must never get this far."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> Any:
        self.calls += 1
        raise AssertionError("a refused query must not open a connection")


@pytest.mark.parametrize("dialect", list(SETTINGS))
@pytest.mark.parametrize("attack", ATTACKS)
async def test_attacks_are_refused_before_anything_is_sent(dialect: str, attack: str) -> None:
    connect = _NoConnection()
    executor = ReadOnlyExecutor(SETTINGS[dialect], connect=connect)
    with pytest.raises(SQLValidationError):
        executor.execute_sync(attack, {"x": 1})
    with pytest.raises(SQLValidationError):
        await executor.execute(attack)
    assert connect.calls == 0


def test_what_runs_is_what_was_checked(sqlite_wall: WallDatabase) -> None:
    sql = "select /* a note */ id, name -- trailing words\n from items where id = :item_id;"
    result = ReadOnlyExecutor(ConnectionSettings(url=sqlite_wall.reader_url)).execute_sync(sql, {"item_id": 4})
    assert result.rows == [[4, "항목 4"]]
    assert result.sql == render_checked(sql, "sqlite")
    assert "note" not in result.sql and "trailing" not in result.sql and ":item_id" in result.sql


def test_unchecked_sends_the_string_as_given(sqlite_wall: WallDatabase) -> None:
    sql = "SELECT id FROM items WHERE id = 4 /* kept */"
    result = ReadOnlyExecutor(ConnectionSettings(url=sqlite_wall.reader_url)).execute_sync(sql, unchecked=True)
    assert result.sql == sql and result.rows == [[4]]
