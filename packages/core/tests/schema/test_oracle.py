"""OracleSchemaLoader against a fake connection: three set-based dictionary queries, the owner bound."""

from __future__ import annotations

from typing import Any

import pytest

from fake_oracle import FakeOracleConnection
from text2sql_core.errors import SchemaError
from text2sql_core.schema import OracleSchemaLoader

TABLE_ROWS = [("DEPT", "TABLE", "부서"), ("EMP", "TABLE", "직원 정보")]
COLUMN_ROWS = [
    ("DEPT", "DEPTNO", "NUMBER", 22, 2, 0, "N", "부서 번호"),
    ("DEPT", "DNAME", "VARCHAR2", 14, None, None, "Y", "부서명"),
    ("EMP", "EMPNO", "NUMBER", 22, 4, 0, "N", "사번"),
    ("EMP", "ENAME", "VARCHAR2", 10, None, None, "Y", None),
    ("EMP", "SAL", "NUMBER", 22, 7, 2, "Y", "급여"),
    ("EMP", "DEPTNO", "NUMBER", 22, 2, 0, "Y", "부서 번호"),
]
KEY_ROWS = [
    ("DEPT", "PK_DEPT", "P", "DEPTNO", 1, None, None, None),
    ("EMP", "FK_DEPTNO", "R", "DEPTNO", 1, "SCOTT", "DEPT", "DEPTNO"),
    ("EMP", "PK_EMP", "P", "EMPNO", 1, None, None, None),
]


def dictionary(sql: str, binds: dict[str, Any]) -> tuple[list[str], list[tuple]]:
    wanted = binds.get("table_name")

    def only(rows: list[tuple]) -> list[tuple]:
        return [r for r in rows if wanted is None or r[0] == wanted]

    if "FROM all_tab_comments" in sql:
        return ["TABLE_NAME", "TABLE_TYPE", "COMMENTS"], only(TABLE_ROWS)
    if "FROM all_tab_columns" in sql:
        return ["TABLE_NAME"], only(COLUMN_ROWS)
    if "FROM all_constraints" in sql:
        return ["TABLE_NAME"], only(KEY_ROWS)
    raise AssertionError(f"unexpected SQL: {sql}")


def test_whole_schema_in_three_queries() -> None:
    conn = FakeOracleConnection(dictionary)
    tables = OracleSchemaLoader(lambda: conn, owner="scott").load_tables()
    assert len(conn.executed) == 3
    assert all(binds == {"owner": "SCOTT"} for _, binds in conn.executed)
    sources = " ".join(sql for sql, _ in conn.executed)
    for view in ("all_tab_comments", "all_tab_columns", "all_col_comments", "all_constraints", "all_cons_columns"):
        assert view in sources
    assert conn.closed
    emp = next(t for t in tables if t.name == "EMP")
    assert emp.description == "직원 정보"
    assert [c.name for c in emp.columns] == ["EMPNO", "ENAME", "SAL", "DEPTNO"]
    assert emp.column("SAL").data_type == "NUMBER(7,2)" and emp.column("SAL").description == "급여"
    assert emp.column("ENAME").data_type == "VARCHAR2(10)"
    assert emp.primary_key == ["EMPNO"] and emp.column("EMPNO").is_primary_key
    assert emp.foreign_keys[0].referred_table == "DEPT" and emp.foreign_keys[0].columns == ["DEPTNO"]
    assert not emp.column("EMPNO").nullable


def test_one_table_binds_its_name() -> None:
    conn = FakeOracleConnection(dictionary)
    table = OracleSchemaLoader(lambda: conn, owner="SCOTT").load_table("dept")
    assert table is not None and table.name == "DEPT" and table.primary_key == ["DEPTNO"]
    assert all(binds == {"owner": "SCOTT", "table_name": "DEPT"} for _, binds in conn.executed)


def test_related_tables_both_directions() -> None:
    loader = OracleSchemaLoader(lambda: FakeOracleConnection(dictionary), owner="SCOTT")
    assert [t.name for t in loader.get_related_tables("DEPT")] == ["EMP"]
    assert [t.name for t in loader.get_related_tables("EMP")] == ["DEPT"]


def test_errors_name_what_failed() -> None:
    def refuse() -> None:
        raise OSError("DPY-6005: cannot connect")

    with pytest.raises(SchemaError, match="TEXT2SQL_ORACLE__SCHEMA"):
        OracleSchemaLoader(refuse, owner="SCOTT").load_tables()
    broken = FakeOracleConnection(dictionary, fail_on="all_tab_columns")
    with pytest.raises(SchemaError, match="ORA-00942"):
        OracleSchemaLoader(lambda: broken, owner="SCOTT").load_tables()
    assert broken.closed
