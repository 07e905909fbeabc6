"""Date values in slots: ISO and Korean-schema forms (YYYYMMDD, YYYYMM), and what is not a date."""

from __future__ import annotations

from datetime import date

import pytest

from text2sql_core.text import parse_date_literal


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-03-05", (date(2025, 3, 5), "day")),
        ("2025/03/05", (date(2025, 3, 5), "day")),
        ("2025.03.05", (date(2025, 3, 5), "day")),
        ("2025.3.5.", (date(2025, 3, 5), "day")),
        ("2025-3-5", (date(2025, 3, 5), "day")),
        ("20250305", (date(2025, 3, 5), "day")),
        (" 20280229 ", (date(2028, 2, 29), "day")),
        ("202503", (date(2025, 3, 1), "month")),
        ("2025-03", (date(2025, 3, 1), "month")),
        ("2025/12", (date(2025, 12, 1), "month")),
    ],
)
def test_date_literals(text: str, expected: tuple[date, str]) -> None:
    assert parse_date_literal(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "2025", "20250230", "20270229", "202513", "2025-13-01", "2025-03/05", "99991231", "12345678", "2025-03-05x",
     "5 March 2025", "250305", "2025030512"],
)
def test_not_date_literals(text: str) -> None:
    assert parse_date_literal(text) is None
