"""Check the Korean evaluation data against its sources / 한국어 평가 데이터 검사.

    uv run python benchmarks/data/check_korean_data.py [SPIDER_DIR]

Checks `spider-ko/questions-ko.json` and `questions-ko-perturbed.json` against the English Spider dev files
(whole databases in file order, SQL unchanged, every string literal of the SQL written in the Korean question) and
`demo-paraphrases.json` against the demo templates and a freshly built demo database. Prints each problem and
exits 1 when there is any; SPIDER_DIR defaults to $TEXT2SQL_SPIDER_DIR or ../shared/data/spider-dev.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import sqlite3
import sys
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path

import sqlglot
import yaml
from sqlglot import exp

__all__ = ["DATA", "check_demo", "check_spider_ko", "check_spider_ko_perturbed", "default_spider_dir", "main"]

DATA = Path(__file__).resolve().parent
REPO = DATA.parents[1]
DEMO = REPO / "packages" / "agent" / "src" / "text2sql_agent" / "demo"
STYLES = {"haeyo", "banmal", "noun", "formal"}
MIN_ENTRIES, MIN_STYLE_SHARE = 420, 0.20
HANGUL = re.compile(r"[가-힣]")
ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d")
# Literals deliberately not written in the Korean question (index in questions-ko.json → why). None so far.
LITERAL_EXCEPTIONS: dict[int, str] = {}


def default_spider_dir() -> Path:
    return Path(os.environ.get("TEXT2SQL_SPIDER_DIR") or REPO.parent / "shared" / "data" / "spider-dev")


def _load(path: Path) -> object:
    return json.loads(path.read_text(encoding="utf-8"))


def _key(sql: str) -> str:
    """The evaluation's template key (text2sql_agent.evaluation.protocol): literals anonymised, printed in SQLite."""
    tree = sqlglot.parse_one(sql, read="mysql").transform(
        lambda n: exp.Placeholder() if isinstance(n, exp.Literal | exp.Placeholder) else n)
    return tree.sql(dialect="sqlite", normalize=True)


def _literals(sql: str) -> list[str]:
    """Literal tokens in SQL order (strings without quotes), so two versions of one query can be paired up."""
    kinds = (sqlglot.tokens.TokenType.STRING, sqlglot.tokens.TokenType.NUMBER)
    return [t.text for t in sqlglot.tokenize(sql, read="mysql") if t.token_type in kinds]


def _string_values(sql: str) -> list[str]:
    values = [lit.this for lit in sqlglot.parse_one(sql, read="mysql").find_all(exp.Literal) if lit.is_string]
    return [v.strip("%") for v in values if v.strip("%")]  # LIKE '%Hey%' is written as Hey


def _states(text: str, value: str) -> bool:
    if value.isdigit():  # 20 must not be found inside 2014
        return re.search(rf"(?<!\d){value}(?!\d)", text) is not None
    return value.lower() in text.lower()


def _source_subset(entries: list[dict], source: list[dict]) -> list[dict]:
    chosen = {e.get("db_id") for e in entries}
    return [s for s in source if s["db_id"] in chosen]


def check_spider_ko(entries: list[dict], source: list[dict]) -> list[str]:
    problems: list[str] = []
    subset = _source_subset(entries, source)
    if len(entries) < MIN_ENTRIES:
        problems.append(f"{len(entries)} entries; at least {MIN_ENTRIES} are needed")
    if len(entries) != len(subset):
        return [*problems, f"{len(entries)} entries but the chosen databases hold {len(subset)}: keep whole databases"]
    styles = Counter(e.get("style") for e in entries)
    if unknown := set(styles) - STYLES:
        problems.append(f"unknown styles {sorted(map(str, unknown))}; use {sorted(STYLES)}")
    shared = [s for s in STYLES if styles[s] >= MIN_STYLE_SHARE * len(entries)]
    if len(shared) < 3:
        problems.append(f"styles {dict(styles)}: at least 3 styles must each hold {MIN_STYLE_SHARE:.0%}")
    groups: dict[tuple[str, str], list[str]] = {}
    for i, (e, s) in enumerate(zip(entries, subset, strict=True)):
        where = f"#{i} ({s['db_id']}: {s['question'][:40]!r})"
        if set(e) != {"question", "query", "db_id", "style", "question_en"}:
            problems.append(f"{where}: keys {sorted(e)}")
            continue
        if (e["db_id"], e["query"], e["question_en"]) != (s["db_id"], s["query"], s["question"]):
            problems.append(f"{where}: db_id, query or question_en differs from the source (same order?)")
            continue
        problems += _question_problems(where, e["question"], e["query"], i)
        groups.setdefault((e["db_id"], _key(e["query"])), []).append(e["question"])
    for (db_id, _), questions in groups.items():
        if len(set(questions)) != len(questions):
            problems.append(f"{db_id}: a template group repeats a Korean question {questions}; paraphrase it")
    return problems


def _question_problems(where: str, question: str, query: str, index: int) -> list[str]:
    problems = []
    if not HANGUL.search(question):
        problems.append(f"{where}: the question has no Korean")
    if index not in LITERAL_EXCEPTIONS:
        problems += [f"{where}: {v!r} of the SQL is not in {question!r}"
                     for v in _string_values(query) if not _states(question, v)]
    return problems


