"""The words of a question, each with the places a value may end in it: the whole word, or before its Korean
particles and endings (재무팀의 → 재무팀, 부산에서 → 부산, 골드 등급인 → 골드 등급).

A value only ever covers whole words from their start, so "무" is never found inside "총무팀". Kiwi (the one
morphological analyser, `text2sql_core.text.korean.analyse`, cached per text) finds the particles; a short closed list
of particles offers other cuts where Kiwi too sees something trailing (it splits unknown names oddly)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from text2sql_core.text.korean import Morpheme, analyse, is_particle_or_ending

__all__ = ["Word", "question_words"]

# Quotes, brackets and sentence punctuation separate words; . - _ & + # stay inside them (S.Korea, A-1, R&D).
_WORD = re.compile(r"[^\s'\"“”‘’`()\[\]{}<>「」『』【】〈〉《》,，?？!！;；:：~…·、。]+")
# Besides particles, endings, the copula and punctuation (`is_particle_or_ending`), a value may be followed inside its
# word by a verb/adjective-making suffix (XSV, XSA: 하다/되다).
_VERB_SUFFIXES = ("XSV", "XSA")
# What the morpheme right before a stripped particle must be for the rest to be a value: a noun-like form. "남은"
# is the verb 남다 + ending, never the value 남.
_VALUE_TAGS = ("NN", "NR", "NP", "SL", "SN", "SH", "XR", "XSN", "W_")
_PARTICLES = sorted(
    """에서부터 으로부터 에서는 에서도 에서의 으로는 으로의 으로도 이라는 이라고 에게서 까지의 부터의 이었던 이라면
    에서 에게 한테 까지 부터 으로 이나 이랑 처럼 보다 만큼 마다 이고 이며 인데 이다 이요 라는 라고 이면 에는 에도
    에만 으론 이란 란 의 에 로 은 는 이 가 을 를 와 과 도 만 랑 인 면""".split(),
    key=len, reverse=True,
)
_MIN_LIST_STEM = 2  # the closed list never strips a word down to one character
_LEXICAL_TAGS = ("NNG", "NNB", "NR", "NP", "VV", "VA", "VX", "MAG", "MAJ", "MM", "XR")


@dataclass
class Word:
    start: int
    end: int
    # Where a value may end inside the word, before particles/endings: nearest to the start last (all < end).
    stems: list[int] = field(default_factory=list)
    # Ends at which the word so far is one ordinary dictionary word (이하, 건, 고객): spelled right, so never a typo
    # of a value. Unknown words (Kiwi says NNP, or splits them) may be.
    lexical: set[int] = field(default_factory=set)
    # True when Kiwi sees particles or endings at the end of the word: only its stems can be a typo of a value.
    inflected: bool = False


def _list_stems(text: str, start: int, end: int, particles: bool) -> set[int]:
    surface = text[start:end]
    found = set()
    for particle in _PARTICLES if particles else ():
        if surface.endswith(particle) and len(surface) - len(particle) >= _MIN_LIST_STEM:
            found.add(end - len(particle))
    stripped = surface.rstrip(".")
    if stripped and len(stripped) < len(surface):
        found.add(start + len(stripped))
    return found


def _trailing(tag: str) -> bool:
    return is_particle_or_ending(tag) or tag.startswith(_VERB_SUFFIXES)


def _inside(tokens: tuple[Morpheme, ...], start: int, end: int) -> list[Morpheme]:
    return [t for t in tokens if start <= t.start and t.end <= end]


def _kiwi_stem(inside: list[Morpheme], start: int) -> int | None:
    inside = list(inside)
    cut = None
    while inside and _trailing(inside[-1].tag):
        cut = inside.pop().start
    if cut is None or not inside or cut <= start or not inside[-1].tag.startswith(_VALUE_TAGS):
        return None
    return cut


def question_words(question: str) -> list[Word]:
    """The question's words in order, each with its possible value ends (Kiwi's and the particle list's)."""
    words = [Word(m.start(), m.end()) for m in _WORD.finditer(question)]
    if not words:
        return words
    tokens = analyse(question) if not question.isascii() else ()
    for word in words:
        inside = _inside(tokens, word.start, word.end)
        # The list only offers other cuts where Kiwi too sees something trailing: 경기도 is a province, not 경기 + 도.
        trailing = bool(inside) and _trailing(inside[-1].tag)
        stems = _list_stems(question, word.start, word.end, particles=trailing or not inside)
        kiwi = _kiwi_stem(inside, word.start)
        if kiwi is not None:
            stems.add(kiwi)
        word.stems = sorted((s for s in stems if word.start < s < word.end), reverse=True)
        word.inflected = trailing
        word.lexical = {m.end for m in inside if m.start == word.start and m.tag.startswith(_LEXICAL_TAGS)}
    return words
