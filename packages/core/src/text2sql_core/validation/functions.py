"""Is this function call allowed? Names normalised, qualified calls and methods resolved, the allow list applied.

Normalisation removes what lets a name slip past a list: quotes, backticks, brackets (the tree keeps the bare
name), PostgreSQL `U&"\\0070g_sleep"` escapes and case. A call qualified by a schema or package
(`pg_catalog.pg_ls_dir(…)`, `SYS.DBMS_LOCK.SLEEP(…)`) or made on a value (`XMLTYPE(…).getClobVal()`) is allowed
only when its full dotted name is in `TEXT2SQL_SECURITY__ALLOWED_FUNCTIONS`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlglot import exp

from text2sql_core.validation.allowlist import TYPED_ALLOWED, is_allowed_name
from text2sql_core.validation.denylist import is_denied_package
from text2sql_core.validation.policy import GuardPolicy

__all__ = ["MAX_SERIES_ROWS", "FunctionRefusal", "check_function", "function_name"]

_SETTING = "TEXT2SQL_SECURITY__ALLOWED_FUNCTIONS"
_UNICODE_ESCAPE = re.compile(r"\\(\+[0-9A-Fa-f]{6}|[0-9A-Fa-f]{4})")
# Operators are Func subclasses in sqlglot (AND, =, LIKE, ->…): they are not calls.
_OPERATORS = (exp.Binary, exp.Connector, exp.Unary)
_ANONYMOUS = (exp.Anonymous, exp.AnonymousAggFunc)
MAX_SERIES_ROWS = 1_000_000


@dataclass(frozen=True)
class FunctionRefusal:
    message: str
    reason: str


def _decode_escapes(name: str) -> str:
    """`\\0070g_sleep` (the body of `U&"\\0070g_sleep"`) is `pg_sleep` to the server."""
    return _UNICODE_ESCAPE.sub(lambda m: chr(int(m.group(1).lstrip("+"), 16)), name)


def function_name(node: exp.Func) -> str:
    """The bare, upper-case name the server would resolve: quotes, escapes and case removed."""
    if isinstance(node, _ANONYMOUS):
        this = node.this
        raw = this.this if isinstance(this, exp.Identifier) else str(this)
        return _decode_escapes(raw).upper()
    return node.sql_name().upper()


def _qualifiers(left: exp.Expression) -> list[str] | None:
    """The names left of a dotted call (`a.b.f()` → [A, B]); None when the left side is a value, not a name."""
    if isinstance(left, exp.Identifier | exp.Var):
        return [_decode_escapes(left.name).upper()]
    if isinstance(left, exp.Column) and all(isinstance(p, exp.Identifier) for p in left.parts):
        return [_decode_escapes(p.name).upper() for p in left.parts]
    if isinstance(left, exp.Dot):
        head, tail = _qualifiers(left.this), _qualifiers(left.expression)
        return head + tail if head is not None and tail is not None else None
    return None


def _unknown(name: str) -> FunctionRefusal:
    return FunctionRefusal(
        f"The function {name} is not on the allow list of functions a query may call. If it is a safe function "
        f"of this site, an administrator can add it to {_SETTING}.",
        "denied_function",
    )


def _check_qualified(node: exp.Func, name: str, dot: exp.Dot, policy: GuardPolicy) -> FunctionRefusal | None:
    qualifiers = _qualifiers(dot.this)
    if qualifiers is None:
        return FunctionRefusal(
            f"Calling a method on a value ({name}) is not allowed in a query; use plain functions.", "denied_function"
        )
    full = ".".join([*qualifiers, name])
    if policy.allows_function(full):
        return None
    for part in qualifiers:
        if is_denied_package(part):
            return FunctionRefusal(f"The package {part} is not allowed in a read-only query.", "denied_package")
    return _unknown(full)


def _check_series(node: exp.Func) -> FunctionRefusal | None:
    """generate_series within reason: a numeric series of literal bounds may not exceed MAX_SERIES_ROWS."""
    start, end, step = (node.args.get(k) for k in ("start", "end", "step"))
    if not (isinstance(start, exp.Literal) and isinstance(end, exp.Literal)) or start.is_string or end.is_string:
        return None  # dates or expressions: the database's timeout and row cap bound them
    stride = abs(float(step.this)) if isinstance(step, exp.Literal) and not step.is_string else 1.0
    rows = abs(float(end.this) - float(start.this)) / (stride or 1.0)
    if rows > MAX_SERIES_ROWS:
        return FunctionRefusal(
            f"generate_series would produce about {rows:,.0f} rows; the limit is {MAX_SERIES_ROWS:,}. Use a "
            "narrower range.",
            "too_complex",
        )
    return None


def check_function(node: exp.Func, dialect: str, policy: GuardPolicy) -> FunctionRefusal | None:
    """None if the call may run; else why not. Allowed anonymous calls are rewritten to their bare name."""
    if isinstance(node, _OPERATORS):
        return None
    name = function_name(node)
    parent = node.parent
    if isinstance(parent, exp.Dot) and parent.expression is node:
        return _check_qualified(node, name, parent, policy)
    if is_denied_package(name):
        return FunctionRefusal(f"The package {name} is not allowed in a read-only query.", "denied_package")
    if isinstance(node, exp.GenerateSeries | exp.ExplodingGenerateSeries):
        return _check_series(node)
    if not isinstance(node, _ANONYMOUS):
        return None if type(node).__name__ in TYPED_ALLOWED else _unknown(name)
    if is_allowed_name(name, dialect) or policy.allows_function(name):
        # Printed bare, so what runs is the function that was checked (not a quoted, case-sensitive twin).
        node.set("this", name)
        return None
    return _unknown(name)
