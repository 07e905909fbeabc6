"""Phase 1 without an LLM: rerank, fill the best template from the question, score the answer."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from text2sql_agent.filling.binder import FillResult, fill_template
from text2sql_agent.phase1.confidence import Calibration, ConfidenceFeatures
from text2sql_agent.phase1.rerank import Ranked, rerank
from text2sql_core.models import SQLTemplateSearch

__all__ = ["Phase1Candidate", "choose_deterministically"]


@dataclass
class Phase1Candidate:
    template: SQLTemplateSearch
    values: dict[str, Any]
    fill: FillResult
    features: ConfidenceFeatures
    confidence: float
    ranked: list[Ranked] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return self.fill.complete


def features_for(ranked: list[Ranked], fill: FillResult) -> ConfidenceFeatures:
    top = ranked[0]
    runner_up = ranked[1].score if len(ranked) > 1 else top.score - 0.1
    bound = sum(1 for m in fill.methods.values() if m != "constant")
    return ConfidenceFeatures(cosine=top.cosine, margin=top.score - runner_up, cues=top.cues,
                              fill_quality=fill.quality if fill.complete else 0.0, bound_values=bound)


def choose_deterministically(question: str, candidates: list[SQLTemplateSearch], calibration: Calibration,
                             today: date | None = None) -> Phase1Candidate | None:
    if not candidates:
        return None
    ranked = rerank(question, candidates)
    best = ranked[0].template
    fill = fill_template(best, question, today)
    features = features_for(ranked, fill)
    confidence = calibration.probability(features) if fill.complete else 0.0
    return Phase1Candidate(best, fill.values, fill, features, confidence, ranked)
