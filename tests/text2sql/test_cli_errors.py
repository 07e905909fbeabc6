"""Errors that name the real cause, from the `text2sql` command: Milvus Lite held by another process, and no
third-party log noise (gRPC, faiss) on a normal run."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from text2sql.cli import app

pytestmark = pytest.mark.slow  # Milvus Lite in two processes


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TEXT2SQL_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("TEXT2SQL_MILVUS__URI", str(tmp_path / "milvus.db"))
    (tmp_path / "t.sql").write_text("-- 설명: 가수 이름\nSELECT name FROM singer;\n", encoding="utf-8")
    return tmp_path


@pytest.fixture
def held_index(env: Path) -> Iterator[Path]:
    """Another process (as `text2sql serve` would) holding the Milvus Lite folder open."""
    uri = env / "milvus.db"
    holder = subprocess.Popen(
        [sys.executable, "-c", "from text2sql_core.settings import MilvusSettings\n"
         "from text2sql_pipeline.index.connection import connect_milvus\n"
         f"connect_milvus(MilvusSettings(uri={str(uri)!r}))\nprint('ready', flush=True)\n"
         "import time\ntime.sleep(120)"],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        yield uri
    finally:
        holder.kill()
        holder.wait(timeout=10)
        time.sleep(0.1)


def test_index_while_another_process_holds_the_index(held_index: Path) -> None:
    result = CliRunner().invoke(app, ["index", "t.sql", "--datasource", "music", "--dialect", "sqlite"])
    assert result.exit_code == 2, result.output
    assert "[MILVUS_LITE_LOCKED]" in result.stderr and str(held_index) in result.stderr
    assert "in use by another text2sql process" in result.stderr and "TEXT2SQL_MILVUS__URI" in result.stderr
    assert "docker compose" not in result.stderr and "Traceback" not in result.output


def test_index_schema_while_another_process_holds_the_index(held_index: Path, env: Path) -> None:
    import sqlite3

    with sqlite3.connect(env / "shop.db") as conn:
        conn.execute("CREATE TABLE singer (id INTEGER PRIMARY KEY, name TEXT)")
    result = CliRunner().invoke(app, ["index-schema"], env={"TEXT2SQL_ORACLE__OLTP__URL": f"sqlite:///{env / 'shop.db'}"})
    assert result.exit_code == 2 and "[MILVUS_LITE_LOCKED]" in result.stderr, result.output


def test_no_grpc_or_faiss_noise(env: Path) -> None:
    """A real process at INFO: our own lines only — no faiss loader chatter, no gRPC tracebacks."""
    command = [sys.executable, "-c", "from text2sql.cli import main; main()", "index", "t.sql", "--datasource",
               "music", "--dialect", "sqlite"]
    run_env = {**os.environ, "TEXT2SQL_LOG_LEVEL": "INFO", "TEXT2SQL_DATA_DIR": str(env),
               "TEXT2SQL_MILVUS__URI": str(env / "milvus.db")}
    for _ in range(2):  # the first run creates the collection, the second finds it
        done = subprocess.run(command, cwd=env, capture_output=True, text=True, timeout=600, env=run_env)
        assert done.returncode == 0, done.stderr
        assert "faiss" not in done.stderr and "Traceback" not in done.stderr
        assert "not implemented" not in done.stderr.lower() and "grpc" not in done.stderr.lower()
