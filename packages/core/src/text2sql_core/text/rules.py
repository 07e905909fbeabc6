"""What a period rule is: a pattern, and a builder that turns its match into dates (or declines it).

The Korean and English rule tables are written in these terms; `periods.find_periods` runs them all and resolves
overlaps. A builder declines (returns None) when the match names no real date ("2월 30일").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from text2sql_core.text.counts import Unit
from text2sql_core.text.period import (
    DateRange,
    Grain,
    add_months,
    add_years,
    day_range,
    half_range,
    month_range,
    quarter_range,
    week_range,
)

__all__ = [
    "Builder", "Found", "Rule", "ago", "day_of", "found", "half_of", "latest", "month_of", "month_span", "quarter_of",
    "rule", "said_or_latest", "window",
]


@dataclass(frozen=True, slots=True)
class Found:
    """A rule's reading of its match. `in_year` re-reads it in another year when the text said no year ("3월"):
    a range like "11월부터 2025년 2월까지" uses it to put both ends in the right years."""

    start: date
    end: date
    grain: Grain
    in_year: Callable[[int], DateRange] | None = None


Builder = Callable[[re.Match[str], date], Found | None]


@dataclass(frozen=True, slots=True)
class Rule:
    """`needs`: the rule runs only when the lower-cased text holds one of these (most questions hold none, and a
    substring test costs far less than a regex scan). A group named `body` marks the period's own text inside a
    match that also reads its context ("in 2024" is matched, "2024" is the period)."""

    name: str
    pattern: re.Pattern[str]
    build: Builder
    needs: tuple[str, ...]

    def applies_to(self, lowered: str) -> bool:
        return any(map(lowered.__contains__, self.needs))

    def span(self, match: re.Match[str]) -> tuple[int, int]:
        return match.span("body") if "body" in self.pattern.groupindex else match.span()


def rule(name: str, pattern: str, build: Builder, needs: tuple[str, ...] | str, flags: int = 0) -> Rule:
    return Rule(name, re.compile(pattern, flags), build, (needs,) if isinstance(needs, str) else needs)


def found(dates: DateRange, grain: Grain, in_year: Callable[[int], DateRange] | None = None) -> Found:
    return Found(dates[0], dates[1], grain, in_year)


def latest(today: date, make: Callable[[int], DateRange], grain: Grain) -> Found | None:
    """The most recent period `make(year)` that has begun by `today` ("9월" in January is last September;
    "2월 29일" in 2027 is 2024-02-29), or None when no year in the last eight makes a real date."""
    for year in range(today.year, today.year - 9, -1):
        try:
            dates = make(year)
        except ValueError:  # Feb 29 in a common year: try the year before
            continue
        if dates[0] <= today:
            return found(dates, grain, make)
    return None


def said_or_latest(year: int | None, today: date, make: Callable[[int], DateRange], grain: Grain) -> Found | None:
    """In the year the text said, else the latest one begun by today; None when the date does not exist."""
    if year is None:
        return latest(today, make, grain)
    try:
        return found(make(year), grain)
    except ValueError:  # 2027년 2월 29일
        return None


# Calendar periods named by numbers, in the year said or else the latest begun: each language only reads the numbers
# (and the year) off its own words, these say which days they are.
def day_of(year: int | None, today: date, month: int, day: int) -> Found | None:
    return said_or_latest(year, today, lambda y: day_range(date(y, month, day)), "day")


def month_of(year: int | None, today: date, month: int) -> Found | None:
    return said_or_latest(year, today, lambda y: month_range(y, month), "month")


def month_span(year: int | None, today: date, first: int, last: int) -> Found | None:
    """Months `first` to `last`; "11~2월" / "Nov-Feb" starts in November of the year before."""

    def make(y: int) -> DateRange:
        return month_range(y - (first > last), first)[0], month_range(y, last)[1]

    return said_or_latest(year, today, make, "month")


def quarter_of(year: int | None, today: date, quarter: int) -> Found | None:
    return said_or_latest(year, today, lambda y: quarter_range(y, quarter), "quarter")


def half_of(year: int | None, today: date, half: int) -> Found | None:
    return said_or_latest(year, today, lambda y: half_range(y, half), "half")


def window(today: date, count: int, unit: Unit) -> Found | None:
    """A rolling window of `count` units ending today, today included: "최근 7일" on the 22nd is the 16th–22nd,
    "최근 3개월" on 11-22 is 08-23–11-22. None for zero units."""
    if count <= 0:
        return None
    if unit == "day":
        first = today - timedelta(days=count)
    elif unit == "week":
        first = today - timedelta(weeks=count)
    elif unit == "month":
        first = add_months(today, -count)
    else:
        first = add_years(today, -count)
    return found((first + timedelta(days=1), today + timedelta(days=1)), "days")


def ago(today: date, count: int, unit: Unit) -> Found:
    """"N일 전" is that day, "N주 전" that Monday-to-Sunday week, "N개월 전" that calendar month, "N년 전" that day
    (a year before today, Feb 29 → Feb 28: "1년 전" is mostly said of a date, as in "1년 전 오늘")."""
    if unit == "day":
        return found(day_range(today - timedelta(days=count)), "day")
    if unit == "week":
        return found(week_range(today - timedelta(weeks=count)), "week")
    if unit == "month":
        first = add_months(date(today.year, today.month, 1), -count)
        return found(month_range(first.year, first.month), "month")
    return found(day_range(add_years(today, -count)), "day")
