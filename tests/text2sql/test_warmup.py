"""The warm-up of a cold `ask` fills the process-wide caches the agent uses, and a failing warm-up stays silent."""

from __future__ import annotations

from pathlib import Path

import pytest

from text2sql.warmup import WarmUp

pytestmark = pytest.mark.slow  # loads Milvus Lite, the embedding model and Kiwi


def test_warm_up_fills_the_caches_the_agent_uses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from text2sql_core.settings import UnifiedSettings
    from text2sql_core.text import korean
    from text2sql_pipeline.index import connection

    uri = str(tmp_path / "milvus.db")
    monkeypatch.setenv("TEXT2SQL_MILVUS__URI", uri)
    warm = WarmUp().start()
    seconds = warm.join(timeout=600)
    assert set(seconds) == {"milvus", "embeddings", "kiwi"} and warm.failed == {}
    settings = UnifiedSettings()
    assert any(key.startswith(uri) for key in connection._CLIENTS)  # the agent's connect_milvus finds it open
    assert korean._kiwi is not None  # built: the agent's first analysis finds it
    client = connection.connect_milvus(settings.milvus)
    assert client is connection._CLIENTS[f"{settings.milvus.connection_uri}|{settings.milvus.db_name}"]


def test_a_failing_warm_up_is_silent(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("TEXT2SQL_MILVUS__URI", str(blocker / "milvus.db"))  # under a file: cannot be created
    warm = WarmUp().start()
    warm.join(timeout=600)
    assert "milvus" in warm.failed  # recorded for the benchmark, never raised: the agent reports it itself
