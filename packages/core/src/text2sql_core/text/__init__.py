"""The language layer, Korean and English: the one Kiwi analyser (`analyse`, `strip_particles`, `has_hangul`),
and the readers of time: periods in questions (`find_periods`) and date values in slots (`parse_date_literal`)."""

from text2sql_core.text.date_literals import parse_date_literal
from text2sql_core.text.korean import Morpheme, analyse, has_hangul, strip_particles
from text2sql_core.text.period import OPEN_END, OPEN_START, Grain, Period
from text2sql_core.text.periods import find_periods, first_period

__all__ = [
    "OPEN_END",
    "OPEN_START",
    "Grain",
    "Morpheme",
    "Period",
    "analyse",
    "find_periods",
    "first_period",
    "has_hangul",
    "parse_date_literal",
    "strip_particles",
]
