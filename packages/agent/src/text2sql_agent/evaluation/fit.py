"""Refit the Phase 1 calibration on several Spider-format question files at once (English and Korean):

    uv run python -m text2sql_agent.evaluation.fit \\
        --questions ../shared/data/spider-dev/questions.json \\
        --questions benchmarks/data/spider-ko/questions-ko.json \\
        --tables ../shared/data/spider-dev/tables.json --out /tmp/fit \\
        --write packages/agent/src/text2sql_agent/phase1/calibration.json

Prints each file's metrics and the held-out check (fit on half the databases, precision at 0.75 on the other half).
What `text2sql eval spider --fit-calibration` does for one file, for several."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from text2sql_agent.evaluation.spider import fit_from_run, run_spider_evals

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Refit the Phase 1 calibration on several question files.")
    parser.add_argument("--questions", type=Path, action="append", required=True)
    parser.add_argument("--tables", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--write", type=Path, required=True, help="where to write the calibration JSON")
    args = parser.parse_args(argv)
    run = run_spider_evals(args.questions, args.tables, args.out)
    calibration, check = fit_from_run(run, fitted_on=" + ".join(p.name for p in args.questions))
    calibration.save(args.write)
    print(json.dumps({"metrics": run.metrics, "held_out": check}, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
