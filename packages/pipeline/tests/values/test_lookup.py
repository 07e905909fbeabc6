"""The Milvus-backed lookup's memory: values kept per datasource for REFRESH_SECONDS, then read again (recompiled
only if they changed); a store that cannot be read costs the values, never the question."""

from __future__ import annotations

import logging

import pytest

from text2sql_core.errors import VectorStoreError
from text2sql_core.models import ColumnValues
from text2sql_pipeline.values import MilvusValueIndex


class FakeStore:
    """Stands in for `ValueStore` (its Milvus round trip is tested in test_store.py)."""

    def __init__(self) -> None:
        self.columns = {"hr": [ColumnValues(datasource="hr", table="dept", column="dname", values=["재무팀"])]}
        self.loads = 0
        self.broken = False

    def load(self, datasource: str) -> list[ColumnValues]:
        self.loads += 1
        if self.broken:
            raise VectorStoreError("Milvus did not answer", code="VECTOR_STORE_UNAVAILABLE")
        return [c.model_copy(deep=True) for c in self.columns.get(datasource, [])]


def test_values_are_kept_then_read_again() -> None:
    store = FakeStore()
    kept = MilvusValueIndex(store, default_datasource="hr", refresh_seconds=3600)  # type: ignore[arg-type]
    assert [m.value for m in kept.find("재무팀 직원", None)] == ["재무팀"]
    store.columns["hr"][0].values.append("인사팀")
    assert kept.find("인사팀 직원", "hr") == [] and store.loads == 1  # still the values read an hour ago
    kept.invalidate()
    assert [m.value for m in kept.find("인사팀 직원", "hr")] == ["인사팀"]

    fresh = MilvusValueIndex(store, default_datasource="hr", refresh_seconds=0)  # type: ignore[arg-type]
    first = fresh.matcher("hr")
    assert fresh.matcher("hr") is first  # read again, unchanged: the compiled matcher is reused
    store.columns["hr"][0].values.append("총무팀")
    assert fresh.matcher("hr") is not first and fresh.has("hr", "dept", "dname", "총무팀")


def test_an_unreadable_store_costs_the_values_not_the_question(caplog: pytest.LogCaptureFixture) -> None:
    store = FakeStore()
    store.broken = True
    index = MilvusValueIndex(store, default_datasource="hr", refresh_seconds=0)  # type: ignore[arg-type]
    with caplog.at_level(logging.WARNING):
        assert index.find("재무팀 직원", None) == [] and index.columns(None) == set()
    assert "could not be read" in caplog.text and "Milvus did not answer" in caplog.text
