"""Settings from environment variables and from `.env`; the two Oracle connections stay separate."""

from __future__ import annotations

from pathlib import Path

import pytest

from text2sql_core.errors import ConfigurationError
from text2sql_core.settings import UnifiedSettings


def test_defaults_run_embedded(tmp_path: Path) -> None:
    settings = UnifiedSettings(_env_file=None, data_dir=tmp_path)
    assert settings.phase1_confidence_threshold == 0.75
    assert settings.milvus.uri.endswith("milvus.db") and not settings.milvus.is_server
    assert settings.embedding.provider == "local" and settings.embedding.dimension == 384
    assert not settings.llm.enabled
    assert settings.connection("oltp").dialect == "sqlite"
    assert settings.connection("oltp").url == f"sqlite:///{(tmp_path / 'demo.db').as_posix()}"


def test_two_oracle_connections_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEXT2SQL_ORACLE__SCHEMA__HOST", "dict-db")
    monkeypatch.setenv("TEXT2SQL_ORACLE__SCHEMA__SERVICE_NAME", "FREEPDB1")
    monkeypatch.setenv("TEXT2SQL_ORACLE__SCHEMA__USERNAME", "t2s_schema")
    monkeypatch.setenv("TEXT2SQL_ORACLE__SCHEMA__PASSWORD", "s3cret-schema")
    monkeypatch.setenv("TEXT2SQL_ORACLE__OLTP__DSN", "oltp-db:1521/ORCL")
    monkeypatch.setenv("TEXT2SQL_ORACLE__OLTP__USERNAME", "t2s_reader")
    monkeypatch.setenv("TEXT2SQL_ORACLE__OLTP__PASSWORD", "s3cret-oltp")
    settings = UnifiedSettings(_env_file=None)
    schema, oltp = settings.connection("schema"), settings.connection("oltp")
    assert schema.oracle_dsn() == "dict-db:1521/FREEPDB1"
    assert oltp.oracle_dsn() == "oltp-db:1521/ORCL"
    assert schema.oracle_credentials() == ("t2s_schema", "s3cret-schema")
    assert oltp.oracle_credentials() == ("t2s_reader", "s3cret-oltp")
    assert schema.oracle_owner() == "T2S_SCHEMA"
    assert "s3cret" not in repr(settings) and "s3cret" not in schema.display()


def test_dotenv_file(tmp_path: Path) -> None:
    env = tmp_path / ".env"
    env.write_text(
        "TEXT2SQL_ORACLE__OLTP__URL=postgresql+psycopg://reader:pw@db:5432/sales\n"
        "TEXT2SQL_LLM__BASE_URL=http://llm:8000/v1\n"
        "TEXT2SQL_LLM__API_KEY=sk-test\n"
        "TEXT2SQL_MILVUS__HOST=milvus\n"
        "TEXT2SQL_SECURITY__DENIED_TABLES=salaries, audit_log\n"
        "TEXT2SQL_SECURITY__MAX_ROWS=50\n"
        "TEXT2SQL_PHASE1_CONFIDENCE_THRESHOLD=0.8\n",
        encoding="utf-8",
    )
    settings = UnifiedSettings(_env_file=env)
    assert settings.connection("oltp").dialect == "postgres"
    assert settings.connection("schema").dialect == "postgres"  # one URL serves both roles off Oracle
    assert settings.llm.enabled and settings.llm.api_key.get_secret_value() == "sk-test"
    assert settings.milvus.is_server and settings.milvus.connection_uri == "http://milvus:19530"
    assert settings.security.denied_tables == ["salaries", "audit_log"]
    assert settings.security.max_rows == 50
    assert settings.phase1_confidence_threshold == 0.8


def test_json_list_and_named_datasources(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEXT2SQL_SECURITY__DENIED_COLUMNS", '["emp.ssn", "salary"]')
    monkeypatch.setenv("TEXT2SQL_DATASOURCES__HR__OLTP_URL", "sqlite:///hr.db")
    settings = UnifiedSettings(_env_file=None)
    assert settings.security.denied_columns == ["emp.ssn", "salary"]
    assert settings.connection("oltp", "hr").url == "sqlite:///hr.db"
    assert settings.datasource_names() == ["default", "hr"]
    with pytest.raises(ConfigurationError, match="Unknown datasource"):
        settings.connection("oltp", "nope")


def test_half_configured_oracle_says_what_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEXT2SQL_ORACLE__OLTP__DSN", "db:1521/ORCL")
    with pytest.raises(ConfigurationError, match="TEXT2SQL_ORACLE__SCHEMA__DSN"):
        UnifiedSettings(_env_file=None).connection("schema")


def test_invalid_values_are_rejected() -> None:
    with pytest.raises(ValueError):
        UnifiedSettings(_env_file=None, phase1_confidence_threshold=1.5)
