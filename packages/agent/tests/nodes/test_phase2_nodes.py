"""Phase 2 on fakes: schema tables by name, repair on a database error, exhaustion is a registered outcome."""

from __future__ import annotations

from typing import Any

from scripted_llm import ScriptedChatModel, route_by_system
from text2sql_core.db import QueryResult
from text2sql_core.errors import DatabaseError

PHASE1_CHOICE = "You map a question to one of the given SQL templates"
PHASE2 = "You write one read-only SQL query"
REVIEW = "You review SQL"


def _llm(phase2: Any) -> ScriptedChatModel:
    return ScriptedChatModel(respond=route_by_system({PHASE1_CHOICE: '{"template_id": null}', PHASE2: phase2,
                                                      REVIEW: '{"valid": true}'}, default="요약"))


def test_schema_step_names_its_tables_without_parsing_documents(make_agent: Any) -> None:
    answer = make_agent(llm=_llm("```sql\nSELECT name FROM products\n```"), threshold=1.01).ask("상품 이름 목록")
    schema = next(s for s in answer.steps if s.name == "phase2_schema")
    assert set(schema.detail["tables"]) == {"departments", "employees", "customers", "products", "orders",
                                            "order_items"}


class RejectsFirst:
    """An executor whose database rejects the first query (as a real one would a wrong column)."""

    def __init__(self, real: Any):
        self.real, self.calls = real, []

    def execute_sync(self, sql: str, params: Any = None, max_rows: Any = None, timeout_seconds: Any = None
                     ) -> QueryResult:
        self.calls.append(sql)
        if len(self.calls) == 1:
            raise DatabaseError("The database rejected the query: no such function: MEDIAN", code="QUERY_FAILED")
        return self.real.execute_sync(sql, params, max_rows, timeout_seconds)


def test_a_query_the_database_rejects_is_repaired(make_agent: Any) -> None:
    replies = iter(["```sql\nSELECT MEDIAN(price) FROM products\n```", "```sql\nSELECT AVG(price) FROM products\n```"])
    agent = make_agent(llm=_llm(lambda _: next(replies)), threshold=1.01)
    executor = RejectsFirst(agent.resources.executor("default"))
    agent.resources._executors["default"] = executor
    answer = agent.ask("상품 가격의 중앙값")
    assert answer.error is None and answer.phase == "phase2" and "AVG" in answer.sql and len(executor.calls) == 2
    assert [s.name for s in answer.steps].count("phase2_generate") == 2


def test_repairs_exhausted_is_an_outcome_with_a_registered_code(make_agent: Any) -> None:
    agent = make_agent(llm=_llm("```sql\nDELETE FROM employees\n```"), threshold=1.01)
    answer = agent.ask("직원 데이터를 전부 삭제해줘")
    assert answer.error.code == "REPAIR_EXHAUSTED" and answer.error.node is None and answer.sql is None
    assert "유효한 읽기 전용 쿼리" in answer.error.message  # in the language of the question
    assert "execution" not in [s.name for s in answer.steps]
