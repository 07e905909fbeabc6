"""Replicas behind a load balancer: two `Text2SQLAgent`s, each with its own settings object, share one PostgreSQL
checkpointer (TEXT2SQL_AGENT__CHECKPOINT_URL) and continue one conversation across them; the thread keeps one
checkpoint however many turns it has. And one-shot tasks on one process's SQLite file stay within the cap. Real demo
database, Milvus Lite and embeddings; a scripted chat model."""

from __future__ import annotations

import json
import sqlite3
import uuid
from pathlib import Path
from typing import Any

import pytest

from scripted_llm import ScriptedChatModel, route_by_system
from text2sql_agent import Text2SQLAgent
from text2sql_agent.checkpoints import make_checkpointer
from text2sql_agent.demo.runner import prepare_demo
from text2sql_core.settings import UnifiedSettings

pytestmark = pytest.mark.slow

REWRITE = "Rewrite the user's last question"
PHASE1_CHOICE = "You map a question to one of the given SQL templates"
SUMMARY = "Summarise the query result"


def _replica_settings(folder: Path, url: str) -> UnifiedSettings:
    """What each replica reads from its own environment: built separately, equal in value."""
    base = UnifiedSettings(_env_file=None, data_dir=folder, agent={"checkpoint_url": url, "checkpoint_max_threads": 10})
    settings, _ = prepare_demo(base)
    return settings


def _pick(messages: list[Any]) -> str:
    """The model's Phase 1 choice: the candidate whose description the standalone question names."""
    prompt = str(messages[-1].content)
    question = prompt.split("\n", 1)[0].removeprefix("Question: ")
    wanted = {"부서별 직원 수를 알려줘": "부서별 직원 수", "부서별 평균 급여를 알려줘": "부서별 평균 급여"}.get(question)
    blocks = [b for b in prompt.split("\n\n") if b.startswith("id: ")]
    chosen = next((b for b in blocks if wanted and f"description: {wanted}\n" in b), None)
    return json.dumps({"template_id": chosen.split("\n", 1)[0].removeprefix("id: ") if chosen else None, "params": {}})


@pytest.mark.postgres
def test_two_replicas_continue_one_conversation(scratch_postgres: str, tmp_path: Path,
                                                caplog: pytest.LogCaptureFixture) -> None:
    seen: list[str] = []

    def rewrite(messages: list[Any]) -> str:
        seen.append(str(messages[-1].content))
        return "부서별 평균 급여를 알려줘"

    replica_a = Text2SQLAgent(_replica_settings(tmp_path, scratch_postgres), llm=None)
    llm = ScriptedChatModel(respond=route_by_system({REWRITE: rewrite, PHASE1_CHOICE: _pick, SUMMARY: "요약"}))
    replica_b = Text2SQLAgent(_replica_settings(tmp_path, scratch_postgres), llm=llm)
    assert replica_a.settings is not replica_b.settings

    first = replica_a.ask("부서별 직원 수를 알려줘", thread_id="conv-1")
    assert first.phase == "phase1" and first.rows
    # The follow-up lands on the other replica, which knows the first turn only through PostgreSQL.
    follow = replica_b.ask("그럼 평균 급여는?", thread_id="conv-1")
    assert "부서별 직원 수를 알려줘" in seen[0]
    assert follow.standalone_question == "부서별 평균 급여를 알려줘" and "AVG" in follow.sql.upper()
    # And back: replica A continues with both turns in the thread's history.
    replica_a.ask("연봉이 제일 높은 직원 5명은?", thread_id="conv-1")

    saver = make_checkpointer(replica_a.settings)
    latest = saver.get_tuple({"configurable": {"thread_id": "conv-1"}})
    history = [turn.question for turn in latest.checkpoint["channel_values"]["history"]]
    assert history == ["부서별 직원 수를 알려줘", "부서별 평균 급여를 알려줘", "연봉이 제일 높은 직원 5명은?"]
    assert len(list(saver.list({"configurable": {"thread_id": "conv-1"}}))) == 1  # one checkpoint per thread
    saver.conn.close()
    assert "unregistered type" not in caplog.text  # checkpoints rebuild only the state's own classes


def test_one_shot_asks_stay_within_the_cap(tmp_path: Path) -> None:
    """A2A clients that send each question as a new task: a thread each. The file keeps the newest few."""
    base = UnifiedSettings(_env_file=None, data_dir=tmp_path,
                           agent={"checkpoint_max_threads": 4, "checkpoint_prune_interval_seconds": 0})
    settings, _ = prepare_demo(base)
    agent = Text2SQLAgent(settings, llm=None)
    threads = [uuid.uuid4().hex for _ in range(10)]
    for thread in threads:
        assert agent.ask("부서별 직원 수를 알려줘", thread_id=thread).phase == "phase1"
    with sqlite3.connect(tmp_path / "checkpoints.sqlite") as conn:
        kept = [row[0] for row in conn.execute("SELECT thread_id FROM checkpoints ORDER BY checkpoint_id")]
    assert kept == threads[-4:]  # one checkpoint each, the newest four
