"""Feedback → candidates → review: nothing is indexed before approval; approval goes through the pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from text2sql.cli import app
from text2sql_agent import Text2SQLAgent
from text2sql_agent.answer import Answer
from text2sql_agent.ui.feedback import FeedbackStore
from text2sql_agent.ui.review import approve, reject
from text2sql_core.errors import Text2SQLError
from text2sql_core.settings import UnifiedSettings
from text2sql_pipeline import template_store

PHASE2 = Answer(question="직원별 근속 연수를 알려줘", datasource="default", phase="phase2",
                sql="SELECT name, CAST((julianday('now') - julianday(hire_date)) / 365 AS INTEGER) AS years "
                    "FROM employees ORDER BY years DESC")


def test_thumbs_up_makes_a_candidate_and_down_a_miss(tmp_path: Path) -> None:
    store = FeedbackStore(tmp_path / "f.sqlite")
    store.remember("m1", PHASE2, "sqlite", "kim")
    store.remember("m2", Answer(question="없는 질문", error={"code": "X", "message": "m"}), "sqlite", "kim")
    assert store.record("unknown", 1) is None
    first = store.record("m1", 1)
    assert store.record("m2", 0) and store.record("m1", 1) == first  # a second click does not duplicate
    assert [c.question for c in store.candidates()] == [PHASE2.question]
    assert [m.question for m in store.misses()] == ["없는 질문"]
    reject(store, first)
    assert store.candidates() == []
    with pytest.raises(Text2SQLError, match="No pending candidate"):
        reject(store, first)


def test_approved_phase2_answer_is_indexed_and_then_answers_in_phase1(demo: UnifiedSettings, tmp_path: Path) -> None:
    store = FeedbackStore(tmp_path / "f.sqlite")
    store.remember("m1", PHASE2, "sqlite", "kim")
    feedback_id = store.record("m1", 1)
    before = Text2SQLAgent(demo, llm=None).ask(PHASE2.question)
    assert before.phase is None  # not indexed until approved
    summary = approve(demo, store, feedback_id)
    try:
        assert summary.indexed == 1 and store.candidates() == []
        after = Text2SQLAgent(demo, llm=None).ask(PHASE2.question)
        assert after.phase == "phase1" and "JULIANDAY" in after.sql.upper()
    finally:  # leave the shared demo index as it was
        store_ = template_store(demo)
        store_.collection.delete([h.id for h in Text2SQLAgent(demo, llm=None).resources.retrieval().search(
            PHASE2.question, top_k=1) if "julianday" in h.normalized_text.lower()])


def test_review_command_lists_candidates(demo: UnifiedSettings, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "f.sqlite"
    store = FeedbackStore(path)
    store.remember("m1", PHASE2, "sqlite", "kim")
    feedback_id = store.record("m1", 1)
    monkeypatch.setenv("TEXT2SQL_UI__FEEDBACK_PATH", str(path))
    result = CliRunner().invoke(app, ["templates", "review"], env={"COLUMNS": "300"})
    assert result.exit_code == 0 and feedback_id in result.output and "근속" in result.output
    result = CliRunner().invoke(app, ["templates", "review", "--reject", feedback_id])
    assert result.exit_code == 0 and f"rejected {feedback_id}" in result.output
