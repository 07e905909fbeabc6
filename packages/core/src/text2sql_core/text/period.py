"""A period of time said in a question, as a half-open date range, and the calendar arithmetic that builds one.

`end` is exclusive, so `col >= :start AND col < :end` is exact for DATE and TIMESTAMP columns alike (a timestamp at
23:59 on the last day is inside; a BETWEEN on the inclusive end would miss it). `inclusive_end` is there for
`BETWEEN` templates on DATE columns and for display. Weeks start on Monday (ISO 8601, and Korean business usage).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal

__all__ = [
    "OPEN_END",
    "OPEN_START",
    "DateRange",
    "Grain",
    "Period",
    "add_months",
    "add_years",
    "day_range",
    "half_range",
    "month_range",
    "quarter_range",
    "week_range",
    "year_range",
]

# "day".."year": one calendar unit or a run of whole units; "days": any other run of days (rolling windows,
# ranges whose ends differ in unit, open periods).
Grain = Literal["day", "week", "month", "quarter", "half", "year", "days"]

# An open side ("3월부터", "until May") has no bound: these stand in for it, and open_start/open_end say so, so a
# caller can drop that side of the condition instead of comparing with year 1 or 9999.
OPEN_START = date.min
OPEN_END = date.max

DateRange = tuple[date, date]  # [start, end)


@dataclass(frozen=True, slots=True)
class Period:
    """[start, end) in days; `span` is (start, end) character offsets of `text` in the question."""

    start: date
    end: date
    grain: Grain
    span: tuple[int, int] = (0, 0)
    text: str = ""
    open_start: bool = False
    open_end: bool = False

    @property
    def inclusive_end(self) -> date:
        """The last day inside the period (for BETWEEN on DATE columns)."""
        return self.end - timedelta(days=1)

    @property
    def days(self) -> int:
        return (self.end - self.start).days

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day < self.end

    def clipped(self, last_day: date) -> Period:
        """The same period ending no later than `last_day` (inclusive): "이번 달" up to today."""
        end = min(self.end, last_day + timedelta(days=1))
        return replace(self, end=max(end, self.start), open_end=self.open_end and end == self.end)

    def as_dict(self) -> dict[str, object]:
        """JSON-ready: ISO dates, the inclusive end too."""
        return {"start": self.start.isoformat(), "end": self.end.isoformat(),
                "inclusive_end": self.inclusive_end.isoformat(), "grain": self.grain, "span": list(self.span),
                "text": self.text, "open_start": self.open_start, "open_end": self.open_end}


def add_months(day: date, months: int) -> date:
    """`day` moved by whole months, the day clamped to the target month's length (Mar 31 − 1 month = Feb 28/29)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, _month_length(year, month)))


def add_years(day: date, years: int) -> date:
    """`day` moved by whole years; Feb 29 becomes Feb 28 in a common year."""
    return add_months(day, 12 * years)


def _month_length(year: int, month: int) -> int:
    following = date(year + (month == 12), month % 12 + 1, 1)
    return (following - date(year, month, 1)).days


def day_range(day: date) -> DateRange:
    return day, day + timedelta(days=1)


def week_range(day: date) -> DateRange:
    """The Monday-to-Sunday week holding `day`."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=7)


def month_range(year: int, month: int) -> DateRange:
    start = date(year, month, 1)
    return start, add_months(start, 1)


def quarter_range(year: int, quarter: int) -> DateRange:
    start = date(year, 3 * (quarter - 1) + 1, 1)
    return start, add_months(start, 3)


def half_range(year: int, half: int) -> DateRange:
    start = date(year, 1 if half == 1 else 7, 1)
    return start, add_months(start, 6)


def year_range(year: int) -> DateRange:
    return date(year, 1, 1), date(year + 1, 1, 1)
