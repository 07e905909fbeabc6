"""How the demo answers questions it was not written with: prints right / wrong / refused (it is not a test).

    uv run python benchmarks/demo_paraphrases.py            # today pinned to the file's date (2026-11-22)
    uv run python benchmarks/demo_paraphrases.py --wrong    # also list every wrong answer
    uv run python benchmarks/demo_paraphrases.py --json     # the counts as JSON

`benchmarks/data/demo-paraphrases.json` holds paraphrases of the demo templates with other values and relative
periods, plus negatives no template can answer. The demo database is built with today pinned (its dates are relative
to today), indexed in a temporary folder (Milvus Lite, the bundled embeddings, no LLM), and each question is asked.

- a paraphrase is **right** when Phase 1 answers and its rows equal those of the expected SQL (run on the same
  database), **wrong** when Phase 1 answers other rows, **refused** when Phase 1 does not answer;
- a negative is **refused** when Phase 1 does not answer (what it must do) and **wrong** when it answers.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data" / "demo-paraphrases.json"


def _rows(database: Path, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(database) as conn:
        return [tuple(row) for row in conn.execute(sql).fetchall()]


def _same_rows(got: list[list[Any]], expected: list[tuple[Any, ...]], ordered: bool) -> bool:
    mine = [tuple(row) for row in got]
    return mine == expected if ordered else sorted(map(repr, mine)) == sorted(map(repr, expected))


def run(data_path: Path, today: str | None) -> tuple[Counter[str], list[dict[str, Any]]]:
    from text2sql_agent import Text2SQLAgent
    from text2sql_agent.demo.runner import prepare_demo
    from text2sql_core.clock import pinned_today
    from text2sql_core.settings import UnifiedSettings

    data = json.loads(data_path.read_text(encoding="utf-8"))
    counts: Counter[str] = Counter()
    wrong: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as folder, pinned_today(today or data["today"], process_wide=True):
        base = UnifiedSettings(_env_file=None, data_dir=Path(folder), milvus={"uri": str(Path(folder) / "m.db")},
                               agent={"checkpoint_path": str(Path(folder) / "checkpoints.sqlite")})
        settings, _ = prepare_demo(base, rebuild=True)
        database = Path(folder) / "demo.db"
        agent = Text2SQLAgent(settings)
        for n, item in enumerate(data["items"]):
            answer = agent.ask(item["question"], thread_id=f"paraphrase-{n}", execute=True)
            answered = answer.phase == "phase1"
            negative = item["template_id"] is None
            if negative:
                verdict = "wrong" if answered else "refused"
                kind = "negative"
            else:
                kind = "paraphrase"
                expected = _rows(database, item["expected_sql"])
                ordered = "order by" in item["expected_sql"].lower()
                verdict = "refused" if not answered else (
                    "right" if _same_rows(answer.rows, expected, ordered) else "wrong")
            counts[f"{kind}_{verdict}"] += 1
            counts[f"{item['language']}_{kind}_{verdict}"] += 1
            if verdict == "refused" and not negative:
                reason = answer.phase1.reason if answer.phase1 else "no decision"
                counts["why: " + reason.split(":")[0].split(" is below")[0][:60]] += 1
                if answer.phase1 is not None and "below the threshold" in reason:
                    counts["why: below threshold, right template"] += answer.phase1.template_id == item["template_id"]
            if verdict == "wrong":
                wrong.append({"question": item["question"], "expected": item.get("template"),
                              "answered_with": answer.template_id, "sql": answer.sql_inlined,
                              "confidence": answer.confidence})
    return counts, wrong


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--today", help="YYYY-MM-DD (default: the file's `today`)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--wrong", action="store_true", help="list the wrong answers")
    args = parser.parse_args()
    counts, wrong = run(args.data, args.today)
    if args.json:
        print(json.dumps({"counts": dict(sorted(counts.items())), "wrong": wrong}, ensure_ascii=False, indent=2))
        return 0
    paraphrases = sum(v for k, v in counts.items() if k.startswith("paraphrase_"))
    negatives = sum(v for k, v in counts.items() if k.startswith("negative_"))
    print(f"paraphrases ({paraphrases}): right {counts['paraphrase_right']}, wrong {counts['paraphrase_wrong']}, "
          f"refused {counts['paraphrase_refused']}")
    for language in ("ko", "en"):
        print(f"  {language}: right {counts[f'{language}_paraphrase_right']}, "
              f"wrong {counts[f'{language}_paraphrase_wrong']}, refused {counts[f'{language}_paraphrase_refused']}")
    print(f"negatives ({negatives}): refused {counts['negative_refused']}, answered (wrong) {counts['negative_wrong']}")
    for key, value in sorted(counts.items()):
        if key.startswith("why: "):
            print(f"  refused {key}: {value}")
    if args.wrong:
        for row in wrong:
            print(json.dumps(row, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
