"""Periods of time in a Korean or English question → typed `Period`s ([start, end) dates), in order of appearance.

    >>> find_periods("지난달 지역별 매출", today=date(2026, 11, 22))[0].start
    datetime.date(2026, 10, 1)

`today` defaults to `text2sql_core.clock.today()` (pinned in tests, `TEXT2SQL_TODAY` in CLI runs).

Conventions — one per expression, each tested (`tests/text/test_periods.py`):

- **Calendar units are whole**: 오늘/어제, 이번 주/지난주 (Monday–Sunday), 이번 달/지난달/전월, 이번 분기/3분기,
  상반기, 올해/작년, this/last/next week|month|quarter|year are the full unit, also the current one (이번 달 =
  all of this month; `Period.clipped(today)` cuts it at today). YTD/MTD/QTD, 올해 들어, 연초부터 run to today.
- **Rolling windows end today, today included**: 최근/지난/과거 N일·주·개월·년, "N주간", past/last N days|weeks|
  months|years, "the past week". 최근 7일 = today and the 6 days before; 최근 3개월 on 11-22 = 08-23 … 11-22.
  So "지난 3개월" is rolling, while "지난달" is the previous calendar month. Grain "days".
- **N 단위 전 / N units ago** is one unit: N일 전 that day, N주 전 that week, N개월 전 that month, N년 전 that day
  (1년 전 on 2028-02-29 is 2027-02-28; 작년 오늘 too).
- **A month, quarter, half or day without a year** is the latest one that has begun by today: "9월" in January is
  last year's September, "12월 3일" on 11-22 is last year's, "하반기" in March is last year's second half. Inside a
  range the year said on one end carries to the other ("from Jan to Mar 2025", "2025년 11월부터 2월까지" → 2026-02).
  Two-digit years (25년 3분기) are 20YY, unless that is more than ten years ahead (99년 3월 is 1999).
- **Ranges** "A부터 B까지", "A ~ B", "A에서 B 사이", "A와 B 사이", "between A and B", "from A to B", "A through B" are
  one period from A's start to B's end. In English "A to B" needs "from" before A ("compare Q1 to Q2" is a
  comparison); a bare "from A" is not "since" ("orders from last month").
- **Open periods**: "A부터/이후/이래", "since A" → from A's start; "A 후", "after A" → from A's end; each with
  `open_end=True` and `end=OPEN_END`. "A까지/이전", "until/till/through A" → up to A's end; "A 전", "before A" → up
  to A's start; each with `open_start=True` and `start=OPEN_START`. 이후/이전 include A (their dictionary sense:
  "2014년 이후" counts 2014), 후/전 and after/before do not. "A부터 지금까지" closes at today.
- **Not periods**: bare numbers with units that are not time (3명, 2층, 상위 5개, 9호선); 2024년생 (a birth cohort),
  10년차, 2024년식, 1990년대; 9월호 (an issue), 월드컵, 월세/전월세; 오늘날; 주문/주소 after 지난; `year_of_birth`;
  a day number alone ("3일"); compact numbers (20250305) — for those, `parse_date_literal` reads slot values.
- **Overlaps**: the longest match wins (작년 상반기 over 작년; 2026년 9월 over 2026년); equal lengths go to the rule
  listed first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from text2sql_core import clock
from text2sql_core.text.period import OPEN_END, OPEN_START, Grain, Period, day_range, month_range
from text2sql_core.text.periods_en import ENGLISH_RULES
from text2sql_core.text.periods_ko import KOREAN_RULES
from text2sql_core.text.rules import Found, Rule, found, rule

__all__ = ["find_periods", "first_period"]


def _iso_day(m: re.Match[str], today: date) -> Found | None:
    try:
        return found(day_range(date(int(m["y"]), int(m["m"]), int(m["d"]))), "day")
    except ValueError:
        return None


def _iso_month(m: re.Match[str], today: date) -> Found:
    return found(month_range(int(m["y"]), int(m["m"])), "month")


_ISO_YEAR = r"(?<![0-9])(?P<y>(?:19|20)\d{2})"
_CENTURIES = ("19", "20")
_NEUTRAL_RULES: tuple[Rule, ...] = (
    rule("iso_day", rf"{_ISO_YEAR}\s*(?P<sep>[-/.])\s*(?P<m>1[0-2]|0?[1-9])\s*(?P=sep)\s*(?P<d>3[01]|[12][0-9]|0?[1-9])"
         r"(?![0-9])\.?", _iso_day, _CENTURIES),
    rule("iso_month", rf"{_ISO_YEAR}[-/.](?P<m>1[0-2]|0?[1-9])(?![0-9]|\s*[-/.]\s*[0-9])", _iso_month, _CENTURIES),
)
_RULES: tuple[Rule, ...] = (*_NEUTRAL_RULES, *KOREAN_RULES, *ENGLISH_RULES)


@dataclass(frozen=True, slots=True)
class _Hit:
    begin: int
    stop: int
    found: Found


def _hits(text: str, today: date) -> list[_Hit]:
    # A match its rule declines ("2025년 2월 30일": no such day) still claims its text, so a shorter rule cannot
    # read part of it ("2025년 2월") as if that were what was meant.
    candidates: list[tuple[int, int, int, Found | None]] = []
    lowered = text.lower()
    for order, each in enumerate(_RULES):
        if not each.applies_to(lowered):
            continue
        for match in each.pattern.finditer(text):
            begin, stop = each.span(match)
            if stop > begin:
                candidates.append((begin, stop, order, each.build(match, today)))
    candidates.sort(key=lambda c: (c[0] - c[1], c[0], c[2]))  # longest first, then leftmost, then rule order
    claimed: list[tuple[int, int, Found | None]] = []
    for begin, stop, _, value in candidates:
        if all(stop <= other_begin or begin >= other_stop for other_begin, other_stop, _ in claimed):
            claimed.append((begin, stop, value))
    return sorted((_Hit(begin, stop, value) for begin, stop, value in claimed if value is not None),
                  key=lambda hit: hit.begin)


_DASH = r"[~∼〜\-–—]"
_KO_RANGE_GAP = re.compile(rf"\s*(?:(?:부터|서부터)\s*(?:{_DASH}\s*)?|{_DASH})\s*")
_KO_PAIR_GAP = re.compile(r"\s*(?:와|과|하고|및|에서|부터)\s*")  # "A와 B 사이", "A에서 B까지": the end word is needed
_KO_RANGE_END = re.compile(r"\s*(?:까지|사이(?:에)?)")
_EN_BETWEEN = re.compile(r"\bbetween\s+$", re.I)
_EN_AND = re.compile(r"\s+and\s+", re.I)
_EN_FROM = re.compile(r"\bfrom\s+$", re.I)
_EN_TO = re.compile(r"\s+(?:to|through|thru|until|till)\s+", re.I)
_EN_THROUGH = re.compile(r"\s+(?:through|thru)\s+", re.I)
_KO_SINCE = re.compile(r"\s*(?:부터|서부터|이후|이래)(?:\s*(?P<now>지금|현재)\s*까지)?")
_EN_OR_LATER = re.compile(r"\s+or\s+(?:after|later|since)\b", re.I)  # "in 2014 or after"
_EN_OR_EARLIER = re.compile(r"\s+or\s+(?:before|earlier)\b", re.I)
_KO_UNTIL = re.compile(r"\s*(?:까지|이전)")
_KO_BEFORE = re.compile(r"\s*전(?=$|[^가-힣]|에|의|까지|부터|으로|인)")  # not 전체, 전국, 전년
_KO_AFTER = re.compile(r"\s*후(?=$|[^가-힣]|에|의|로|부터|인)")  # not 후반, 후기
_EN_SINCE = re.compile(r"\b(?:since|starting(?:\s+(?:in|from|on))?|beginning(?:\s+(?:in|from|on))?)\s+$", re.I)
_EN_AFTER = re.compile(r"\bafter\s+$", re.I)
_EN_UNTIL = re.compile(r"\b(?:until|till|through|thru|up\s+to|up\s+until)\s+$", re.I)
_EN_BEFORE = re.compile(r"\bbefore\s+$", re.I)


def _with_year(hit: Found, year: int) -> Found | None:
    if hit.in_year is None:
        return hit
    try:
        return found(hit.in_year(year), hit.grain, hit.in_year)
    except ValueError:
        return None


def _align_years(first: Found, last: Found) -> tuple[Found, Found] | None:
    """Carry the year said on one end of a range to the end that said none."""
    if first.in_year is not None:
        moved = _with_year(first, last.start.year)
        if moved is not None and moved.start > last.start:
            moved = _with_year(first, last.start.year - 1)
        return (moved, last) if moved is not None else None
    if last.in_year is not None:
        moved = _with_year(last, first.start.year)
        if moved is not None and moved.start < first.start:
            moved = _with_year(last, first.start.year + 1)
        return (first, moved) if moved is not None else None
    return first, last


def _range(text: str, a: _Hit, b: _Hit) -> Period | None:
    """One period when `a` and `b` are the two ends of a range, else None."""
    gap, before, after = text[a.stop:b.begin], text[:a.begin], text[b.stop:]
    begin, stop = a.begin, b.stop
    end_word = _KO_RANGE_END.match(after)
    if _KO_RANGE_GAP.fullmatch(gap) or (_KO_PAIR_GAP.fullmatch(gap) and end_word):
        stop += end_word.end() if end_word else 0
    elif (between := _EN_BETWEEN.search(before)) and _EN_AND.fullmatch(gap):
        begin = between.start()
    elif (start_word := _EN_FROM.search(before)) and _EN_TO.fullmatch(gap):
        begin = start_word.start()
    elif not _EN_THROUGH.fullmatch(gap):
        return None
    ends = _align_years(a.found, b.found)
    if ends is None or ends[0].start >= ends[1].end:
        return None
    # Both ends in the same calendar unit (1월~3월, Q1 through Q3) keep it; days and mixed ends are a run of days.
    grain: Grain = a.found.grain if a.found.grain == b.found.grain and a.found.grain != "day" else "days"
    return Period(ends[0].start, ends[1].end, grain, (begin, stop), text[begin:stop])


def _single(text: str, hit: _Hit, today: date) -> Period:
    """The hit alone, or opened on one side by 부터/까지/since/until/before/after around it."""
    value, begin, stop = hit.found, hit.begin, hit.stop
    before, after = text[:begin], text[stop:]
    if (since := _KO_SINCE.match(after) or _EN_OR_LATER.match(after)) or (since := _EN_SINCE.search(before)):
        closed = since.re is _KO_SINCE and since["now"]
        begin, stop = (begin, stop + since.end()) if since.re is not _EN_SINCE else (since.start(), stop)
        end = today + timedelta(days=1) if closed else OPEN_END
        return Period(value.start, max(end, value.end), "days", (begin, stop), text[begin:stop], open_end=not closed)
    if (after_word := _KO_AFTER.match(after)) or (after_word := _EN_AFTER.search(before)):
        begin, stop = (begin, stop + after_word.end()) if after_word.re is _KO_AFTER else (after_word.start(), stop)
        return Period(value.end, OPEN_END, "days", (begin, stop), text[begin:stop], open_end=True)
    if (until := _KO_UNTIL.match(after) or _EN_OR_EARLIER.match(after)) or (until := _EN_UNTIL.search(before)):
        begin, stop = (begin, stop + until.end()) if until.re is not _EN_UNTIL else (until.start(), stop)
        return Period(OPEN_START, value.end, "days", (begin, stop), text[begin:stop], open_start=True)
    if (before_word := _KO_BEFORE.match(after)) or (before_word := _EN_BEFORE.search(before)):
        begin, stop = (begin, stop + before_word.end()) if before_word.re is _KO_BEFORE else (before_word.start(), stop)
        return Period(OPEN_START, value.start, "days", (begin, stop), text[begin:stop], open_start=True)
    return Period(value.start, value.end, value.grain, (begin, stop), text[begin:stop])


def find_periods(text: str, today: date | None = None) -> list[Period]:
    """Every period `text` names, in order of appearance (see the module docstring for what each means)."""
    if not text:
        return []
    today = today or clock.today()
    if isinstance(today, datetime):  # a datetime is a date, but cannot be compared with one
        today = today.date()
    hits = _hits(text, today)
    periods: list[Period] = []
    index = 0
    while index < len(hits):
        joined = _range(text, hits[index], hits[index + 1]) if index + 1 < len(hits) else None
        periods.append(joined or _single(text, hits[index], today))
        index += 2 if joined else 1
    return periods


def first_period(text: str, today: date | None = None) -> Period | None:
    """The first period in `text`, or None."""
    periods = find_periods(text, today)
    return periods[0] if periods else None
