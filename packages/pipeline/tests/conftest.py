"""Pipeline fixtures: a Milvus Lite folder per test (real Milvus Lite, no network), the bundled embeddings."""

from __future__ import annotations

from pathlib import Path

import pytest

from text2sql_core.embeddings import LocalE5Embeddings
from text2sql_core.settings import UnifiedSettings


@pytest.fixture(scope="session")
def embeddings() -> LocalE5Embeddings:
    return LocalE5Embeddings()


@pytest.fixture
def settings(tmp_path: Path) -> UnifiedSettings:
    return UnifiedSettings(_env_file=None, data_dir=tmp_path, milvus={"uri": str(tmp_path / "milvus.db")})
