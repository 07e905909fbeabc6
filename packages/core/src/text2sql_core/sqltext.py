"""Printing SQL in one style: named binds (`:name`) in every dialect, and values inlined when asked."""

from __future__ import annotations

from typing import Any

import sqlglot
from sqlglot import exp
from sqlglot.dialects.postgres import Postgres

from text2sql_core.dialects import sqlglot_dialect

__all__ = ["inline_params", "literal_for", "parse_one", "render", "same_query"]


class NamedBindPostgres(Postgres):
    """PostgreSQL as sqlglot prints it, but binds stay `:name` (our executor rewrites them for psycopg)."""

    class Generator(Postgres.Generator):
        TRANSFORMS = {  # noqa: RUF012 - sqlglot's own extension point is a class attribute
            **Postgres.Generator.TRANSFORMS,
            exp.Placeholder: lambda self, e: f":{e.name}" if e.name else "?",
        }


def _writer(dialect: str) -> Any:
    name = sqlglot_dialect(dialect)
    return NamedBindPostgres if name == "postgres" else name


def parse_one(sql: str, dialect: str) -> exp.Expression:
    return sqlglot.parse_one(sql, read=sqlglot_dialect(dialect))


def render(tree: exp.Expression, dialect: str, pretty: bool = False) -> str:
    return tree.sql(dialect=_writer(dialect), pretty=pretty)


def literal_for(value: Any) -> exp.Expression:
    if value is None:
        return exp.null()
    if isinstance(value, bool):
        return exp.Boolean(this=value)
    if isinstance(value, int | float):
        return exp.Literal.number(value) if value >= 0 else exp.Neg(this=exp.Literal.number(-value))
    return exp.Literal.string(str(value))


def inline_params(sql: str, params: dict[str, Any], dialect: str) -> str:
    """The SQL with each `:name` replaced by its value as a literal (for display and evaluation, not execution)."""
    tree = parse_one(sql, dialect)

    def substitute(node: exp.Expression) -> exp.Expression:
        if isinstance(node, exp.Placeholder) and node.name in params:
            return literal_for(params[node.name])
        return node

    return render(tree.transform(substitute), dialect)


def same_query(first: str, second: str, dialect: str) -> bool:
    """The two texts are one query: the same sqlglot tree, compared as printed (layout, case of keywords and
    spellings like `DATE '…'` / `CAST('…' AS DATE)` that parse alike do not count)."""
    return render(parse_one(first, dialect), dialect) == render(parse_one(second, dialect), dialect)
