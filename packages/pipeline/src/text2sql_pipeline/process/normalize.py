"""Every literal in a value position becomes a typed slot (a named bind); business rules stay literals.

Value positions are the operands of comparisons, IN lists, BETWEEN bounds, row limits (LIMIT, FETCH FIRST,
`ROWNUM <= n`) and the count of a window back from today (`d >= SYSDATE - 7`). Literals elsewhere (format masks
like TO_CHAR(d, 'YYYY-MM'), ROUND(x, 2), labels in the select list) are part of the query's shape. What a literal
is (text, number, limit, date and how it is written) is decided in `slots`; which two dates make one period in
`periods`; which literals are rules in `rules`; bind names in `naming`.

A date keeps its wrapper and only the literal becomes the bind: `DATE '2026-10-01'` → `CAST(:d AS DATE)` (Oracle:
`TO_DATE(:d, 'YYYY-MM-DD')`), `TO_DATE('20261001', 'YYYYMMDD')` → `TO_DATE(:d, 'YYYYMMDD')`, so inlining the
examples prints the original query again.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlglot import exp

from text2sql_core.models import TemplateParam, TemplatePeriod
from text2sql_core.models.templates import SlotRole, SlotType
from text2sql_core.numberwords import number_words, word_pattern
from text2sql_core.sqltext import render
from text2sql_pipeline.process.naming import bind_name, name_in_reading_order
from text2sql_pipeline.process.periods import find_periods
from text2sql_pipeline.process.rules import is_negated, named_as_rule
from text2sql_pipeline.process.slots import find_literal, temporal_expression

__all__ = ["NormalizedSQL", "parameterize"]

_ROLES: dict[type, SlotRole] = {exp.EQ: "eq", exp.NEQ: "neq", exp.GT: "gt", exp.GTE: "gte", exp.LT: "lt",
                                exp.LTE: "lte", exp.Like: "like", exp.ILike: "like", exp.Is: "eq",
                                exp.NullSafeEQ: "eq", exp.NullSafeNEQ: "neq"}
# `5 < col` is `col > 5`: the role is said from the column's side.
_FLIPPED: dict[SlotRole, SlotRole] = {"gt": "lt", "gte": "lte", "lt": "gt", "lte": "gte"}
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


@dataclass
class NormalizedSQL:
    tree: exp.Expression
    sql_text: str
    normalized_text: str
    params: list[TemplateParam] = field(default_factory=list)
    periods: list[TemplatePeriod] = field(default_factory=list)
    # Rule conditions kept as literals, as readable SQL ("o.status <> '취소'").
    rules: list[str] = field(default_factory=list)


def _aliases(tree: exp.Expression) -> tuple[dict[str, str], str | None]:
    """Alias (or name) → table, and the one table the query reads when it reads only one."""
    ctes = {cte.alias_or_name.lower() for cte in tree.find_all(exp.CTE)}
    aliases: dict[str, str] = {}
    for table in tree.find_all(exp.Table):
        if isinstance(table.this, exp.Identifier) and table.name.lower() not in ctes:
            aliases[(table.alias or table.name).lower()] = table.name
    names = set(aliases.values())
    return aliases, (next(iter(names)) if len(names) == 1 else None)


class _Binder:
    def __init__(self, tree: exp.Expression, dialect: str, question: str, description: str,
                 column_types: Mapping[str, str]) -> None:
        self.params: list[TemplateParam] = []
        self.rules: list[str] = []
        self.dialect = dialect
        self.question = question.lower()
        self.texts = [t for t in (description, question) if t]
        self.types = {k.lower(): v for k, v in column_types.items()}
        self.aliases, self.only_table = _aliases(tree)

    def _column(self, node: exp.Expression | None) -> exp.Column | None:
        if node is None:
            return None
        return node if isinstance(node, exp.Column) else node.find(exp.Column)

    def table_of(self, column: exp.Column) -> str | None:
        """The table a column belongs to, where the query says it (its qualifier, or the one table read)."""
        return self.aliases.get(column.table.lower()) if column.table else self.only_table

    def type_of(self, column: exp.Column) -> str | None:
        table = self.table_of(column)
        return self.types.get(f"{table}.{column.name}".lower()) or self.types.get(column.name.lower())

    def rule(self, condition: exp.Expression) -> None:
        text = render(condition, self.dialect)
        if text not in self.rules:
            self.rules.append(text)

    def bind(self, node: exp.Expression, other: exp.Expression | None, role: SlotRole, suffix: str = "",
             kind: SlotType | None = None, condition: exp.Expression | None = None) -> bool:
        """Replace the literal `node` is (or wraps) with a bind; False when it is no literal or a named rule."""
        found = find_literal(node, temporal_expression(other, self.type_of))
        if found is None:
            return False
        if condition is not None and found.kind != "date" and named_as_rule(found.value, self.texts):
            self.rule(condition)
            return False
        column = self._column(other)
        column_name = column.name if column is not None else None
        table = self.table_of(column) if column is not None else None
        slot_type: SlotType = kind or found.kind  # type: ignore[assignment]
        base = "limit" if slot_type == "limit" else (f"{bind_name(column_name)}{suffix}" if column_name else "p")
        # A provisional name; `name_in_reading_order` gives the readable one once every slot is known.
        name = f"{base}__slot{len(self.params)}"
        # A date is always the question's to state: the example's day is never a right default.
        from_question = True if slot_type == "date" else self._in_question(found.value)
        self.params.append(TemplateParam(
            name=name, example=found.value, type=slot_type, column=column_name, table=table, role=role,
            date_format=found.date_format, from_question=from_question))
        found.node.replace(exp.Placeholder(this=name))
        return True

    def asks_to_exclude(self, nodes: list[exp.Expression]) -> bool:
        """The example question itself names every value left out ("singers not from France"): the person chose
        it, and the next question may leave out another — a slot, not a rule. A value nobody asked about
        (`status <> '취소'` in "월별 매출") is the query's own rule."""
        literals = [find_literal(n, None) for n in nodes]
        return bool(literals) and all(
            found is not None and found.kind == "string" and bool(self.question) and self._in_question(found.value)
            and not named_as_rule(found.value, self.texts)
            for found in literals
        )

    def _in_question(self, value: Any) -> bool:
        if not self.question:
            return True
        text = str(value).lower().strip("%")  # LIKE '%Air%' is stated in the question as "Air"
        if isinstance(value, float) and value.is_integer():
            text = str(int(value))
        if re.search(rf"(?<![0-9a-z]){re.escape(text)}(?![0-9a-z])", self.question):
            return True
        # "at least two friends" states HAVING COUNT(*) >= 2; a Korean numeral may run into its counter (두명).
        return any(re.search(word_pattern(word), self.question) for word in number_words(value))


