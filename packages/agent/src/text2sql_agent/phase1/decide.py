"""Phase 1 without an LLM: rerank, fill the best template from the question, score the answer."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings

from text2sql_agent.filling.binder import FillResult, fill_template
from text2sql_agent.filling.constraints import Leftover, account_constraints
from text2sql_agent.filling.values import ValueEvidence
from text2sql_agent.phase1.confidence import Calibration, ConfidenceFeatures
from text2sql_agent.phase1.rerank import Ranked, rerank
from text2sql_core.models import SQLTemplateSearch
from text2sql_pipeline.index.masking import MASK

__all__ = ["Phase1Candidate", "choose_deterministically"]

# How many of the best reranked templates are filled in turn when the best cannot say all the question states.
_ALTERNATIVES = 3


@dataclass
class Phase1Candidate:
    template: SQLTemplateSearch
    values: dict[str, Any]
    fill: FillResult
    features: ConfidenceFeatures
    confidence: float
    ranked: list[Ranked] = field(default_factory=list)
    # What the question says that the template cannot (a period, a value, a number, …): Phase 1 must not answer.
    leftovers: list[Leftover] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return self.fill.complete


def features_for(ranked: list[Ranked], fill: FillResult, cosine: float | None = None) -> ConfidenceFeatures:
    top = ranked[0]
    runner_up = ranked[1].score if len(ranked) > 1 else top.score - 0.1
    bound = sum(1 for m in fill.methods.values() if m != "constant")
    return ConfidenceFeatures(cosine=top.cosine if cosine is None else cosine, margin=top.score - runner_up,
                              cues=top.cues, fill_quality=fill.quality if fill.complete else 0.0, bound_values=bound,
                              grounded=fill.grounded_share, unknown_values=len(fill.unknown))


def value_masked_cosine(question: str, template: SQLTemplateSearch, fill: FillResult,
                        embeddings: Embeddings) -> float | None:
    """Once values are bound we know which words of the question were values (in any language): mask those and
    compare with the template's masked text — the vector the index stored for it (`masked_vector`), never
    embedded again — instead of guessing values by their look."""
    bound = [str(v).strip("%") for k, v in fill.values.items() if fill.methods.get(k) != "constant" and v is not None]
    if not bound or template.dense_score is None or not template.masked_vector:
        return None
    masked = question
    for value in sorted(bound, key=len, reverse=True):
        masked = re.sub(re.escape(value), MASK, masked, flags=re.IGNORECASE)
    if masked == question:
        return None
    query = np.asarray(embeddings.embed_query(masked))
    text = np.asarray(template.masked_vector)
    norm = float(np.linalg.norm(query) * np.linalg.norm(text))
    if not norm:
        return None
    return (template.dense_score + float(query @ text) / norm) / 2


def choose_deterministically(question: str, candidates: list[SQLTemplateSearch], calibration: Calibration,
                             today: date | None = None, embeddings: Embeddings | None = None,
                             evidence: ValueEvidence | None = None, vocabulary: Any | None = None
                             ) -> Phase1Candidate | None:
    """Fill the best reranked template and account for every constraint of the question (`leftovers`)."""
    if not candidates:
        return None
    ranked = rerank(question, candidates, vocabulary=vocabulary)
    # The best template that says everything the question states wins over a closer one that cannot (a month
    # the all-time template would drop) — only if it reads every column the closer one reads, i.e. it is the same
    # question with more conditions, not another question that happens to have a slot for the leftover. Its lower
    # rank shows in the margin feature, so the confidence pays for it.
    tried = []
    top_columns = {c.lower() for c in ranked[0].template.columns}
    for position, entry in enumerate(ranked[:_ALTERNATIVES]):
        if position and not top_columns <= {c.lower() for c in entry.template.columns}:
            continue
        fill = fill_template(entry.template, question, today, evidence)
        leftovers = account_constraints(question, entry.template, fill, evidence, vocabulary)
        tried.append((position, fill, leftovers))
        if fill.complete and not leftovers:
            break
    position, fill, leftovers = next(((p, f, lo) for p, f, lo in tried if f.complete and not lo), tried[0])
    order = [ranked[position], *[r for i, r in enumerate(ranked) if i != position]]
    best = order[0].template
    cosine = value_masked_cosine(question, best, fill, embeddings) if embeddings and fill.complete else None
    features = features_for(order, fill, cosine)
    confidence = calibration.probability(features) if fill.complete else 0.0
    return Phase1Candidate(best, fill.values, fill, features, confidence, order, leftovers)
