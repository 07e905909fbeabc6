"""A database that is down, said as such: `DATABASE_UNREACHABLE`, naming the datasource, the target (no password)
and the very variables that configure it — not a driver's 6-line message under "cannot read the schema"."""

from __future__ import annotations

from typing import Literal

from text2sql_core.errors import DatabaseError
from text2sql_core.settings import UnifiedSettings

__all__ = ["as_unreachable", "connection_variables"]

Kind = Literal["schema", "oltp"]

# Drivers' words for "the server is not there" (psycopg, pymysql, sqlite3, python-oracledb, sockets).
_SIGNS = ("connection refused", "could not connect", "can't connect", "connection failed", "connection timed out",
          "timeout expired", "name or service not known", "could not translate host name", "no route to host",
          "network is unreachable", "unable to open database file", "server closed the connection",
          "lost connection", "ora-12541", "ora-12514", "ora-12170", "ora-12154", "dpy-6005", "dpy-6001")


def _chain(err: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = err
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def _driver_line(errors: list[BaseException]) -> str | None:
    for err in errors:
        text = str(err)
        lowered = text.lower()
        if any(sign in lowered for sign in _SIGNS):
            # first line, without SQLAlchemy's "(psycopg.OperationalError)" prefix and background link
            line = text.strip().splitlines()[0]
            return line.split(") ", 1)[1] if line.startswith("(") and ") " in line else line
    return None


def connection_variables(settings: UnifiedSettings, kind: Kind, datasource: str) -> str:
    """The settings a user edits to fix this datasource's connection of this kind."""
    if datasource in settings.datasources:
        extra = settings.datasources[datasource]
        if kind == "schema":
            field = "SCHEMA_URL" if extra.schema_url else "OLTP_URL"
        else:
            field = "OLTP_URL" if extra.oltp_url else "SCHEMA_URL"
        return f"TEXT2SQL_DATASOURCES__{datasource.upper()}__{field}"
    own = settings.oracle.schema_ if kind == "schema" else settings.oracle.oltp
    role = kind.upper()
    if not own.is_configured:  # one URL serves both roles for non-Oracle databases
        role = "OLTP" if kind == "schema" else "SCHEMA"
        own = settings.oracle.oltp if kind == "schema" else settings.oracle.schema_
    if own.url:
        return f"TEXT2SQL_ORACLE__{role}__URL"
    return (f"TEXT2SQL_ORACLE__{role}__DSN (or HOST, PORT, SERVICE_NAME), TEXT2SQL_ORACLE__{role}__USERNAME and "
            f"TEXT2SQL_ORACLE__{role}__PASSWORD")


def as_unreachable(err: BaseException, settings: UnifiedSettings, kind: Kind, datasource: str) -> DatabaseError | None:
    """`DATABASE_UNREACHABLE` when `err` (or what caused it) says the server is not there; None otherwise."""
    line = _driver_line(_chain(err))
    if line is None:
        return None
    try:
        target = settings.connection(kind, datasource).display()
    except Exception:  # a configuration error is reported as itself elsewhere
        target = "(not configured)"
    variables = connection_variables(settings, kind, datasource)
    return DatabaseError(
        f"Cannot reach the {kind} database of datasource '{datasource}' ({target}): {line}. Check that it is "
        f"running and reachable, and {variables}. / 데이터소스 '{datasource}'의 데이터베이스에 연결할 수 없습니다: "
        f"실행 중인지와 {variables} 설정을 확인하세요.",
        code="DATABASE_UNREACHABLE", context={"datasource": datasource, "kind": kind, "target": target},
    )
