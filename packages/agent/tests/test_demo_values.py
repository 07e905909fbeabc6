"""The demo indexes its database's own values, so Phase 1 can bind a department or city no example used."""

from __future__ import annotations

from text2sql_core.settings import UnifiedSettings
from text2sql_pipeline import open_value_index


def test_the_demo_settings_say_demo_and_its_value_index_holds_the_databases_values(demo: UnifiedSettings) -> None:
    assert demo.demo
    index = open_value_index(demo)
    assert index.columns("default")  # low-cardinality columns of the sample database were read
    assert index.has("default", "departments", "dept_name", "재무팀")
    assert not index.has("default", "departments", "dept_name", "우주팀")
    found = {(m.value, m.table, m.column) for m in index.find("부산에 사는 고객 목록", "default")}
    assert ("부산", "customers", "city") in found, found
