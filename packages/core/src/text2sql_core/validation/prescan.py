"""Checks on the raw text and its tokens, before the parser runs: size, executable comments, hints, links.

Some things are comments to sqlglot but code to the server: MySQL/MariaDB run `/*! … */` and `/*M! … */`, and
their optimizer hints (`/*+ SET_VAR(max_execution_time=0) */`) change limits. The tree never shows them, so they
are refused here, on the text and on the tokens. The size checks bound the parser's work (pure Python, recursive).
"""

from __future__ import annotations

import re

from sqlglot.dialects.dialect import Dialect
from sqlglot.errors import TokenError
from sqlglot.tokens import Token, TokenType

from text2sql_core.validation.policy import GuardPolicy
from text2sql_core.validation.refusals import refuse

__all__ = ["prescan"]

# MySQL runs `/*!` and MariaDB `/*M!` comments; match them anywhere, even inside a string literal: a real
# query never needs the sequence, and a scanner that disagrees with the server about where a string ends must
# not be able to hide one.
_EXECUTABLE_COMMENT = re.compile(r"/\*\s*M?!", re.IGNORECASE)
_ROUGH_TOKEN = re.compile(r"\w+|[^\w\s]")



def _check_size(sql: str, policy: GuardPolicy) -> None:
    if len(sql) > policy.max_sql_chars:
        raise refuse(
            f"The SQL is {len(sql):,} characters long; the limit is {policy.max_sql_chars:,}. Send a shorter "
            "query, or raise TEXT2SQL_SECURITY__MAX_SQL_CHARS.",
            sql,
            "too_long",
        )


def _check_rough_size(sql: str, policy: GuardPolicy) -> None:
    """Refuse huge inputs before the (pure Python) tokenizer reads them, where the character cap was raised.

    A regex (in C) counts words and punctuation marks, roughly sqlglot's tokens (a string literal counts one per
    word). Within the default character cap this count never reaches thrice the token bound; above it, a query
    of that many words and symbols is refused as too complex without being tokenized.
    """
    rough = sum(1 for _ in _ROUGH_TOKEN.finditer(sql))
    if rough > 3 * policy.max_tokens:
        raise refuse(
            f"The SQL has about {rough:,} words and symbols; the limit is {policy.max_tokens:,} tokens (long IN "
            "lists or OR chains belong in a table or a range). Simplify the query.",
            sql,
            "too_complex",
        )


def _tokenize(sql: str, dialect: Dialect) -> list[Token]:
    try:
        return dialect.tokenize(sql)
    except TokenError as err:
        first = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise refuse(f"The SQL could not be read ({first}); only parseable queries run.", sql, "unparseable") from err
    except Exception as err:  # the tokenizer raises assorted errors on odd input; refusing is the safe answer
        raise refuse(f"The SQL could not be read: {err}", sql, "unparseable") from err


def _check_work(tokens: list[Token], sql: str, policy: GuardPolicy) -> None:
    if len(tokens) > policy.max_tokens:
        raise refuse(
            f"The SQL has {len(tokens):,} tokens; the limit is {policy.max_tokens:,} (long IN lists or OR chains "
            "belong in a table or a range). Simplify the query.",
            sql,
            "too_complex",
        )
    depth = 0
    for token in tokens:
        if token.token_type == TokenType.L_PAREN:
            depth += 1
            if depth > policy.max_nesting:
                raise refuse(f"The SQL nests brackets more than {policy.max_nesting} deep. Simplify the query.",
                              sql, "too_complex")
        elif token.token_type == TokenType.R_PAREN:
            depth -= 1


def _check_mysql(tokens: list[Token], sql: str) -> None:
    if _EXECUTABLE_COMMENT.search(sql) or any(
        comment.lstrip().startswith(("!", "M!", "m!")) for token in tokens for comment in token.comments
    ):
        raise refuse("MySQL/MariaDB executable comments (/*! … */, /*M! … */) are not allowed: the server runs "
                      "them but the guard cannot check them. Remove them.", sql, "executable_comment")
    _check_hints(tokens, sql)
    if any(t.token_type in (TokenType.PARAMETER, TokenType.SESSION_PARAMETER) for t in tokens):
        raise refuse("User and system variables (@name, @@name) are not allowed: they read or change session "
                      "state. Use a bind parameter (:name) instead.", sql, "session_variable")


def _check_hints(tokens: list[Token], sql: str) -> None:
    """MySQL's optimizer hints and PostgreSQL's pg_hint_plan (`Set(statement_timeout 0)`) can lift limits."""
    if any(token.token_type == TokenType.HINT for token in tokens) or any(
        comment.startswith("+") for token in tokens for comment in token.comments
    ):
        raise refuse("Optimizer hints (/*+ … */) are not allowed in MySQL, MariaDB or PostgreSQL: they can lift "
                      "the time limit. Remove them.", sql, "optimizer_hint")


def _check_oracle(tokens: list[Token], sql: str) -> None:
    for token in tokens:
        # `t@link`, `"T"@"LNK"` and `fn@link(…)` all reach another database; outside strings `@` means nothing else.
        if token.token_type == TokenType.PARAMETER or (token.token_type == TokenType.VAR and "@" in token.text):
            raise refuse("Database links (name@link) are not allowed: queries run on this database only.",
                          sql, "database_link")


def prescan(sql: str, dialect_name: str, dialect: Dialect, policy: GuardPolicy) -> list[Token]:
    """The tokens of `sql`, once the text passed the size, comment, hint and link checks."""
    _check_size(sql, policy)
    _check_rough_size(sql, policy)
    tokens = _tokenize(sql, dialect)
    _check_work(tokens, sql, policy)
    if dialect_name == "mysql":
        _check_mysql(tokens, sql)
    elif dialect_name == "postgres":
        _check_hints(tokens, sql)
    elif dialect_name == "oracle":
        _check_oracle(tokens, sql)
    return tokens
