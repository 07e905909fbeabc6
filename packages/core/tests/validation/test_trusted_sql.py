"""Trusted SQL keeps passing the stricter guard: every demo template, as written (SQLite) and transpiled to the
other dialects, validates and re-emits idempotently; so does every Spider dev gold query (SQLite: test_semantic.py)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
import sqlglot
import yaml

from text2sql_core.validation import render_checked, validate_syntax

TEMPLATES = Path(__file__).parents[4] / "packages" / "agent" / "src" / "text2sql_agent" / "demo" / "templates.yaml"


def _templates() -> list[str]:
    if not TEMPLATES.exists():
        return []
    return [t["sql_text"] for t in yaml.safe_load(TEMPLATES.read_text("utf-8"))["templates"]]


@pytest.mark.parametrize("dialect", ["sqlite", "oracle", "postgres", "mysql"])
def test_every_demo_template_passes(dialect: str) -> None:
    sqls = _templates()
    if not sqls:
        pytest.skip(f"{TEMPLATES} is not in this checkout")
    failures = []
    for sql in sqls:
        text = sql if dialect == "sqlite" else sqlglot.transpile(sql, read="sqlite", write=dialect)[0]
        start = time.perf_counter()
        try:
            validate_syntax(text, dialect)
            rendered = render_checked(text, dialect)
            assert render_checked(rendered, dialect) == rendered
        except Exception as err:  # collect them all: the assertion below lists every failure at once
            failures.append((text, str(err)))
        assert time.perf_counter() - start < 1.0
    assert failures == []
    assert len(sqls) >= 40


@pytest.mark.parametrize("dialect", ["oracle", "postgres", "mysql"])
def test_every_spider_gold_query_passes_in_the_other_dialects(spider: Path, dialect: str) -> None:
    questions = json.loads((spider / "questions.json").read_text())
    failures = []
    for q in questions:
        sql = sqlglot.transpile(q["query"], read="mysql", write=dialect)[0]
        try:
            rendered = render_checked(sql, dialect)
            assert render_checked(rendered, dialect) == rendered
        except Exception as err:  # collect them all
            failures.append((sql, str(err)))
    assert failures == []
    assert len(questions) == 1034
