"""DATABASE_UNREACHABLE from a real refused connection, naming the datasource's own variables; other failures are
left as they are."""

from __future__ import annotations

import socket

import pytest

from text2sql_core.db.connect import connection_factory
from text2sql_core.settings import UnifiedSettings
from text2sql_pipeline.unreachable import as_unreachable, connection_variables


def _closed_port() -> int:
    with socket.socket() as probe:  # bound then closed: nothing listens there
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _settings(**values: object) -> UnifiedSettings:
    return UnifiedSettings(_env_file=None, **values)


def test_refused_postgres_connection_names_the_datasource_variable() -> None:
    url = f"postgresql://postgres@127.0.0.1:{_closed_port()}/nope"
    settings = _settings(datasources={"sales": {"oltp_url": url}})
    with pytest.raises(Exception) as raised:
        connection_factory(settings.connection("oltp", "sales"))()
    found = as_unreachable(raised.value, settings, "oltp", "sales")
    assert found is not None and found.code == "DATABASE_UNREACHABLE"
    assert "TEXT2SQL_DATASOURCES__SALES__OLTP_URL" in found.message and "'sales'" in found.message
    assert "refused" in found.message.lower() and "\n" not in found.message


def test_wrapped_cause_is_found_and_other_errors_are_left_alone() -> None:
    settings = _settings(oracle={"oltp": {"url": "sqlite:///x.db"}})
    try:
        try:
            raise OSError("connection to server at 10.0.0.1 failed: Connection refused")
        except OSError as low:
            raise RuntimeError("cannot read the schema") from low
    except RuntimeError as err:
        found = as_unreachable(err, settings, "schema", "default")
    assert found is not None and "TEXT2SQL_ORACLE__OLTP__URL" in found.message  # one URL serves both roles
    assert as_unreachable(RuntimeError("no such table: emp"), settings, "oltp", "default") is None


def test_variables_for_the_oracle_parts() -> None:
    settings = _settings(oracle={"schema": {"dsn": "db:1521/FREEPDB1", "username": "s", "password": "p"}})
    variables = connection_variables(settings, "schema", "default")
    assert "TEXT2SQL_ORACLE__SCHEMA__DSN" in variables and "TEXT2SQL_ORACLE__SCHEMA__PASSWORD" in variables
