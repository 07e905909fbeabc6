"""Index-time warnings: a template naming a table or column the loaded schema lacks; aliases and pseudo-columns
are not columns; datasources without a schema are not checked."""

from __future__ import annotations

from text2sql_core.models import ColumnSchema, SQLTemplateInDB, TableSchema
from text2sql_pipeline.schema_check import unknown_names

SCHEMA = {"hr": [TableSchema(name="EMP", columns=[ColumnSchema(name="ENAME"), ColumnSchema(name="SAL"),
                                                  ColumnSchema(name="DEPTNO")])]}


def _template(sql: str, tables: list[str], columns: list[str], datasource: str = "hr") -> SQLTemplateInDB:
    return SQLTemplateInDB(id=f"t_{abs(hash(sql))}", template_hash="h", normalized_text=sql, sql_text=sql,
                           datasource=datasource, dialect="oracle", tables=tables, columns=columns, description="설명")


def test_unknown_table_and_column_are_named() -> None:
    warnings = unknown_names([
        _template("SELECT ename FROM emp", ["emp"], ["emp.ename"]),
        _template("SELECT bonus FROM emp", ["emp"], ["emp.bonus"]),
        _template("SELECT title FROM album", ["album"], ["album.title"]),
        _template("SELECT nickname FROM emp e JOIN dept d ON e.deptno = d.deptno", ["emp", "dept"], ["nickname"]),
    ], SCHEMA)
    assert len(warnings) == 3
    assert warnings[0].startswith("hr has no column emp.bonus")
    assert warnings[1].startswith("hr has no table album")  # its column is not judged: the table is unknown
    assert "table dept" in warnings[2] and "column nickname" in warnings[2]


def test_aliases_pseudo_columns_and_unchecked_datasources() -> None:
    quiet = unknown_names([
        _template("SELECT deptno, COUNT(*) AS n FROM emp GROUP BY deptno ORDER BY n", ["emp"], ["emp.deptno", "emp.n"]),
        _template("SELECT ename FROM emp WHERE ROWNUM <= 5", ["emp"], ["emp.ename", "emp.rownum"]),
        _template("SELECT anything FROM elsewhere", ["elsewhere"], ["elsewhere.anything"], datasource="sales"),
    ], SCHEMA)
    assert quiet == []
    assert unknown_names([_template("SELECT x FROM t", ["t"], ["t.x"])], {}) == []