def _is_constant(node: exp.Expression) -> bool:
    return find_literal(node, temporal=None) is not None


def _comparison(node: exp.Expression, binder: _Binder) -> None:
    left, right = node.this, node.expression
    role = _ROLES[type(node)]
    if _is_constant(right) and not _is_constant(left):
        literal, other = right, left
    elif _is_constant(left) and not _is_constant(right):
        literal, other, role = left, right, _FLIPPED.get(role, role)
    else:
        _relative_window(node, left, right, role, binder)
        return
    negated = is_negated(node)
    if negated is not None and not binder.asks_to_exclude([literal]):
        binder.rule(negated)
        return
    column = binder._column(other)
    if isinstance(other, exp.Column) and column is not None and column.name.lower() == "rownum":
        if role in {"lt", "lte"}:  # ROWNUM <= n keeps n rows, ROWNUM < n keeps n - 1: the role tells which
            binder.bind(literal, None, "limit" if role == "lte" else "lt", kind="limit")
        return
    binder.bind(literal, other, role, condition=node)


_NOW = (exp.CurrentDate, exp.CurrentTimestamp, exp.CurrentDatetime)


def _relative_window(node: exp.Expression, left: exp.Expression, right: exp.Expression, role: SlotRole,
                     binder: _Binder) -> None:
    """`d >= SYSDATE - 7`, `d >= CURRENT_DATE - 30`, `ADD_MONTHS(TRUNC(SYSDATE, 'MM'), -1)`: the count is a
    number slot named for its unit (`order_date_days`, `order_date_months`), so "최근 30일" cannot reuse 7."""
    column, moved = (left, right) if isinstance(left, exp.Column) else (right, left)
    if not isinstance(column, exp.Column) or is_negated(node) is not None:
        return
    if column is right:  # `CURRENT_DATE - 30 <= d` is `d >= CURRENT_DATE - 30`
        role = _FLIPPED.get(role, role)
    if isinstance(moved, exp.Sub | exp.Add) and moved.this.find(*_NOW) is not None:
        binder.bind(moved.expression, column, role, "_days", kind="number")
    elif isinstance(moved, exp.AddMonths) and moved.this.find(*_NOW) is not None:
        binder.bind(moved.expression, column, role, "_months", kind="number")


def _rewrite(node: exp.Expression, binder: _Binder) -> None:
    if isinstance(node, tuple(_ROLES)):
        _comparison(node, binder)
    elif isinstance(node, exp.In) and node.expressions:
        negated = is_negated(node)
        if negated is not None and any(_is_constant(e) for e in node.expressions):
            if not binder.asks_to_exclude(list(node.expressions)):
                binder.rule(negated)
                return
            for value in list(node.expressions):
                binder.bind(value, node.this, "neq")
            return
        # One value named as excluded makes the whole list the rule ("취소·반품 제외").
        literals = [found for e in node.expressions if (found := find_literal(e, None)) is not None]
        if any(named_as_rule(found.value, binder.texts) for found in literals):
            binder.rule(node)
            return
        for value in list(node.expressions):
            binder.bind(value, node.this, "in")
    elif isinstance(node, exp.Between):
        negated = is_negated(node)
        if negated is not None:
            binder.rule(negated)
            return
        binder.bind(node.args["low"], node.this, "between_low", "_from")
        binder.bind(node.args["high"], node.this, "between_high", "_to")
    elif isinstance(node, exp.Limit) and node.expression is not None:
        binder.bind(node.expression, None, "limit", kind="limit")
    elif isinstance(node, exp.Offset) and node.expression is not None:
        binder.bind(node.expression, None, "other", kind="number")
    elif isinstance(node, exp.Fetch) and node.args.get("count") is not None:
        binder.bind(node.args["count"], None, "limit", kind="limit")


def parameterize(tree: exp.Expression, dialect: str, question: str = "", description: str = "",
                 column_types: Mapping[str, str] | None = None) -> NormalizedSQL:
    """A copy of `tree` with literals in value positions replaced by `:name` binds (examples kept).

    `question` is the example question (decides `from_question`); `description` and `question` can name rules
    ("취소 제외"); `column_types` ("table.column" or "column" → type, from a schema) tells which columns hold dates."""
    copy = tree.copy()
    binder = _Binder(copy, dialect, question, description, column_types or {})
    for node in list(copy.walk()):
        _rewrite(node, binder)
    ordered = name_in_reading_order(copy, binder.params, render(copy, dialect))
    text = render(copy, dialect)
    periods = find_periods(ordered, bind_name)
    return NormalizedSQL(tree=copy, sql_text=render(copy, dialect, pretty=True), normalized_text=text,
                         params=ordered, periods=periods, rules=binder.rules)
