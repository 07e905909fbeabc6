"""Text for the BM25 field: the language layer's `bm25_text` (`text2sql_core.text.tokens`).

Kept as the pipeline's name for it so index and retrieval code read `index.tokenize`; the analysis itself — Kiwi
morphemes, stopwords of both languages, identifiers split — lives once in core, shared with the agent, so the
index side and the question side can never drift apart.
"""

from __future__ import annotations

from text2sql_core.text.korean import analyse_korean
from text2sql_core.text.tokens import BM25_VERSION, bm25_text

__all__ = ["BM25_VERSION", "analyse_korean", "bm25_text"]
