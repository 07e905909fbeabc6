"""Pipeline fixtures: a Milvus Lite folder per test (real Milvus Lite, no network), the bundled embeddings."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from text2sql_core.embeddings import LocalE5Embeddings
from text2sql_core.settings import UnifiedSettings
from text2sql_testing import spider_dir


@pytest.fixture(autouse=True)
def _no_env_leak(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith("TEXT2SQL_") and name not in {"TEXT2SQL_SPIDER_DIR", "TEXT2SQL_TEST_MILVUS_URI"}:
            monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session")
def embeddings() -> LocalE5Embeddings:
    return LocalE5Embeddings()


@pytest.fixture
def settings(tmp_path: Path) -> UnifiedSettings:
    return UnifiedSettings(_env_file=None, data_dir=tmp_path, milvus={"uri": str(tmp_path / "milvus.db")})


@pytest.fixture(scope="session")
def spider() -> Path:
    path = spider_dir()
    if path is None:
        pytest.skip("../shared/data/spider-dev is not beside the repo (set TEXT2SQL_SPIDER_DIR)")
    return path
