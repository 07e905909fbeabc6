"""The feedback store on SQLite and on PostgreSQL: the same behaviour, and replicas share one review queue."""

from __future__ import annotations

from pathlib import Path

import pytest

from text2sql_agent.answer import Answer
from text2sql_agent.ui.feedback import FeedbackStore
from text2sql_agent.ui.review import reject
from text2sql_core.errors import Text2SQLError
from text2sql_core.settings import UnifiedSettings

PHASE2 = Answer(question="직원별 근속 연수를 알려줘", datasource="default", phase="phase2",
                sql="SELECT name FROM employees ORDER BY hire_date")
MISS = Answer(question="없는 질문", error={"code": "NO_CONFIDENT_ANSWER", "message": "m"})


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str | Path:
    if request.param == "sqlite":
        return tmp_path / "feedback.sqlite"
    return request.getfixturevalue("scratch_postgres")


def test_thumbs_up_makes_a_candidate_and_down_a_miss(target: str | Path) -> None:
    store = FeedbackStore(target)
    store.remember("m1", PHASE2, "sqlite", "kim")
    store.remember("m2", MISS, "sqlite", "lee")
    assert store.record("unknown", 1) is None
    first = store.record("m1", 1, "좋아요")
    assert store.record("m2", 0) and store.record("m1", 1) == first  # a second click does not duplicate
    [candidate] = store.candidates()
    assert (candidate.id, candidate.question, candidate.sql, candidate.user) == (first, PHASE2.question, PHASE2.sql,
                                                                                "kim")
    assert store.get(first) == candidate and store.get("nope") is None
    assert [(m.question, m.user) for m in store.misses()] == [("없는 질문", "lee")]
    store.remember("m1", PHASE2.model_copy(update={"question": "바뀐 질문"}), "sqlite", "kim")  # shown again
    assert store.get(first).question == "바뀐 질문"
    reject(store, first)
    assert store.candidates() == [] and not store.resolve(first, "approved")
    with pytest.raises(Text2SQLError, match="No pending candidate"):
        reject(store, first)


def test_stores_on_one_database_share_the_queue(target: str | Path) -> None:
    """Two replicas: the thumbs up lands on one, the reviewer's command reads through the other."""
    one, two = FeedbackStore(target), FeedbackStore(target)
    one.remember("m1", PHASE2, "oracle", "kim")
    feedback_id = two.record("m1", 1)
    assert [c.id for c in one.candidates()] == [feedback_id]


@pytest.mark.postgres
def test_settings_put_feedback_beside_the_conversations(scratch_postgres: str, tmp_path: Path) -> None:
    shared = UnifiedSettings(_env_file=None, data_dir=tmp_path, agent={"checkpoint_url": scratch_postgres})
    store = FeedbackStore.from_settings(shared)
    store.remember("m1", PHASE2, "oracle", None)
    assert FeedbackStore(scratch_postgres).record("m1", 0)
    assert not (tmp_path / "feedback.sqlite").exists()


def test_settings_default_to_a_file_under_data_dir(tmp_path: Path) -> None:
    store = FeedbackStore.from_settings(UnifiedSettings(_env_file=None, data_dir=tmp_path / "state"))
    assert store.path == tmp_path / "state" / "feedback.sqlite" and store.path.exists()


def test_unreachable_postgres_is_one_clear_error() -> None:
    with pytest.raises(Text2SQLError) as caught:
        FeedbackStore("postgresql://u:s3cret@127.0.0.1:1/t2s")
    assert caught.value.code == "STATE_STORE_UNAVAILABLE" and "s3cret" not in caught.value.message
    assert "TEXT2SQL_UI__FEEDBACK_URL" in caught.value.message


@pytest.mark.postgres
def test_review_command_reads_the_shared_store(scratch_postgres: str, monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path) -> None:
    """`text2sql templates review` on any replica lists what the chat of any replica recorded."""
    from typer.testing import CliRunner

    from text2sql.cli import app

    store = FeedbackStore(scratch_postgres)
    store.remember("m1", PHASE2, "sqlite", "kim")
    feedback_id = store.record("m1", 1)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TEXT2SQL_AGENT__CHECKPOINT_URL", scratch_postgres)
    listed = CliRunner().invoke(app, ["templates", "review"], env={"COLUMNS": "300"})
    assert listed.exit_code == 0 and feedback_id in listed.output and "근속" in listed.output
    rejected = CliRunner().invoke(app, ["templates", "review", "--reject", feedback_id])
    assert rejected.exit_code == 0 and store.candidates() == []
    assert not (tmp_path / "data").exists()  # nothing written beside it


def test_review_command_says_when_the_store_is_unreachable(monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from text2sql.cli import app

    monkeypatch.setenv("TEXT2SQL_UI__FEEDBACK_URL", "postgresql://u:s3cret@127.0.0.1:1/t2s")
    result = CliRunner().invoke(app, ["templates", "review"])
    assert result.exit_code == 2 and "STATE_STORE_UNAVAILABLE" in result.output
    assert "s3cret" not in result.output and isinstance(result.exception, SystemExit | None)
