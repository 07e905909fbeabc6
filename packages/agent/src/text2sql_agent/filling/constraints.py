"""Constraint accounting: everything the question states must be said by the filled template, or it is a leftover.

A constraint is a period, a value (a value-index match, a quoted string), a number (digits or words, with counters:
5명, 세 개), a limit (상위 5, top 10, 5개만), a comparison (이상/이하/초과/미만, more than/at least) or a column the
question names. Each must be consumed: by a slot that took it, by a constant or fixed rule of the template that
already says it ("취소 제외" and `status <> '취소'`), or — for a column — by the template reading that column.
The end of a ranking (가장 낮은 / highest) must be the one the template's ORDER BY … LIMIT takes.
A question that says more than the template can express is not answered by Phase 1: a wrong answer is worse than
none."""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from text2sql_agent.filling.binder import FillResult, question_numbers
from text2sql_agent.filling.periods import is_date_param
from text2sql_agent.filling.roles import INEQUALITIES, param_roles
from text2sql_agent.filling.values import STRONG_METHODS, ValueEvidence
from text2sql_core.models import SQLTemplateInDB
from text2sql_core.numberwords import number_from_word
from text2sql_core.sqltext import parse_one

__all__ = ["Leftover", "LeftoverKind", "account_constraints"]

LeftoverKind = Literal["period", "value", "unknown_value", "number", "limit", "comparison", "column", "order"]
Span = tuple[int, int]

_QUOTED = re.compile(r"'([^']+)'|\"([^\"]+)\"|‘([^’]+)’|“([^”]+)”")
_LIMIT_BEFORE = re.compile(r"(?:상위|하위|top|bottom|first|last|처음|최초|마지막)\s*$", re.I)
_LIMIT_AFTER = re.compile(r"^\s*(?:개|건|명|곳|위|줄|행)\s*만|^\s+(?:rows?|results?)\s+only", re.I)
# Comparison words; a period's own words (이후, 이전, since, before) are read with the period.
_COMPARISON = re.compile(
    r"이상|이하|초과|미만|넘는|넘게|넘은|넘어|보다\s*(?:많|적|크|작|높|낮|큰|비싼|싼)"
    r"|\b(?:more|less|greater|fewer|higher|lower|larger|smaller|older|younger)\s+than\b"
    r"|\bat\s+(?:least|most)\b|\bor\s+(?:more|less|fewer|higher|lower)\b|\b(?:above|below|exceeding|over|under)\s+\d",
    re.I)


# Which end of a ranking the question asks for ("가장 낮은 5명" is the bottom, whatever the template's LIMIT says).
_LOW_END = re.compile(r"낮은|낮게|적은|적게|최저|최소|가장\s*싼|제일\s*싼|하위"
                      r"|\b(?:lowest|(?<!at )least|fewest|cheapest|smallest|bottom)\b", re.I)
_HIGH_END = re.compile(r"높은|높게|많은|많이|최고|최대|비싼|상위"
                       r"|\b(?:highest|(?<!at )most|largest|biggest|top|best)\b", re.I)


class Leftover(BaseModel):
    """One thing the question says that the chosen template cannot: its kind, its words, where they stand."""

    model_config = ConfigDict(frozen=True)

    kind: LeftoverKind
    text: str
    span: Span = (0, 0)

    def __init__(self, kind: LeftoverKind, text: str, span: Span = (0, 0), **_: Any) -> None:
        super().__init__(kind=kind, text=text, span=span)


def _overlaps(span: Span, spans: list[Span]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in spans)


def _fixed_text(template: SQLTemplateInDB) -> str:
    """What the template says with no slot: its SQL's literals and rules, lower-cased (constants included)."""
    constants = [str(p.example) for p in template.params if not p.from_question]
    return " ".join([template.normalized_text, *template.rules, *constants]).lower()


def _number_value(text: str) -> float | None:
    cleaned = text.replace(",", "")
    try:
        return float(cleaned)
    except ValueError:
        word = number_from_word(cleaned)
        return float(word) if word is not None else None


def _numbers_said(template: SQLTemplateInDB, fill: FillResult) -> set[float]:
    """Numbers the filled template states: bound numbers and constants (LIMIT 1 for "the youngest")."""
    said: set[float] = set()
    for name, value in fill.values.items():
        number = _number_value(str(value).strip("%"))
        if number is not None and fill.methods.get(name) != "period":
            said.add(number)
    said |= {float(n) for n in re.findall(r"(?<![\w:.])\d+(?:\.\d+)?(?![\w.])", template.normalized_text)}
    return said


def _number_leftovers(question: str, template: SQLTemplateInDB, fill: FillResult, consumed: list[Span]) -> list[
        Leftover]:
    said = _numbers_said(template, fill)
    out = []
    for span, text in question_numbers(question, [p.span for p in fill.periods.periods]):
        if _overlaps(span, consumed) or _number_value(text) in said:
            continue
        limit = _LIMIT_BEFORE.search(question[max(0, span[0] - 8):span[0]]) or _LIMIT_AFTER.match(question[span[1]:])
        out.append(Leftover("limit" if limit else "number", question[span[0]:span[1]], span))
    return out


