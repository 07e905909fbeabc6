"""The language layer, Korean and English, each piece once: the one Kiwi analyser (`analyse`, `strip_particles`,
`has_hangul`), words (`tokenize_question` with spans, `content_terms`/`bm25_text` without stopwords), what looks
like a value (`QUOTED`, `NUMBER`) and its masking (`mask_question`), and the readers of time: periods in questions
(`find_periods`) and date values in slots (`parse_date_literal`). Number words are `text2sql_core.numberwords`."""

from text2sql_core.text.date_literals import parse_date_literal
from text2sql_core.text.korean import Morpheme, analyse, has_hangul, strip_particles
from text2sql_core.text.masking import MASK, mask_question, mask_values
from text2sql_core.text.period import OPEN_END, OPEN_START, Grain, Period
from text2sql_core.text.periods import find_periods, first_period
from text2sql_core.text.tokens import Token, bm25_text, content_terms, tokenize_question
from text2sql_core.text.values import NUMBER, QUOTED, find_quoted

__all__ = [
    "MASK",
    "NUMBER",
    "OPEN_END",
    "OPEN_START",
    "QUOTED",
    "Grain",
    "Morpheme",
    "Period",
    "Token",
    "analyse",
    "bm25_text",
    "content_terms",
    "find_periods",
    "find_quoted",
    "first_period",
    "has_hangul",
    "mask_question",
    "mask_values",
    "parse_date_literal",
    "strip_particles",
    "tokenize_question",
]
