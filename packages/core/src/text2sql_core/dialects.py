"""Dialect names: ours, sqlglot's, which one a connection URL speaks, and the driver URL every scheme becomes."""

from __future__ import annotations

from typing import Literal

from text2sql_core.errors import ConfigurationError

__all__ = ["DIALECTS", "Dialect", "dialect_from_url", "normalize_database_url", "sqlglot_dialect"]

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

# The drivers text2sql ships with: any spelling of a family (postgres://, postgresql://, postgresql+psycopg2://,
# mariadb://, mysql+mysqldb://, oracle://) becomes the URL these drivers take, so SQLAlchemy never reaches for a
# driver that is not installed (psycopg2, MySQLdb, cx_Oracle) and a copied URL just works.
_DRIVER_URL_SCHEMES: dict[str, str] = {
    "oracle": "oracle+oracledb",
    "sqlite": "sqlite",
    "postgres": "postgresql+psycopg",
    "mysql": "mysql+pymysql",
}
_EXAMPLES = ("sqlite:///./data/app.db, postgresql://user:pw@host:5432/db, mysql://user:pw@host:3306/db "
             "(MariaDB too) or oracle+oracledb://user:pw@host:1521/?service_name=FREEPDB1")


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


def _unsupported(url: str, variable: str | None) -> ConfigurationError:
    where = f" in {variable}" if variable else ""
    if "://" not in url:  # the value is not shown: it may be a bare password or DSN
        return ConfigurationError(f"The database URL{where} has no scheme (scheme://…): write {_EXAMPLES}.",
                                  code="UNSUPPORTED_DATABASE_URL")
    scheme = url.split("://", 1)[0]
    return ConfigurationError(f"Unsupported database URL scheme {scheme[:40]!r}{where}: write {_EXAMPLES}.",
                              code="UNSUPPORTED_DATABASE_URL")


def dialect_from_url(url: str, variable: str | None = None) -> str:
    """Which dialect a URL speaks; `variable` (the setting it came from) is named when the scheme is unknown."""
    scheme = url.split(":", 1)[0].split("+", 1)[0].lower()
    if "://" not in url or scheme not in _URL_PREFIXES:
        raise _unsupported(url, variable)
    return _URL_PREFIXES[scheme]


def normalize_database_url(url: str, variable: str | None = None) -> str:
    """The driver URL for any accepted spelling (`postgres://u@h/db` → `postgresql+psycopg://u@h/db`); everything
    after the scheme is kept as written. An unknown scheme is one line naming `variable` and what to write."""
    if not url.strip():
        return url
    rest = url.strip().partition("://")[2]
    return f"{_DRIVER_URL_SCHEMES[dialect_from_url(url.strip(), variable)]}://{rest}"
