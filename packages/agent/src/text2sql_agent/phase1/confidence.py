"""Phase 1 confidence: a logistic model over a few retrieval and binding features, fitted on labelled data.

The probability that a Phase 1 answer is right, from: the question–template cosine, the reranked margin over the
runner-up, how well the SQL's structure matches the question's cues, how surely every value was read off the
question, how many values had to be, the share of them the value index or the period parser read (grounded), and
how many values the value index says are not its column's. `text2sql eval spider --fit-calibration FILE` refits
it; the shipped weights come from that command on the Spider dev set, English and Korean (docs/evaluation.md).

The file records `feature_schema`, the version of `FEATURES`: weights fitted for other features would score
nonsense, so loading a file of another version is an error that says how to refit."""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

import numpy as np

from text2sql_core.errors import ConfigurationError

__all__ = ["FEATURES", "FEATURE_SCHEMA", "Calibration", "ConfidenceFeatures", "fit_calibration"]

FEATURES = ("cosine", "margin", "cues", "fill_quality", "bound_values", "grounded", "unknown_values")
# Bump whenever FEATURES or what a feature means changes; the shipped file must then be refitted.
FEATURE_SCHEMA = 2
DEFAULT_PATH = Path(__file__).with_name("calibration.json")


@dataclass
class ConfidenceFeatures:
    cosine: float
    margin: float
    cues: float
    fill_quality: float
    bound_values: int
    grounded: float = 1.0
    unknown_values: int = 0

    def vector(self) -> np.ndarray:
        return np.array([getattr(self, name) for name in FEATURES], dtype=np.float64)


@dataclass
class Calibration:
    # Features are centred and scaled before the weights apply, so the weights are comparable.
    mean: list[float]
    scale: list[float]
    weights: list[float]
    bias: float
    fitted_on: str = ""
    feature_schema: int = FEATURE_SCHEMA
    features: list[str] = field(default_factory=lambda: list(FEATURES))
    # Held-out precision at the threshold when it was fitted (fit on half the databases, scored on the rest).
    held_out: dict[str, float] = field(default_factory=dict)

    @classmethod
    def load(cls, path: str | Path | None = None) -> Calibration:
        where = Path(path or DEFAULT_PATH)
        try:
            data = json.loads(where.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            raise ConfigurationError(
                f"The Phase 1 calibration {where} cannot be read ({err.__class__.__name__}). Fix or remove "
                "TEXT2SQL_AGENT__CALIBRATION_PATH, or refit: `text2sql eval spider --fit-calibration FILE`. "
                f"/ Phase 1 보정 파일 {where}을(를) 읽을 수 없습니다. 경로를 고치거나 다시 맞추세요.",
                code="CALIBRATION_INVALID", context={"path": str(where)}) from None
        version = data.get("feature_schema", 1)
        if version != FEATURE_SCHEMA or list(data.get("features", FEATURES[:5])) != list(FEATURES):
            raise ConfigurationError(
                f"The Phase 1 calibration {where} was fitted for feature schema {version}; this version scores "
                f"schema {FEATURE_SCHEMA} ({', '.join(FEATURES)}). Refit it: `text2sql eval spider "
                "--fit-calibration benchmarks/data/spider-ko/questions-ko.json …` (or unset "
                "TEXT2SQL_AGENT__CALIBRATION_PATH to use the shipped one). / Phase 1 보정 파일의 특징 버전"
                f"({version})이 현재({FEATURE_SCHEMA})와 다릅니다. `text2sql eval spider --fit-calibration`으로 "
                "다시 맞추세요.",
                code="CALIBRATION_STALE", context={"path": str(where), "feature_schema": version})
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})

    def save(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps(asdict(self), indent=2) + "\n", encoding="utf-8")

    def probability(self, features: ConfidenceFeatures) -> float:
        x = (features.vector() - np.array(self.mean)) / np.array(self.scale)
        z = float(np.dot(self.weights, x) + self.bias)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def fit_calibration(rows: list[ConfidenceFeatures], labels: list[bool], l2: float = 1.0,
                    fitted_on: str = "") -> Calibration:
    """L2-regularised logistic regression by Newton's method (a few features, a few thousand rows)."""
    x = np.stack([r.vector() for r in rows])
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    z = np.hstack([(x - mean) / scale, np.ones((len(rows), 1))])
    y = np.array(labels, dtype=np.float64)
    w = np.zeros(z.shape[1])
    penalty = np.eye(z.shape[1]) * l2
    penalty[-1, -1] = 0.0  # the bias is not shrunk
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ w, -30, 30)))
        gradient = z.T @ (p - y) + penalty @ w
        hessian = (z.T * (p * (1 - p))) @ z + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return Calibration(mean=mean.tolist(), scale=scale.tolist(), weights=w[:-1].tolist(), bias=float(w[-1]),
                       fitted_on=fitted_on)
