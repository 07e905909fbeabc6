"""Normalisation never changes a query: the examples inlined back print the original SQL (same sqlglot tree) —
for every demo template and every Spider dev gold query, through the pipeline's own processing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlglot
import yaml
from sqlglot import exp

from text2sql_core.models import SQLTemplateCreate, SQLTemplateInDB
from text2sql_core.sqltext import inline_params, same_query
from text2sql_pipeline.ingest import IngestItem
from text2sql_pipeline.process import TemplateProcessor

DEMO = Path(__file__).resolve().parents[4] / "packages/agent/src/text2sql_agent/demo/templates.yaml"


def _inlined(template: SQLTemplateInDB) -> str:
    return inline_params(template.normalized_text, {p.name: p.example for p in template.params}, template.dialect)


def _changed(raws: list[SQLTemplateCreate]) -> list[str]:
    processor = TemplateProcessor()
    return [raw.sql_text for raw in raws
            if not same_query(_inlined(processor.process_one(raw)), raw.sql_text, raw.dialect)]


def test_every_demo_template_round_trips() -> None:
    entries = yaml.safe_load(DEMO.read_text(encoding="utf-8"))["templates"]
    raws = [SQLTemplateCreate(dialect="sqlite", **entry) for entry in entries]
    assert len(raws) >= 40 and _changed(raws) == []
    templates = {t.description: t for t in TemplateProcessor().process([IngestItem(r, "demo") for r in raws]).templates}
    # What the demo's questions need: the year as one period, the revenue rule kept, the row count a limit.
    sales = templates["특정 기간 매출 합계"]
    assert [(p.grain, p.end_inclusive) for p in sales.periods] == [("year", True)]
    assert sales.rules == ["o.status <> '취소'"] and all(p.type == "date" for p in sales.params)
    assert templates["지역별 매출 합계"].params == [] and templates["지역별 매출 합계"].rules
    assert [p.type for p in templates["급여 상위 직원"].params] == ["limit"]


@pytest.fixture(scope="module")
def spider_gold(spider: Path) -> list[SQLTemplateCreate]:
    questions = json.loads((spider / "questions.json").read_text(encoding="utf-8"))
    return [SQLTemplateCreate(sql_text=sqlglot.transpile(q["query"], read="mysql", write="sqlite")[0],
                              description=q["question"], datasource=q["db_id"], dialect="sqlite") for q in questions]


def test_every_spider_gold_query_round_trips(spider_gold: list[SQLTemplateCreate]) -> None:
    assert len(spider_gold) > 1000 and _changed(spider_gold) == []


def test_spider_template_keys_are_stable(spider_gold: list[SQLTemplateCreate]) -> None:
    """As many templates as distinct (database, SQL with every literal anonymised), except where two questions of
    one key disagree on an excluded value: "not from France" asks for it (a `neq` slot), "not French" does not
    (the query's own rule) — those, and only those, are two templates."""
    raws = spider_gold
    def key(sql: str) -> str:
        return sqlglot.parse_one(sql, read="sqlite").transform(
            lambda n: exp.Placeholder() if isinstance(n, exp.Literal | exp.Placeholder) else n).sql(dialect="sqlite", normalize=True)
    keys = {(r.datasource, key(r.sql_text)) for r in raws}
    result = TemplateProcessor().process([IngestItem(r, "spider") for r in raws])
    assert not result.skipped
    by_key: dict[tuple[str, str], list] = {}
    for template in result.templates:
        by_key.setdefault((template.datasource, key(template.sql_text)), []).append(template)
    assert set(by_key) == keys
    for split in (ts for ts in by_key.values() if len(ts) > 1):
        assert len(split) == 2
        with_rule, with_slot = sorted(split, key=lambda t: not t.rules)
        assert with_rule.rules and not with_slot.rules
        assert any(p.role == "neq" for p in with_slot.params)
    assert len(result.templates) - len(keys) <= 5
