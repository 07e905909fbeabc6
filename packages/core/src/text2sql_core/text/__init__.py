"""The language layer's readers of time: periods in questions (`find_periods`) and date values in slots
(`parse_date_literal`), Korean and English."""

from text2sql_core.text.date_literals import parse_date_literal
from text2sql_core.text.period import OPEN_END, OPEN_START, Grain, Period
from text2sql_core.text.periods import find_periods, first_period

__all__ = ["OPEN_END", "OPEN_START", "Grain", "Period", "find_periods", "first_period", "parse_date_literal"]
