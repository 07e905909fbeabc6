"""One contract for the `ValueIndex` protocol, run on the in-memory index and on the Milvus-backed lookup (Milvus
Lite in a temp folder): values found with particles, spacing, synonyms and typos; never inside a longer word; a
value of several columns returned for each; `has` and `columns` tell what the database holds."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from text2sql_core.models import ColumnValues
from text2sql_core.protocols import ValueIndex
from text2sql_pipeline.values import InMemoryValueIndex

COLUMNS = [
    ColumnValues(table="dept", column="dname", values=["개발팀", "인사팀", "재무팀", "마케팅팀", "영업팀", "총무팀"]),
    ColumnValues(table="customers", column="city", values=["서울", "부산", "New York", "Data base"]),
    ColumnValues(table="customers", column="grade", values=["GOLD", "SILVER"],
                 synonyms={"GOLD": ["골드", "골드 등급"], "SILVER": ["실버"]}),
    ColumnValues(table="emp", column="gender", values=["남", "여"]),
    ColumnValues(table="emp", column="name", values=["한건우", "이하은", "김민준"]),
    ColumnValues(table="stores", column="region", values=["서울", "경기"]),
    ColumnValues(table="teams", column="name", values=["영업1팀", "영업2팀 A"]),
    ColumnValues(table="products", column="code", values=["A-100", "200"]),
    # read from a sample: its values are found, but a missing value means nothing
    ColumnValues(table="orders", column="status", values=["배송완료"], complete=False),
    ColumnValues(datasource="other", table="dept", column="dname", values=["회계팀"]),
]

Factory = Callable[[list[ColumnValues]], ValueIndex]


def _memory(tmp_path: Path) -> Factory:
    return lambda columns: InMemoryValueIndex(columns)


def _milvus(tmp_path: Path) -> Factory:
    from text2sql_pipeline.values.lookup import MilvusValueIndex
    from text2sql_pipeline.values.store import ValueStore

    def build(columns: list[ColumnValues]) -> ValueIndex:
        from text2sql_core.settings import MilvusSettings
        from text2sql_pipeline.index.connection import connect_milvus

        client = connect_milvus(MilvusSettings(uri=str(tmp_path / "milvus.db")))
        store = ValueStore(client, "text2sql_values")
        for datasource in sorted({c.datasource for c in columns}):
            store.replace(datasource, [c for c in columns if c.datasource == datasource])
        return MilvusValueIndex(store, default_datasource="default", refresh_seconds=60)

    return build


@pytest.fixture(params=["memory", pytest.param("milvus", marks=pytest.mark.slow)])
def index(request: pytest.FixtureRequest, tmp_path: Path) -> ValueIndex:
    factory = {"memory": _memory, "milvus": _milvus}[request.param](tmp_path)
    built = factory(COLUMNS)
    assert isinstance(built, ValueIndex)
    return built


def _found(index: ValueIndex, question: str, datasource: str | None = None) -> list[tuple[str, str, str, str]]:
    return [(m.text, m.value, f"{m.table}.{m.column}", m.method) for m in index.find(question, datasource)]


@pytest.mark.parametrize(("question", "text", "value"), [
    ("재무팀의 직원 목록", "재무팀", "재무팀"),
    ("인사팀 직원은 몇 명이야?", "인사팀", "인사팀"),
    ("마케팅팀에서 일하는 사람", "마케팅팀", "마케팅팀"),
    ("영업팀으로 발령난 직원", "영업팀", "영업팀"),
    ("부산에 사는 고객", "부산", "부산"),
    ("Data base에서 온 고객", "Data base", "Data base"),
])
def test_values_with_korean_particles(index: ValueIndex, question: str, text: str, value: str) -> None:
    matches = index.find(question, None)
    assert matches and {(m.text, m.value) for m in matches} == {(text, value)}
    match = matches[0]
    assert question[match.start : match.end] == text
    assert match.method in ("exact", "stem") and match.score >= 0.95


def test_exact_spacing_width_and_case(index: ValueIndex) -> None:
    assert _found(index, "new york 고객") == [("new york", "New York", "customers.city", "exact")]
    assert _found(index, "NewYork 고객") == [("NewYork", "New York", "customers.city", "exact")]
    assert _found(index, "ＧＯＬＤ 고객") == [("ＧＯＬＤ", "GOLD", "customers.grade", "exact")]
    assert index.find("영업2팀A 실적", None)[0].value == "영업2팀 A"


def test_synonyms_from_the_dictionary(index: ValueIndex) -> None:
    assert _found(index, "골드 등급 고객 목록") == [("골드 등급", "GOLD", "customers.grade", "synonym")]
    assert _found(index, "골드등급인 고객") == [("골드등급", "GOLD", "customers.grade", "synonym")]
    assert _found(index, "실버 고객") == [("실버", "SILVER", "customers.grade", "synonym")]


def test_several_values_in_order(index: ValueIndex) -> None:
    found = _found(index, "부산에서 사는 골드 등급인 고객")
    assert found == [("부산", "부산", "customers.city", "stem"), ("골드 등급", "GOLD", "customers.grade", "synonym")]


def test_a_value_of_several_columns_comes_once_per_column(index: ValueIndex) -> None:
    matches = index.find("서울로 가는 고객", None)
    assert {(m.table, m.column) for m in matches} == {("customers", "city"), ("stores", "region")}
    assert {(m.start, m.end, m.text, m.value) for m in matches} == {(0, 2, "서울", "서울")}


def test_typos_are_fuzzy_and_below_exact(index: ValueIndex) -> None:
    for question, value in [("재무틴 직원", "재무팀"), ("마케딩팀 직원", "마케팅팀"), ("New Yorc 고객", "New York")]:
        matches = index.find(question, None)
        assert [(m.value, m.method) for m in matches] == [(value, "fuzzy")], question
        assert matches[0].score < 0.9
    assert index.find("영업3팀 실적", None) == []  # a different number is another team, not a typo
    assert index.find("재무 직원", None) == []  # too far from any value
    # ordinary words one jamo away from a name are no typos: 이하 + 인 (not 이하은), 한 건에 (not 한건우)
    assert index.find("30000원 이하인 상품", None) == [] and index.find("주문 한 건에 평균 몇 개", None) == []
    assert [(m.value, m.method) for m in index.find("김민쥰 직원", None)] == [("김민준", "fuzzy")]


def test_never_inside_a_longer_word(index: ValueIndex) -> None:
    assert _found(index, "총무팀 직원") == [("총무팀", "총무팀", "dept.dname", "exact")]
    assert index.find("남은 재고", None) == []  # 남다 (to remain), not the value 남
    assert index.find("서울시청 근처 고객", None) == []
    assert index.find("경기남부 고객", None) == []
    assert _found(index, "남 직원 수") == [("남", "남", "emp.gender", "exact")]


def test_has_and_columns(index: ValueIndex) -> None:
    assert index.has(None, "customers", "grade", "gold")
    assert index.has(None, "CUSTOMERS", "GRADE", "골드 등급")  # through a synonym
    assert index.has(None, "dept", "dname", "재무팀")
    assert not index.has(None, "dept", "dname", "회계팀")  # another datasource's value
    assert index.has("other", "dept", "dname", "회계팀")
    columns = index.columns(None)
    assert ("dept", "dname") in columns and ("customers", "grade") in columns
    assert ("orders", "status") not in columns  # sampled: a missing value is no evidence
    assert index.find("배송완료된 주문", None)[0].value == "배송완료"
    assert index.columns("other") == {("dept", "dname")}
    assert index.find("재무팀", "unknown") == [] and index.columns("unknown") == set()
    # a letterless value is held but never looked up as a word: numbers are the number reader's
    assert index.has(None, "products", "code", "200") and index.find("200개 이상 팔린 상품", None) == []
    assert [m.value for m in index.find("a-100 재고", None)] == ["A-100"]
