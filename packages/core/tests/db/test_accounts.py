"""The account check: a least-privilege reader has nothing to report, a superuser is named, and the pool warns
the first time it connects with such an account."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import pytest

from fake_oracle import FakeOracleConnection
from text2sql_core.connection import ConnectionSettings
from text2sql_core.db import ReadOnlyExecutor
from text2sql_core.db.accounts import account_risks
from text2sql_core.db.connect import connection_factory

if TYPE_CHECKING:
    from conftest import WallDatabase


def _risks(dialect: str, url: str) -> list[str]:
    conn = connection_factory(ConnectionSettings(url=url))()
    try:
        return account_risks(dialect, conn)
    finally:
        conn.close()


@pytest.mark.postgres
def test_postgres_reader_is_clean_and_superuser_is_named(postgres_wall: WallDatabase) -> None:
    assert _risks("postgres", postgres_wall.reader_url) == []
    risks = _risks("postgres", postgres_wall.super_url)
    assert "the account is a superuser" in risks and "the account is in pg_execute_server_program" in risks


@pytest.mark.mysql
def test_mysql_reader_is_clean_and_root_is_named(mysql_wall: WallDatabase) -> None:
    assert _risks("mysql", mysql_wall.reader_url) == []
    assert any("ALL PRIVILEGES" in risk and "*.*" in risk for risk in _risks("mysql", mysql_wall.super_url))


@pytest.mark.postgres
def test_the_pool_warns_once_on_first_connect(postgres_wall: WallDatabase, caplog: pytest.LogCaptureFixture) -> None:
    executor = ReadOnlyExecutor(ConnectionSettings(url=f"{postgres_wall.super_url}?application_name=warn"))
    with caplog.at_level(logging.WARNING, logger="text2sql_core.db.accounts"):
        executor.execute_sync("SELECT count(*) FROM items")
        executor.execute_sync("SELECT count(*) FROM items")
    warnings = [r.getMessage() for r in caplog.records if "not least-privilege" in r.getMessage()]
    assert len(warnings) == 1 and "superuser" in warnings[0] and "docs/security.md" in warnings[0]


def test_oracle_privileges_beyond_create_session_are_named() -> None:
    granted = [("CREATE SESSION",), ("SELECT ANY TABLE",), ("CREATE TABLE",), ("DBA",), ("INSERT ON APP.ORDERS",)]
    conn = FakeOracleConnection(lambda sql, binds: (["PRIVILEGE"], granted))
    risks = account_risks("oracle", conn)
    assert risks == ["the account holds CREATE TABLE", "the account holds DBA",
                     "the account holds INSERT ON APP.ORDERS", "the account holds SELECT ANY TABLE"]
    assert "session_privs" in conn.executed[0][0] and "user_tab_privs_recd" in conn.executed[0][0]
    assert conn.rolled_back == 1  # no transaction left open for SET TRANSACTION READ ONLY to trip over
    clean = FakeOracleConnection(lambda sql, binds: (["PRIVILEGE"], [("CREATE SESSION",)]))
    assert account_risks("oracle", clean) == []
    assert account_risks("sqlite", object()) == []
