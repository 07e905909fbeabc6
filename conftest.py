"""Fixtures every package's tests share: isolation from the developer's TEXT2SQL_ variables, the Spider files."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from text2sql_core import clock
from text2sql_testing import postgres_database, spider_dir

_KEEP = {"TEXT2SQL_SPIDER_DIR", "TEXT2SQL_TEST_MILVUS_URI"}


@pytest.fixture(autouse=True)
def _no_env_leak(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests build settings explicitly; stray TEXT2SQL_ variables of the developer's shell must not leak in."""
    for name in list(os.environ):
        if name.startswith("TEXT2SQL_") and name not in _KEEP:
            monkeypatch.delenv(name, raising=False)


@pytest.fixture
def pinned_today() -> Iterator[date]:
    """Today pinned to 2026-11-22, the day the demo paraphrases and their relative dates were written for."""
    with clock.pinned_today("2026-11-22") as day:
        yield day


@pytest.fixture(scope="session")
def spider() -> Path:
    path = spider_dir()
    if path is None:
        pytest.skip("../shared/data/spider-dev is not beside the repo (set TEXT2SQL_SPIDER_DIR)")
    return path


@pytest.fixture
def scratch_postgres(request: pytest.FixtureRequest) -> Iterator[str]:
    """The URL of a PostgreSQL database created for this test alone and dropped after it."""
    area = re.sub(r"[^a-z0-9]+", "_", Path(str(request.node.path)).stem.lower().removeprefix("test_"))[:24]
    with postgres_database(area) as url:
        if url is None:
            pytest.skip("no PostgreSQL on 127.0.0.1:5432 (user postgres or root, trust auth)")
        yield url
