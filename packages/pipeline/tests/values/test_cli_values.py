"""`text2sql index-schema` builds the value index too (TEXT2SQL_VALUES__ENABLED), `--values-only` refreshes just the
values, `--no-values` skips them; skipped columns are named on stderr. On a SQLite file (real database, no server)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from text2sql_core.settings import UnifiedSettings
from text2sql_pipeline.cli import app
from text2sql_pipeline.values import open_value_index

pytestmark = pytest.mark.slow


@pytest.fixture
def shop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    db = tmp_path / "shop.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, city TEXT, secret TEXT)")
        conn.executemany("INSERT INTO customers VALUES (?, ?, ?)", [(1, "부산", "x1"), (2, "서울", "x2")])
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TEXT2SQL_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("TEXT2SQL_MILVUS__URI", str(tmp_path / "milvus.db"))
    monkeypatch.setenv("TEXT2SQL_ORACLE__OLTP__URL", f"sqlite:///{db}")
    monkeypatch.setenv("TEXT2SQL_ORACLE__SCHEMA__URL", f"sqlite:///{db}")
    monkeypatch.setenv("TEXT2SQL_SECURITY__DENIED_COLUMNS", "secret")
    return db


def test_index_schema_builds_and_refreshes_values(shop: Path) -> None:
    result = CliRunner().invoke(app, ["index-schema"])
    assert result.exit_code == 0, result.output
    assert "1 tables, indexed 1" in result.stdout and "values of 1 columns indexed (2 values)" in result.stdout
    index = open_value_index(UnifiedSettings())
    assert [m.value for m in index.find("부산에 사는 고객", None)] == ["부산"]
    assert not index.has(None, "customers", "secret", "x1")  # denied: never read

    with sqlite3.connect(shop) as conn:
        conn.execute("INSERT INTO customers VALUES (3, '광주', 'x3')")
    again = CliRunner().invoke(app, ["index-schema", "--values-only"])
    assert again.exit_code == 0, again.output
    assert "tables, indexed" not in again.stdout and "(3 values)" in again.stdout
    fresh = open_value_index(UnifiedSettings())
    assert [m.value for m in fresh.find("광주에서 주문한 고객", None)] == ["광주"]

    skipped = CliRunner().invoke(app, ["index-schema", "--no-values"])
    assert skipped.exit_code == 0 and "values of" not in skipped.stdout


def test_unreachable_oltp_is_a_warning_unless_values_were_asked_for(shop: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEXT2SQL_ORACLE__OLTP__URL", "postgresql+psycopg://reader@127.0.0.1:1/shop")
    tables_only = CliRunner().invoke(app, ["index-schema"])
    assert tables_only.exit_code == 0, tables_only.output
    assert "1 tables, indexed 1" in tables_only.stdout
    assert "values not indexed: [DATABASE_UNREACHABLE]" in tables_only.stderr
    assert "Traceback" not in tables_only.output
    asked = CliRunner().invoke(app, ["index-schema", "--values-only"])
    assert asked.exit_code == 2 and "DATABASE_UNREACHABLE" in asked.stderr and "Traceback" not in asked.output
