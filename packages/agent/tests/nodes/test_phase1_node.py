"""Phase 1 on the in-memory search: a typed decision, the stored masked vector used (no template re-embedded)."""

from __future__ import annotations

from typing import Any

from text2sql_agent.contracts import Phase1Decision
from text2sql_agent.phase1.confidence import ConfidenceFeatures


def test_an_accepted_template_gives_a_typed_decision_and_runs(make_agent: Any) -> None:
    answer = make_agent(threshold=0.0).ask("부서별 직원 수를 알려줘")
    decision = answer.phase1
    assert isinstance(decision, Phase1Decision) and decision.accepted and decision.reason == ""
    assert isinstance(decision.features, ConfidenceFeatures) and decision.sql == answer.sql
    assert answer.phase == "phase1" and answer.template_id == decision.template_id and answer.rows
    assert answer.retrieved == decision.ranked and len(decision.ranked) == 5
    assert [s.name for s in answer.steps] == ["question", "retrieval", "phase1", "execution", "answer"]


def test_below_the_threshold_without_llm_is_a_registered_no_answer(make_agent: Any) -> None:
    answer = make_agent(threshold=1.01).ask("부서별 직원 수를 알려줘")
    assert answer.phase1 is not None and not answer.phase1.accepted and "below the threshold" in answer.phase1.reason
    assert answer.error.code == "NO_CONFIDENT_ANSWER" and answer.error.remedy and answer.sql is None
    assert len(answer.suggestions) == 3 and all(s.template_id and s.description for s in answer.suggestions)


def test_a_missing_value_is_named_in_the_decision(make_agent: Any) -> None:
    # The best template lists one department's employees: without a department it must not answer, whatever
    # the threshold.
    answer = make_agent(threshold=0.0).ask("직원 목록을 보여줘")
    decision = answer.phase1
    assert decision.missing == ["dept_name"] and decision.confidence == 0.0 and not decision.accepted
    assert "does not give a value for: dept_name" in decision.reason and answer.phase is None


def test_no_template_is_embedded_again_per_question(make_agent: Any) -> None:
    agent = make_agent(threshold=0.0)
    embeddings = agent.resources.embeddings
    indexed = len(embeddings.documents)  # the in-memory index embedded its templates once, when built
    answer = agent.ask("마케팅팀 직원 목록을 보여줘")
    assert answer.phase1 is not None and answer.phase1.values == {"dept_name": "마케팅팀"}
    assert len(embeddings.documents) == indexed  # the stored masked vector served Phase 1's masked cosine
    assert any("마케팅팀" not in q and "X" in q for q in embeddings.queries)  # the question, its value masked
