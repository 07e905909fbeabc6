"""Phase 1 confidence: a logistic model over a few retrieval and binding features, fitted on labelled data.

The probability that a Phase 1 answer is right, from: the question–template cosine, the reranked margin over the
runner-up, how well the SQL's structure matches the question's cues, how surely every value was read off the
question, and how many values had to be. `text2sql eval spider --fit-calibration FILE` refits it; the shipped
weights come from that command on the Spider dev set (docs/evaluation.md)."""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

__all__ = ["FEATURES", "Calibration", "ConfidenceFeatures", "fit_calibration"]

FEATURES = ("cosine", "margin", "cues", "fill_quality", "bound_values")
DEFAULT_PATH = Path(__file__).with_name("calibration.json")


@dataclass
class ConfidenceFeatures:
    cosine: float
    margin: float
    cues: float
    fill_quality: float
    bound_values: int

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

    @classmethod
    def load(cls, path: str | Path | None = None) -> Calibration:
        data = json.loads(Path(path or DEFAULT_PATH).read_text(encoding="utf-8"))
        return cls(**data)

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
