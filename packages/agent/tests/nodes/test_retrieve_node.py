"""Retrieval: a typed failure without an LLM fails the turn; with an LLM it is noted and Phase 2 answers."""

from __future__ import annotations

from typing import Any

from scripted_llm import ScriptedChatModel, route_by_system
from text2sql_core.errors import VectorStoreError
from text2sql_core.models import SQLTemplateSearch

PHASE2 = "You write one read-only SQL query"


class Unreachable:
    def search(self, question: str, top_k: int, datasource: str | None) -> list[SQLTemplateSearch]:
        raise VectorStoreError("Milvus is unreachable. Check TEXT2SQL_MILVUS__URI or __HOST.",
                               code="VECTOR_STORE_UNAVAILABLE")


def test_without_llm_the_search_failure_is_the_answer_s_error(make_agent: Any) -> None:
    answer = make_agent(retrieval=Unreachable()).ask("부서별 직원 수를 알려줘")
    assert answer.error.code == "VECTOR_STORE_UNAVAILABLE" and answer.error.node == "retrieve"
    assert [s.name for s in answer.steps] == ["question", "retrieval", "error"]


def test_with_llm_phase2_answers_and_the_failure_is_noted(make_agent: Any) -> None:
    llm = ScriptedChatModel(respond=route_by_system({PHASE2: "```sql\nSELECT COUNT(*) FROM employees\n```",
                                                     "You review SQL": '{"valid": true}'}, default="요약"))
    answer = make_agent(llm=llm, retrieval=Unreachable()).ask("직원은 모두 몇 명?")
    assert answer.error is None and answer.phase == "phase2" and answer.rows[0][0] > 0
    retrieval = next(s for s in answer.steps if s.name == "retrieval")
    assert retrieval.status == "failed" and retrieval.detail["code"] == "VECTOR_STORE_UNAVAILABLE"


def test_candidates_are_typed_hits_with_their_stored_masked_vector(make_agent: Any) -> None:
    agent = make_agent(threshold=0.0)
    hits = agent.resources.retrieval().search("부서별 직원 수", 4, "default")
    assert len(hits) == 4 and all(isinstance(h, SQLTemplateSearch) and h.masked_vector for h in hits)
    assert "masked_vector" not in hits[0].model_dump()  # never serialised (checkpoints, JSON answers)
