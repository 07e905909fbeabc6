"""`text2sql eval spider`: build the library through the pipeline, answer every query, write results and metrics.

    DIR/results.jsonl  one line per query: question, db_id, gold_sql, in_library, retrieved (top-5 SQL),
                       decision ("phase1" | "fallback"), sql (values inlined, or null), latency_ms
    DIR/metrics.json   hit_at_1, hit_at_5, mrr, phase1_coverage, phase1_precision, false_accept_rate, latency

Several question files (English and Korean: `benchmarks/data/spider-ko/questions-ko.json`) are run one after the
other, each in DIR/<file stem>/ with its own library, by `run_spider_evals`; the calibration is fitted on all their
decisions together (`fit_from_run`), with a held-out check: fit on half the databases, score the other half.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlglot

from text2sql_agent.agent import Text2SQLAgent
from text2sql_agent.contracts import Phase1Decision
from text2sql_agent.evaluation.metrics import compute_metrics
from text2sql_agent.evaluation.protocol import EvalQuery, canonical, split_questions
from text2sql_agent.phase1.confidence import Calibration, ConfidenceFeatures, fit_calibration
from text2sql_core.models import SQLTemplateCreate
from text2sql_core.schema import create_sqlite_database, load_spider_schemas
from text2sql_core.settings import DatasourceSettings, UnifiedSettings
from text2sql_pipeline import IngestItem, index_rows, template_store

__all__ = ["EvalRun", "fit_from_run", "run_spider_eval", "run_spider_evals"]

THRESHOLD = 0.75


@dataclass
class EvalRun:
    metrics: dict[str, Any]
    rows: list[dict[str, Any]]
    features: list[tuple[ConfidenceFeatures, bool, str]]


def _settings(out: Path, db_ids: list[str], base: UnifiedSettings | None, use_llm: bool) -> UnifiedSettings:
    base = base or UnifiedSettings()
    datasources = {db: DatasourceSettings(oltp_url=f"sqlite:///{(out / 'dbs' / f'{db}.sqlite').as_posix()}")
                   for db in db_ids}
    return base.model_copy(update={
        "datasources": datasources,
        "milvus": base.milvus.model_copy(update={"uri": str(out / "milvus.db"), "host": None,
                                                 "templates_collection": "spider_templates"}),
        "llm": base.llm if use_llm else base.llm.model_copy(update={"base_url": None}),
        "agent": base.agent.model_copy(update={"checkpoint_path": str(out / "checkpoints.sqlite")}),
    })


def _library_rows(library: list[dict]) -> list[IngestItem]:
    return [
        IngestItem(SQLTemplateCreate(sql_text=sqlglot.transpile(q["query"], read="mysql", write="sqlite")[0],
                                     description=q["question"], datasource=q["db_id"], dialect="sqlite"),
                   f"library#{i}")
        for i, q in enumerate(library)
    ]


def _answer(agent: Text2SQLAgent, query: EvalQuery) -> tuple[dict[str, Any], Phase1Decision | None]:
    started = time.perf_counter()
    answer = agent.ask(query.question, datasource=query.db_id, execute=False)
    latency = (time.perf_counter() - started) * 1000
    accepted = answer.phase == "phase1"
    row = {"question": query.question, "db_id": query.db_id, "gold_sql": query.gold_sql,
           "in_library": query.in_library, "retrieved": answer.retrieved,
           "decision": "phase1" if accepted else "fallback", "sql": answer.sql_inlined if accepted else None,
           "latency_ms": round(latency, 2)}
    return row, answer.phase1


def run_spider_eval(questions_path: Path, tables_path: Path, out: Path, use_llm: bool = False,
                    settings: UnifiedSettings | None = None, calibration: Calibration | None = None,
                    progress: Any = None) -> EvalRun:
    out.mkdir(parents=True, exist_ok=True)
    questions = json.loads(Path(questions_path).read_text(encoding="utf-8"))
    schemas = load_spider_schemas(tables_path)
    for db_id, tables in schemas.items():
        create_sqlite_database(tables, out / "dbs" / f"{db_id}.sqlite")
    split = split_questions(questions)
    cfg = _settings(out, list(schemas), settings, use_llm)
    store = template_store(cfg)
    summary = index_rows(_library_rows(split.library), store, drop=True)
    agent = Text2SQLAgent(cfg, llm=_llm(cfg) if use_llm else None, calibration=calibration)
    rows, features = [], []
    for index, query in enumerate(split.queries):
        row, decision = _answer(agent, query)
        rows.append(row)
        # A decision refused for leftovers never reaches the confidence gate: it says nothing about the calibration.
        if decision is not None and not decision.leftovers:
            inlined = decision.sql_inlined
            right = query.in_library and bool(inlined) and \
                canonical(inlined, "sqlite") == canonical(query.gold_sql, "mysql")
            features.append((decision.features, right, query.db_id))
        if progress:
            progress(index + 1, len(split.queries))
    keys = {(q.db_id, q.question): q.key for q in split.queries}
    metrics = compute_metrics(rows, keys) | {"library_templates": summary.templates, "llm": use_llm}
    with (out / "results.jsonl").open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
    return EvalRun(metrics, rows, features)


def run_spider_evals(question_paths: list[Path], tables_path: Path, out: Path, use_llm: bool = False,
                     settings: UnifiedSettings | None = None, calibration: Calibration | None = None,
                     progress: Any = None) -> EvalRun:
    """`run_spider_eval` on each file (in OUT/<stem>/ when there are several); metrics per file, features pooled."""
    if len(question_paths) == 1:
        return run_spider_eval(question_paths[0], tables_path, out, use_llm, settings, calibration, progress)
    metrics: dict[str, Any] = {}
    rows: list[dict[str, Any]] = []
    features: list[tuple[ConfidenceFeatures, bool, str]] = []
    for path in question_paths:
        run = run_spider_eval(path, tables_path, out / Path(path).stem, use_llm, settings, calibration, progress)
        metrics[Path(path).stem] = run.metrics
        rows += run.rows
        features += run.features
    out.mkdir(parents=True, exist_ok=True)
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
    return EvalRun(metrics, rows, features)


def _llm(cfg: UnifiedSettings) -> Any:
    from text2sql_core.llm import create_llm_with_retry

    return create_llm_with_retry(cfg)


def fit_from_run(run: EvalRun, fitted_on: str) -> tuple[Calibration, dict[str, float]]:
    """Fit on every decision of the run; also report a leave-databases-out check (fit on half the databases,
    score the other half, and the other way round) so that the numbers are not only in-sample: how many are
    accepted at the threshold and how many of those are right. The check is kept in the calibration file."""
    rows = [f for f, _, _ in run.features]
    labels = [label for _, label, _ in run.features]
    calibration = fit_calibration(rows, labels, fitted_on=fitted_on)
    databases = sorted({db for _, _, db in run.features})
    halves = [set(databases[0::2]), set(databases[1::2])]
    check: dict[str, float] = {}
    accepted_all = right_all = 0
    for n, held in enumerate(halves):
        train = [(f, y) for f, y, db in run.features if db not in held]
        test = [(f, y) for f, y, db in run.features if db in held]
        if not train or len({y for _, y in train}) < 2:
            continue
        part = fit_calibration([f for f, _ in train], [y for _, y in train])
        accepted = [(f, y) for f, y in test if part.probability(f) >= THRESHOLD and f.fill_quality > 0]
        check[f"half{n}_accepted"] = len(accepted)
        check[f"half{n}_precision"] = round(sum(y for _, y in accepted) / max(len(accepted), 1), 4)
        accepted_all += len(accepted)
        right_all += sum(y for _, y in accepted)
    check["held_out_accepted"] = accepted_all
    check["held_out_precision_at_0.75"] = round(right_all / max(accepted_all, 1), 4)
    check["decisions"] = len(rows)
    calibration.held_out = dict(check)
    return calibration, check
