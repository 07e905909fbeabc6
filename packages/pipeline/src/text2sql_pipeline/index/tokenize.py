"""Text for the BM25 field: Korean split into morphemes (kiwipiepy), the same way at index and query time.

Milvus Lite's analyzers only split on word boundaries, so "직원수를" would never match "직원". Kiwi splits it into
직원/NNG 수/NNG 를/JKO; particles, endings and punctuation are dropped and content morphemes kept. Latin words are
lower-cased, so the standard analyzer on the Milvus side sees plain space-separated terms.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

__all__ = ["analyse_korean", "bm25_text"]

# Content morphemes: nouns, verb/adjective stems, adverbs, determiners, roots, foreign words, numbers, hanja.
_KEEP_PREFIXES = ("NN", "NR", "NP", "VV", "VA", "VX", "MM", "MAG", "XR", "SL", "SN", "SH", "W_", "XSN")
_SPLIT_IDENTIFIER = re.compile(r"[_\W]+", re.UNICODE)
# English function words carry no meaning for template matching and only add BM25 noise.
_ENGLISH_STOPWORDS = frozenset(
    """
    a an the of in on at to for by with from into and or but is are was were be been being do does did
    what which who whom whose that this these those it its as me my i we our you your show give list
    tell find display please can could would will shall there their them they he she his her has have
    had than then also any about over under
    """.split()
)

_lock = threading.Lock()


@lru_cache(maxsize=1)
def _kiwi():  # loaded lazily and once per process: the model takes ~1 s and real memory
    from kiwipiepy import Kiwi

    return Kiwi()


def analyse_korean(text: str) -> list:
    """Kiwi's morphemes (form, tag, start, len) — the one analyser for BM25 text and question alignment."""
    with _lock:  # Kiwi instances are not documented as thread-safe
        return list(_kiwi().tokenize(text))


def _tokens(text: str) -> list[str]:
    words = []
    for token in analyse_korean(text):
        if token.tag.startswith(_KEEP_PREFIXES):
            words.extend(w for w in _SPLIT_IDENTIFIER.split(token.form.lower()) if w and w not in _ENGLISH_STOPWORDS)
    return words


@lru_cache(maxsize=4096)
def bm25_text(text: str) -> str:
    """Space-separated terms for Milvus's BM25 analyzer; identifiers like order_date split into order date."""
    if not text or not text.strip():
        return ""
    return " ".join(_tokens(text))
