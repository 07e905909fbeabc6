"""What a literal of a trusted query is: a text value, a number, a row limit or a date — and how a date is written.

A literal is a **date** when it is a valid date in one of the forms below AND one of these holds:

- it is wrapped in a date constructor (`DATE '…'`, `TIMESTAMP '…'`, `CAST('…' AS DATE)`, `TO_DATE('…', fmt)`,
  `TO_TIMESTAMP`, `STR_TO_DATE`, SQLite `date('…')`/`datetime('…')`): the wrapper says so;
- it is unambiguous: an ISO day written with dashes (`'2026-10-01'`, optionally with a time);
- what it is compared with looks temporal: a column whose schema type is a date/time type, or (without a schema)
  whose name says so (date, dt, day, ymd, ym, month, year, period, time, `*_at`, 일자, 일시, 날짜, 년월, 연월, 월,
  년도, 연도, 기간, …), or an expression that takes a date apart (`TO_CHAR(d, 'YYYYMM')`, `strftime`, `EXTRACT`,
  `YEAR(d)`).

A bare year (`2024`, `'2024'`) is a date (`%Y`) only against an expression that takes a date apart
(`EXTRACT(YEAR FROM d) = 2024`): a year column (`birth_year > 1980`) holds a number, and stays one.

So `20261001` compared with `order_ymd` is a day written `%Y%m%d` (an int example), `'202610'` compared with
`sales_ym` is a month written `%Y%m`, but `20261001` compared with `customer_id` stays a number.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlglot import exp

__all__ = ["Literal", "date_format_of", "find_literal", "looks_temporal", "temporal_expression"]

# Forms a date is written in, most specific first; each is checked with strptime, so "20261345" is no date.
_STRING_FORMATS = (
    "%Y-%m-%d %H:%M:%S.%f", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d",
    "%Y/%m/%d", "%Y.%m.%d", "%Y%m%d", "%Y-%m", "%Y%m", "%Y",
)
# Written with dashes, these can only be dates.
_UNAMBIGUOUS = frozenset(f for f in _STRING_FORMATS if f.startswith("%Y-%m-%d"))
_TEMPORAL_TYPES = re.compile(r"date|time|interval", re.IGNORECASE)
_TEMPORAL_NAME = re.compile(
    r"(^|_)(date|dt|dte|day|ymd|yyyymmdd|ym|yyyymm|yymm|month|mon|mm|year|yr|yyyy|period|prd|time|ts|timestamp"
    r"|week|quarter|qtr|half)(_|$|s$)|_at$|_on$|date|일자|일시|날짜|년월|연월|년도|연도|기간|월$|일$|년$|시각",
    re.IGNORECASE,
)
# Expressions that take a date apart: what they are compared with is a date written some way.
_DATE_PARTS = (exp.TimeToStr, exp.Extract, exp.Year, exp.Month, exp.DateTrunc, exp.TimestampTrunc, exp.Day,
               exp.Quarter)
_WRAPPERS = (exp.DateStrToDate, exp.StrToDate, exp.StrToTime, exp.TsOrDsToDate, exp.TimeStrToTime, exp.Date,
             exp.TsOrDsToTimestamp)
_DATE_TYPES = {exp.DataType.Type.DATE, exp.DataType.Type.DATETIME, exp.DataType.Type.TIMESTAMP,
               exp.DataType.Type.TIMESTAMPTZ, exp.DataType.Type.TIMESTAMPLTZ, exp.DataType.Type.DATETIME64}
_ANONYMOUS_WRAPPERS = frozenset({"date", "datetime", "to_date", "to_timestamp", "timestamp", "str_to_date"})


@dataclass
class Literal:
    """A literal found in a value position: `node` is what a bind replaces (the literal, never its wrapper)."""

    node: exp.Expression
    value: Any
    kind: str  # "string" | "number" | "date"
    date_format: str | None = None
    wrapped: bool = False


def date_format_of(text: str) -> str | None:
    """The strftime form `text` is written in, if it is a valid date in one of the known forms."""
    for fmt in _STRING_FORMATS:
        try:
            parsed = datetime.strptime(text, fmt)
        except ValueError:
            continue
        # strptime reads "20261" as %Y%m and "10" as %Y: a form without separators must fill its whole width.
        if (len(text) != _width(fmt) and not fmt.endswith("%f")) or not 1900 <= parsed.year <= 2200:
            continue
        return fmt
    return None


def _width(fmt: str) -> int:
    return len(datetime(2000, 10, 10, 10, 10, 10).strftime(fmt))


def looks_temporal(name: str | None, data_type: str | None = None) -> bool:
    """A column holds dates: its schema type says so, or (no type known) its name does."""
    if data_type:
        return bool(_TEMPORAL_TYPES.search(data_type)) or (
            # Korean schemas keep days as CHAR(8)/NUMBER(8) named *_ymd: the name decides for non-date types.
            bool(name) and bool(_TEMPORAL_NAME.search(name or "")))
    return bool(name) and bool(_TEMPORAL_NAME.search(name))


def temporal_expression(node: exp.Expression | None, type_of: Callable[[exp.Column], str | None]) -> str | None:
    """How what a literal is compared with looks temporal: "part" (it takes a date apart), "column" (a date
    column by type or name), or None."""
    if node is None:
        return None
    if isinstance(node, _DATE_PARTS) or node.find(*_DATE_PARTS) is not None:
        return "part"
    if isinstance(node, exp.Anonymous) and node.name.lower() in {"strftime", "to_char", "date_format", "year"}:
        return "part"
    # TO_CHAR also prints numbers: only a date mask (YYYY, MM, DD) takes a date apart.
    for to_char in [node, *node.find_all(exp.ToChar)] if not isinstance(node, exp.ToChar) else [node]:
        mask = to_char.args.get("format") if isinstance(to_char, exp.ToChar) else None
        if isinstance(mask, exp.Literal) and re.search(r"YY|MM|DD", mask.this, re.IGNORECASE):
            return "part"
    column = node if isinstance(node, exp.Column) else node.find(exp.Column)
    if column is None or not looks_temporal(column.name, type_of(column)):
        return None
    # SUBSTR(sale_ymd, 1, 4) = '2024' takes a date apart too.
    return "part" if node.find(exp.Substring) is not None else "column"


def _plain(node: exp.Expression) -> tuple[Any, str] | None:
    if isinstance(node, exp.Neg) and isinstance(node.this, exp.Literal) and not node.this.is_string:
        inner = _plain(node.this)
        return (-inner[0], "number") if inner and isinstance(inner[0], int | float) else None
    if not isinstance(node, exp.Literal):
        return None
    if node.is_string:
        return node.this, "string"
    try:
        return (int(node.this), "number") if re.fullmatch(r"\d+", node.this) else (float(node.this), "number")
    except ValueError:
        return None


def _wrapped(node: exp.Expression) -> exp.Literal | None:
    """The string literal inside a date constructor, if `node` is one."""
    inner = node.this if isinstance(node, exp.Expression) else None
    if isinstance(node, _WRAPPERS) or (isinstance(node, exp.Cast) and node.to.this in _DATE_TYPES) or (
            isinstance(node, exp.Anonymous) and node.name.lower() in _ANONYMOUS_WRAPPERS):
        if isinstance(node, exp.Anonymous):
            inner = node.expressions[0] if node.expressions else None
        if isinstance(inner, exp.Literal) and inner.is_string:
            return inner
    return None


def _wrapper_format(node: exp.Expression) -> str | None:
    fmt = node.args.get("format") if isinstance(node, exp.StrToDate | exp.StrToTime) else None
    return fmt.this if isinstance(fmt, exp.Literal) else None


def find_literal(node: exp.Expression, temporal: str | None) -> Literal | None:
    """The literal `node` is (plain, negated number, or inside a date constructor); None for anything else.

    `temporal` (from `temporal_expression`): what it is compared with looks temporal, so a valid `YYYYMMDD` or
    `YYYYMM` is a date; a `YYYY` only when it is "part"."""
    inner = _wrapped(node)
    if inner is not None:
        fmt = _wrapper_format(node)
        try:
            if fmt:
                datetime.strptime(inner.this, fmt)
        except ValueError:
            fmt = None
        return Literal(inner, inner.this, "date", fmt or date_format_of(inner.this), wrapped=True)
    plain = _plain(node)
    if plain is None:
        return None
    value, kind = plain
    if isinstance(value, float) or (isinstance(value, int) and value < 0):
        return Literal(node, value, kind)
    fmt = date_format_of(str(value))
    if fmt in _UNAMBIGUOUS and kind == "string":
        return Literal(node, value, "date", fmt)
    if fmt is not None and temporal and (fmt not in _UNAMBIGUOUS) and (fmt != "%Y" or temporal == "part"):
        return Literal(node, value, "date", fmt)
    return Literal(node, value, kind)