def check_spider_ko_perturbed(perturbed: list[dict], entries: list[dict], source: list[dict],
                              source_perturbed: list[dict]) -> list[str]:
    if len(source) != len(source_perturbed):
        return [f"the English files differ in length ({len(source)} / {len(source_perturbed)})"]
    problems: list[str] = []
    chosen = {e["db_id"] for e in entries}
    pairs = [(s, p) for s, p in zip(source, source_perturbed, strict=True) if s["db_id"] in chosen]
    if not len(perturbed) == len(entries) == len(pairs):
        return [f"{len(perturbed)} perturbed entries for {len(entries)} Korean entries and {len(pairs)} sources"]
    for i, (k, e, (s, p)) in enumerate(zip(perturbed, entries, pairs, strict=True)):
        where = f"#{i} ({s['db_id']}: {p['question'][:40]!r})"
        changed = s != p
        expected = {**e, "query": p["query"], "question_en": p["question"]}
        if changed:
            expected |= {"question": k.get("question"), "perturbed": True}
        if k != expected:
            problems.append(f"{where}: differs from the Korean entry with the perturbed source's SQL and English")
            continue
        if changed:
            # The perturbation changes values, never their number, so the literals pair up in order.
            new_values = [n for o, n in zip(_literals(s["query"]), _literals(p["query"]), strict=False) if o != n]
            problems += [f"{where}: the new value {v!r} is not in {k['question']!r}"
                         for v in new_values if not _states(k["question"], v.strip("'\"%"))]
            problems += _question_problems(where, k["question"], k["query"], -1)
    return problems


def _demo_database(path: Path, today: date) -> Path:
    # Loaded by file path: importing text2sql_agent would build the whole agent only to write a SQLite file.
    spec = importlib.util.spec_from_file_location("_demo_database", DEMO / "database.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module.create_demo_database(path, today=today)


def _demo_key(sql: str) -> str:
    tree = sqlglot.parse_one(sql, read="sqlite").transform(
        lambda n: exp.Placeholder() if isinstance(n, exp.Literal | exp.Placeholder) else n)
    return tree.sql("sqlite", normalize=True)


def check_demo(document: dict, templates: list[dict]) -> list[str]:
    problems: list[str] = []
    by_name = {t["description"]: t for t in templates}
    items = document.get("items", [])
    try:
        today = date.fromisoformat(document.get("today", ""))
    except (TypeError, ValueError):
        return ["'today' must be an ISO date at the top level"]
    per_template: dict[str, list[dict]] = {name: [] for name in by_name}
    negatives = [it for it in items if it.get("template_id") is None]
    for item in items:
        if item.get("template_id") is None:
            if item.get("expected_sql") is not None or not item.get("why_no_template"):
                problems.append(f"negative {item.get('question')!r}: no expected_sql, and say why_no_template")
        elif item.get("template") not in by_name:
            problems.append(f"{item.get('question')!r}: unknown template {item.get('template')!r}")
        else:
            per_template[item["template"]].append(item)
    for name, found in per_template.items():
        korean = [it for it in found if it.get("language") == "ko" and HANGUL.search(it["question"])]
        if len(found) < 3 or len(korean) < 2 or len({it.get("style") for it in korean}) < 2:
            problems.append(f"{name}: {len(found)} paraphrases, {len(korean)} Korean; need 3, 2 Korean in 2 styles")
        examples = set(by_name[name].get("questions") or [])
        problems += [f"{it['question']!r} repeats an example of {name}" for it in found if it["question"] in examples]
    if len(negatives) < 10:
        problems.append(f"{len(negatives)} negatives; at least 10 are needed")
    with tempfile.TemporaryDirectory() as folder:
        connection = sqlite3.connect(_demo_database(Path(folder) / "demo.db", today))
        try:
            for item in (it for found in per_template.values() for it in found):
                problems += _demo_item_problems(item, by_name[item["template"]], connection)
        finally:
            connection.close()
    return problems


def _demo_item_problems(item: dict, template: dict, connection: sqlite3.Connection) -> list[str]:
    where, sql, values = repr(item["question"]), item.get("expected_sql") or "", item.get("values", {})
    try:
        if _demo_key(sql) != _demo_key(template["sql_text"]):
            return [f"{where}: expected_sql is not the template's SQL with other values"]
        connection.execute(sql).fetchall()
    except (sqlglot.errors.ParseError, sqlite3.Error) as err:
        return [f"{where}: expected_sql does not run on the demo database ({err})"]
    inlined = {lit.this for lit in sqlglot.parse_one(sql, read="sqlite").find_all(exp.Literal)}
    own = {lit.this for lit in sqlglot.parse_one(template["sql_text"], read="sqlite").find_all(exp.Literal)}
    problems = [f"{where}: value {v!r} is not inlined in expected_sql" for v in values.values()
                if str(v) not in inlined]
    # A string the template fixes itself (status <> '취소') need not be asked for; dates come from periods.
    asked = [v for v in values.values() if isinstance(v, str) and v not in own and not ISO_DATE.fullmatch(v)]
    problems += [f"{where}: value {v!r} is not in the question" for v in asked if not _states(item["question"], v)]
    return problems


def main(argv: list[str]) -> int:
    spider = Path(argv[0]) if argv else default_spider_dir()
    if not (spider / "questions.json").is_file() or not (spider / "questions-perturbed.json").is_file():
        print(f"No Spider dev files in {spider}: pass their folder or set TEXT2SQL_SPIDER_DIR.")
        return 2
    source = _load(spider / "questions.json")
    entries = _load(DATA / "spider-ko" / "questions-ko.json")
    problems = check_spider_ko(entries, source)
    problems += check_spider_ko_perturbed(_load(DATA / "spider-ko" / "questions-ko-perturbed.json"), entries,
                                          source, _load(spider / "questions-perturbed.json"))
    templates = yaml.safe_load((DEMO / "templates.yaml").read_text(encoding="utf-8"))["templates"]
    problems += check_demo(_load(DATA / "demo-paraphrases.json"), templates)
    for problem in problems:
        print(problem)
    styles = Counter(e["style"] for e in entries)
    print(f"{len(entries)} Korean Spider entries {dict(styles)}; {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
