"""Structure cues, reranking and the calibrated confidence."""

from __future__ import annotations

import random

from text2sql_agent.phase1.confidence import FEATURE_SCHEMA, FEATURES, Calibration, ConfidenceFeatures, fit_calibration
from text2sql_agent.phase1.cues import cue_agreement, question_cues, sql_features
from text2sql_agent.phase1.rerank import rerank
from text2sql_core.models import SQLTemplateSearch


def candidate(sql: str, description: str, cosine: float) -> SQLTemplateSearch:
    return SQLTemplateSearch(id=description, sql_text=sql, normalized_text=sql, template_hash="h", dialect="sqlite",
                             description=description, example_question=description, dense_score=cosine)


def test_cues_in_both_languages() -> None:
    assert {"count", "group"} <= question_cues("부서별 직원 수를 알려줘")
    assert {"count", "group"} <= question_cues("How many singers are from each country?")
    assert {"avg"} <= question_cues("평균 급여")
    assert sql_features("SELECT country, COUNT(*) FROM singer GROUP BY country") == {"count", "group"}
    assert "limit" in sql_features("SELECT name FROM t ORDER BY x DESC LIMIT 3")


def test_structure_breaks_a_near_tie() -> None:
    plain = candidate("SELECT COUNT(*) FROM singer", "How many singers do we have?", 0.947)
    grouped = candidate("SELECT country, COUNT(*) FROM singer GROUP BY country", "Singers per country", 0.944)
    ranked = rerank("How many singers are from each country?", [plain, grouped])
    assert ranked[0].template is grouped
    assert cue_agreement("How many singers do we have?", plain.sql_text) > \
        cue_agreement("How many singers do we have?", grouped.sql_text)


def test_fit_calibration_separates_and_round_trips(tmp_path) -> None:
    rng = random.Random(0)
    rows, labels = [], []
    for _ in range(400):
        good = rng.random() < 0.5
        rows.append(ConfidenceFeatures(cosine=rng.gauss(0.93 if good else 0.88, 0.02),
                                       margin=abs(rng.gauss(0.04 if good else 0.01, 0.01)),
                                       cues=rng.choice([0, 1, 2]) if good else rng.choice([-1, 0]),
                                       fill_quality=1.0 if good else rng.choice([0.0, 0.9]), bound_values=1))
        labels.append(good)
    calibration = fit_calibration(rows, labels)
    right = [calibration.probability(r) for r, y in zip(rows, labels, strict=True) if y]
    wrong = [calibration.probability(r) for r, y in zip(rows, labels, strict=True) if not y]
    assert sum(right) / len(right) > 0.8 > 0.2 > sum(wrong) / len(wrong)
    path = tmp_path / "cal.json"
    calibration.save(path)
    assert Calibration.load(path).probability(rows[0]) == calibration.probability(rows[0])


def test_shipped_calibration_loads() -> None:
    calibration = Calibration.load()
    assert len(calibration.weights) == len(FEATURES) and calibration.fitted_on
    assert calibration.feature_schema == FEATURE_SCHEMA and calibration.features == list(FEATURES)


def test_a_compared_count_asks_for_having_not_for_or() -> None:
    having = "SELECT grade FROM highschooler GROUP BY grade HAVING COUNT(*) >= 4"
    either = "SELECT COUNT(*) FROM highschooler WHERE grade = 9 OR grade = 10"
    assert "having" in sql_features(having) and "count" not in sql_features(having)
    for question in ("Which grades have 6 or more high schoolers?", "고등학생이 6명 이상인 학년은?"):
        assert "having" in question_cues(question) and "either" not in question_cues(question)
        assert cue_agreement(question, having) > cue_agreement(question, either)
    assert "either" in question_cues("How many high schoolers are in grade 9 or 10?")


def test_a_count_in_the_select_still_wants_a_count_cue() -> None:
    sql = "SELECT name, COUNT(*) FROM t GROUP BY name HAVING COUNT(*) > 3"
    assert {"count", "group", "having"} <= sql_features(sql)


def test_ordering_without_a_direction_fits_either_direction() -> None:
    sql = "SELECT title FROM cartoon ORDER BY title"
    assert cue_agreement("List the titles of all cartoons in alphabetical order.", sql) == 1.0
    assert cue_agreement("직원 목록을 이름순으로 보여줘", "SELECT name FROM employees ORDER BY name") == 1.0
    assert cue_agreement("List the titles of all cartoons.", sql) == -1.0
