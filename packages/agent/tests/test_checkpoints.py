"""Checkpoint retention on real LangGraph savers: a thread keeps only its latest checkpoint, old and surplus threads
are swept, and a conversation still continues. A small three-step graph stands in for the agent's (same savers)."""

from __future__ import annotations

import operator
import os
import sqlite3
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Annotated, Any, TypedDict

import pytest
from langgraph.checkpoint.base.id import uuid6
from langgraph.graph import END, START, StateGraph
from pydantic import BaseModel

from text2sql_agent.checkpoints import (
    RetainingSqliteSaver,
    Retention,
    checkpoint_time,
    make_checkpointer,
    ping_conversation_store,
    postgres_conninfo,
    state_serializer,
)
from text2sql_agent.contracts import Turn
from text2sql_core.errors import Text2SQLError
from text2sql_core.settings import UnifiedSettings


class Turns(TypedDict):
    question: str
    history: Annotated[list[str], operator.add]
    payload: str


def _step(name: str) -> Any:
    def run(state: Turns) -> dict[str, Any]:
        # A few KB per step, like the agent's candidates and results: what used to pile up per step.
        return {"history": [f"{name}:{state['question']}"], "payload": f"{name}-" + "x" * 3000}
    return run


def _graph(checkpointer: Any) -> Any:
    graph = StateGraph(Turns)
    for name in ("retrieve", "decide", "answer"):
        graph.add_node(name, _step(name))
    graph.add_edge(START, "retrieve")
    graph.add_edge("retrieve", "decide")
    graph.add_edge("decide", "answer")
    graph.add_edge("answer", END)
    return graph.compile(checkpointer=checkpointer)


def _ask(graph: Any, thread: str, question: str) -> dict[str, Any]:
    return graph.invoke({"question": question}, {"configurable": {"thread_id": thread}})


def _rows(path: Path, sql: str) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchone()[0]


def _saver(path: Path, **retention: Any) -> RetainingSqliteSaver:
    return RetainingSqliteSaver(sqlite3.connect(path, check_same_thread=False), Retention(**retention))


def test_a_thread_keeps_only_its_latest_checkpoint_and_still_continues(tmp_path: Path) -> None:
    path = tmp_path / "ck.sqlite"
    graph = _graph(_saver(path))
    _ask(graph, "chat-1", "first")
    state = _ask(graph, "chat-1", "second")
    assert state["history"] == ["retrieve:first", "decide:first", "answer:first",
                                "retrieve:second", "decide:second", "answer:second"]
    assert _rows(path, "SELECT COUNT(*) FROM checkpoints WHERE thread_id = 'chat-1'") == 1
    assert _rows(path, "SELECT COUNT(*) FROM writes WHERE checkpoint_id < "
                       "(SELECT MAX(checkpoint_id) FROM checkpoints)") == 0
    # A new agent on the same file (a restart) continues the conversation from that one checkpoint.
    again = _ask(_graph(_saver(path)), "chat-1", "third")
    assert again["history"][-1] == "answer:third" and len(again["history"]) == 9


def test_without_retention_langgraph_keeps_every_step(tmp_path: Path) -> None:
    """The baseline the retention is measured against: the stock saver keeps one checkpoint per step."""
    from langgraph.checkpoint.sqlite import SqliteSaver

    path = tmp_path / "plain.sqlite"
    _ask(_graph(SqliteSaver(sqlite3.connect(path, check_same_thread=False))), "chat-1", "first")
    assert _rows(path, "SELECT COUNT(*) FROM checkpoints") >= 4


def test_sweep_deletes_threads_past_the_cap_and_the_ttl(tmp_path: Path) -> None:
    path = tmp_path / "ck.sqlite"
    moment = [datetime.now(UTC)]
    saver = _saver(path, ttl=timedelta(hours=1), max_threads=3, interval_seconds=3600, clock=lambda: moment[0])
    graph = _graph(saver)
    for n in range(5):
        _ask(graph, f"t{n}", "q")
    assert saver.sweep() == ["t1", "t0"]  # newest first: the two oldest are over the cap of 3
    assert _rows(path, "SELECT COUNT(DISTINCT thread_id) FROM checkpoints") == 3
    moment[0] += timedelta(hours=2)  # nobody wrote for two hours: all three are past the TTL
    assert sorted(saver.sweep()) == ["t2", "t3", "t4"]
    assert _rows(path, "SELECT COUNT(*) FROM checkpoints") == 0


def test_one_shot_tasks_do_not_grow_the_file(tmp_path: Path) -> None:
    """One-shot tasks (a new thread each): with a cap, the file stops growing once the cap is reached."""
    path = tmp_path / "ck.sqlite"
    graph = _graph(_saver(path, max_threads=10, interval_seconds=0))

    def size() -> int:
        return sum(p.stat().st_size for p in tmp_path.glob("ck.sqlite*"))

    for _ in range(40):
        _ask(graph, uuid.uuid4().hex, "one shot")
    plateau = size()
    for _ in range(80):
        _ask(graph, uuid.uuid4().hex, "one shot")
    assert _rows(path, "SELECT COUNT(DISTINCT thread_id) FROM checkpoints") == 10
    assert _rows(path, "SELECT COUNT(*) FROM checkpoints") == 10
    assert size() <= plateau * 1.1  # freed pages are reused


