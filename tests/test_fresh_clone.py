"""A fresh clone, as the README says: `cp .env.example .env`, set the database, then `index-schema`, `index`, `ask`
and `serve --check` as real subprocesses in a folder of their own. Empty `NAME=` lines must read as unset (they
used to crash with IsADirectoryError: '.'), every file must land under ./data, and no command may fall back to the
sample database."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
TEXT2SQL = Path(sys.executable).parent / "text2sql"

TEMPLATES = """-- description: 지역별 주문 수
SELECT region, COUNT(*) AS orders FROM orders GROUP BY region;
-- description: 가장 비싼 주문 3건
SELECT id, region, amount FROM orders ORDER BY amount DESC LIMIT 3;
"""


def _configure(env_file: Path, values: dict[str, str]) -> None:
    """Fill `NAME=` lines of the copied .env.example, as a person would with an editor."""
    lines = env_file.read_text(encoding="utf-8").splitlines()
    for name, value in values.items():
        index = lines.index(f"{name}=")  # the line must be there, empty, in the example
        lines[index] = f"{name}={value}"
    env_file.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _run(folder: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXT2SQL_")}  # only the .env speaks
    return subprocess.run([str(TEXT2SQL), *args], cwd=folder, env=env, capture_output=True, text=True,
                          timeout=timeout, check=False)


@pytest.fixture
def clone(tmp_path: Path) -> Path:
    with sqlite3.connect(tmp_path / "shop.db") as conn:
        conn.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, region TEXT NOT NULL, amount INTEGER NOT NULL)")
        conn.executemany("INSERT INTO orders (region, amount) VALUES (?, ?)",
                         [("서울", 120), ("서울", 80), ("부산", 200), ("대구", 50)])
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "orders.sql").write_text(TEMPLATES, encoding="utf-8")
    env_file = tmp_path / ".env"
    env_file.write_text((REPO / ".env.example").read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path


def test_env_example_without_a_database_says_what_to_set(clone: Path) -> None:
    for command in (["index-schema"], ["serve", "--check"]):
        done = _run(clone, *command)
        output = done.stdout + done.stderr
        assert done.returncode != 0 and "DATABASE_NOT_CONFIGURED" in output, output
        assert "TEXT2SQL_ORACLE__OLTP__URL" in output and "text2sql demo" in output
        assert "Traceback" not in output and "IsADirectoryError" not in output
    assert not (clone / "data" / "demo.db").exists()


def test_after_the_demo_ask_does_not_answer_from_the_sample(clone: Path) -> None:
    """The demo left its index and demo.db in ./data; an unconfigured `ask` must still not answer from demo.db."""
    demo = _run(clone, "demo", "--question", "부서별 직원 수를 알려줘", "--no-interactive")
    assert demo.returncode == 0 and (clone / "data" / "demo.db").exists(), demo.stdout + demo.stderr
    asked = _run(clone, "ask", "부서별 직원 수를 알려줘", "--json")
    answer = json.loads(asked.stdout.strip().splitlines()[-1])
    assert asked.returncode != 0 and answer["rows"] == [] and answer["phase"] is None
    assert "DATABASE_NOT_CONFIGURED" in asked.stdout + asked.stderr


def test_env_example_copied_then_configured_runs_every_command(clone: Path) -> None:
    url = f"sqlite:///{(clone / 'shop.db').as_posix()}"
    _configure(clone / ".env", {"TEXT2SQL_ORACLE__SCHEMA__URL": url, "TEXT2SQL_ORACLE__OLTP__URL": url})
    before = {p.name for p in clone.iterdir()}

    schema = _run(clone, "index-schema")
    assert schema.returncode == 0, schema.stdout + schema.stderr

    indexed = _run(clone, "index", "templates/orders.sql", "--json")
    assert indexed.returncode == 0, indexed.stdout + indexed.stderr
    assert json.loads(indexed.stdout.strip().splitlines()[-1])["indexed"] == 2

    asked = _run(clone, "ask", "지역별 주문 수를 알려줘", "--json", "--thread", "fresh-1")
    assert asked.returncode == 0, asked.stdout + asked.stderr
    answer = json.loads(asked.stdout.strip().splitlines()[-1])
    assert answer["phase"] == "phase1" and "GROUP BY" in answer["sql"].upper()
    assert sorted(tuple(row) for row in answer["rows"]) == [("대구", 1), ("부산", 1), ("서울", 2)]

    checked = _run(clone, "serve", "--check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "ready" in checked.stdout + checked.stderr

    # Every file written went under ./data (TEXT2SQL_DATA_DIR's default), none beside .env or elsewhere.
    assert {p.name for p in clone.iterdir()} - before == {"data"}
    data = {p.name for p in (clone / "data").iterdir()}
    assert {"milvus.db", "checkpoints.sqlite"} <= data and "demo.db" not in data
