"""Korean and English relative dates → date ranges: 오늘, 어제, 그제, 이번 주, 지난주, 이번 달, 지난달, 올해, 작년,
최근 N일/주/개월/년, today, yesterday, this/last week/month/year, last N days/weeks/months/years;
and absolute dates: 2024-03-05, 2024년 3월 5일, 2024년 3월, 2024년."""

from __future__ import annotations

import re
from datetime import date, timedelta

from text2sql_core import clock

__all__ = ["find_date_ranges"]

DateRange = tuple[date, date]  # inclusive


def _month_range(year: int, month: int) -> DateRange:
    start = date(year, month, 1)
    following = date(year + (month == 12), month % 12 + 1, 1)
    return start, following - timedelta(days=1)


def _shift_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, 1)


def _recent(n: int, unit: str, today: date) -> DateRange:
    if unit in {"일", "day", "days"}:
        return today - timedelta(days=n - 1), today
    if unit in {"주", "week", "weeks"}:
        return today - timedelta(weeks=n) + timedelta(days=1), today
    if unit in {"개월", "달", "month", "months"}:
        return _shift_months(today, -n) if n else today, today
    return date(today.year - n, today.month, today.day) + timedelta(days=1), today


_RELATIVE: list[tuple[re.Pattern[str], object]] = [
    (re.compile(r"그제|그저께|day before yesterday", re.I), lambda t: (t - timedelta(days=2),) * 2),
    (re.compile(r"어제|yesterday", re.I), lambda t: (t - timedelta(days=1),) * 2),
    (re.compile(r"오늘|today", re.I), lambda t: (t, t)),
    (re.compile(r"지난\s*주|저번\s*주|last week", re.I),
     lambda t: (t - timedelta(days=t.weekday() + 7), t - timedelta(days=t.weekday() + 1))),
    (re.compile(r"이번\s*주|금주|this week", re.I), lambda t: (t - timedelta(days=t.weekday()), t)),
    (re.compile(r"지난\s*달|저번\s*달|전월|last month", re.I),
     lambda t: _month_range(_shift_months(t, -1).year, _shift_months(t, -1).month)),
    (re.compile(r"이번\s*달|금월|this month", re.I), lambda t: (date(t.year, t.month, 1), t)),
    (re.compile(r"작년|지난\s*해|전년|last year", re.I), lambda t: (date(t.year - 1, 1, 1), date(t.year - 1, 12, 31))),
    (re.compile(r"올해|금년|this year", re.I), lambda t: (date(t.year, 1, 1), t)),
]
_RECENT = re.compile(r"(?:최근|지난|last|past)\s*(\d+)\s*(일|주|개월|달|년|days?|weeks?|months?|years?)", re.I)
_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_KOREAN_DAY = re.compile(r"(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일")
_KOREAN_MONTH = re.compile(r"(\d{4})\s*년\s*(\d{1,2})\s*월")
_KOREAN_YEAR = re.compile(r"(\d{4})\s*년")


def find_date_ranges(question: str, today: date | None = None) -> list[tuple[int, DateRange]]:
    """(position, range) of each date expression, in the order they appear; longer patterns win overlaps."""
    today = today or clock.today()  # the one clock: tests and evaluations pin it
    found: list[tuple[int, int, DateRange]] = []

    def add(match: re.Match[str], value: DateRange) -> None:
        if not any(s <= match.start() < e for s, e, _ in found):
            found.append((match.start(), match.end(), value))

    for m in _RECENT.finditer(question):
        add(m, _recent(int(m.group(1)), m.group(2).lower(), today))
    for m in _ISO.finditer(question):
        day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        add(m, (day, day))
    for m in _KOREAN_DAY.finditer(question):
        day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        add(m, (day, day))
    for m in _KOREAN_MONTH.finditer(question):
        add(m, _month_range(int(m.group(1)), int(m.group(2))))
    for m in _KOREAN_YEAR.finditer(question):
        add(m, (date(int(m.group(1)), 1, 1), date(int(m.group(1)), 12, 31)))
    for pattern, make in _RELATIVE:
        for m in pattern.finditer(question):
            add(m, make(today))  # type: ignore[operator]
    return [(start, value) for start, _, value in sorted(found)]
