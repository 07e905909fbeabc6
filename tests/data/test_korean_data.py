"""The Korean evaluation data (benchmarks/data) passes its checker, and the checker catches what it claims to."""

from __future__ import annotations

import copy
import importlib.util
import json
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("check_korean_data", REPO / "benchmarks" / "data" / "check_korean_data.py")
checker = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(checker)  # type: ignore[union-attr]

KO = checker.DATA / "spider-ko" / "questions-ko.json"
KO_PERTURBED = checker.DATA / "spider-ko" / "questions-ko-perturbed.json"
DEMO_PARAPHRASES = checker.DATA / "demo-paraphrases.json"


def _load(path: Path) -> object:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def templates() -> list[dict]:
    return yaml.safe_load((checker.DEMO / "templates.yaml").read_text(encoding="utf-8"))["templates"]


@pytest.fixture(scope="module")
def sources(spider: Path) -> tuple[list[dict], list[dict]]:
    return _load(spider / "questions.json"), _load(spider / "questions-perturbed.json")


def test_korean_spider_file_holds(sources: tuple[list[dict], list[dict]]) -> None:
    entries = _load(KO)
    assert checker.check_spider_ko(entries, sources[0]) == []
    assert len(entries) >= 420
    assert len({e["db_id"] for e in entries}) >= 10


def test_korean_perturbed_file_holds(sources: tuple[list[dict], list[dict]]) -> None:
    perturbed = _load(KO_PERTURBED)
    assert checker.check_spider_ko_perturbed(perturbed, _load(KO), *sources) == []
    assert sum(1 for e in perturbed if e.get("perturbed")) > 40  # the English file changed values in these


def test_demo_paraphrases_hold(templates: list[dict]) -> None:
    document = _load(DEMO_PARAPHRASES)
    assert checker.check_demo(document, templates) == []
    assert document["today"] == "2026-11-22"
    assert len(document["items"]) >= 3 * len(templates) + 15


@pytest.mark.slow  # importing the pipeline loads pymilvus and the analyser: ~10 s on this machine
def test_demo_template_ids_are_the_indexed_ids() -> None:
    """template_id is the id the pipeline gives the template when it indexes the demo file (datasource default)."""
    from text2sql_pipeline import TemplateProcessor, read_template_file

    rows = read_template_file(checker.DEMO / "templates.yaml", {"datasource": "default", "dialect": "sqlite"})
    ids = {t.description: t.id for t in TemplateProcessor().process(rows).templates}
    items = [it for it in _load(DEMO_PARAPHRASES)["items"] if it["template_id"] is not None]
    assert {it["template"]: it["template_id"] for it in items} == ids


def test_checker_reports_a_value_missing_from_the_korean_question(sources: tuple[list[dict], list[dict]]) -> None:
    entries = _load(KO)
    index = next(i for i, e in enumerate(entries) if "'France'" in e["query"])
    entries[index]["question"] = entries[index]["question"].replace("France", "프랑스")
    problems = checker.check_spider_ko(entries, sources[0])
    assert len(problems) == 1 and "'France'" in problems[0]


def test_checker_reports_changed_sql_dropped_entries_and_one_style(sources: tuple[list[dict], list[dict]]) -> None:
    entries = _load(KO)
    changed = copy.deepcopy(entries)
    changed[3]["query"] = changed[3]["query"].replace("DESC", "ASC")
    assert any("differs from the source" in p for p in checker.check_spider_ko(changed, sources[0]))
    assert any("keep whole databases" in p for p in checker.check_spider_ko(entries[:-1], sources[0]))
    one_style = [{**e, "style": "haeyo"} for e in entries]
    assert any("at least 3 styles" in p for p in checker.check_spider_ko(one_style, sources[0]))


def test_checker_reports_a_perturbed_question_with_the_old_value(sources: tuple[list[dict], list[dict]]) -> None:
    entries, perturbed = _load(KO), _load(KO_PERTURBED)
    index = next(i for i, e in enumerate(perturbed) if e.get("perturbed") and "Aberdeen" in entries[i]["question"])
    perturbed[index]["question"] = entries[index]["question"]  # forgot to put the new city in
    problems = checker.check_spider_ko_perturbed(perturbed, entries, *sources)
    assert problems and all(f"#{index} " in p for p in problems)


def test_checker_reports_demo_sql_that_is_not_the_template_or_does_not_run(templates: list[dict]) -> None:
    document = _load(DEMO_PARAPHRASES)
    broken = copy.deepcopy(document)
    first = broken["items"][0]
    first["expected_sql"] = first["expected_sql"].replace("COUNT(*)", "SUM(e.salary)")
    assert any("not the template's SQL" in p for p in checker.check_demo(broken, templates))
    other = copy.deepcopy(document)
    city = next(it for it in other["items"] if it["values"].get("city") == "대구")
    city["question"] = city["question"].replace("대구", "달구벌")
    assert any("'대구' is not in the question" in p for p in checker.check_demo(other, templates))
    few = {**document, "items": [it for it in document["items"] if it["template"] != "전체 직원 수"]}
    assert any(p.startswith("전체 직원 수: 0 paraphrases") for p in checker.check_demo(few, templates))
