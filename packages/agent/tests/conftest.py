"""Agent fixtures.

- `demo`: the demo database and templates in a temporary folder (real SQLite, real Milvus Lite, the bundled
  embeddings) — for the slow end-to-end tests.
- `fast_demo` / `make_agent`: the same demo database and templates, searched by the in-memory `TemplateSearch`
  over a hashing embedding (no model, no Milvus) — node and routing tests run in milliseconds.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from langchain_core.embeddings import Embeddings

from text2sql_agent import Text2SQLAgent
from text2sql_agent.demo.database import create_demo_database
from text2sql_agent.demo.runner import DEMO_TEMPLATES, demo_settings, prepare_demo
from text2sql_core.models import SQLTemplateInDB
from text2sql_core.settings import UnifiedSettings
from text2sql_pipeline import InMemoryTemplateSearch, TemplateProcessor, bm25_text, read_template_file


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> UnifiedSettings:
    folder = tmp_path_factory.mktemp("demo")
    base = UnifiedSettings(_env_file=None, data_dir=folder, milvus={"uri": str(folder / "milvus.db")},
                           agent={"checkpoint_path": str(folder / "checkpoints.sqlite")})
    settings, summary = prepare_demo(base)
    assert summary.templates == 40
    return settings


class HashingEmbeddings(Embeddings):
    """A deterministic bag-of-morphemes embedding (crc32 buckets): texts sharing words are close. Counts calls,
    so a test can check what was (not) embedded."""

    def __init__(self, dimension: int = 512):
        self.dimension = dimension
        self.documents: list[str] = []
        self.queries: list[str] = []

    def _vector(self, text: str) -> list[float]:
        vector = np.zeros(self.dimension)
        for word in bm25_text(text).lower().split():
            vector[zlib.crc32(word.encode()) % self.dimension] += 1.0
        norm = np.linalg.norm(vector)
        return (vector / norm if norm else vector).tolist()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.documents += texts
        return [self._vector(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        self.queries.append(text)
        return self._vector(text)


@dataclass
class FastDemo:
    settings: UnifiedSettings
    templates: list[SQLTemplateInDB]


@pytest.fixture(scope="session")
def fast_demo(tmp_path_factory: pytest.TempPathFactory) -> FastDemo:
    folder = tmp_path_factory.mktemp("fast_demo")
    base = UnifiedSettings(_env_file=None, data_dir=folder, milvus={"uri": str(folder / "unused-milvus.db")},
                           agent={"checkpoint_path": str(folder / "checkpoints.sqlite")})
    settings = demo_settings(base)
    create_demo_database(folder / "demo.db")
    rows = read_template_file(DEMO_TEMPLATES, {"datasource": "default", "dialect": "sqlite"})
    templates = TemplateProcessor().process(rows).templates
    assert len(templates) == 40
    return FastDemo(settings, templates)


@pytest.fixture
def make_agent(fast_demo: FastDemo) -> Callable[..., Text2SQLAgent]:
    """`make_agent(llm=None, threshold=None, **resource_options)`: an agent on the fast demo. The search, the
    embeddings and (unless given) the schema and executor are in memory or SQLite; nothing opens Milvus."""

    def make(llm: Any = None, threshold: float | None = None, **options: Any) -> Text2SQLAgent:
        settings = fast_demo.settings
        if threshold is not None:
            settings = settings.model_copy(update={"phase1_confidence_threshold": threshold})
        embeddings = options.pop("embeddings", None) or HashingEmbeddings()
        retrieval = options.pop("retrieval", None) or InMemoryTemplateSearch(embeddings, fast_demo.templates)
        return Text2SQLAgent(settings, llm=llm, embeddings=embeddings, retrieval=retrieval, **options)

    return make


@pytest.fixture
def hashing_embeddings() -> HashingEmbeddings:
    return HashingEmbeddings()


@pytest.fixture
def demo_db(fast_demo: FastDemo) -> Path:
    return fast_demo.settings.data_dir / "demo.db"
