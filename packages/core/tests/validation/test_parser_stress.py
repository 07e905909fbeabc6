"""Parser stress: oversized or pathological SQL is refused before or instead of expensive parsing, each call < 1 s."""

from __future__ import annotations

import time

import pytest

from text2sql_core.errors import SQLValidationError
from text2sql_core.validation import GuardPolicy, render_checked, validate_syntax
from text2sql_core.validation.refusals import KOREAN

GENERATED: list[tuple[str, str, str]] = [
    ("postgres", "SELECT a FROM t WHERE a IN (" + ", ".join(["1"] * 100_000) + ")", "too_long"),
    ("oracle", "SELECT 1 FROM dual WHERE " + " OR ".join(["a = 1"] * 20_000), "too_long"),
    ("mysql", "SELECT '" + "x" * 600_000 + "'", "too_long"),
    ("sqlite", "SELECT 1 " + "-- padding\n" * 60_000, "too_long"),
    ("postgres", "SELECT '" + "x" * 20_001 + "'", "too_long"),
    ("postgres", "SELECT a FROM t WHERE a IN (" + ",".join(["1"] * 6_500) + ")", "too_complex"),
    ("oracle", "SELECT 1 FROM dual WHERE " + " OR ".join(["a=1"] * 1_600), "too_complex"),
    ("sqlite", "SELECT " + "+".join(["1"] * 6_100), "too_complex"),
    ("sqlite", "SELECT " + "(" * 150 + "1" + ")" * 150, "too_complex"),
    ("mysql", "SELECT " + "ABS(" * 120 + "1" + ")" * 120, "too_complex"),
    ("oracle", "SELECT " + "(SELECT " * 101 + "1 FROM dual" + ")" * 101 + " FROM dual", "too_complex"),
    ("postgres", "SELECT " + "NOT " * 4_000 + "true", "unparseable"),
]


def _seconds(call, *args, **kwargs) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    try:
        result = call(*args, **kwargs)
    except SQLValidationError as err:
        result = err
    return time.perf_counter() - start, result


@pytest.mark.parametrize(("dialect", "sql", "reason"), GENERATED, ids=[f"{d}-{r}-{len(s)}" for d, s, r in GENERATED])
def test_pathological_sql_is_refused_fast(dialect: str, sql: str, reason: str) -> None:
    seconds, outcome = _seconds(validate_syntax, sql, dialect)
    assert isinstance(outcome, SQLValidationError)
    assert outcome.reason == reason, outcome.message
    assert KOREAN[reason] in outcome.message
    assert seconds < 1.0


def test_600_kb_is_refused_by_the_size_cap_before_any_parsing() -> None:
    sql = "SELECT a FROM t WHERE a IN (" + ",".join(["1234567"] * 75_000) + ")"
    assert len(sql) > 600_000
    seconds, outcome = _seconds(render_checked, sql, "oracle")
    assert isinstance(outcome, SQLValidationError) and outcome.reason == "too_long"
    assert "TEXT2SQL_SECURITY__MAX_SQL_CHARS" in outcome.message
    assert seconds < 0.05  # a length check, not a parse


def test_a_100000_item_in_list_is_decided_well_under_a_second_even_with_a_raised_cap() -> None:
    sql = "SELECT a FROM t WHERE a IN (" + ",".join(["1"] * 100_000) + ")"
    policy = GuardPolicy(max_sql_chars=1_000_000)
    seconds, outcome = _seconds(validate_syntax, sql, "postgres", policy=policy)
    # The raised cap lets the text through; the bound on parse work still refuses it, before tokenizing.
    assert isinstance(outcome, SQLValidationError) and outcome.reason == "too_complex"
    assert seconds < 1.0


def test_the_largest_query_within_the_caps_is_accepted_within_a_second() -> None:
    sql = "SELECT a FROM t WHERE a IN (" + ",".join(["1"] * 2_900) + ")"
    assert len(sql) < 20_000
    seconds, outcome = _seconds(render_checked, sql, "postgres")
    assert isinstance(outcome, str) and outcome.count(",") == 2_899
    assert seconds < 1.0
