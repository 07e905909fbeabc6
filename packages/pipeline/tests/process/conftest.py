"""Normalising one query for a test, and the round trip every normalisation must pass."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from text2sql_core.sqltext import inline_params, parse_one, same_query
from text2sql_pipeline.process import NormalizedSQL, parameterize

Normalize = Callable[..., NormalizedSQL]


def inlined(result: NormalizedSQL, dialect: str) -> str:
    """The normalized SQL with every slot's example written back in."""
    return inline_params(result.normalized_text, {p.name: p.example for p in result.params}, dialect)


@pytest.fixture
def normalize() -> Normalize:
    """parameterize(sql) — and, before handing the result over, check that inlining its examples gives the
    original query back (same sqlglot tree), so no test passes on a normalisation that changed the query."""

    def run(sql: str, dialect: str = "oracle", question: str = "", description: str = "",
            column_types: dict[str, str] | None = None) -> NormalizedSQL:
        result = parameterize(parse_one(sql, dialect), dialect, question, description, column_types)
        assert same_query(inlined(result, dialect), sql, dialect), inlined(result, dialect)
        return result

    return run
