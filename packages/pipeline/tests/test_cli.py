"""`text2sql index`: summary as the last JSON line, bad rows on stderr, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from text2sql.cli import app


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TEXT2SQL_MILVUS__URI", str(tmp_path / "milvus.db"))
    monkeypatch.setenv("TEXT2SQL_DATA_DIR", str(tmp_path))
    return tmp_path


def test_index_reports_and_is_idempotent(env: Path) -> None:
    path = env / "t.jsonl"
    path.write_text(
        '{"sql_text": "SELECT name FROM singer WHERE age > 30", "description": "30세 넘는 가수"}\n'
        '{"sql_text": "UPDATE singer SET age = 1"}\n'
        "{oops\n"
        '{"sql_text": "SELECT COUNT(*) FROM singer", "description": "가수 수"}\n', encoding="utf-8")
    runner = CliRunner()
    first = runner.invoke(app, ["index", str(path), "--datasource", "music", "--json"])
    assert first.exit_code == 0, first.output
    summary = json.loads(first.stdout.strip().splitlines()[-1])
    assert summary == {**summary, "read": 4, "indexed": 2, "unchanged": 0, "duplicates": 0, "skipped": 2}
    assert "t.jsonl:2" in first.stderr and "t.jsonl:3" in first.stderr
    second = runner.invoke(app, ["index", str(path), "--datasource", "music", "--json"])
    assert json.loads(second.stdout.strip().splitlines()[-1])["indexed"] == 0
    rebuilt = runner.invoke(app, ["index", str(path), "--datasource", "music", "--json", "--drop"])
    assert json.loads(rebuilt.stdout.strip().splitlines()[-1])["indexed"] == 2


def test_nothing_indexable_exits_non_zero(env: Path) -> None:
    path = env / "bad.sql"
    path.write_text("DROP TABLE singer;\nDELETE FROM singer;\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["index", str(path)])
    assert result.exit_code == 1 and "nothing could be indexed" in result.stderr


def test_unreachable_schema_database_for_history(env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEXT2SQL_ORACLE__SCHEMA__DSN", "127.0.0.1:1/NOPE")
    monkeypatch.setenv("TEXT2SQL_ORACLE__SCHEMA__USERNAME", "x")
    monkeypatch.setenv("TEXT2SQL_ORACLE__SCHEMA__PASSWORD", "y")
    result = CliRunner().invoke(app, ["index", "--oracle-history"])
    assert result.exit_code == 2 and "TEXT2SQL_ORACLE__SCHEMA" in result.stderr


def test_index_schema(env: Path) -> None:
    import sqlite3

    with sqlite3.connect(env / "demo.db") as conn:
        conn.execute("CREATE TABLE employees (id INTEGER PRIMARY KEY, name TEXT)")
    result = CliRunner().invoke(app, ["index-schema"])
    assert result.exit_code == 0 and "1 tables, indexed 1" in result.stdout
    again = CliRunner().invoke(app, ["index-schema"])
    assert "indexed 0, unchanged 1" in again.stdout
