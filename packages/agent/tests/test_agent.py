"""The agent end to end on the demo database: Phase 1, Phase 2 with repair, retries, failures, follow-ups.

Slow: the real embedding model and Milvus Lite. The node and routing tests (tests/nodes, test_graph_errors.py)
run the same paths on in-memory fakes in milliseconds."""

from __future__ import annotations

import json
import sqlite3

import pytest
from langchain_core.language_models import FakeListChatModel

from scripted_llm import ScriptedChatModel, route_by_system
from text2sql_agent import Text2SQLAgent
from text2sql_core.settings import UnifiedSettings

pytestmark = pytest.mark.slow

PHASE1_CHOICE = "You map a question to one of the given SQL templates"
PHASE2 = "You write one read-only SQL query"
REVIEW = "You review SQL"
SUMMARY = "Summarise the query result"
REWRITE = "Rewrite the user's last question"
GOOD_SQL = "```sql\nSELECT name, price FROM products ORDER BY price DESC LIMIT 3\n```"


def _count(settings: UnifiedSettings, table: str) -> int:
    with sqlite3.connect(settings.data_dir / "demo.db") as conn:
        return conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_phase1_answers_without_llm(demo: UnifiedSettings) -> None:
    answer = Text2SQLAgent(demo, llm=None).ask("부서별 직원 수를 알려줘")
    assert answer.phase == "phase1" and answer.error is None and answer.confidence >= 0.75
    assert "GROUP BY" in answer.sql and answer.columns == ["dept_name", "employee_count"]
    assert sum(row[1] for row in answer.rows) == _count(demo, "employees")
    assert [s.name for s in answer.steps] == ["question", "retrieval", "phase1", "execution", "answer"]
    assert answer.summary.startswith("6개 행")


def test_phase1_binds_values_from_the_question(demo: UnifiedSettings) -> None:
    # The binding is checked on its own; whether it clears the threshold is the calibration's business
    # (fitted on English Spider data, it is cautious with short Korean questions: see docs/evaluation.md).
    question = "마케팅팀 직원 목록을 보여줘"
    answer = Text2SQLAgent(demo, llm=None).ask(question)
    phase1 = next(s for s in answer.steps if s.name == "phase1")
    assert phase1.detail["values"] == {"dept_name": "마케팅팀"} and phase1.detail["missing"] == []
    assert "'마케팅팀'" in phase1.detail["sql_inlined"]
    lenient = demo.model_copy(update={"phase1_confidence_threshold": 0.3})
    answer = Text2SQLAgent(lenient, llm=None).ask(question)
    assert answer.phase == "phase1" and answer.params == {"dept_name": "마케팅팀"} and ":dept_name" in answer.sql
    with sqlite3.connect(demo.data_dir / "demo.db") as conn:
        expected = conn.execute("SELECT COUNT(*) FROM employees e JOIN departments d ON e.dept_id = d.dept_id "
                                "WHERE d.dept_name = '마케팅팀'").fetchone()[0]
    assert len(answer.rows) == expected > 0


def test_no_llm_no_template_gives_message_and_suggestions(demo: UnifiedSettings) -> None:
    answer = Text2SQLAgent(demo, llm=None).ask("재고가 가장 적은 창고는 어디인가요?")
    assert answer.sql is None and answer.phase is None
    assert answer.error.code == "NO_CONFIDENT_ANSWER" and "TEXT2SQL_LLM__BASE_URL" in answer.error.message
    assert len(answer.suggestions) == 3 and all(s.description for s in answer.suggestions)


