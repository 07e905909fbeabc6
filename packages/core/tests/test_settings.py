"""Settings from environment variables and from `.env`; the two Oracle connections stay separate."""

from __future__ import annotations

from pathlib import Path

import pytest

from text2sql_core.errors import ConfigurationError
from text2sql_core.settings import UnifiedSettings

REPO = Path(__file__).resolve().parents[3]


def test_defaults_run_embedded(tmp_path: Path) -> None:
    settings = UnifiedSettings(_env_file=None, data_dir=tmp_path, demo=True)
    assert settings.phase1_confidence_threshold == 0.75
    assert settings.milvus.uri.endswith("milvus.db") and not settings.milvus.is_server
    assert settings.embedding.provider == "local" and settings.embedding.dimension == 384
    assert not settings.llm.enabled
    assert settings.connection("oltp").dialect == "sqlite"
    assert settings.connection("oltp").url == f"sqlite:///{(tmp_path / 'demo.db').as_posix()}"


def test_no_database_is_an_error_not_the_demo(tmp_path: Path) -> None:
    settings = UnifiedSettings(_env_file=None, data_dir=tmp_path)
    for kind in ("schema", "oltp"):
        with pytest.raises(ConfigurationError) as caught:
            settings.connection(kind)
        assert caught.value.code == "DATABASE_NOT_CONFIGURED"
        assert "TEXT2SQL_ORACLE__OLTP__URL" in caught.value.message and "TEXT2SQL_DEMO" in caught.value.message
        assert "demo.db" not in caught.value.message
    # Reading template files needs no database: their SQL is then Oracle's, the product's default.
    assert settings.dialect_for(None) == "oracle"
    assert settings.dialect_for("a_label_only_used_for_indexing") == "oracle"


def test_dialect_of_a_datasource_without_url_is_still_an_error(tmp_path: Path) -> None:
    settings = UnifiedSettings(_env_file=None, data_dir=tmp_path, datasources={"hr": {"dictionary_path": None}})
    with pytest.raises(ConfigurationError) as caught:
        settings.dialect_for("hr")
    assert caught.value.code == "DATASOURCE_NOT_CONFIGURED"


def test_demo_is_opt_in_by_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TEXT2SQL_DEMO", "true")
    monkeypatch.setenv("TEXT2SQL_DATA_DIR", str(tmp_path))
    assert UnifiedSettings(_env_file=None).connection("schema").url == f"sqlite:///{(tmp_path / 'demo.db').as_posix()}"


def test_every_file_lives_under_data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TEXT2SQL_DATA_DIR", str(tmp_path / "state"))
    settings = UnifiedSettings(_env_file=None)
    state = tmp_path / "state"
    assert Path(settings.milvus.uri) == state / "milvus.db"
    assert settings.agent.checkpoint_path == state / "checkpoints.sqlite"
    assert settings.ui.feedback_path == state / "feedback.sqlite"
    assert settings.chat_root == state / "chat" and settings.demo_database_path == state / "demo.db"
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("TEXT2SQL_DATA_DIR", "~/t2s")
    assert UnifiedSettings(_env_file=None).agent.checkpoint_path == tmp_path / "t2s" / "checkpoints.sqlite"
    # An explicit path wins over the folder.
    monkeypatch.setenv("TEXT2SQL_AGENT__CHECKPOINT_PATH", str(tmp_path / "elsewhere.sqlite"))
    assert UnifiedSettings(_env_file=None).agent.checkpoint_path == tmp_path / "elsewhere.sqlite"


def test_env_example_copied_as_is_means_unset(tmp_path: Path) -> None:
    """`cp .env.example .env`: its empty `NAME=` lines are unset values, not the current folder or empty URLs."""
    env = tmp_path / ".env"
    env.write_text((REPO / ".env.example").read_text(encoding="utf-8"), encoding="utf-8")
    settings = UnifiedSettings(_env_file=env)
    assert settings.dictionary_path is None and settings.agent.calibration_path is None
    assert settings.ui.users_file is None and settings.ui.users == []
    assert not settings.oracle.oltp.is_configured and not settings.oracle.schema_.is_configured
    assert settings.oracle.oltp.password is None and settings.milvus.token is None
    assert not settings.llm.enabled and settings.server.api_keys == [] and settings.server.public_url is None
    assert settings.agent.checkpoint_url is None and settings.server.task_store_url is None
    assert settings.agent.checkpoint_path == Path("data") / "checkpoints.sqlite"
    assert not settings.milvus.is_server and settings.milvus.uri == "data/milvus.db"
    assert settings.demo is False


def test_empty_environment_variables_are_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEXT2SQL_DICTIONARY_PATH", "")
    monkeypatch.setenv("TEXT2SQL_ORACLE__OLTP__URL", "")
    monkeypatch.setenv("TEXT2SQL_AGENT__CHECKPOINT_TTL_HOURS", "")
    settings = UnifiedSettings(_env_file=None)
    assert settings.dictionary_path is None and settings.oracle.oltp.url is None
    assert settings.agent.checkpoint_ttl_hours == 72.0


def test_checkpoint_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEXT2SQL_AGENT__CHECKPOINT_URL", "postgresql://app:s3cret@db:5432/t2s")
    monkeypatch.setenv("TEXT2SQL_AGENT__CHECKPOINT_TTL_HOURS", "24")
    monkeypatch.setenv("TEXT2SQL_AGENT__CHECKPOINT_MAX_THREADS", "500")
    settings = UnifiedSettings(_env_file=None)
    assert settings.agent.checkpoint_url.get_secret_value() == "postgresql://app:s3cret@db:5432/t2s"
    assert settings.agent.checkpoint_ttl_hours == 24 and settings.agent.checkpoint_max_threads == 500
    assert "s3cret" not in repr(settings)
    with pytest.raises(ValueError):
        UnifiedSettings(_env_file=None, agent={"checkpoint_max_threads": -1})


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
