"""A stored template's fingerprint covers the BM25 text recipe: a new BM25_VERSION makes old rows 'changed'."""

from __future__ import annotations

import pytest

from text2sql_core.models import SQLTemplateCreate, SQLTemplateInDB
from text2sql_pipeline.index import templates as template_index
from text2sql_pipeline.ingest import IngestItem
from text2sql_pipeline.process import TemplateProcessor


def _template() -> SQLTemplateInDB:
    row = IngestItem(SQLTemplateCreate(sql_text="SELECT name FROM employees WHERE dept = '재무팀'",
                                       description="재무팀 직원 이름", datasource="hr", dialect="sqlite"), "t")
    return TemplateProcessor().process([row]).templates[0]


def test_same_template_same_fingerprint() -> None:
    assert template_index._fingerprint(_template()) == template_index._fingerprint(_template())


def test_a_new_bm25_version_changes_the_fingerprint(monkeypatch: pytest.MonkeyPatch) -> None:
    before = template_index._fingerprint(_template())
    monkeypatch.setattr(template_index, "BM25_VERSION", template_index.BM25_VERSION + 1)
    assert template_index._fingerprint(_template()) != before
