"""The SQL in a model's answer: code fences, prose and stray Korean text around it removed."""

from __future__ import annotations

import re

__all__ = ["extract_sql"]

_FENCE = re.compile(r"```[ \t]*(?:sql|SQL|oracle|plsql|sqlite|postgres(?:ql)?|mysql)?[ \t]*\n?(.*?)```", re.DOTALL)
_START = re.compile(r"\b(WITH|SELECT)\b", re.IGNORECASE)
_PROSE_LINE = re.compile(r"^\s*(?:[가-힣]|Here|This|The|Note|Explanation|설명|참고)", re.IGNORECASE)


def extract_sql(text: str) -> str:
    """Prefer a fenced block; else the text from the first SELECT/WITH up to a blank line or prose."""
    text = text or ""
    fenced = [block.strip() for block in _FENCE.findall(text) if _START.search(block)]
    if fenced:
        return fenced[0].rstrip().rstrip(";").strip()
    match = _START.search(text)
    if not match:
        return ""
    lines = []
    for line in text[match.start():].splitlines():
        if lines and (not line.strip() or _PROSE_LINE.match(line)):
            break
        lines.append(line)
    sql = "\n".join(lines).strip()
    if ";" in sql:
        sql = sql[: sql.index(";")]
    return sql.strip()
