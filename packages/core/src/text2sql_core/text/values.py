"""What looks like a value in a question, by its look alone: quoted strings and numbers.

One definition for the masker (which hides values before matching templates) and the filler (which binds them):
straight and curly quotes of both kinds; a quantity with an optional sign, thousands separators and decimals
("-1,200.5"); and, for masking only, any run of digits with separators (dates "2024-03-01", times "10:30").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["DIGITS", "NUMBER", "QUOTED", "Quoted", "find_quoted", "quoted_values"]

# Group 1–4 hold the text inside whichever pair of quotes matched.
QUOTED = re.compile(r"'([^']+)'|\"([^\"]+)\"|‘([^’]+)’|“([^”]+)”")
# A quantity as written in a sentence: not glued to letters, not the tail of a longer decimal.
NUMBER = re.compile(r"(?<![\w.])-?\d+(?:,\d{3})*(?:\.\d+)?(?![A-Za-z0-9_]|\.\d)")
# Anything numeric-looking: quantities, dates, times, codes made of digits and separators.
DIGITS = re.compile(r"(?<![A-Za-z0-9_])\d+(?:[.,:/-]\d+)*(?![A-Za-z0-9_])")


@dataclass(frozen=True)
class Quoted:
    value: str
    start: int
    end: int


def find_quoted(text: str) -> list[Quoted]:
    """Every quoted string of `text` (without its quotes), with the span of the whole quoted stretch."""
    return [Quoted(next(g for g in m.groups() if g is not None), m.start(), m.end()) for m in QUOTED.finditer(text)]


def quoted_values(text: str) -> list[str]:
    return [q.value for q in find_quoted(text)]
