"""Period slots: two date binds over one column that together are one period, and the grain their examples span.

`col >= :a AND col < :b` (end exclusive), `col >= :a AND col <= :b` and `col BETWEEN :a AND :b` (end inclusive),
also with `>` for the start. The grain is read off the examples: one day; a calendar month (also February, and
December → January), quarter, half or year; otherwise `days` with their number. A lone date comparison
(`col >= '2025-01-01'`, "since") is no period: it stays a date slot with its role.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta

from text2sql_core.models import TemplateParam, TemplatePeriod
from text2sql_core.models.templates import Grain

__all__ = ["find_periods", "grain_of"]

_STARTS = {"gte", "gt", "between_low"}
_ENDS = {"lt", "lte", "between_high"}


def _parse(param: TemplateParam) -> datetime | None:
    if param.date_format is None:
        return None
    try:
        return datetime.strptime(str(param.example), param.date_format)
    except ValueError:
        return None


def _step(fmt: str) -> relativedelta:
    """The resolution a date form is written at: `%Y%m` names a whole month, `%Y` a year, a time a second."""
    if "%S" in fmt or "%M" in fmt:
        return relativedelta(seconds=1) if "%S" in fmt else relativedelta(minutes=1)
    if "%d" in fmt:
        return relativedelta(days=1)
    return relativedelta(months=1) if "%m" in fmt else relativedelta(years=1)


def _exclusive_end(end: datetime, fmt: str) -> datetime:
    """The first instant after an inclusive end: "<= '2026-10-31'" → 11-01; "<= '2026-10-31 23:59:59'" → 11-01
    00:00:00 (a second past it), so both read as the month they are."""
    return end + _step(fmt)


def grain_of(start: date, end_exclusive: date) -> tuple[Grain, int | None]:
    """What `[start, end_exclusive)` is: a day, a calendar month/quarter/half/year, or N days."""
    if end_exclusive - start == timedelta(days=1):
        return "day", None
    if start.day == 1:
        for months, grain in ((1, "month"), (3, "quarter"), (6, "half"), (12, "year")):
            aligned = (start.month - 1) % months == 0
            if aligned and start + relativedelta(months=months) == end_exclusive:
                return grain, None  # type: ignore[return-value]
    return "days", (end_exclusive - start).days


def _period(name: str, first: TemplateParam, second: TemplateParam) -> TemplatePeriod | None:
    start, end = _parse(first), _parse(second)
    if start is None or end is None or first.date_format is None or second.date_format is None:
        return None
    if first.role == "gt":
        start = start + _step(first.date_format)
    inclusive = second.role in {"lte", "between_high"}
    stop = _exclusive_end(end, second.date_format) if inclusive else end
    if stop.time() != datetime.min.time() or start.time() != datetime.min.time() or stop <= start:
        grain: Grain = "days"
        days: int | None = max(1, (stop.date() - start.date()).days)
    else:
        grain, days = grain_of(start.date(), stop.date())
    return TemplatePeriod(name=name, column=first.column or "", table=first.table, start_param=first.name,
                          end_param=second.name, end_inclusive=inclusive, grain=grain, days=days)


def _pairs(params: list[TemplateParam]) -> list[tuple[TemplateParam, TemplateParam]]:
    dates = [p for p in params if p.type == "date" and p.column]
    pairs: list[tuple[TemplateParam, TemplateParam]] = []
    used: set[str] = set()
    for first in dates:
        if first.role not in _STARTS or first.name in used:
            continue
        between = first.role == "between_low"
        for second in dates:
            fits = second.role == "between_high" if between else second.role in {"lt", "lte"}
            same = (second.column or "").lower() == (first.column or "").lower() and second.table == first.table
            if fits and same and second.name not in used:
                used.update({first.name, second.name})
                pairs.append((first, second))
                break
    return pairs


def find_periods(params: list[TemplateParam], bind_name: Callable[[str | None], str]) -> list[TemplatePeriod]:
    """The period slots among `params` (which get `period=<name>`); `bind_name` makes a readable name."""
    periods: list[TemplatePeriod] = []
    taken = {p.name for p in params}
    for first, second in _pairs(params):
        base = f"{bind_name(first.column)}_period"
        name, n = base, 1
        while name in taken:
            n += 1
            name = f"{base}_{n}"
        period = _period(name, first, second)
        if period is None:
            continue
        taken.add(name)
        first.period = second.period = name
        periods.append(period)
    return periods
