"""The calibration refit: pooled decisions, a held-out check by database halves kept in the file."""

from __future__ import annotations

import random
from pathlib import Path

from text2sql_agent.evaluation import spider
from text2sql_agent.evaluation.spider import EvalRun, fit_from_run, run_spider_evals
from text2sql_agent.phase1.confidence import FEATURE_SCHEMA, Calibration, ConfidenceFeatures


def _features(rng: random.Random, good: bool) -> ConfidenceFeatures:
    return ConfidenceFeatures(cosine=rng.gauss(0.93 if good else 0.86, 0.02), margin=abs(rng.gauss(0.05, 0.02)),
                              cues=1.0 if good else rng.choice([-1.0, 0.0]), fill_quality=1.0 if good else 0.7,
                              bound_values=1, grounded=1.0 if good else rng.choice([0.0, 1.0]),
                              unknown_values=0 if good else rng.choice([0, 1]))


def test_the_held_out_check_is_reported_and_saved(tmp_path: Path) -> None:
    rng = random.Random(7)
    rows = [(_features(rng, good), good, f"db{i % 6}") for i, good in enumerate(rng.random() < 0.6 for _ in range(300))]
    calibration, check = fit_from_run(EvalRun({}, [], rows), fitted_on="a.json + b.json")
    assert check["decisions"] == 300 and check["held_out_accepted"] > 0
    assert check["held_out_precision_at_0.75"] > 0.9  # separable data: what the halves accept is right
    calibration.save(tmp_path / "c.json")
    loaded = Calibration.load(tmp_path / "c.json")
    assert loaded.feature_schema == FEATURE_SCHEMA and loaded.held_out == check
    assert loaded.fitted_on == "a.json + b.json"


def test_several_question_files_run_in_folders_of_their_own_and_pool_features(tmp_path: Path, monkeypatch) -> None:
    seen: list[tuple[Path, Path]] = []
    rng = random.Random(1)

    def fake_run(path, tables, out, *args, **kwargs) -> EvalRun:  # the single-file run is tested on Spider itself
        seen.append((Path(path), Path(out)))
        return EvalRun({"queries": 1}, [{"question": str(path)}], [(_features(rng, True), True, "db")])

    monkeypatch.setattr(spider, "run_spider_eval", fake_run)
    run = run_spider_evals([Path("questions.json"), Path("questions-ko.json")], Path("t.json"), tmp_path)
    assert [out.name for _, out in seen] == ["questions", "questions-ko"]
    assert set(run.metrics) == {"questions", "questions-ko"} and len(run.features) == 2
    assert (tmp_path / "metrics.json").exists()