def test_low_confidence_goes_to_phase2(demo: UnifiedSettings) -> None:
    llm = ScriptedChatModel(respond=route_by_system({PHASE1_CHOICE: '{"template_id": null}', PHASE2: GOOD_SQL,
                                                     REVIEW: '{"valid": true, "confidence": 0.9}',
                                                     SUMMARY: "가장 비싼 상품은 노트북 프로 14입니다."}))
    answer = Text2SQLAgent(demo, llm=llm).ask("가장 비싼 상품 3개의 이름과 가격은?")
    assert answer.phase == "phase2" and answer.error is None and answer.template_id is None
    assert answer.rows[0][0] == "노트북 프로 14" and len(answer.rows) == 3
    assert answer.summary == "가장 비싼 상품은 노트북 프로 14입니다."
    prompt = llm.prompts(PHASE2)[0]
    assert "TABLE products" in prompt and "Examples of trusted SQL" in prompt


def test_invalid_phase2_sql_is_repaired(demo: UnifiedSettings) -> None:
    replies = iter(["SELECT nme FROM products", "여기 있습니다:\n```sql\nSELECT name FROM products WHERE price > 100000\n```"])
    llm = ScriptedChatModel(respond=route_by_system({PHASE1_CHOICE: '{"template_id": null}',
                                                     PHASE2: lambda _: next(replies), REVIEW: '{"valid": true}',
                                                     SUMMARY: "ok"}))
    answer = Text2SQLAgent(demo, llm=llm).ask("10만원 넘는 상품 이름만")
    assert answer.phase == "phase2" and answer.error is None and answer.rows
    repair_prompt = llm.prompts(PHASE2)[1]
    assert "unknown column nme" in repair_prompt and "SELECT nme FROM products" in repair_prompt
    assert [s.name for s in answer.steps].count("phase2_generate") == 2


def test_exhausted_repairs_end_with_error_and_nothing_runs(demo: UnifiedSettings) -> None:
    llm = ScriptedChatModel(respond=route_by_system({PHASE1_CHOICE: '{"template_id": null}',
                                                     PHASE2: "```sql\nDELETE FROM employees\n```"}))
    before = _count(demo, "employees")
    answer = Text2SQLAgent(demo, llm=llm).ask("직원 데이터를 전부 삭제해줘")
    assert answer.sql is None and answer.error.code == "REPAIR_EXHAUSTED"
    assert "execution" not in [s.name for s in answer.steps]
    assert len(llm.prompts(PHASE2)) == demo.agent.max_repair_attempts
    assert _count(demo, "employees") == before


def test_delete_request_never_writes_without_llm(demo: UnifiedSettings) -> None:
    before = _count(demo, "orders")
    for question in ("주문 테이블을 삭제해줘", "DELETE FROM orders", "모든 주문 상태를 취소로 바꿔줘"):
        answer = Text2SQLAgent(demo, llm=None).ask(question)
        assert answer.sql is None or answer.sql.lstrip().upper().startswith(("SELECT", "WITH"))
    assert _count(demo, "orders") == before


def test_transient_llm_failure_is_retried_by_the_node(demo: UnifiedSettings) -> None:
    llm = ScriptedChatModel(respond=route_by_system({PHASE1_CHOICE: '{"template_id": null}', PHASE2: GOOD_SQL,
                                                     REVIEW: '{"valid": true}', SUMMARY: "ok"}),
                            failures=[ConnectionError("connection reset by peer")])
    answer = Text2SQLAgent(demo, llm=llm).ask("가장 비싼 상품 3개")
    assert answer.phase == "phase2" and answer.error is None
    assert len(llm.calls) >= 2  # the failed call, then the retried one


def test_non_transient_llm_failure_is_not_retried_and_becomes_llm_error(demo: UnifiedSettings) -> None:
    llm = ScriptedChatModel(respond=route_by_system({PHASE1_CHOICE: '{"template_id": null}'}),
                            failures=[ValueError("model returned garbage")])
    answer = Text2SQLAgent(demo, llm=llm).ask("가장 비싼 상품 3개")
    assert len(llm.calls) == 1
    assert answer.error.code == "LLM_ERROR" and answer.error.node == "phase1" and answer.sql is None
    assert "garbage" not in answer.error.message  # the exception's text stays in the log


