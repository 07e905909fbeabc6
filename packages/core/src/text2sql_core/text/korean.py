"""The one Korean analyser of the process: Kiwi (kiwipiepy), loaded lazily once and shared by every reader.

Indexing (BM25 text), retrieval, value lookup, slot filling and structure cues all see the same morphemes for the
same text, because they all come through `analyse`. Kiwi takes about a second and real memory to load, so it is
built on first use under a lock; its instances are not documented as thread-safe, so calls are serialised too.
Results are cached by text: the same question is analysed several times per turn (cues, rerank, filling).
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

__all__ = [
    "HANGUL",
    "Morpheme",
    "analyse",
    "analyse_korean",
    "has_hangul",
    "is_content_tag",
    "is_particle_or_ending",
    "kiwi",
    "strip_particles",
]

# Hangul syllables and compatibility jamo ("ㅋㅋ", "ㄱ"): one definition for every "is this Korean?" question.
HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")

# Content morphemes: nouns, numerals, pronouns, verb/adjective stems, determiners, adverbs, roots, foreign words,
# numbers, hanja, and noun-forming suffixes (부서 + 별, 직원 + 들) — what a question means, not how it is said.
_CONTENT_PREFIXES = ("NN", "NR", "NP", "VV", "VA", "VX", "MM", "MAG", "XR", "SL", "SN", "SH", "W_", "XSN", "XPN")
# Particles (J…), endings (E…), the copula 이다 (VCP) and punctuation/symbols (S… but not SL/SN/SH).
_GRAMMAR_PREFIXES = ("J", "E", "VCP", "VCN", "SF", "SP", "SS", "SE", "SO", "SW", "Z")

_load_lock = threading.Lock()
_call_lock = threading.Lock()
_kiwi: Any = None


@dataclass(frozen=True)
class Morpheme:
    """One morpheme: its base form (`보이` for 보여), Kiwi's part of speech, and its span in the analysed text."""

    form: str
    tag: str
    start: int
    end: int

    @property
    def len(self) -> int:  # the name kiwipiepy's tokens use, kept so older readers keep working
        return self.end - self.start


def kiwi() -> Any:
    """The process's Kiwi instance, built on first use (double-checked, so two threads never build two)."""
    global _kiwi
    if _kiwi is None:
        with _load_lock:
            if _kiwi is None:
                from kiwipiepy import Kiwi

                _kiwi = Kiwi()
    return _kiwi


def has_hangul(text: str) -> bool:
    """True when `text` holds any Hangul: the one test for "answer this user in Korean"."""
    return bool(HANGUL.search(text or ""))


@lru_cache(maxsize=8192)
def analyse(text: str) -> tuple[Morpheme, ...]:
    """Kiwi's morphemes of `text`, with spans into `text` itself (so callers can cut the surface words)."""
    if not text or not text.strip():
        return ()
    analyser = kiwi()
    with _call_lock:
        raw = list(analyser.tokenize(text))
    return tuple(Morpheme(t.form, t.tag, t.start, t.start + t.len) for t in raw)


def analyse_korean(text: str) -> list[Morpheme]:
    """`analyse` as a list: the name the pipeline and the agent used before the language layer moved to core."""
    return list(analyse(text))


def is_content_tag(tag: str) -> bool:
    return tag.startswith(_CONTENT_PREFIXES)


def is_particle_or_ending(tag: str) -> bool:
    return tag.startswith(_GRAMMAR_PREFIXES)


@lru_cache(maxsize=8192)
def strip_particles(word: str) -> str:
    """`word` without the particles, endings and copula that trail it: "서울에서" → "서울", "영업팀의" → "영업팀",
    "홍길동이다" → "홍길동". Words with no Hangul, and words that would become empty, come back unchanged."""
    text = word.strip()
    if not has_hangul(text):
        return text
    morphemes = analyse(text)
    end = len(morphemes)
    while end > 0 and is_particle_or_ending(morphemes[end - 1].tag):
        end -= 1
    if end == 0 or end == len(morphemes):
        return text
    return text[: morphemes[end - 1].end].strip()
