"""The evaluation protocol on a slice of Spider dev; the independent checker agrees with our metrics."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from text2sql_agent.evaluation.protocol import split_questions, template_key
from text2sql_agent.evaluation.spider import run_spider_eval
from text2sql_agent.phase1.confidence import ConfidenceFeatures
from text2sql_core.settings import UnifiedSettings


def test_split_follows_the_protocol() -> None:
    questions = [{"db_id": "d", "question": f"q{i}", "query": sql} for i, sql in enumerate([
        "SELECT a FROM t WHERE b = 1", "SELECT a FROM t WHERE b = 2", "SELECT c FROM t", "SELECT x FROM u",
        "SELECT y FROM u", "SELECT z FROM u", "SELECT z FROM u", "SELECT count(*) FROM t", "SELECT c FROM t"])]
    split = split_questions(questions)
    # groups: 0 {q0,q1} 1 {q2,q8} 2 {q3} 3 {q4} 4 {q5,q6} (held out) 5 {q7}
    assert [q["question"] for q in split.library] == ["q0", "q2", "q3", "q4", "q7"]
    assert [(q.question, q.in_library) for q in split.queries] == [("q1", True), ("q8", True), ("q6", False)]
    assert template_key('SELECT a FROM t WHERE b = "x"') == "SELECT a FROM t WHERE b = ?"


@pytest.mark.slow  # indexes a Spider slice with the bundled model into Milvus Lite (~2 min on two cores)
def test_run_on_a_slice_matches_the_checker(spider: Path, tmp_path: Path) -> None:
    questions = json.loads((spider / "questions.json").read_text())[:120]
    sample = tmp_path / "sample.json"
    sample.write_text(json.dumps(questions))
    settings = UnifiedSettings(_env_file=None, data_dir=tmp_path)
    run = run_spider_eval(sample, spider / "tables.json", tmp_path / "out", settings=settings)
    rows = [json.loads(line) for line in (tmp_path / "out" / "results.jsonl").read_text().splitlines()]
    assert len(rows) == run.metrics["queries"] > 20
    assert set(rows[0]) == {"question", "db_id", "gold_sql", "in_library", "retrieved", "decision", "sql",
                            "latency_ms"}
    assert all(r["sql"] is None for r in rows if r["decision"] == "fallback")
    # the calibration's rows come from the typed Phase 1 decision (Answer.phase1), one per decided query
    assert run.features and all(isinstance(f, ConfidenceFeatures) for f, _, _ in run.features)
    checker = spider.parent.parent / "tools" / "spider_check.py"
    if checker.exists():
        out = subprocess.run([sys.executable, str(checker), str(sample), str(tmp_path / "out" / "results.jsonl")],
                             capture_output=True, text=True, check=True).stdout
        independent = json.loads(out.splitlines()[0])
        for name in ("hit_at_1", "hit_at_5", "mrr", "phase1_coverage", "phase1_precision", "false_accept_rate"):
            assert independent[name] == run.metrics[name], name