def test_milvus_unreachable(demo: UnifiedSettings) -> None:
    broken = demo.model_copy(update={"milvus": demo.milvus.model_copy(update={"host": "127.0.0.1", "port": 1,
                                                                              "timeout_seconds": 1.0})})
    without = Text2SQLAgent(broken, llm=None).ask("부서별 직원 수를 알려줘")
    assert without.sql is None and without.error.code == "VECTOR_STORE_UNAVAILABLE"
    assert "TEXT2SQL_MILVUS__HOST" in without.error.message and without.error.node == "retrieve"
    assert [s.name for s in without.steps] == ["question", "retrieval", "error"]
    llm = ScriptedChatModel(respond=route_by_system({PHASE2: "```sql\nSELECT COUNT(*) FROM employees\n```",
                                                     REVIEW: '{"valid": true}', SUMMARY: "60명"}))
    with_llm = Text2SQLAgent(broken, llm=llm).ask("직원은 모두 몇 명?")
    assert with_llm.phase == "phase2" and with_llm.rows == [[_count(demo, "employees")]]
    assert next(s for s in with_llm.steps if s.name == "retrieval").status == "failed"


def test_follow_up_in_a_thread(demo: UnifiedSettings) -> None:
    def rewrite(messages: list) -> str:
        assert "부서별 직원 수를 알려줘" in str(messages[-1].content)
        return "부서별 평균 급여를 알려줘"

    llm = ScriptedChatModel(respond=route_by_system({
        REWRITE: rewrite,
        PHASE1_CHOICE: lambda m: json.dumps({"template_id": _template_id(m), "params": {}}),
        SUMMARY: "요약"}))
    agent = Text2SQLAgent(demo, llm=llm)
    first = agent.ask("부서별 직원 수를 알려줘", thread_id="t-1")
    assert first.phase == "phase1" and not llm.prompts(REWRITE)
    follow = agent.ask("그럼 평균 급여는?", thread_id="t-1")
    assert follow.standalone_question == "부서별 평균 급여를 알려줘"
    assert follow.phase == "phase1" and "AVG" in follow.sql.upper()
    other = agent.ask("그럼 평균 급여는?", thread_id="t-2")  # another conversation has no history
    assert other.standalone_question == "그럼 평균 급여는?"


def _template_id(messages: list) -> str | None:
    """What a model would pick: the listed candidate whose description the question asks for, else none."""
    prompt = str(messages[-1].content)
    wanted = {"부서별 직원 수를 알려줘": "부서별 직원 수", "부서별 평균 급여를 알려줘": "부서별 평균 급여"}
    question = prompt.split("\n", 1)[0].removeprefix("Question: ")
    if question not in wanted:
        return None
    blocks = [b for b in prompt.split("\n\n") if b.startswith("id: ")]
    chosen = next(b for b in blocks if f"description: {wanted[question]}\n" in b)
    return chosen.split("\n", 1)[0].removeprefix("id: ")


def test_sql_only_does_not_execute(demo: UnifiedSettings) -> None:
    answer = Text2SQLAgent(demo, llm=None).ask("부서별 직원 수를 알려줘", execute=False)
    assert answer.phase == "phase1" and answer.rows == [] and "execution" not in [s.name for s in answer.steps]


def test_streaming_yields_steps_then_answer(demo: UnifiedSettings) -> None:
    events = list(Text2SQLAgent(demo, llm=None).stream("부서별 직원 수를 알려줘"))
    names = [e.name for e in events[:-1]]
    assert names == ["question", "retrieval", "phase1", "execution", "answer"]
    assert events[-1].phase == "phase1" and events[-1].rows


def test_fake_list_model_drives_phase1_choice(demo: UnifiedSettings) -> None:
    llm = FakeListChatModel(responses=['{"template_id": "nope"}', "요약"])
    answer = Text2SQLAgent(demo, llm=llm).ask("부서별 직원 수를 알려줘")
    assert answer.phase == "phase1"  # an unknown id from the model falls back to the deterministic choice
