"""The executor's Oracle path against a fake connection (no Oracle runs here): SQL, binds, timeout, cap."""

from __future__ import annotations

import pytest
from sqlalchemy.pool import QueuePool

from fake_oracle import FakeOracleConnection
from text2sql_core.connection import ConnectionSettings
from text2sql_core.db import ReadOnlyExecutor
from text2sql_core.db.reset import install_session_reset
from text2sql_core.errors import DatabaseError

ORACLE = ConnectionSettings(dsn="db:1521/ORCL", username="reader")


def rows(sql: str, binds: dict) -> tuple[list[str], list[tuple]]:
    if sql.startswith("SET TRANSACTION"):
        return [], []
    return ["EMPNO", "ENAME"], [(i, f"사원{i}") for i in range(30)]


def test_read_only_transaction_binds_and_timeout() -> None:
    conn = FakeOracleConnection(rows)
    executor = ReadOnlyExecutor(ORACLE, max_rows=10, timeout_seconds=2.5, connect=lambda: conn)
    result = executor.execute_sync("SELECT empno, ename FROM emp WHERE deptno = :dept", {"dept": 10})
    assert conn.executed[0] == ("SET TRANSACTION READ ONLY", {})
    assert conn.executed[1] == ("SELECT empno, ename FROM emp WHERE deptno = :dept", {"dept": 10})
    assert conn.call_timeout == 2500
    assert result.columns == ["EMPNO", "ENAME"] and result.row_count == 10 and result.truncated
    assert sum(conn.fetch_sizes) <= 11  # fetched incrementally, never the whole result
    assert conn.rolled_back == 1 and conn.closed


def test_oracle_errors_are_classified() -> None:
    timeout = FakeOracleConnection(rows, fail_on="FROM emp", error=RuntimeError("DPY-4024: call timeout exceeded"))
    with pytest.raises(DatabaseError) as info:
        ReadOnlyExecutor(ORACLE, connect=lambda: timeout).execute_sync("SELECT * FROM emp")
    assert info.value.code == "QUERY_TIMEOUT" and timeout.rolled_back == 1 and timeout.closed
    write = FakeOracleConnection(rows, fail_on="DELETE",
                                 error=RuntimeError("ORA-01456: may not perform insert/delete/update operation "
                                                    "inside a READ ONLY transaction"))
    with pytest.raises(DatabaseError) as info:
        ReadOnlyExecutor(ORACLE, connect=lambda: write).execute_sync("DELETE FROM emp", unchecked=True)
    assert info.value.code == "READ_ONLY_VIOLATION"


def test_pool_return_rolls_back_and_resets_package_state() -> None:
    """Oracle has no one-call session reset; the pool rolls back and runs DBMS_SESSION.RESET_PACKAGE on every
    return — after an error too — and a connection whose reset fails is closed, not handed out again."""
    opened: list[FakeOracleConnection] = []

    def connect() -> FakeOracleConnection:
        opened.append(FakeOracleConnection(rows, fail_on="BOOM"))
        return opened[-1]

    pool = QueuePool(connect, pool_size=1, max_overflow=0, reset_on_return=None)
    install_session_reset(pool, "oracle")
    executor = ReadOnlyExecutor(ORACLE, connect=pool.connect)
    executor.execute_sync("SELECT empno FROM emp")
    with pytest.raises(DatabaseError):
        executor.execute_sync("SELECT empno FROM emp WHERE ename = 'BOOM'")
    resets = [sql for sql, _ in opened[0].executed if "RESET_PACKAGE" in sql]
    assert resets == ["BEGIN DBMS_SESSION.RESET_PACKAGE; END;"] * 2
    assert opened[0].rolled_back >= 4 and not opened[0].closed and len(opened) == 1  # reused, reset each time

    opened[0].fail_on = "RESET_PACKAGE"  # the next reset fails: that connection must be dropped
    executor.execute_sync("SELECT empno FROM emp")
    assert opened[0].closed
    executor.execute_sync("SELECT empno FROM emp")
    assert len(opened) == 2 and not opened[1].closed


def test_oracle_url_settings() -> None:
    settings = ConnectionSettings(url="oracle+oracledb://reader:pw@db:1521/?service_name=FREEPDB1")
    assert settings.dialect == "oracle"
    assert settings.oracle_dsn() == "db:1521/FREEPDB1"
    assert settings.oracle_credentials() == ("reader", "pw")
