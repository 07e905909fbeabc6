"""Date slots filled from the periods a question states (`text2sql_core.text.find_periods`), each at its grain.

A template's date binds form *groups*: a `TemplatePeriod` (two binds that are one period: `>= :start AND < :end`,
`BETWEEN :a AND :b`), or a single bind — "since" (gte/gt), "until" (lt/lte) or one day/month (eq). Periods of the
question go to groups in order. A group takes a period only if it can say all of it:

- a pair takes a closed period as a whole (start → start, end or inclusive end → end);
- a since-slot takes an open-ended period, or one that runs past today ("올해" → 01-01), at its start;
- an until-slot takes an open-started period at its end;
- an eq-slot takes one day (a month for a month-format slot).

Anything else is a leftover: the template cannot express it, so Phase 1 must not answer. A group the question gives
no period for is missing — never the example's value. Values are written as the example was: its `date_format`
(str, or int for a number example), a timestamp example keeps its time part."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from text2sql_core.models import SQLTemplateInDB, TemplateParam
from text2sql_core.text import Period, find_periods, parse_date_literal

__all__ = ["DateGroup", "PeriodBinding", "bind_periods", "date_groups", "format_date", "infer_date_format"]

_LOW = {"gte", "gt", "between_low"}
_HIGH = {"lt", "lte", "between_high"}
_MONTH_FORMATS = {"%Y%m", "%Y-%m", "%Y/%m", "%Y.%m"}


@dataclass
class DateGroup:
    """One fillable unit: a pair (start, end) or a single bind with its role."""

    start: TemplateParam | None = None
    end: TemplateParam | None = None
    end_inclusive: bool = False
    single_role: str = ""

    @property
    def params(self) -> list[TemplateParam]:
        return [p for p in (self.start, self.end) if p is not None]


@dataclass
class PeriodBinding:
    values: dict[str, Any] = field(default_factory=dict)
    used: list[Period] = field(default_factory=list)
    leftovers: list[Period] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    # Every question period, for callers that must not read its digits as numbers ("2024년" is not 2024 units).
    periods: list[Period] = field(default_factory=list)


def infer_date_format(example: Any) -> str | None:
    """The strftime pattern an example date was written in ("2024-01-01" → "%Y-%m-%d"), None if not a date."""
    text = str(example).strip()
    head = text[:10] if re.match(r"\d{4}-\d{2}-\d{2}[ T]\d", text) else text
    parsed = parse_date_literal(head)
    if parsed is None:
        return None
    if re.fullmatch(r"\d{8}", head):
        return "%Y%m%d"
    if re.fullmatch(r"\d{6}", head):
        return "%Y%m"
    sep = re.search(r"[-/.]", head)
    mark = sep.group(0) if sep else "-"
    return f"%Y{mark}%m{mark}%d" if parsed[1] == "day" else f"%Y{mark}%m"


def _format_of(param: TemplateParam) -> str | None:
    return param.date_format or infer_date_format(param.example)


def is_date_param(param: TemplateParam) -> bool:
    return param.from_question and (param.type == "date" or (param.type == "unknown" and _format_of(param) is not None))


def format_date(day: date, param: TemplateParam) -> Any:
    """`day` written as the param's example was: same pattern, same type, a timestamp's time part kept."""
    pattern = _format_of(param) or "%Y-%m-%d"
    written = day.strftime(pattern)
    example = param.example
    if isinstance(example, int) and not isinstance(example, bool):
        return int(written)
    text = str(example or "")
    if pattern == "%Y-%m-%d" and re.match(r"\d{4}-\d{2}-\d{2}[ T]\d", text):
        return written + text[10:]
    return written


def date_groups(template: SQLTemplateInDB, roles: dict[str, str]) -> list[DateGroup]:
    """The template's date groups in SQL order: declared `periods` first-class, else pairs over one column."""
    dates = [p for p in template.params if is_date_param(p)]
    by_name = {p.name: p for p in dates}
    groups: list[DateGroup] = []
    taken: set[str] = set()
    for period in template.periods:
        start, end = by_name.get(period.start_param), by_name.get(period.end_param)
        if start and end:
            groups.append(DateGroup(start, end, period.end_inclusive))
            taken |= {start.name, end.name}
    for param in dates:
        if param.name in taken:
            continue
        role = param.role or roles.get(param.name, "")
        partner = next((p for p in dates if p.name not in taken and p is not param and role in _LOW
                        and (p.role or roles.get(p.name, "")) in _HIGH and p.column == param.column), None)
        if partner is not None:
            partner_role = partner.role or roles.get(partner.name, "")
            groups.append(DateGroup(param, partner, partner_role in {"lte", "between_high"}))
            taken |= {param.name, partner.name}
        else:
            groups.append(DateGroup(start=param, single_role=role))
            taken.add(param.name)
    return groups


def _month_aligned(day: date) -> bool:
    return day.day == 1


def _values_for(group: DateGroup, period: Period, today: date) -> dict[str, Any] | None:
    """The values that say `period` in `group`, or None when the group cannot say all of it."""
    if group.end is not None and group.start is not None:
        if period.open_start or period.open_end:
            return None
        end = period.inclusive_end if group.end_inclusive else period.end
        month_slots = any(_format_of(p) in _MONTH_FORMATS for p in group.params)
        if month_slots and not (_month_aligned(period.start) and _month_aligned(period.end)):
            return None
        return {group.start.name: format_date(period.start, group.start), group.end.name: format_date(end, group.end)}
    param = group.start
    assert param is not None
    month_slot = _format_of(param) in _MONTH_FORMATS
    role = group.single_role
    if role in {"gte", "gt"}:
        if period.open_start or (not period.open_end and period.end <= today):
            return None  # a period that ended before today has an end this slot cannot say
        day = period.start if role == "gte" else period.start - timedelta(days=1)
        return {param.name: format_date(day, param)} if not month_slot or _month_aligned(period.start) else None
    if role in {"lt", "lte"}:
        if not period.open_start:
            return None
        day = period.end if role == "lt" else period.inclusive_end
        return {param.name: format_date(day, param)}
    if role in {"eq", ""}:
        if period.open_start or period.open_end:
            return None
        if period.grain == "day" or period.days == 1:
            return {param.name: format_date(period.start, param)}
        if month_slot and period.grain == "month":
            return {param.name: format_date(period.start, param)}
    return None


def bind_periods(template: SQLTemplateInDB, question: str, today: date, roles: dict[str, str]) -> PeriodBinding:
    """Fill every date group from the question's periods, in order; say which periods were left over."""
    binding = PeriodBinding(periods=find_periods(question, today))
    queue = list(binding.periods)
    for group in date_groups(template, roles):
        chosen = next(((p, v) for p in queue if (v := _values_for(group, p, today)) is not None), None)
        if chosen is None:
            binding.missing.extend(p.name for p in group.params)
            continue
        period, values = chosen
        queue.remove(period)
        binding.used.append(period)
        binding.values.update(values)
    binding.leftovers = queue
    return binding
