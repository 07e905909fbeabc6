"""The one error path: any node that raises sends the turn to the error node, which records a registered code;
nothing runs after the failed node; nothing internal reaches the caller. On in-memory fakes: milliseconds."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from scripted_llm import ScriptedChatModel, route_by_system
from text2sql_agent.graph import NODE_STEPS
from text2sql_core.errors import ErrorCode, SchemaError
from text2sql_core.models import INTERNAL_MESSAGE

PHASE1_CHOICE = "You map a question to one of the given SQL templates"
PHASE2 = "You write one read-only SQL query"
REVIEW = "You review SQL"
GOOD_SQL = "```sql\nSELECT name, price FROM products ORDER BY price DESC LIMIT 3\n```"
ACCEPTED = "부서별 직원 수를 알려줘"


def _phase2_llm(sql: str = GOOD_SQL) -> ScriptedChatModel:
    return ScriptedChatModel(respond=route_by_system({PHASE1_CHOICE: '{"template_id": null}', PHASE2: sql,
                                                      REVIEW: '{"valid": true, "confidence": 0.9}'}, default="요약"))


# node → how to reach it: (LLM, Phase 1 threshold). 0.0 accepts Phase 1's best; 1.01 never accepts.
SCENARIOS: dict[str, tuple[Any, float]] = {
    "question": (None, 0.0), "retrieve": (None, 0.0), "phase1": (None, 0.0), "execute": (None, 0.0),
    "answer": (None, 0.0), "no_answer": (None, 1.01), "phase2_schema": ("phase2", 1.01),
    "phase2_generate": ("phase2", 1.01), "phase2_validate": ("phase2", 1.01), "repair_exhausted": ("delete", 1.01),
}


def _llm(kind: Any) -> ScriptedChatModel | None:
    if kind == "phase2":
        return _phase2_llm()
    if kind == "delete":
        return _phase2_llm("```sql\nDELETE FROM employees\n```")
    return None


def _raising(error: Exception) -> Any:
    def node(state: Any) -> dict[str, Any]:
        raise error

    return node


def test_every_node_is_covered() -> None:
    assert set(SCENARIOS) == set(NODE_STEPS)


@pytest.mark.parametrize("node", sorted(SCENARIOS))
def test_a_typed_failure_in_any_node_goes_to_the_error_node(node: str, make_agent: Any) -> None:
    kind, threshold = SCENARIOS[node]
    llm = _llm(kind)
    failure = SchemaError("The dictionary views could not be read: grant SELECT.", code=ErrorCode.SCHEMA_READ_FAILED)
    agent = make_agent(llm=llm, threshold=threshold, nodes={node: _raising(failure)})
    answer = agent.ask(ACCEPTED)
    assert answer.error is not None and answer.error.code == "SCHEMA_READ_FAILED" and answer.error.node == node
    assert answer.error.message == failure.message and answer.error.remedy == ErrorCode.SCHEMA_READ_FAILED.remedy
    names = [s.name for s in answer.steps]
    # the failed node's step, then the error node, and nothing after it
    assert names[-2:] == [NODE_STEPS[node], "error"] and answer.steps[-2].status == "failed"
    assert answer.rows == [] and not answer.ok


def test_phase2_schema_failure_never_reaches_generation(make_agent: Any) -> None:
    llm = _phase2_llm()
    failing = _raising(SchemaError("schema gone", code="SCHEMA_READ_FAILED"))
    agent = make_agent(llm=llm, threshold=1.01, nodes={"phase2_schema": failing})
    answer = agent.ask("가장 비싼 상품 3개의 이름과 가격은?")
    assert answer.error.code == "SCHEMA_READ_FAILED" and answer.sql is None
    assert not llm.prompts(PHASE2) and "phase2_generate" not in [s.name for s in answer.steps]


def test_an_unexpected_exception_becomes_internal_error_with_the_detail_only_in_the_log(
        make_agent: Any, caplog: pytest.LogCaptureFixture) -> None:
    agent = make_agent(threshold=0.0, nodes={"phase1": _raising(KeyError("secret internal detail"))})
    with caplog.at_level(logging.ERROR, logger="text2sql_agent"):
        answer = agent.ask(ACCEPTED)
    assert answer.error.code == "INTERNAL_ERROR" and answer.error.message == INTERNAL_MESSAGE
    assert "secret internal detail" not in answer.model_dump_json()
    assert "secret internal detail" in caplog.text  # the traceback is logged


def test_a_transient_failure_is_retried_then_recorded(make_agent: Any) -> None:
    calls: list[int] = []

    def flaky(state: Any) -> dict[str, Any]:
        calls.append(1)
        raise ConnectionError("connection reset by peer")

    agent = make_agent(threshold=0.0, nodes={"execute": flaky})
    answer = agent.ask(ACCEPTED)
    assert len(calls) == 3  # the node's RetryPolicy: three attempts, then the error path
    assert answer.error.code == "INTERNAL_ERROR" and answer.error.node == "execute"


def test_a_transient_failure_that_recovers_answers(make_agent: Any) -> None:
    agent = make_agent(threshold=0.0)
    real = agent.resources.executor("default")

    class FlakyOnce:
        failed = False

        def execute_sync(self, *args: Any, **kwargs: Any) -> Any:
            if not self.failed:
                self.failed = True
                raise ConnectionError("dropped")
            return real.execute_sync(*args, **kwargs)

    agent.resources._executors["default"] = FlakyOnce()
    answer = agent.ask(ACCEPTED)
    assert answer.error is None and answer.rows and [s.name for s in answer.steps].count("execution") == 1
