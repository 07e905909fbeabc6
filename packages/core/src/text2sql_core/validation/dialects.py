"""The guard's own sqlglot dialects: what it parses and what it prints for the executor.

Each one is the stock sqlglot dialect with the few changes the guard needs:

- every dialect prints binds as `:name` (sqlglot's PostgreSQL writer prints `%(name)s`, which the executor's
  paramstyle conversion would mis-handle, and which would force `%` inside literals to be escaped);
- Oracle parses positional binds (`:1`) and `JSON_QUERY(… WITH [CONDITIONAL|UNCONDITIONAL] [ARRAY] WRAPPER …)`,
  both common in real Oracle SQL and both unknown to stock sqlglot, and prints them back unchanged.

The classes register in sqlglot under their own names (`guardoracle`, …), never replacing the stock ones.
"""

from __future__ import annotations

from typing import Any, ClassVar

from sqlglot import exp
from sqlglot.dialects.dialect import Dialect
from sqlglot.dialects.mysql import MySQL
from sqlglot.dialects.oracle import Oracle
from sqlglot.dialects.postgres import Postgres
from sqlglot.dialects.sqlite import SQLite
from sqlglot.parsers.trino import TrinoParser
from sqlglot.tokens import TokenType

from text2sql_core.dialects import normalize_dialect

__all__ = ["GuardMySQL", "GuardOracle", "GuardPostgres", "GuardSQLite", "guard_dialect"]


def _colon_placeholder(self: object, expression: exp.Placeholder) -> str:
    # `?` stays `?` (anonymous); every named or numbered bind is printed the way the executor expects it.
    return f":{expression.name}" if expression.this else "?"


class GuardOracle(Oracle):
    class Parser(Oracle.Parser):
        COLON_PLACEHOLDER_TOKENS = Oracle.Parser.COLON_PLACEHOLDER_TOKENS | {TokenType.NUMBER}
        FUNCTION_PARSERS: ClassVar[dict[str, Any]] = {
            **Oracle.Parser.FUNCTION_PARSERS, "JSON_QUERY": lambda self: self._parse_json_query(),
        }
        JSON_QUERY_OPTIONS = TrinoParser.JSON_QUERY_OPTIONS
        _parse_json_query = TrinoParser._parse_json_query
        _parse_json_query_quote = TrinoParser._parse_json_query_quote

    class Generator(Oracle.Generator):
        placeholder_sql = _colon_placeholder

        def jsonextract_sql(self, expression: exp.JSONExtract) -> str:
            if not expression.args.get("json_query"):
                return super().jsonextract_sql(expression)
            tail = "".join(
                f" {self.sql(expression, part)}"
                for part in ("option", "quote", "on_condition")
                if expression.args.get(part)
            )
            return self.func("JSON_QUERY", expression.this, self.sql(expression, "expression") + tail)


class GuardPostgres(Postgres):
    class Generator(Postgres.Generator):
        placeholder_sql = _colon_placeholder


class GuardMySQL(MySQL):
    class Generator(MySQL.Generator):
        placeholder_sql = _colon_placeholder


class GuardSQLite(SQLite):
    class Generator(SQLite.Generator):
        placeholder_sql = _colon_placeholder


_BY_NAME: dict[str, type[Dialect]] = {
    "oracle": GuardOracle,
    "postgres": GuardPostgres,
    "mysql": GuardMySQL,
    "sqlite": GuardSQLite,
}


def guard_dialect(name: str) -> Dialect:
    """The guard's dialect instance for one of ours (`oracle`, `postgres`, `mysql`/`mariadb`, `sqlite`)."""
    return _BY_NAME[normalize_dialect(name)]()
