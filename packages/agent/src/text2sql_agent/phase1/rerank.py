"""Rerank retrieved templates: the question–template cosine, plus structure cues and identifier overlap.

Milvus's fused score mixes two scales (cosine mapped to (1+cos)/2, BM25 through arctan); reranking on the
cosine itself keeps BM25's contribution to recall while ordering by meaning and by what the SQL does.
Identifier overlap reads the schema's words in every language it speaks (`SchemaVocabulary`): "직원 이름과 급여"
names `name` and `salary` through the data dictionary, as "employee names and salaries" does through the names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlglot import exp

from text2sql_agent.phase1.cues import cue_agreement
from text2sql_agent.phase1.vocabulary import SchemaVocabulary
from text2sql_core.models import SQLTemplateSearch
from text2sql_core.sqltext import parse_one
from text2sql_core.text.tokens import content_terms

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


def identifier_overlap(question: str, template: SQLTemplateSearch,
                       mentioned: frozenset[tuple[str, str]] = frozenset()) -> float:
    """Share of the template's column-name words that the question mentions (singular/plural folded): by the
    word itself, or because the question names the column in other words (`mentioned`: (table, column) pairs the
    vocabulary found, lower-cased)."""
    try:
        tree = parse_one(template.normalized_text, template.dialect)
    except Exception:
        return 0.0
    tables = {t.lower() for t in template.tables}
    named = {column for table, column in mentioned if table in tables}
    asked = _words(question)
    words: set[str] = set()
    hit: set[str] = set()
    for column in tree.find_all(exp.Column):
        own = _words(column.name)
        words |= own
        hit |= own if column.name.lower() in named else own & asked
    return len(hit) / len(words) if words else 0.0


def word_overlap(question: str, template: SQLTemplateSearch) -> float:
    """Jaccard overlap of content words (morphemes for Korean) with the closest example question/description."""
    asked = set(content_terms(question))
    texts = [template.example_question, template.description, *template.questions]
    best = 0.0
    for text in filter(None, texts):
        words = set(content_terms(text))
        if asked and words:
            best = max(best, len(asked & words) / len(asked | words))
    return best


def rerank(question: str, candidates: list[SQLTemplateSearch],
           vocabulary: SchemaVocabulary | None = None) -> list[Ranked]:
    """Candidates best first. `vocabulary` (the datasource's schema words) lets a Korean question's column words
    count as English ones do; without it only the column names themselves are compared."""
    mentioned = frozenset(
        (m.table.lower(), m.column.lower()) for m in vocabulary.columns_mentioned(question)
    ) if vocabulary is not None else frozenset()
    ranked = []
    for template in candidates:
        cosine = template.cosine
        cues = cue_agreement(question, template.normalized_text, template.dialect)
        overlap = identifier_overlap(question, template, mentioned)
        words = word_overlap(question, template)
        score = cosine + CUE_WEIGHT * cues + OVERLAP_WEIGHT * overlap + WORDS_WEIGHT * words
        ranked.append(Ranked(template, score, cosine, cues, overlap, words))
    return sorted(ranked, key=lambda r: r.score, reverse=True)