def test_retention_failure_never_fails_the_question(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    saver = _saver(tmp_path / "ck.sqlite")

    def broken(*args: Any) -> None:
        raise sqlite3.OperationalError("database is locked")

    saver._keep_latest = broken  # type: ignore[method-assign]
    assert _ask(_graph(saver), "chat-1", "q")["history"][-1] == "answer:q"
    assert "checkpoint retention failed" in caplog.text


def test_a_failing_store_is_one_clear_error(tmp_path: Path) -> None:
    saver = _saver(tmp_path / "ck.sqlite")
    graph = _graph(saver)
    _ask(graph, "chat-1", "first")
    saver.conn.close()  # the disk went away, or PostgreSQL did
    with pytest.raises(Text2SQLError) as caught:
        _ask(graph, "chat-1", "second")
    assert caught.value.code == "STATE_STORE_UNAVAILABLE" and "CHECKPOINT_PATH" in caught.value.message


class Stranger(BaseModel):
    """A class no agent state holds."""

    note: str


def test_checkpoints_rebuild_only_the_state_s_own_classes(caplog: pytest.LogCaptureFixture) -> None:
    serde = state_serializer()
    turn = Turn(question="부서별 직원 수를 알려줘", sql="SELECT 1")
    assert serde.loads_typed(serde.dumps_typed(turn)) == turn
    assert "unregistered type" not in caplog.text
    stranger = serde.loads_typed(serde.dumps_typed(Stranger(note="x")))
    assert not isinstance(stranger, Stranger)  # its data comes back, not an instance of a class a row named


def test_checkpoint_ids_tell_their_time() -> None:
    made = checkpoint_time(str(uuid6(clock_seq=-1)))
    assert abs(made - datetime.now(UTC)) < timedelta(seconds=2)


def test_settings_choose_the_file_under_data_dir(tmp_path: Path) -> None:
    settings = UnifiedSettings(_env_file=None, data_dir=tmp_path / "state",
                               agent={"checkpoint_ttl_hours": 0, "checkpoint_max_threads": 50})
    saver = make_checkpointer(settings)
    assert isinstance(saver, RetainingSqliteSaver)
    assert saver.retention.ttl is None and saver.retention.max_threads == 50
    _ask(_graph(saver), "t", "q")
    assert (tmp_path / "state" / "checkpoints.sqlite").exists()


def test_ping_says_where_conversations_go(tmp_path: Path) -> None:
    settings = UnifiedSettings(_env_file=None, data_dir=tmp_path / "new" / "state")
    assert ping_conversation_store(settings).startswith(str(tmp_path / "new" / "state" / "checkpoints.sqlite"))
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as a user who can write anywhere (root): a read-only folder cannot be made")
        with pytest.raises(Text2SQLError) as caught:
            ping_conversation_store(UnifiedSettings(_env_file=None, data_dir=locked))
        assert caught.value.code == "STATE_STORE_UNAVAILABLE" and "TEXT2SQL_DATA_DIR" in caught.value.message
    finally:
        locked.chmod(0o700)


def test_ping_names_an_unreachable_postgres_without_its_password() -> None:
    unreachable = UnifiedSettings(_env_file=None, agent={"checkpoint_url": "postgresql://u:s3cret@127.0.0.1:1/t2s"})
    with pytest.raises(Text2SQLError, match="cannot be reached") as caught:
        ping_conversation_store(unreachable)
    assert "s3cret" not in caught.value.message


def test_postgres_urls() -> None:
    assert postgres_conninfo("postgresql+psycopg://u:p@db:5432/t2s") == "postgresql://u:p@db:5432/t2s"
    assert postgres_conninfo("postgres://u@db/t2s") == "postgresql://u@db/t2s"
    with pytest.raises(Text2SQLError) as caught:
        postgres_conninfo("mysql+pymysql://u:s3cret@db/t2s")
    assert "s3cret" not in caught.value.message and "CHECKPOINT_URL" in caught.value.message


def test_unreachable_postgres_is_one_clear_error() -> None:
    settings = UnifiedSettings(_env_file=None, agent={"checkpoint_url": "postgresql://u:s3cret@127.0.0.1:1/t2s"})
    with pytest.raises(Text2SQLError) as caught:
        make_checkpointer(settings)
    assert caught.value.code == "STATE_STORE_UNAVAILABLE"
    assert "TEXT2SQL_AGENT__CHECKPOINT_URL" in caught.value.message and "s3cret" not in caught.value.message


@pytest.mark.postgres
def test_postgres_keeps_only_latest_and_sweeps(scratch_postgres: str) -> None:
    import psycopg

    moment = [datetime.now(UTC)]
    settings = UnifiedSettings(_env_file=None, agent={"checkpoint_url": scratch_postgres})
    saver = make_checkpointer(settings, Retention(ttl=timedelta(hours=1), max_threads=2, interval_seconds=3600,
                                                  clock=lambda: moment[0]))
    graph = _graph(saver)
    for thread in ("a", "b", "c"):
        _ask(graph, thread, "first")
    assert _ask(graph, "c", "second")["history"][-1] == "answer:second"
    with psycopg.connect(scratch_postgres) as conn:
        per_thread = dict(conn.execute("SELECT thread_id, COUNT(*) FROM checkpoints GROUP BY thread_id").fetchall())
    assert per_thread == {"a": 1, "b": 1, "c": 1}
    assert saver.sweep() == ["a"]
    moment[0] += timedelta(hours=2)
    assert sorted(saver.sweep()) == ["b", "c"]
    with psycopg.connect(scratch_postgres) as conn:
        left = [conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for t in ("checkpoints", "checkpoint_blobs", "checkpoint_writes")]
    assert left == [0, 0, 0]
    saver.conn.close()
