"""Finding the database's values in a question: exact, after Korean particles, through synonyms, or within a typo.

One `ValueMatcher` holds one datasource's values, compiled once (dictionaries keyed by normalised text, and a
pigeonhole index for typos); `find` then costs a Kiwi analysis and a few hundred dictionary lookups."""

from __future__ import annotations

import re
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Iterable

from text2sql_core.models import ColumnValues, ValueMatch
from text2sql_pipeline.values.fuzzy import FuzzyIndex
from text2sql_pipeline.values.normalize import has_hangul, jamo, key, syllable_count
from text2sql_pipeline.values.select import Candidate, Target, select
from text2sql_pipeline.values.words import Word, question_words

__all__ = ["ValueMatcher"]

STEM_SCORE = 0.95
FUZZY_CAP = 0.89
_MAX_WORDS = 6
_NEAR_CACHE = 4096


def _char_edits(k: str) -> int:
    """Typos tolerated by character (a Hangul syllable is one): 1 from 4 characters, 2 from 8."""
    return 2 if len(k) >= 8 else 1 if len(k) >= 4 else 0


def _jamo_edits(k: str) -> int:
    """Typos tolerated by jamo in a Hangul value: 1 from 3 syllables (재무틴 → 재무팀), 2 from 6."""
    syllables = syllable_count(k)
    return 2 if syllables >= 6 else 1 if syllables >= 3 else 0


_NOT_DIGIT = re.compile(r"\D")


def _digits(text: str) -> str:
    return _NOT_DIGIT.sub("", text)


class ValueMatcher:
    def __init__(self, columns: Iterable[ColumnValues]):
        self._targets: list[Target] = []
        self._exact: dict[str, list[int]] = defaultdict(list)
        self._held: set[tuple[str, str, str]] = set()
        self._complete: set[tuple[str, str]] = set()
        self._by_chars, self._by_jamo = FuzzyIndex(), FuzzyIndex()
        self._max_words = 1
        self._max_key = 0
        # Questions share their ordinary words (직원, 목록, 고객은, last, year): their typo lookups are remembered.
        self._near_cache: OrderedDict[str, list[tuple[int, float]]] = OrderedDict()
        self._cache_lock = threading.Lock()  # one matcher serves every thread of the server
        for column in columns:
            self._add_column(column)

    def _add_column(self, column: ColumnValues) -> None:
        if column.complete:
            self._complete.add((column.table, column.column))
        where = (column.table.lower(), column.column.lower())
        for value in column.values:
            self._add(column.table, column.column, value, value, synonym=False)
        for value, synonyms in column.synonyms.items():
            self._held.add((*where, key(value)))
            for synonym in synonyms:
                self._add(column.table, column.column, str(value), str(synonym), synonym=True)

    def _add(self, table: str, column: str, value: str, surface: str, synonym: bool) -> None:
        k = key(surface)
        if not k:
            return
        self._held.add((table.lower(), column.lower(), k))  # a synonym names a held value: has() says so too
        if not any(c.isalpha() for c in k):
            return  # 123, 2025-01-01: held, but numbers and dates in a question are not looked up as words
        target = len(self._targets)
        self._targets.append(Target(table, column, value, synonym, k, len(surface.split())))
        self._exact[k].append(target)
        self._max_words = min(_MAX_WORDS, max(self._max_words, len(surface.split()) + 1))
        self._max_key = max(self._max_key, len(k))
        digits = _digits(k)
        self._by_chars.add(k, _char_edits(k), target, group=digits)
        if has_hangul(k):
            self._by_jamo.add(jamo(k), _jamo_edits(k), target, group=digits)

    def __len__(self) -> int:
        return len(self._targets)

    def columns(self) -> set[tuple[str, str]]:
        return set(self._complete)

    def has(self, table: str, column: str, value: str) -> bool:
        return (table.lower(), column.lower(), key(value)) in self._held

    def find(self, question: str) -> list[ValueMatch]:
        if not self._targets or not question.strip():
            return []
        words = question_words(question)
        exact = self._exact_candidates(question, words)
        covered = {i for c in exact for i in range(c.start, c.end)}
        fuzzy = self._fuzzy_candidates(question, words, covered)
        return select(question, [*exact, *fuzzy], self._targets)

    def _spans(self, question: str, words: list[Word]) -> Iterable[tuple[int, int, str, bool, list[Word]]]:
        """(start, end, key, stemmed, words) of every run of whole words, the last one possibly without its
        particles."""
        for i, first in enumerate(words):
            prefix = ""
            for n, word in enumerate(words[i : i + self._max_words]):
                for end in (word.end, *word.stems):
                    k = prefix + key(question[word.start : end])
                    if len(k) <= self._max_key + 2:
                        yield first.start, end, k, end != word.end, words[i : i + n + 1]
                prefix += key(question[word.start : word.end])
                if len(prefix) > self._max_key + 2:
                    break

    def _exact_candidates(self, question: str, words: list[Word]) -> list[Candidate]:
        found = []
        for start, end, k, stemmed, _ in self._spans(question, words):
            hits = self._exact.get(k)
            if not hits:
                continue
            targets = []
            for target in hits:
                synonym = self._targets[target].synonym
                method = "synonym" if synonym else "stem" if stemmed else "exact"
                targets.append((target, method, STEM_SCORE if stemmed else 1.0))
            found.append(Candidate(start, end, targets, fuzzy=False))
        return found

    def _fuzzy_candidates(self, question: str, words: list[Word], covered: set[int]) -> list[Candidate]:
        if not len(self._by_chars):
            return []
        found = []
        for start, end, k, stemmed, span in self._spans(question, words):
            if len(k) < 3 or k.isdigit() or k in self._exact or any(i in covered for i in range(start, end)):
                continue
            last = span[-1]
            # A typo is a misspelt word, not a phrase or an inflected word read whole: 이하인 is 이하 + 인, not 이하은;
            # and a word the dictionary knows (이하, 건) is spelled right.
            if (last.inflected and not stemmed) or (len(span) == 1 and end in last.lexical):
                continue
            words_in_value = len(span)
            best = [(t, score) for t, score in self._near(k) if self._targets[t].words == words_in_value]
            targets = [(t, "fuzzy", score) for t, score in best]
            if targets:
                found.append(Candidate(start, end, targets, fuzzy=True))
        return found

    def _near(self, k: str) -> list[tuple[int, float]]:
        """(target, score) of the keys within a typo of `k`, by character and, for Hangul, by jamo."""
        with self._cache_lock:
            cached = self._near_cache.get(k)
            if cached is not None:
                self._near_cache.move_to_end(k)
                return cached
        best: dict[int, float] = {}
        digits = _digits(k)  # a number is never a typo: 영업3팀 is not 영업1팀
        for target, distance in self._by_chars.near(k, group=digits):
            best[target] = max(best.get(target, 0.0), 1 - distance / len(k))
        if has_hangul(k):
            spelled = jamo(k)
            for target, distance in self._by_jamo.near(spelled, group=digits):
                best[target] = max(best.get(target, 0.0), 1 - distance / len(spelled))
        found = [(target, round(min(FUZZY_CAP, score), 3)) for target, score in best.items()]
        with self._cache_lock:
            self._near_cache[k] = found
            if len(self._near_cache) > _NEAR_CACHE:
                self._near_cache.popitem(last=False)
        return found
