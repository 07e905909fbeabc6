"""The value collection on Milvus Lite (a temp folder): a round trip keeps every value, a long column is split into
parts under the JSON limit and joined back, a refresh replaces the datasource's columns (stale ones deleted) and
leaves other datasources alone. The dictionary's `values:` entries as the reader sees them."""

from __future__ import annotations

from pathlib import Path

import pytest

from text2sql_core.models import ColumnValues
from text2sql_core.settings import MilvusSettings
from text2sql_pipeline.index.connection import connect_milvus
from text2sql_pipeline.values.dictionary import dictionary_values
from text2sql_pipeline.values.store import ValueStore


@pytest.mark.slow
def test_round_trip_parts_and_refresh(tmp_path: Path) -> None:
    store = ValueStore(connect_milvus(MilvusSettings(uri=str(tmp_path / "milvus.db"))), "values_test")
    assert store.load("hr") == []  # nothing indexed yet: empty, not an error
    long_values = [f"매우 긴 부서 이름 {i:04d} " + "가" * 60 for i in range(400)]  # ~80 KB: more than one part
    columns = [
        ColumnValues(datasource="hr", table="dept", column="dname", values=long_values),
        ColumnValues(datasource="hr", table="emp", column="grade", values=["GOLD"], synonyms={"GOLD": ["골드"]},
                     complete=False),
    ]
    assert store.replace("hr", columns) == 401
    store.replace("sales", [ColumnValues(datasource="sales", table="orders", column="status", values=["배송완료"])])
    loaded = {(c.table, c.column): c for c in store.load("hr")}
    assert loaded["dept", "dname"].values == long_values
    assert loaded["emp", "grade"].synonyms == {"GOLD": ["골드"]} and loaded["emp", "grade"].complete is False
    assert store.collection.count() > 3  # the long column took several rows

    store.replace("hr", [ColumnValues(datasource="hr", table="emp", column="grade", values=["SILVER"])])
    assert [(c.table, c.column, c.values) for c in store.load("hr")] == [("emp", "grade", ["SILVER"])]
    assert [c.values for c in store.load("sales")] == [["배송완료"]]  # another datasource is untouched


def test_dictionary_values_forms() -> None:
    dictionary = {"tables": {
        "Customers": {"columns": {
            "Grade": {"description": "등급", "values": {"GOLD": ["골드", "골드 등급"], "SILVER": "실버", 1: None}},
            "status": {"values": ["활성", "휴면"]},
            "name": "고객 이름",  # a plain description: no values
        }},
        "orders": "주문",
    }}
    assert dictionary_values(dictionary) == {
        ("customers", "grade"): {"GOLD": ["골드", "골드 등급"], "SILVER": ["실버"], "1": []},
        ("customers", "status"): {"활성": [], "휴면": []},
    }
    assert dictionary_values(None) == {} and dictionary_values({}) == {}
