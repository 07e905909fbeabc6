"""Agent fixtures: the demo database and templates in a temporary folder (real SQLite, real Milvus Lite)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from text2sql_agent.demo.runner import prepare_demo
from text2sql_core.settings import UnifiedSettings
from text2sql_testing import spider_dir


@pytest.fixture(autouse=True)
def _no_env_leak(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith("TEXT2SQL_") and name != "TEXT2SQL_SPIDER_DIR":
            monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> UnifiedSettings:
    folder = tmp_path_factory.mktemp("demo")
    base = UnifiedSettings(_env_file=None, data_dir=folder, milvus={"uri": str(folder / "milvus.db")},
                           agent={"checkpoint_path": str(folder / "checkpoints.sqlite")})
    settings, summary = prepare_demo(base)
    assert summary.templates == 40
    return settings


@pytest.fixture(scope="session")
def spider() -> Path:
    path = spider_dir()
    if path is None:
        pytest.skip("../shared/data/spider-dev is not beside the repo (set TEXT2SQL_SPIDER_DIR)")
    return path
