"""`text2sql index`: summary as the last JSON line, bad rows on stderr, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from text2sql.cli import app

pytestmark = pytest.mark.slow  # the real command on Milvus Lite with the bundled embedding model


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TEXT2SQL_MILVUS__URI", str(tmp_path / "milvus.db"))
    monkeypatch.setenv("TEXT2SQL_DATA_DIR", str(tmp_path))
    return tmp_path


def test_index_reports_and_is_idempotent(env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEXT2SQL_DEMO", "true")  # the sample database in data_dir, asked for explicitly
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


def test_nothing_indexable_exits_non_zero(env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEXT2SQL_DEMO", "true")  # the sample database in data_dir, asked for explicitly
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


def test_index_schema(env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEXT2SQL_DEMO", "true")  # the sample database in data_dir, asked for explicitly
    import sqlite3

    with sqlite3.connect(env / "demo.db") as conn:
        conn.execute("CREATE TABLE employees (id INTEGER PRIMARY KEY, name TEXT)")
    result = CliRunner().invoke(app, ["index-schema"])
    assert result.exit_code == 0 and "1 tables, indexed 1" in result.stdout
    again = CliRunner().invoke(app, ["index-schema"])
    assert "indexed 0, unchanged 1" in again.stdout


def _templates(path: Path, count: int) -> Path:
    # distinct columns, so that no two are the same template (literals alone would merge as duplicates)
    lines = [f'{{"sql_text": "SELECT name, col{i} FROM singer WHERE age > 30", '
             f'"description": "가수 이름과 속성 {i}번"}}' for i in range(count)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_progress_lines_when_piped(env: Path) -> None:
    path = _templates(env / "t.jsonl", 5)
    result = CliRunner().invoke(app, ["index", str(path), "--datasource", "music", "--json", "--progress-every", "2"])
    assert result.exit_code == 0, result.output
    assert "reading: 2 rows" in result.stderr and "reading: 4 rows" in result.stderr
    assert "indexing: 5/5 templates (100%" in result.stderr  # written a batch (64) at a time
    assert json.loads(result.stdout.strip().splitlines()[-1])["indexed"] == 5
    quiet = CliRunner().invoke(app, ["index", str(path), "--datasource", "music"])  # default: a line every 1000 rows
    assert "reading:" not in quiet.stderr and "indexing:" not in quiet.stderr


def test_json_summary_and_messages_keep_korean(env: Path) -> None:
    path = env / "t.sql"
    path.write_text("-- 설명: 가수 수\nSELECT COUNT(*) FROM singer;\nSELECT (이름 FROM singer;\n", encoding="cp949")
    result = CliRunner().invoke(app, ["index", str(path), "--datasource", "music", "--json"])
    assert result.exit_code == 0, result.output
    assert "\\u" not in result.stdout and "t.sql:3 (statement 2)" in result.stderr
    assert "unclosed parenthesis" in result.stderr


def test_file_names_and_reasons_are_printed_as_written(env: Path) -> None:
    """A path with brackets is the user's text, not terminal markup (rich would eat '[bold]', fail on '[/x]')."""
    path = env / "t[bold].sql"
    path.write_text("SELECT name FROM (singer;\nSELECT 1 FROM singer;\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["index", str(path), "--datasource", "music"])
    assert result.exit_code == 0, result.output
    assert "t[bold].sql:1 (statement 1): broken statement" in result.stderr


def test_schema_warning_names_unknown_table_and_column(env: Path) -> None:
    import sqlite3

    with sqlite3.connect(env / "shop.db") as conn:
        conn.execute("CREATE TABLE singer (id INTEGER PRIMARY KEY, name TEXT, age INTEGER)")
    path = env / "t.sql"
    path.write_text("SELECT name, COUNT(*) AS n FROM singer GROUP BY name ORDER BY n;\n"
                    "SELECT nickname FROM singer;\nSELECT title FROM album;\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["index", str(path)], env={"TEXT2SQL_ORACLE__OLTP__URL": f"sqlite:///{env / 'shop.db'}"})
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning")]
    assert len(warnings) == 2, result.stderr
    assert "no column singer.nickname" in warnings[0] and "no table album" in warnings[1]


def test_unreachable_schema_database_names_the_datasource_variables(env: Path) -> None:
    result = CliRunner().invoke(app, ["index-schema", "--datasource", "sales"], env={
        "TEXT2SQL_DATASOURCES__SALES__OLTP_URL": "postgresql://postgres@127.0.0.1:9/nope"})
    assert result.exit_code == 2
    assert "[DATABASE_UNREACHABLE]" in result.stderr and "TEXT2SQL_DATASOURCES__SALES__OLTP_URL" in result.stderr
    assert "'sales'" in result.stderr and "sqlalche.me" not in result.stderr and "Traceback" not in result.stderr


@pytest.mark.slow
def test_ctrl_c_prints_what_was_stored(env: Path) -> None:
    """A real `text2sql index` process, interrupted by SIGINT once it has written its first batch."""
    import os
    import signal
    import subprocess
    import sys
    import threading

    path = _templates(env / "many.jsonl", 640)
    process = subprocess.Popen(
        [sys.executable, "-c", "from text2sql.cli import main; main()", "index", str(path), "--json",
         "--datasource", "music", "--progress-every", "64"],
        cwd=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "TEXT2SQL_MILVUS__URI": str(env / "milvus.db"), "TEXT2SQL_DATA_DIR": str(env)})
    stderr: list[str] = []

    def watch() -> None:  # the only reader of stderr (a second reader would take lines away from it)
        assert process.stderr is not None
        for line in process.stderr:
            stderr.append(line)
            # Ctrl-C once the first batch is written — and again on later lines, as a user would if the first
            # seemed to do nothing (one run was seen to finish after a single SIGINT)
            if line.startswith("indexing: ") and not line.startswith("indexing: 640/"):
                process.send_signal(signal.SIGINT)

    reader = threading.Thread(target=watch)
    reader.start()
    process.wait(timeout=600)
    reader.join()
    assert process.stdout is not None
    stdout = process.stdout.read()  # one JSON line: it fits the pipe's buffer while the process runs
    text = "".join(stderr)
    assert process.returncode == 130, text
    assert "interrupted (Ctrl-C) while indexing" in text and "Traceback" not in text
    summary = json.loads(stdout.strip().splitlines()[-1])
    assert summary["interrupted"] == "indexing" and summary["read"] == 640
    assert 64 <= summary["stored"] < 640 and summary["pending"] == 640 - summary["stored"]
    assert summary["indexed"] <= summary["stored"]
    again = subprocess.run([sys.executable, "-c", "from text2sql.cli import main; main()", "index", str(path), "--json",
                            "--datasource", "music"], cwd=env, capture_output=True, text=True, timeout=600,
                           env={**os.environ, "TEXT2SQL_MILVUS__URI": str(env / "milvus.db"), "TEXT2SQL_DATA_DIR": str(env)})
    resumed = json.loads(again.stdout.strip().splitlines()[-1])
    assert resumed["unchanged"] >= summary["stored"] - 64 and resumed["indexed"] + resumed["unchanged"] == 640
