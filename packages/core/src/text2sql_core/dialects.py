"""Dialect names: ours, sqlglot's, and which one a connection URL speaks."""

from __future__ import annotations

from typing import Literal

from text2sql_core.errors import ConfigurationError

__all__ = ["DIALECTS", "Dialect", "dialect_from_url", "sqlglot_dialect"]

Dialect = Literal["oracle", "sqlite", "postgres", "mysql"]
DIALECTS: tuple[str, ...] = ("oracle", "sqlite", "postgres", "mysql")

_URL_PREFIXES: dict[str, str] = {
    "oracle": "oracle",
    "sqlite": "sqlite",
    "postgresql": "postgres",
    "postgres": "postgres",
    "mysql": "mysql",
    "mariadb": "mysql",
}


def normalize_dialect(name: str) -> str:
    key = name.strip().lower()
    key = {"postgresql": "postgres", "mariadb": "mysql", "sqlite3": "sqlite"}.get(key, key)
    if key not in DIALECTS:
        raise ConfigurationError(
            f"Unknown SQL dialect {name!r}. Use one of: {', '.join(DIALECTS)}.", code="UNKNOWN_DIALECT"
        )
    return key


def sqlglot_dialect(name: str) -> str:
    """sqlglot's name for our dialect (they happen to coincide; MariaDB speaks mysql)."""
    return normalize_dialect(name)


def dialect_from_url(url: str) -> str:
    scheme = url.split(":", 1)[0].split("+", 1)[0].lower()
    if scheme not in _URL_PREFIXES:
        raise ConfigurationError(
            f"Unsupported database URL scheme {scheme!r}. Use sqlite:///path, postgresql+psycopg://…, "
            "mysql+pymysql://… or oracle+oracledb://….",
            code="UNSUPPORTED_DATABASE_URL",
        )
    return _URL_PREFIXES[scheme]
