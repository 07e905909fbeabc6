"""The guard on two corpora (corpus/attacks.yaml, corpus/legit.yaml): every attack refused with its exact reason,
every tricky legitimate query accepted, each call well under a second."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import pytest
import yaml

from text2sql_core.errors import SQLValidationError
from text2sql_core.validation import validate_syntax
from text2sql_core.validation.refusals import KOREAN

CORPUS = Path(__file__).parent / "corpus"
ATTACK_CLASSES: dict[str, list[list[str]]] = yaml.safe_load((CORPUS / "attacks.yaml").read_text("utf-8"))["attacks"]
LEGIT_CLASSES: dict[str, list[list[str]]] = yaml.safe_load((CORPUS / "legit.yaml").read_text("utf-8"))["legit"]
ATTACKS = [(kind, *entry) for kind, entries in ATTACK_CLASSES.items() for entry in entries]
LEGIT = [(kind, *entry) for kind, entries in LEGIT_CLASSES.items() for entry in entries]
MAX_SECONDS = 1.0


def _timed(sql: str, dialect: str) -> tuple[float, str | SQLValidationError]:
    start = time.perf_counter()
    try:
        outcome: str | SQLValidationError = validate_syntax(sql, dialect)
    except SQLValidationError as err:
        outcome = err
    return time.perf_counter() - start, outcome


@pytest.mark.parametrize(("kind", "dialect", "reason", "sql"), ATTACKS, ids=[f"{a[1]}-{i}" for i, a in enumerate(ATTACKS)])
def test_refuses_with_the_exact_reason(kind: str, dialect: str, reason: str, sql: str) -> None:
    seconds, outcome = _timed(sql, dialect)
    assert isinstance(outcome, SQLValidationError), f"{kind}: accepted {sql!r}"
    assert outcome.reason == reason, f"{kind}: {outcome.reason} ({outcome.message})"
    assert outcome.message and outcome.sql == sql
    assert KOREAN[reason] in outcome.message  # English (specific) and Korean (per reason) both
    assert "Traceback" not in outcome.message
    assert seconds < MAX_SECONDS


@pytest.mark.parametrize(("kind", "dialect", "sql"), LEGIT, ids=[f"{a[1]}-{i}" for i, a in enumerate(LEGIT)])
def test_accepts(kind: str, dialect: str, sql: str) -> None:
    seconds, outcome = _timed(sql, dialect)
    assert isinstance(outcome, str), f"{kind}: {outcome}"
    assert seconds < MAX_SECONDS
    # The cleaned text is the query as given, less the blanks and one trailing `;` (and a comment after it).
    original = sql.strip()
    assert original.startswith(outcome)
    rest = original[len(outcome):]
    assert rest == "" or rest.lstrip().startswith(";")


def test_corpora_are_large_and_cover_every_dialect() -> None:
    assert len(ATTACKS) >= 300
    assert len(LEGIT) >= 150
    attacks = Counter(dialect for _, dialect, _, _ in ATTACKS)
    legit = Counter(dialect for _, dialect, _ in LEGIT)
    for dialect in ("oracle", "postgres", "mysql", "sqlite"):
        assert attacks[dialect] >= 40, attacks
        assert legit[dialect] >= 15, legit


def test_every_refusal_reason_is_exercised() -> None:
    reasons = {reason for _, _, reason, _ in ATTACKS}
    assert reasons >= {
        "empty", "unparseable", "multiple_statements", "not_a_query", "forbidden_statement", "database_link",
        "sequence", "denied_function", "denied_package", "denied_table", "system_catalog", "executable_comment",
        "optimizer_hint", "session_variable",
    }


@pytest.mark.parametrize(
    ("sql", "reason"),
    [
        ("DELETE FROM emp", "not_a_query"),
        ("SELECT 1 FROM dual; SELECT 2 FROM dual", "multiple_statements"),
        ("SELECT * FROM emp FOR UPDATE", "forbidden_statement"),
        ("SELECT * FROM emp@remote", "database_link"),
        ("SELECT s.NEXTVAL FROM dual", "sequence"),
        ("SELECT DBMS_PIPE.RECEIVE_MESSAGE('a', 1) FROM dual", "denied_package"),
        ("SELECT * FROM sys.user$", "denied_table"),
        ("SELECT * FROM all_tables", "system_catalog"),
        ("SELECT BFILENAME('D', 'f') FROM dual", "denied_function"),
        ("SELEC 1", "unparseable"),
        ("", "empty"),
    ],
)
def test_reasons_are_specific(sql: str, reason: str) -> None:
    with pytest.raises(SQLValidationError) as info:
        validate_syntax(sql, "oracle")
    assert info.value.reason == reason


@pytest.mark.parametrize(
    ("dialect", "sql", "name"),
    [
        ("postgres", 'SELECT U&"\\0070g_sleep"(10)', "PG_SLEEP"),
        ("postgres", "SELECT pg_catalog.\"pg_ls_dir\"('/')", "PG_CATALOG.PG_LS_DIR"),
        ("mysql", "SELECT `LOAD_FILE`('/etc/passwd')", "LOAD_FILE"),
        ("sqlite", "SELECT [load_extension]('x.so')", "LOAD_EXTENSION"),
    ],
)
def test_refused_function_is_named_with_the_setting_that_allows_it(dialect: str, sql: str, name: str) -> None:
    with pytest.raises(SQLValidationError) as info:
        validate_syntax(sql, dialect)
    assert name in info.value.message
    assert "TEXT2SQL_SECURITY__ALLOWED_FUNCTIONS" in info.value.message
