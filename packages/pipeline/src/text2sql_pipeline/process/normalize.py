"""Literals in value positions become named bind parameters; each literal is kept as its parameter's example.

Value positions are the operands of comparisons, IN lists, BETWEEN bounds and row limits. Literals elsewhere
(format masks like TO_CHAR(d, 'YYYY-MM'), ROUND(x, 2), labels in the select list) are part of the query's shape.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sqlglot import exp

from text2sql_core.models import TemplateParam
from text2sql_core.numberwords import number_words, word_pattern
from text2sql_core.sqltext import render

__all__ = ["NormalizedSQL", "parameterize"]

_COMPARISONS = (exp.EQ, exp.NEQ, exp.GT, exp.GTE, exp.LT, exp.LTE, exp.Like, exp.ILike)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?$")
_ORACLE_RESERVED = frozenset(
    """
    access add all alter and any as asc audit between by char check cluster column comment compress
    connect create current date decimal default delete desc distinct drop else exclusive exists file
    float for from grant group having identified immediate in increment index initial insert integer
    intersect into is level like lock long maxextents minus mode modify noaudit nocompress not nowait
    null number of offline on online option or order pctfree prior public raw rename resource revoke row
    rowid rownum rows select session set share size smallint start successful synonym sysdate table then
    to trigger uid union unique update user validate values varchar varchar2 view whenever where with
    limit offset value
    """.split()
)


@dataclass
class NormalizedSQL:
    tree: exp.Expression
    sql_text: str
    normalized_text: str
    params: list[TemplateParam] = field(default_factory=list)


def _literal_value(node: exp.Expression) -> tuple[Any, str] | None:
    """(value, type) of a literal, a negated number, or a DATE 'yyyy-mm-dd' literal; None for anything else."""
    if isinstance(node, exp.Neg) and isinstance(node.this, exp.Literal) and not node.this.is_string:
        value, kind = _literal_value(node.this) or (None, "")
        return (-value, kind) if isinstance(value, int | float) else None
    if isinstance(node, exp.Literal):
        if node.is_string:
            return node.this, "date" if _DATE.match(node.this) else "string"
        text = node.this
        try:
            return (int(text), "number") if re.fullmatch(r"\d+", text) else (float(text), "number")
        except ValueError:
            return None
    if isinstance(node, exp.DateStrToDate | exp.TsOrDsToDate | exp.StrToDate) and isinstance(node.this, exp.Literal):
        return node.this.this, "date"
    return None


def _column_name(node: exp.Expression | None) -> str | None:
    if node is None:
        return None
    column = node if isinstance(node, exp.Column) else node.find(exp.Column)
    return column.name if column is not None else None


def _bind_name(base: str | None) -> str:
    name = re.sub(r"[^0-9a-zA-Z_]", "_", (base or "").lower()).strip("_")
    if not name or not name[0].isalpha():
        name = f"p_{name}" if name else "p"
    return f"p_{name}" if name in _ORACLE_RESERVED else name


class _Binder:
    def __init__(self, question: str) -> None:
        self.params: list[TemplateParam] = []
        self.question = question.lower()

    def bind(self, node: exp.Expression, column: str | None, suffix: str = "") -> exp.Expression:
        found = _literal_value(node)
        if found is None:
            return node
        value, kind = found
        base = f"{_bind_name(column)}{suffix}" if column else ("limit" if suffix == "limit" else "p")
        name, n = base, 1
        while any(p.name == name for p in self.params):
            n += 1
            name = f"{base}_{n}"
        self.params.append(
            TemplateParam(name=name, example=value, type=kind, column=column, from_question=self._in_question(value))
        )
        return exp.Placeholder(this=name)

    def _in_question(self, value: Any) -> bool:
        if not self.question:
            return True
        text = str(value).lower().strip("%")  # LIKE '%Air%' is stated in the question as "Air"
        if isinstance(value, float) and value.is_integer():
            text = str(int(value))
        if _DATE.match(text):
            text = text[:4]  # "2024년 이후" states the date 2024-01-01 by its year
        if re.search(rf"(?<![0-9a-z]){re.escape(text)}(?![0-9a-z])", self.question):
            return True
        # "at least two friends" states HAVING COUNT(*) >= 2; a Korean numeral may run into its counter (두명).
        return any(re.search(word_pattern(word), self.question) for word in number_words(value))


def _is_constant(node: exp.Expression) -> bool:
    return _literal_value(node) is not None


def _rewrite(node: exp.Expression, binder: _Binder) -> exp.Expression:
    if isinstance(node, _COMPARISONS):
        left, right = node.this, node.expression
        if _is_constant(right) and not _is_constant(left):
            node.set("expression", binder.bind(right, _column_name(left)))
        elif _is_constant(left) and not _is_constant(right):
            node.set("this", binder.bind(left, _column_name(right)))
    elif isinstance(node, exp.In):
        column = _column_name(node.this)
        node.set("expressions", [binder.bind(e, column) for e in node.expressions])
    elif isinstance(node, exp.Between):
        column = _column_name(node.this)
        node.set("low", binder.bind(node.args["low"], column, "_from"))
        node.set("high", binder.bind(node.args["high"], column, "_to"))
    elif isinstance(node, exp.Limit | exp.Offset) and node.expression is not None:
        node.set("expression", binder.bind(node.expression, None, "limit" if isinstance(node, exp.Limit) else ""))
    elif isinstance(node, exp.Fetch) and node.args.get("count") is not None:
        node.set("count", binder.bind(node.args["count"], None, "limit"))
    return node


def parameterize(tree: exp.Expression, dialect: str, question: str = "") -> NormalizedSQL:
    """A copy of `tree` with literals in value positions replaced by `:name` binds (examples kept)."""
    binder = _Binder(question)
    copy = tree.copy()
    for node in list(copy.walk()):
        _rewrite(node, binder)
    text = render(copy, dialect)
    # Params in reading order, so the n-th value of a question lines up with the n-th bind.
    ordered = sorted(binder.params, key=lambda p: _position(text, p.name))
    return NormalizedSQL(tree=copy, sql_text=render(copy, dialect, pretty=True), normalized_text=text, params=ordered)


def _position(text: str, name: str) -> int:
    match = re.search(rf":{re.escape(name)}(?![0-9A-Za-z_])", text)
    return match.start() if match else len(text)
