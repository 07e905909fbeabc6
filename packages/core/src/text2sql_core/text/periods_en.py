"""English period expressions: the patterns and what each means against today.

Words stand on word boundaries (`\\b`; an underscore is a word character, so `year_of_birth` and `sales_ytd` are
column names, not periods). A month name alone is taken only after a preposition ("in September", "since March",
"until May") or in a month span ("Jan-Mar"): "May I see…" and "march" the verb are not months. A four-digit year
alone likewise needs "in/during/since/until/…" before it, or "FY"/"year" ("2024 rows" is a number).
"last week/month/quarter/year" are calendar units; "past/last N days" and "the past week" are rolling windows.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from text2sql_core.text.counts import EN_COUNT_UNIT, en_count_unit
from text2sql_core.text.period import (
    add_months,
    day_range,
    month_range,
    quarter_range,
    week_range,
    year_range,
)
from text2sql_core.text.rules import (
    Found,
    Rule,
    ago,
    day_of,
    found,
    half_of,
    month_of,
    month_span,
    quarter_of,
    rule,
    window,
)

__all__ = ["ENGLISH_RULES"]

_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december")
_MONTH_WORD = r"january|february|march|april|may|june|july|august|september|october|november|december|" \
              r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"


def _month_re(name: str) -> str:
    return rf"\b(?P<{name}>{_MONTH_WORD})\b\.?"


_YEAR = r"(?<![0-9])(?P<year>(?:19|20)\d{2})(?![0-9])"
_YEAR_SUFFIX = rf"(?:,?\s*(?:of\s+|in\s+)?(?:{_YEAR}|(?:the\s+)?(?P<ryear>last|this|next|previous|current)\s+year\b))"
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_CENTURIES = ("19", "20")
_PREPOSITIONS = ("in", "since", "from", "until", "till", "through", "thru", "to", "for", "during", "of", "before",
                 "after", "between", "both", "either", "by")
# "and"/"or" lead to a year only right after another year ("2014 or 2015"); "between 1000 and 2000" is a number.
_PREPOSITION = r"\b(?:" + "|".join(_PREPOSITIONS) + r"|(?<=(?:19|20)\d\d )(?:and|or))\s+"
# "between 2000 and 2500", "from 2000 to 2500": numbers, not years — the other end is not a year.
_NOT_A_NUMBER_RANGE = r"(?!\s*(?:and|to|through|until|till|-|–|~)\s*(?!(?:19|20)\d\d(?![0-9]))[0-9])"
_OFFSETS = {"this": 0, "current": 0, "the current": 0, "last": -1, "previous": -1, "prior": -1, "the previous": -1,
            "next": 1, "the next": 1}
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def _month_number(word: str) -> int:
    return next(i for i, name in enumerate(_MONTH_NAMES, 1) if name.startswith(word.lower().rstrip(".")[:3]))


def _year(m: re.Match[str], today: date) -> int | None:
    groups = m.groupdict()
    if groups.get("year"):
        return int(groups["year"])
    if groups.get("ryear"):
        return today.year + _OFFSETS[groups["ryear"].lower()]
    return None


def _date(m: re.Match[str], today: date) -> Found | None:
    return day_of(_year(m, today), today, _month_number(m["mon"]), int(m["d"]))


def _month(m: re.Match[str], today: date) -> Found | None:
    return month_of(_year(m, today), today, _month_number(m["mon"]))


def _month_span(m: re.Match[str], today: date) -> Found | None:
    return month_span(_year(m, today), today, _month_number(m["mon1"]), _month_number(m["mon"]))


def _quarter(m: re.Match[str], today: date) -> Found | None:
    return quarter_of(_year(m, today), today, int(m["q"]) if m["q"] else _ORDINALS[m["ord"].lower()])


def _half(m: re.Match[str], today: date) -> Found | None:
    return half_of(_year(m, today), today, int(m["h"]) if m["h"] else _ORDINALS[m["ord"].lower()])


def _year_alone(m: re.Match[str], today: date) -> Found:
    return found(year_range(int(m["year"])), "year")


_DAY_WORDS = {"today": 0, "yesterday": -1, "tomorrow": 1}


def _day_word(m: re.Match[str], today: date) -> Found:
    offset = -2 if m["before"] else 2 if m["after"] else _DAY_WORDS[m["word"].lower()]
    return found(day_range(today + timedelta(days=offset)), "day")


def _relative(m: re.Match[str], today: date) -> Found:
    offset, unit = _OFFSETS[re.sub(r"\s+", " ", m["rel"].lower())], m["unit"].lower()
    if unit == "week":
        return found(week_range(today + timedelta(weeks=offset)), "week")
    if unit == "month":
        first = add_months(date(today.year, today.month, 1), offset)
        return found(month_range(first.year, first.month), "month")
    if unit == "quarter":
        index = today.year * 4 + (today.month - 1) // 3 + offset
        return found(quarter_range(index // 4, index % 4 + 1), "quarter")
    return found(year_range(today.year + offset), "year")


def _weekend(m: re.Match[str], today: date) -> Found:
    monday = week_range(today + timedelta(weeks=_OFFSETS[m["rel"].lower()]))[0]
    return found((monday + timedelta(days=5), monday + timedelta(days=7)), "days")


def _to_date(m: re.Match[str], today: date) -> Found:
    if m["ytd"]:
        first = date(today.year, 1, 1)
    elif m["qtd"]:
        first = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    else:
        first = date(today.year, today.month, 1)
    return found((first, today + timedelta(days=1)), "days")


def _rolling(m: re.Match[str], today: date) -> Found | None:
    return window(today, *en_count_unit(m))


def _rolling_one(m: re.Match[str], today: date) -> Found | None:
    return window(today, 1, m["unit"].lower())  # type: ignore[arg-type]


def _ago(m: re.Match[str], today: date) -> Found:
    return ago(today, *en_count_unit(m))


_DAY = r"(?P<d>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?\b"
_REL = r"(?P<rel>this|current|last|previous|prior|next|the\s+previous|the\s+current|the\s+next)"

ENGLISH_RULES: tuple[Rule, ...] = (
    rule("en_date", rf"{_month_re('mon')}\s+{_DAY}(?:{_YEAR_SUFFIX})?", _date, _MONTHS, re.I),
    rule("en_date_day_first", rf"\b{_DAY}\s+(?:of\s+)?{_month_re('mon')}(?:{_YEAR_SUFFIX})?", _date, _MONTHS, re.I),
    rule("en_month_span", rf"(?:\bfrom\s+)?{_month_re('mon1')}\s*(?:-|–|~|\bto\b|\bthrough\b|\bthru\b)\s*"
         rf"{_month_re('mon')}(?:{_YEAR_SUFFIX})?", _month_span, _MONTHS, re.I),
    rule("en_month_year", rf"{_month_re('mon')}{_YEAR_SUFFIX}", _month, _MONTHS, re.I),
    rule("en_month", rf"{_PREPOSITION}(?P<body>{_month_re('mon')})", _month, _MONTHS, re.I),
    rule("en_quarter", rf"(?:\bq(?P<q>[1-4])\b|\b(?:the\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)\s+"
         rf"quarter\b)(?:{_YEAR_SUFFIX})?", _quarter, ("q",), re.I),
    rule("en_quarter_year_first", rf"{_YEAR}\s*-?\s*q(?P<q>[1-4])\b", _quarter, "q", re.I),
    rule("en_half", rf"(?:\bh(?P<h>[12])\b|\b(?:the\s+)?(?P<ord>first|second|1st|2nd)\s+half\b)(?:{_YEAR_SUFFIX})?",
         _half, ("h1", "h2", "half"), re.I),
    rule("en_half_year_first", rf"{_YEAR}\s*-?\s*h(?P<h>[12])\b", _half, ("h1", "h2"), re.I),
    rule("en_year", rf"(?:{_PREPOSITION}|\b(?=(?:the\s+)?years?\s))"
         rf"(?P<body>(?:the\s+)?(?:years?\s+(?:of\s+)?)?{_YEAR}){_NOT_A_NUMBER_RANGE}", _year_alone, _CENTURIES, re.I),
    rule("en_fiscal_year", rf"\bfy\s*-?\s*{_YEAR}", _year_alone, "fy", re.I),
    rule("en_day_word", r"\b(?:(?P<before>the\s+day\s+before\s+yesterday)|(?P<after>the\s+day\s+after\s+tomorrow)|"
         r"(?P<word>today|yesterday|tomorrow))\b", _day_word, ("today", "yesterday", "tomorrow"), re.I),
    rule("en_relative", rf"\b{_REL}\s+(?P<unit>week|month|quarter|year)\b", _relative,
         ("week", "month", "quarter", "year"), re.I),
    rule("en_weekend", r"\b(?P<rel>this|last|next|previous)\s+weekend\b", _weekend, "weekend", re.I),
    rule("en_to_date", r"\b(?:(?P<ytd>ytd|year[\s-]to[\s-]date|so\s+far\s+this\s+year)|(?P<qtd>qtd|quarter[\s-]to"
         r"[\s-]date)|(?P<mtd>mtd|month[\s-]to[\s-]date|so\s+far\s+this\s+month))\b", _to_date,
         ("td", "to date", "to-date", "so far"), re.I),
    rule("en_rolling", rf"\b(?:past|last|previous|recent|trailing|prior)\s+{EN_COUNT_UNIT}\b", _rolling,
         ("past", "last", "previous", "recent", "trailing", "prior"), re.I),
    rule("en_rolling_one", r"\b(?:past|trailing)\s+(?P<unit>day|week|month|year)\b", _rolling_one,
         ("past", "trailing"), re.I),
    rule("en_ago", rf"\b{EN_COUNT_UNIT}\s+ago\b", _ago, "ago", re.I),
)
