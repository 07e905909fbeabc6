"""`InMemoryValueIndex` fed the way node tests feed it: one `ValueEntry` (or a plain dict) per value."""

from __future__ import annotations

from text2sql_core.models import ValueEntry
from text2sql_core.protocols import ValueIndex
from text2sql_pipeline.values import InMemoryValueIndex


def test_rows_of_single_values() -> None:
    index = InMemoryValueIndex([
        ValueEntry(table="dept", column="dname", value="재무팀"),
        {"table": "dept", "column": "dname", "value": "인사팀"},
        {"datasource": "sales", "table": "customers", "column": "grade", "value": "GOLD", "synonyms": ["골드"]},
    ])
    assert isinstance(index, ValueIndex)
    assert [(m.text, m.value) for m in index.find("인사팀과 재무팀 직원", None)] == [("인사팀", "인사팀"),
                                                                                ("재무팀", "재무팀")]
    assert index.columns(None) == {("dept", "dname")}  # values handed in one by one: the column is complete
    assert [(m.value, m.method) for m in index.find("골드 고객", "sales")] == [("GOLD", "synonym")]
    assert index.find("골드 고객", None) == []
    empty = InMemoryValueIndex()
    assert empty.find("재무팀", None) == [] and not empty.has(None, "dept", "dname", "재무팀")
