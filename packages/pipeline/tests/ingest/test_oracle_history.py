"""Oracle SQL history against a fake connection (no Oracle runs here): the SQL and binds sent, the rows kept."""

from __future__ import annotations

from datetime import datetime

import pytest

from fake_oracle import FakeOracleConnection
from text2sql_core.errors import DatabaseError
from text2sql_pipeline.ingest import HistoryFilters, IngestItem, read_oracle_history


class Lob:
    def __init__(self, text: str):
        self.text = text

    def read(self) -> str:
        return self.text


def history(sql: str, binds: dict) -> tuple[list[str], list[tuple]]:
    if "FROM v$sql" in sql:
        return ["SQL_ID"], [
            ("a1", Lob("SELECT ename FROM emp WHERE deptno = 10"), 120, "HR", None),
            ("a1", Lob("SELECT ename FROM emp WHERE deptno = 10"), 120, "HR", None),  # a second child cursor
            ("b2", "SELECT COUNT(*) FROM dept", 5, "HR", None),
        ]
    if "dba_hist_sqltext" in sql:
        return ["SQL_ID"], [("c3", "SELECT * FROM emp WHERE sal > 1000", 40, "HR"), ("a1", "dup", 1, "HR")]
    raise AssertionError(sql)


def test_reads_v_sql_with_filters() -> None:
    conn = FakeOracleConnection(history)
    filters = HistoryFilters(parsing_schemas=["hr", "sales"], min_executions=5, since=datetime(2026, 1, 1))
    rows = list(read_oracle_history(lambda: conn, filters, "erp"))
    sql, binds = conn.executed[0]
    assert "FROM v$sql" in sql and "command_type = 3" in sql and "executions >= :min_executions" in sql
    assert "parsing_schema_name IN (:schema_0, :schema_1)" in sql and "last_active_time >= :since" in sql
    assert binds == {"min_executions": 5, "max_rows": 10000, "schema_0": "HR", "schema_1": "SALES",
                     "since": datetime(2026, 1, 1)}
    assert len(conn.executed) == 1 and conn.closed
    items = [r for r in rows if isinstance(r, IngestItem)]
    assert [i.template.original_sql_id for i in items] == ["a1", "b2"]
    assert items[0].template.exec_count == 120 and items[0].template.dialect == "oracle"
    assert items[0].template.datasource == "erp" and items[0].template.domain_tags == ["hr"]


def test_awr_adds_aged_out_statements() -> None:
    conn = FakeOracleConnection(history)
    rows = list(read_oracle_history(lambda: conn, HistoryFilters(include_awr=True), "erp"))
    assert "dba_hist_sqlstat" in conn.executed[1][0] and "since" not in conn.executed[1][1]
    assert [r.template.original_sql_id for r in rows] == ["a1", "b2", "c3"]


def test_missing_privilege_says_which() -> None:
    conn = FakeOracleConnection(history, fail_on="v$sql", error=RuntimeError("ORA-00942: table or view does not exist"))
    with pytest.raises(DatabaseError, match="V_\\$SQL"):
        list(read_oracle_history(lambda: conn, HistoryFilters(), "erp"))
