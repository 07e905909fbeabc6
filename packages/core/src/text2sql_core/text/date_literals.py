"""Date values as they are written in slots and schemas: `2025-03-05`, `2025/03/05`, `2025.03.05`, `20250305`,
`2025-03`, `202503`.

Korean schemas often keep dates as numbers or strings (`YYYYMMDD`, `YYYYMM` in `CHAR(8)`/`NUMBER(6)` columns), so a
slot's value may be any of these. Only for slot values: in free text an eight-digit number is far more often an id or
an amount, so the question parser reads only the separated forms.
"""

from __future__ import annotations

import re
from datetime import date

from text2sql_core.text.period import Grain

__all__ = ["parse_date_literal"]

_SEPARATED = re.compile(r"(\d{4})([-/.])(\d{1,2})(?:\2(\d{1,2}))?\.?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})?")
_YEARS = range(1900, 2100)  # compact digits outside this are not taken for dates ("99991231" sentinels aside)


def parse_date_literal(text: str) -> tuple[date, Grain] | None:
    """(date, "day") for a day, (first of the month, "month") for a month, or None when `text` is not one.

    `parse_date_literal("20250305") == (date(2025, 3, 5), "day")`; `parse_date_literal("202503")` is March 2025;
    `parse_date_literal("2025-02-30")` is None (no such day). Surrounding spaces are ignored; anything else is not.
    """
    value = text.strip()
    match = _SEPARATED.fullmatch(value) or _COMPACT.fullmatch(value)
    if match is None:
        return None
    if match.re is _SEPARATED:
        year, month, day = match.group(1), match.group(3), match.group(4)
    else:
        year, month, day = match.groups()
        if int(year) not in _YEARS:
            return None
    try:
        if day is None:
            return date(int(year), int(month), 1), "month"
        return date(int(year), int(month), int(day)), "day"
    except ValueError:
        return None
