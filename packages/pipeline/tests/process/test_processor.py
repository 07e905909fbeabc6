"""The processor: invalid SQL skipped with its reason, duplicates merged, tables/columns, descriptions."""

from __future__ import annotations

from langchain_core.language_models import FakeListChatModel

from text2sql_core.models import ColumnSchema, SQLTemplateCreate, TableSchema
from text2sql_pipeline.ingest import IngestItem, SkippedRow
from text2sql_pipeline.process import TemplateProcessor

SCHEMA = {"hr": [TableSchema(name="emp", description="직원", columns=[
    ColumnSchema(name="ename", description="이름"), ColumnSchema(name="deptno", description="부서 번호"),
    ColumnSchema(name="sal", description="급여")])]}


def item(sql: str, **fields: object) -> IngestItem:
    return IngestItem(SQLTemplateCreate(sql_text=sql, datasource="hr", dialect="oracle", **fields), "test")


def test_skips_merges_and_extracts() -> None:
    rows = [
        item("SELECT e.ename FROM emp e WHERE e.deptno = 10", description="10번 부서 직원", exec_count=3,
             questions=["10번 부서 사람들"]),
        item("select E.ENAME from EMP E where E.DEPTNO = 20", description="20번 부서 직원", exec_count=4),
        item("DELETE FROM emp"),
        SkippedRow("file:9", "not valid JSON"),
        item("SELECT COUNT(*) FROM emp"),
    ]
    result = TemplateProcessor(SCHEMA).process(rows)
    assert result.read == 5 and result.duplicates == 1
    assert [s.source for s in result.skipped] == ["test", "file:9"]
    merged = result.templates[0]
    assert merged.exec_count == 7 and merged.description == "10번 부서 직원"
    assert merged.questions == ["10번 부서 사람들", "20번 부서 직원"]
    assert merged.tables == ["emp"] and merged.columns == ["emp.ename", "emp.deptno"]
    assert merged.params[0].name == "deptno" and merged.params[0].example == 10
    assert result.templates[1].description == "직원(emp)의 전체 조회"


def test_deterministic_description_uses_comments() -> None:
    template = TemplateProcessor(SCHEMA).process_one(
        SQLTemplateCreate(sql_text="SELECT ename, sal FROM emp WHERE deptno = 10", datasource="hr"))
    assert template.description == "직원(emp)의 이름(ename), 급여(sal), 부서 번호(deptno) 조회 — 조건: deptno"


def test_llm_description_when_configured() -> None:
    llm = FakeListChatModel(responses=["부서별 급여 합계를 구합니다.\nTotal salary per department."])
    template = TemplateProcessor(SCHEMA, llm=llm).process_one(
        SQLTemplateCreate(sql_text="SELECT deptno, SUM(sal) FROM emp GROUP BY deptno", datasource="hr"))
    assert template.description == "부서별 급여 합계를 구합니다. Total salary per department."
