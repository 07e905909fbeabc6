"""Korean period expressions: the patterns and what each means against today.

Boundaries. Korean attaches particles (지난달에, 9월의, 올해는) and often drops spaces (이번달, 2026년9월), so an
expression may run into the next syllable — unless that syllable makes it another word. Each unit therefore lists
the syllables that turn it into something else: 월드컵, 9월호, 월세, 월급 after 월; 생/차/식/대 after 년 (2024년생 is a
birth cohort, 10년차 a seniority, 2024년식 a model year: values, not periods); 주문/주소/주식 after 주; 달러/달력 after
달; 해외/해결 after 해; 오늘날; 전월세. Numbers need a non-digit before them, short words (금주, 전월, 내일) a
non-Hangul one (안내일정 is not 내일). Day-of-month alone ("3일") is a duration, not a date; it needs a month.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from text2sql_core.text.counts import KO_COUNT_UNIT, ko_count_unit
from text2sql_core.text.period import (
    add_months,
    add_years,
    day_range,
    half_range,
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

__all__ = ["KOREAN_RULES"]

_KB = r"(?<![가-힣])"  # a word starts here
_NB = r"(?<![0-9])"  # a number starts here
_REL_WORDS = "지지난|다다음|이번|지난|저번|직전|이전|다음"
_REL = rf"(?P<rel>{_REL_WORDS})"
_OFFSETS = {"이번": 0, "금": 0, "당": 0, "지난": -1, "저번": -1, "전": -1, "직전": -1, "이전": -1, "다음": 1,
            "지지난": -2, "다다음": 2}
_YEAR_WORDS = {"재작년": -2, "지지난해": -2, "작년": -1, "지난해": -1, "전년": -1, "올해": 0, "금년": 0, "이번해": 0,
               "내년": 1, "다음해": 1, "명년": 1}
_YEAR_WORD = r"(?P<yw>재작년|작년|지지난\s*해|지난\s*해|전년|올해|금년|이번\s*해|내년|다음\s*해|명년)"
# A year before a month, quarter or half: 2025년, 25년 (two digits only here, where it cannot be a duration), 작년.
_YEAR_PREFIX = (rf"(?:(?:{_NB}(?P<y4>(?:19|20)\d{{2}})|{_NB}(?P<y2>\d{{2}}))\s*년\s*(?:도\s*)?"
                rf"|{_KB}{_YEAR_WORD}\s*(?:도\s*)?)(?:의\s*)?")
_MONTH = rf"{_NB}(?P<m>1[0-2]|0?[1-9])\s*월"
_DAY = rf"{_NB}(?P<d>3[01]|[12][0-9]|0?[1-9])\s*일"

_AFTER_MONTH = r"(?![0-9]|드|호|세|급|요|례|차|령)"
_AFTER_DAY = r"(?![0-9]|차|반|본)"
_AFTER_YEAR = r"(?![0-9]|생|차|식|대(?!비)|째|산|형)"  # 1990년대 is a decade, 2024년대비 a comparison
_AFTER_QUARTER = r"(?![0-9]|별|점)"
_AFTER_WEEK = r"(?!말|문|소|식|요|차|제|인|민|력|년|석|택|행|스|장|방|목|사|유|권|변|위|최|류|관|체|무|임|간)"
_AFTER_DAL = r"(?!력|러|리|성|라|걀|빛|래|콤|팽)"
_AFTER_HAE = r"(?!외|결|당|서|변|지|석|양|군|운|산|명|고|설|체|독|상|녀|적|소|수|방|저|충|킹|커|물)"
# After a count and its unit: the syllables that make 주문, 주소, 달러, 3개월차, 3년생 of it.
_AFTER_COUNT = (r"(?!문|소|식|요|제|인|민|력|석|택|행|스|장|방|목|사|유|권|변|위|최|류|관|체|무|임"
                r"|러|리|성|라|외|결|생|차|째)")
# After "N일 전" (ago): a particle or the end, never 전체/전화/전국/전부.
_PARTICLE_OR_END = (r"(?=$|[^가-힣]|에|엔|의|은|는|이|가|을|를|도|만|부터|까지|과|와|보다|대비|하고|랑|로|으로|처럼"
                    r"|중|치|쯤|경|기준)")


def _year(match: re.Match[str], today: date) -> int | None:
    groups = match.groupdict()
    if groups.get("y4"):
        return int(groups["y4"])
    if groups.get("y2"):  # 25년 → 2025, 99년 → 1999: the century that puts it at most ten years ahead
        year = 2000 + int(groups["y2"])
        return year - 100 if year > today.year + 10 else year
    if groups.get("yw"):
        return today.year + _YEAR_WORDS[re.sub(r"\s+", "", groups["yw"])]
    return None


def _date(m: re.Match[str], today: date) -> Found | None:
    return day_of(_year(m, today), today, int(m["m"]), int(m["d"]))


def _month(m: re.Match[str], today: date) -> Found | None:
    return month_of(_year(m, today), today, int(m["m"]))


def _month_span(m: re.Match[str], today: date) -> Found | None:
    return month_span(_year(m, today), today, int(m["m1"]), int(m["m"]))


def _quarter(m: re.Match[str], today: date) -> Found | None:
    return quarter_of(_year(m, today), today, int(m["q"]))


def _half(m: re.Match[str], today: date) -> Found | None:
    return half_of(_year(m, today), today, 1 if m["h"] in {"상반기", "전반기"} else 2)


def _year_alone(m: re.Match[str], today: date) -> Found | None:
    return found(year_range(_year(m, today) or today.year), "year")


def _offset(m: re.Match[str]) -> int:
    return _OFFSETS[m["rel"]]


def _relative_quarter(m: re.Match[str], today: date) -> Found:
    index = today.year * 4 + (today.month - 1) // 3 + _offset(m)
    return found(quarter_range(index // 4, index % 4 + 1), "quarter")


def _relative_half(m: re.Match[str], today: date) -> Found:
    index = today.year * 2 + (today.month > 6) + _offset(m)
    return found(half_range(index // 2, index % 2 + 1), "half")


_MONTH_WORDS = {"이달": 0, "금월": 0, "당월": 0, "전월": -1, "전전월": -2, "익월": 1, "내달": 1}


def _relative_month(m: re.Match[str], today: date) -> Found:
    offset = _MONTH_WORDS[m["word"]] if m["word"] else _offset(m)
    first = add_months(date(today.year, today.month, 1), offset)
    return found(month_range(first.year, first.month), "month")


def _relative_week(m: re.Match[str], today: date) -> Found:
    offset = 0 if m["word"] else _offset(m)
    return found(week_range(today + timedelta(weeks=offset)), "week")


def _weekend(m: re.Match[str], today: date) -> Found:
    monday = week_range(today + timedelta(weeks=_offset(m)))[0]
    return found((monday + timedelta(days=5), monday + timedelta(days=7)), "days")


_DAY_WORDS = {"오늘": 0, "금일": 0, "어제": -1, "어저께": -1, "작일": -1, "그제": -2, "그저께": -2, "내일": 1,
              "명일": 1, "모레": 2}


_DAY_WORD_NEEDS = ("오늘", "금일", "어제", "어저께", "작일", "그제", "그저께", "내일", "명일", "모레")


def _day_word(m: re.Match[str], today: date) -> Found:
    return found(day_range(today + timedelta(days=_DAY_WORDS[m["word"]])), "day")


def _same_day_other_year(m: re.Match[str], today: date) -> Found:
    return found(day_range(add_years(today, _YEAR_WORDS[re.sub(r"\s+", "", m["yw"])])), "day")


def _rolling(m: re.Match[str], today: date) -> Found | None:
    return window(today, *ko_count_unit(m))


def _span(m: re.Match[str], today: date) -> Found | None:
    """"3개월간", "일주일 동안": a window ending today. Not with a Sino-Korean count: "이 주간" is "this weekly"."""
    return None if m["ko_sino"] else window(today, *ko_count_unit(m))


def _ago(m: re.Match[str], today: date) -> Found:
    return ago(today, *ko_count_unit(m))


def _to_date(m: re.Match[str], today: date) -> Found:
    """올해 들어, 연초부터 (지금까지): January 1 to today; 이번 달 들어, 월초부터: the 1st to today."""
    first = date(today.year, 1, 1) if m["year"] or m["year_start"] else date(today.year, today.month, 1)
    return found((first, today + timedelta(days=1)), "days")


KOREAN_RULES: tuple[Rule, ...] = (
    rule("ko_date", rf"(?:{_YEAR_PREFIX})?{_MONTH}\s*{_DAY}{_AFTER_DAY}", _date, "월"),
    rule("ko_month_span", rf"(?:{_YEAR_PREFIX})?{_NB}(?P<m1>1[0-2]|0?[1-9])\s*(?:월\s*)?(?:부터\s*)?[~∼〜\-–—]\s*"
         rf"{_MONTH}(?:\s*달(?!력))?{_AFTER_MONTH}", _month_span, "월"),
    rule("ko_month", rf"(?:{_YEAR_PREFIX})?{_MONTH}(?:\s*달(?!력))?{_AFTER_MONTH}", _month, "월"),
    rule("ko_quarter", rf"(?:{_YEAR_PREFIX})?(?:제\s*)?{_NB}(?P<q>[1-4])\s*(?:/\s*4\s*|사)?분기{_AFTER_QUARTER}",
         _quarter, "분기"),
    rule("ko_half", rf"(?:{_YEAR_PREFIX})?{_KB}(?P<h>상반기|하반기|전반기|후반기)", _half, "반기"),
    rule("ko_year", rf"{_NB}(?P<y4>(?:19|20)\d{{2}})\s*년(?:\s*도)?{_AFTER_YEAR}", _year_alone, "년"),
    rule("ko_year_word", rf"{_KB}{_YEAR_WORD}{_AFTER_HAE}(?:도(?![가-힣]))?", _year_alone, ("년", "해")),
    rule("ko_relative_quarter", rf"{_KB}(?P<rel>{_REL_WORDS}|금|당|전)\s*분기{_AFTER_QUARTER}", _relative_quarter,
         "분기"),
    rule("ko_relative_half", rf"{_KB}{_REL}\s*반기", _relative_half, "반기"),
    rule("ko_relative_month", rf"{_KB}(?:{_REL}\s*달{_AFTER_DAL}|(?P<word>이달|금월|당월|전전월|전월|익월|내달)(?!세))",
         _relative_month, ("달", "월")),
    rule("ko_relative_week", rf"{_KB}(?:{_REL}\s*주{_AFTER_WEEK}|(?P<word>금주){_PARTICLE_OR_END})",
         _relative_week, "주"),
    rule("ko_weekend", rf"{_KB}{_REL}\s*주말", _weekend, "주말"),
    rule("ko_day_word", rf"{_KB}(?P<word>오늘|금일|어저께|어제|작일|그저께|그제|내일|명일|모레)(?!날|서야|도록)",
         _day_word, _DAY_WORD_NEEDS),
    rule("ko_same_day", rf"{_KB}{_YEAR_WORD}\s*(?:의\s*)?(?:오늘|이날|같은\s*날)", _same_day_other_year,
         ("오늘", "이날", "같은")),
    rule("ko_rolling", rf"{_KB}(?:최근|지난|과거|직전)\s*{KO_COUNT_UNIT}{_AFTER_COUNT}(?:\s*(?:간|동안))?", _rolling,
         ("최근", "지난", "과거", "직전")),
    rule("ko_span", rf"(?<![가-힣0-9]){KO_COUNT_UNIT}\s*(?:간|동안)", _span, ("간", "동안")),
    rule("ko_ago", rf"(?<![가-힣0-9]){KO_COUNT_UNIT}\s*전{_PARTICLE_OR_END}", _ago, "전"),
    rule("ko_to_date", rf"{_KB}(?:(?:(?P<year>올해|금년)|이번\s*달|이달)\s*들어(?:서)?|(?:(?P<year_start>연초)|월초)"
         r"\s*(?:부터|이후)(?:\s*(?:지금|현재|오늘)\s*까지)?)", _to_date, ("들어", "연초", "월초")),
)
