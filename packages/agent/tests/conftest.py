"""Agent fixtures: the demo database and templates in a temporary folder (real SQLite, real Milvus Lite)."""

from __future__ import annotations

import pytest

from text2sql_agent.demo.runner import prepare_demo
from text2sql_core.settings import UnifiedSettings


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> UnifiedSettings:
    folder = tmp_path_factory.mktemp("demo")
    base = UnifiedSettings(_env_file=None, data_dir=folder, milvus={"uri": str(folder / "milvus.db")},
                           agent={"checkpoint_path": str(folder / "checkpoints.sqlite")})
    settings, summary = prepare_demo(base)
    assert summary.templates == 40
    return settings
