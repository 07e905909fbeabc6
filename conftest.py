"""Fixtures every package's tests share: isolation from the developer's TEXT2SQL_ variables, the Spider files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from text2sql_testing import spider_dir

_KEEP = {"TEXT2SQL_SPIDER_DIR", "TEXT2SQL_TEST_MILVUS_URI"}


@pytest.fixture(autouse=True)
def _no_env_leak(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests build settings explicitly; stray TEXT2SQL_ variables of the developer's shell must not leak in."""
    for name in list(os.environ):
        if name.startswith("TEXT2SQL_") and name not in _KEEP:
            monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session")
def spider() -> Path:
    path = spider_dir()
    if path is None:
        pytest.skip("../shared/data/spider-dev is not beside the repo (set TEXT2SQL_SPIDER_DIR)")
    return path