def _comparison_leftovers(question: str, template: SQLTemplateInDB, fill: FillResult) -> list[Leftover]:
    roles = param_roles(template)
    dates = {p.name for p in template.params if is_date_param(p)}
    # An inequality the template holds on a non-date slot, or as fixed SQL (HAVING COUNT(*) >= 2), says it.
    has_inequality = any(r in INEQUALITIES for n, r in roles.items() if n not in dates) or bool(
        re.search(r"[<>]=?\s*\d", template.normalized_text))
    if has_inequality:
        return []
    period_spans = [p.span for p in fill.periods.periods]
    return [Leftover("comparison", m.group(0), (m.start(), m.end())) for m in _COMPARISON.finditer(question)
            if not _overlaps((m.start(), m.end()), period_spans)]


def _order_leftovers(question: str, template: SQLTemplateInDB) -> list[Leftover]:
    """A top-N/superlative template (ORDER BY … LIMIT) ranks one way; a question that asks only for the other end
    is another question ("급여가 가장 낮은 직원" against `ORDER BY salary DESC LIMIT 5`)."""
    try:
        tree = parse_one(template.normalized_text, template.dialect)
    except Exception:  # an unparsable template has no ranking to check
        return []
    order = tree.args.get("order")
    if order is None or not (tree.args.get("limit") or tree.args.get("fetch")) or not order.expressions:
        return []
    descending = {bool(o.args.get("desc")) for o in order.expressions}
    low, high = list(_LOW_END.finditer(question)), list(_HIGH_END.finditer(question))
    if descending == {True} and low and not high:
        return [Leftover("order", low[0].group(0), low[0].span())]
    if descending == {False} and high and not low:
        return [Leftover("order", high[0].group(0), high[0].span())]
    return []


def _value_leftovers(question: str, template: SQLTemplateInDB, fill: FillResult, evidence: ValueEvidence | None,
                     consumed: list[Span]) -> list[Leftover]:
    out: list[Leftover] = []
    fixed = _fixed_text(template)
    bound = {str(v).strip("%").lower() for v in fill.values.values()}
    for m in _QUOTED.finditer(question):
        text = next(g for g in m.groups() if g)
        if not _overlaps((m.start(), m.end()), consumed) and text.lower() not in bound and text.lower() not in fixed:
            out.append(Leftover("value", text, (m.start(), m.end())))
    for match in evidence.matches if evidence else []:
        span = (match.start, match.end)
        value = str(match.value).lower()
        if match.method not in STRONG_METHODS or _overlaps(span, consumed) or _overlaps(span, [o.span for o in out]):
            continue
        if value in bound or f"'{value}'" in fixed:
            continue
        out.append(Leftover("value", match.text, span))
    for name, value in fill.unknown.items():
        out.append(Leftover("unknown_value", value, fill.spans.get(name, (0, 0))))
    return out


def _column_leftovers(question: str, template: SQLTemplateInDB, vocabulary: Any | None,
                      consumed: list[Span]) -> list[Leftover]:
    """Columns the vocabulary says the question names (column-level matches only) that the template never reads."""
    finder = getattr(vocabulary, "columns_mentioned", None)
    if finder is None:
        return []
    read = {c.lower().rsplit(".", 1)[-1] for c in template.columns}
    # One stretch may name columns of several tables ("이름": employees.name, customers.name): it is said when the
    # template reads any of them.
    stretches: dict[Span, tuple[str, set[str]]] = {}
    for mention in finder(question):
        column = getattr(mention, "column", None) or (mention[1] if isinstance(mention, tuple) else None)
        if not column:
            continue
        span = tuple(getattr(mention, "span", (0, 0)))
        text = getattr(mention, "text", None) or str(column)
        stretches.setdefault(span, (text, set()))[1].add(column.lower())  # type: ignore[index]
    return [Leftover("column", text, span) for span, (text, columns) in stretches.items()
            if not columns & read and not _overlaps(span, consumed)]


def account_constraints(question: str, template: SQLTemplateInDB, fill: FillResult,
                        evidence: ValueEvidence | None = None, vocabulary: Any | None = None) -> list[Leftover]:
    """Every constraint of `question` the filled `template` does not say, in the order the question says them."""
    consumed = [*fill.spans.values(), *(p.span for p in fill.periods.used)]
    leftovers = [Leftover("period", p.text, p.span) for p in fill.periods.leftovers]
    values = _value_leftovers(question, template, fill, evidence, consumed)
    leftovers += values
    consumed += [v.span for v in values]
    leftovers += _number_leftovers(question, template, fill, consumed)
    leftovers += _comparison_leftovers(question, template, fill)
    leftovers += _column_leftovers(question, template, vocabulary, consumed)
    leftovers += _order_leftovers(question, template)
    return sorted(leftovers, key=lambda item: item.span)
