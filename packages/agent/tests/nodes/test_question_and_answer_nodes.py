"""The question and answer nodes on fakes: a follow-up rewritten from typed history; a failed LLM summary falls
back to the deterministic one (the rows are the answer); a failed rewrite is a registered LLM error."""

from __future__ import annotations

from typing import Any

from scripted_llm import ScriptedChatModel, route_by_system

REWRITE = "Rewrite the user's last question"
SUMMARY = "Summarise the query result"
CHOICE = "You map a question to one of the given SQL templates"


def test_a_follow_up_is_rewritten_from_the_thread_s_history(make_agent: Any) -> None:
    seen: list[str] = []

    def rewrite(messages: list) -> str:
        seen.append(str(messages[-1].content))
        return "부서별 평균 급여를 알려줘"

    llm = ScriptedChatModel(respond=route_by_system({REWRITE: rewrite, CHOICE: '{"template_id": null}',
                                                     SUMMARY: "요약"}))
    agent = make_agent(llm=llm, threshold=0.0)
    first = agent.ask("부서별 직원 수를 알려줘", thread_id="fast-thread")
    assert first.phase == "phase1" and not seen  # no history yet: nothing to rewrite
    follow = agent.ask("그럼 평균 급여는?", thread_id="fast-thread")
    assert follow.standalone_question == "부서별 평균 급여를 알려줘"
    assert "Q: 부서별 직원 수를 알려줘" in seen[0] and f"SQL: {first.sql}" in seen[0]


def test_a_failed_summary_falls_back_and_keeps_the_rows(make_agent: Any) -> None:
    def broken(messages: list) -> str:
        raise ValueError("the model returned garbage")

    llm = ScriptedChatModel(respond=route_by_system({CHOICE: '{"template_id": null}', SUMMARY: broken}))
    answer = make_agent(llm=llm, threshold=0.0).ask("부서별 직원 수를 알려줘")
    assert answer.error is None and answer.rows and answer.summary.startswith("6개 행")
    assert next(s for s in answer.steps if s.name == "answer").detail["summary"].startswith("deterministic")


def test_a_failed_rewrite_is_a_registered_llm_error(make_agent: Any) -> None:
    llm = ScriptedChatModel(respond=route_by_system({CHOICE: '{"template_id": null}', SUMMARY: "요약"}))
    agent = make_agent(llm=llm, threshold=0.0)
    agent.ask("부서별 직원 수를 알려줘", thread_id="fast-broken")
    llm.failures.append(ValueError("rewrite exploded"))
    answer = agent.ask("그럼 평균 급여는?", thread_id="fast-broken")
    assert answer.error.code == "LLM_ERROR" and answer.error.node == "question"
    assert "exploded" not in answer.error.message and [s.name for s in answer.steps] == ["question", "error"]
