"""Small numbers written as words, in English and Korean: "fewer than three templates", "직원 두 명".

A template's example question often spells its number ("at least two friends") while its SQL says 2. Knowing the
words lets the template mark that value as coming from the question, and lets a new question's "5" or "five"
take its place. Only 2 to 20: "one" and "한" are too often not a number ("which one", "한 번")."""

from __future__ import annotations

import re

__all__ = ["COUNTER", "find_number_words", "number_from_word", "number_words", "word_pattern"]

# Counters a Korean numeral stands before ("세 명", "세명"): a numeral running into anything else is another word
# ("세금", "네트워크").
COUNTER = r"(?:\s|$|명|개|건|번|곳|가지|권|대|살|시간|달|주|해|위|장|종|회|배|층|마리|잔|병|쌍)"

_ENGLISH = ("two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
            "seventeen eighteen nineteen twenty").split()
# Native Korean numerals as they stand before a counter (두 명, 세 개) and alone (둘, 셋).
_KOREAN = {2: ("두", "둘"), 3: ("세", "셋"), 4: ("네", "넷"), 5: ("다섯",), 6: ("여섯",), 7: ("일곱",), 8: ("여덟",),
           9: ("아홉",), 10: ("열",), 20: ("스무", "스물")}

_WORDS: dict[int, tuple[str, ...]] = {
    n: (_ENGLISH[n - 2], *_KOREAN.get(n, ())) for n in range(2, 21)
}
_VALUES = {word: n for n, words in _WORDS.items() for word in words}


def number_words(value: object) -> tuple[str, ...]:
    """The words that say `value` (an int, or a float with no fraction), or () when there are none."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _WORDS.get(value, ()) if isinstance(value, int) and not isinstance(value, bool) else ()


def word_pattern(word: str) -> str:
    """A regex for `word` standing alone: English on word boundaries, Korean before a space or a counter."""
    if re.match(r"[a-z]", word):
        return rf"(?<![0-9a-z]){word}(?![0-9a-z])"
    return rf"(?<![0-9a-z가-힣]){word}(?={COUNTER})"


def number_from_word(text: str) -> int | None:
    """The number a word says ("five", "Five", "다섯"), or None."""
    return _VALUES.get(re.sub(r"\s+", "", text).lower())


_ANY_WORD = re.compile("|".join(word_pattern(w) for w in sorted(_VALUES, key=len, reverse=True)), re.IGNORECASE)


def find_number_words(text: str) -> list[tuple[int, str]]:
    """(position, word) of every number word in `text`, in order."""
    return [(m.start(), m.group(0)) for m in _ANY_WORD.finditer(text)]
