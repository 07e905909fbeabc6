"""`text2sql demo` and `text2sql ask` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from text2sql.cli import app

pytestmark = pytest.mark.slow  # the real command: demo index in Milvus Lite, the embedding model, Kiwi


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TEXT2SQL_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("TEXT2SQL_MILVUS__URI", str(tmp_path / "data" / "milvus.db"))
    monkeypatch.setenv("TEXT2SQL_AGENT__CHECKPOINT_PATH", str(tmp_path / "data" / "ck.sqlite"))
    return tmp_path


def test_demo_then_ask(workdir: Path) -> None:
    runner = CliRunner()
    demo = runner.invoke(app, ["demo", "--question", "부서별 직원 수를 알려줘", "--no-interactive"])
    assert demo.exit_code == 0, demo.output
    assert "Phase 1" in demo.stdout and "GROUP BY" in demo.stdout and "dept_name" in demo.stdout
    # `ask` works on the configured database: point it at the demo one
    env = {"TEXT2SQL_ORACLE__OLTP__URL": f"sqlite:///{workdir / 'data' / 'demo.db'}",
           "TEXT2SQL_DICTIONARY_PATH": str(Path(__file__).parents[1] / "src/text2sql_agent/demo/dictionary.yaml")}
    asked = runner.invoke(app, ["ask", "부서별 직원 수를 알려줘", "--json"], env=env)
    assert asked.exit_code == 0, asked.output
    answer = json.loads(asked.stdout.strip().splitlines()[-1])
    assert answer["phase"] == "phase1" and answer["rows"]
    assert "\\u" not in asked.stdout and "부서별 직원 수를 알려줘" in asked.stdout  # Korean stays readable
    sql_only = runner.invoke(app, ["ask", "부서별 직원 수를 알려줘", "--json", "--sql-only"], env=env)
    assert json.loads(sql_only.stdout.strip().splitlines()[-1])["rows"] == []


def test_ask_without_an_index_says_how_to_build_one(workdir: Path) -> None:
    result = CliRunner().invoke(app, ["ask", "아무 질문"])
    assert result.exit_code == 1 and "text2sql index" in result.stdout


def test_database_down_is_named_with_its_variables(workdir: Path) -> None:
    """The agent only sees "the schema could not be read"; `ask` finds out why and says which setting to check."""
    (workdir / "t.sql").write_text("-- 설명: 가수 이름 목록\nSELECT name FROM singer;\n", encoding="utf-8")
    down = {"TEXT2SQL_ORACLE__OLTP__URL": "postgresql://postgres@127.0.0.1:9/nope"}
    runner = CliRunner()
    indexed = runner.invoke(app, ["index", "t.sql"], env=down)
    assert indexed.exit_code == 0, indexed.output
    result = runner.invoke(app, ["ask", "가수 이름 목록"], env=down)
    assert result.exit_code == 2, result.output
    assert "[DATABASE_UNREACHABLE]" in result.stderr and "TEXT2SQL_ORACLE__OLTP__URL" in result.stderr
    assert "127.0.0.1:9" in result.stderr and "Traceback" not in result.output
