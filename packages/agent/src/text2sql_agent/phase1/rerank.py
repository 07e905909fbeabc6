"""Rerank retrieved templates: the question–template cosine, plus structure cues and identifier overlap.

Milvus's fused score mixes two scales (cosine mapped to (1+cos)/2, BM25 through arctan); reranking on the
cosine itself keeps BM25's contribution to recall while ordering by meaning and by what the SQL does."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlglot import exp

from text2sql_agent.phase1.cues import cue_agreement
from text2sql_core.models import SQLTemplateSearch
from text2sql_core.sqltext import parse_one
from text2sql_pipeline import bm25_text

__all__ = ["Ranked", "rerank"]

CUE_WEIGHT = 0.015
OVERLAP_WEIGHT = 0.02
WORDS_WEIGHT = 0.02
_SPLIT = re.compile(r"[_\W]+", re.UNICODE)


@dataclass
class Ranked:
    template: SQLTemplateSearch
    score: float
    cosine: float
    cues: float
    overlap: float
    words: float = 0.0


def _words(text: str) -> set[str]:
    return {w.rstrip("s") for w in _SPLIT.split(text.lower()) if len(w) > 1}


def identifier_overlap(question: str, template: SQLTemplateSearch) -> float:
    """Share of the template's column-name words that the question mentions (singular/plural folded)."""
    try:
        tree = parse_one(template.normalized_text, template.dialect)
    except Exception:
        return 0.0
    words: set[str] = set()
    for column in tree.find_all(exp.Column):
        words |= _words(column.name)
    return len(words & _words(question)) / len(words) if words else 0.0


def word_overlap(question: str, template: SQLTemplateSearch) -> float:
    """Jaccard overlap of content words (morphemes for Korean) with the closest example question/description."""
    asked = set(bm25_text(question).split())
    texts = [template.example_question, template.description, *template.questions]
    best = 0.0
    for text in filter(None, texts):
        words = set(bm25_text(text).split())
        if asked and words:
            best = max(best, len(asked & words) / len(asked | words))
    return best


def rerank(question: str, candidates: list[SQLTemplateSearch]) -> list[Ranked]:
    ranked = []
    for template in candidates:
        cosine = template.cosine
        cues = cue_agreement(question, template.normalized_text, template.dialect)
        overlap = identifier_overlap(question, template)
        words = word_overlap(question, template)
        score = cosine + CUE_WEIGHT * cues + OVERLAP_WEIGHT * overlap + WORDS_WEIGHT * words
        ranked.append(Ranked(template, score, cosine, cues, overlap, words))
    return sorted(ranked, key=lambda r: r.score, reverse=True)
