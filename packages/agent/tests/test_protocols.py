"""The agent's seams: `SchemaSource` and `Executor` contracts on the real implementations (SQLite demo) and on
the fakes node tests use (same body, parametrised); a large schema goes through `TableSearch`; and the agent
never imports pymilvus."""

from __future__ import annotations

import ast
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from scripted_llm import ScriptedChatModel, route_by_system
from text2sql_core.connection import ConnectionSettings
from text2sql_core.db import QueryResult, ReadOnlyExecutor
from text2sql_core.models import ColumnSchema, TableSchema
from text2sql_core.protocols import Executor, SchemaSource
from text2sql_core.schema import create_schema_loader
from text2sql_pipeline import InMemoryTableSearch

AGENT_SRC = Path(__file__).resolve().parents[1] / "src" / "text2sql_agent"


class StaticSchema:
    """A `SchemaSource` fake: the tables it was given."""

    def __init__(self, tables: list[TableSchema]):
        self.tables = tables

    def load_tables(self) -> list[TableSchema]:
        return list(self.tables)


class CannedExecutor:
    """An `Executor` fake: answers known SQL from a table of results, capped like the real one."""

    def __init__(self, answers: Mapping[str, tuple[list[str], list[list[Any]]]], max_rows: int = 1000):
        self.answers, self.max_rows, self.calls = dict(answers), max_rows, []

    def execute_sync(self, sql: str, params: Mapping[str, Any] | None = None, max_rows: int | None = None,
                     timeout_seconds: float | None = None) -> QueryResult:
        self.calls.append((sql, dict(params or {})))
        columns, rows = self.answers[sql]
        cap = min(max_rows or self.max_rows, self.max_rows)
        return QueryResult(columns=columns, rows=rows[:cap], truncated=len(rows) > cap, elapsed_ms=0.0, sql=sql)


PRICES = "SELECT name, price FROM products ORDER BY price DESC, name"


def _schema(kind: str, fast_demo: Any) -> SchemaSource:
    if kind == "real":
        return create_schema_loader(fast_demo.settings, "default")
    return StaticSchema([TableSchema(name=n, columns=[ColumnSchema(name="id")]) for n in
                         ("departments", "employees", "customers", "products", "orders", "order_items")])


@pytest.mark.parametrize("kind", ["real", "fake"])
def test_schema_source_contract(kind: str, fast_demo: Any) -> None:
    source = _schema(kind, fast_demo)
    assert isinstance(source, SchemaSource)
    tables = source.load_tables()
    assert all(isinstance(t, TableSchema) and t.columns for t in tables)
    assert {"employees", "products", "orders"} <= {t.name for t in tables}


def _executor(kind: str, demo_db: Path) -> Executor:
    if kind == "real":
        return ReadOnlyExecutor(ConnectionSettings(url=f"sqlite:///{demo_db}"), max_rows=3)
    import sqlite3

    with sqlite3.connect(demo_db) as conn:
        cursor = conn.execute(PRICES)
        answer = ([d[0] for d in cursor.description], [list(r) for r in cursor.fetchall()])
    return CannedExecutor({PRICES: answer}, max_rows=3)


@pytest.mark.parametrize("kind", ["real", "fake"])
def test_executor_contract(kind: str, demo_db: Path) -> None:
    executor = _executor(kind, demo_db)
    assert isinstance(executor, Executor)
    result = executor.execute_sync(PRICES, {}, 2)
    assert isinstance(result, QueryResult) and result.columns == ["name", "price"]
    assert result.row_count == 2 and result.truncated and result.rows[0][1] >= result.rows[1][1]
    capped = executor.execute_sync(PRICES, {}, 50)  # never more than the executor's own cap
    assert capped.row_count == 3 and capped.truncated


def test_a_large_schema_is_narrowed_by_the_table_search(make_agent: Any, hashing_embeddings: Any) -> None:
    embeddings = hashing_embeddings
    tables = [TableSchema(name=f"archive_{i}", description=f"보관 {i}", columns=[ColumnSchema(name="payload")])
              for i in range(12)]
    tables.append(TableSchema(name="products", description="상품", columns=[
        ColumnSchema(name="name", description="상품 이름"), ColumnSchema(name="price", description="가격")]))
    llm = ScriptedChatModel(respond=route_by_system({
        "You map a question": '{"template_id": null}', "You review SQL": '{"valid": true}',
        "You write one read-only SQL query": "```sql\nSELECT name FROM products\n```"}, default="요약"))
    agent = make_agent(llm=llm, threshold=1.01, embeddings=embeddings, schemas={"default": StaticSchema(tables)},
                       table_search=InMemoryTableSearch(embeddings, {"default": tables}),
                       executors={"default": CannedExecutor({"SELECT name FROM products": (["name"], [["노트북"]])})})
    answer = agent.ask("상품 이름과 가격")
    schema = next(s for s in answer.steps if s.name == "phase2_schema")
    assert schema.detail["source"] == "schema collection" and schema.detail["tables"][0] == "products"
    assert len(schema.detail["tables"]) <= 6 and answer.rows == [["노트북"]]


def test_the_agent_never_imports_pymilvus() -> None:
    offenders = []
    for path in AGENT_SRC.rglob("*.py"):
        if path.relative_to(AGENT_SRC).as_posix() == "server/health.py":
            continue  # its readiness probe is another area's; it should call text2sql_pipeline.template_index_status
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import | ast.ImportFrom) else []
            module = node.module or "" if isinstance(node, ast.ImportFrom) else ""
            if module.startswith("pymilvus") or any(n.startswith("pymilvus") or n == "connect_milvus" for n in names):
                offenders.append(path.relative_to(AGENT_SRC).as_posix())
    assert not offenders, offenders
