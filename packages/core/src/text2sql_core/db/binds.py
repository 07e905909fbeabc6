"""Named binds (`:name`) are our one style; psycopg and PyMySQL want `%(name)s` (and `%` doubled).

The rewrite walks sqlglot's tokens, so a `:name` inside a string literal or a comment is left alone.
"""

from __future__ import annotations

import itertools
import re

from sqlglot.tokens import Tokenizer, TokenType

__all__ = ["bind_names", "to_pyformat"]

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _bind_spans(sql: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of each `:name` bind in `sql`."""
    tokens = Tokenizer().tokenize(sql)
    spans = []
    for colon, name in itertools.pairwise(tokens):
        if colon.token_type != TokenType.COLON or name.start != colon.end + 1:
            continue
        if _NAME.fullmatch(name.text) and name.token_type not in {TokenType.STRING, TokenType.NUMBER}:
            spans.append((colon.start, name.end + 1, name.text))
    return spans


def bind_names(sql: str) -> list[str]:
    seen: list[str] = []
    for _, _, name in _bind_spans(sql):
        if name not in seen:
            seen.append(name)
    return seen


def to_pyformat(sql: str) -> str:
    """`:name` → `%(name)s`, and every other `%` doubled so the driver does not read it as a placeholder."""
    out, last = [], 0
    for start, end, name in _bind_spans(sql):
        out.append(sql[last:start].replace("%", "%%"))
        out.append(f"%({name})s")
        last = end
    out.append(sql[last:].replace("%", "%%"))
    return "".join(out)
