"""Connection URLs: every spelling of a supported database becomes the driver URL the code uses, an unknown one is
one line naming the variable; a URL's password never shows in repr, str or model_dump, while connecting code
still gets the real URL."""

from __future__ import annotations

import json
import logging

import pytest

from text2sql_core.connection import ConnectionSettings, mask_url_secrets
from text2sql_core.dialects import normalize_database_url
from text2sql_core.errors import ConfigurationError
from text2sql_core.settings import UnifiedSettings

SECRETS = ("Pg-Secr3t", "My-Secr3t", "Llm-T0k3n", "Mv-Secr3t", "Emb-T0k3n", "Tasks-Secr3t", "Oracle-Secr3t")


@pytest.mark.parametrize(("given", "expected"), [
    ("postgres://u:p@db:5432/app", "postgresql+psycopg://u:p@db:5432/app"),
    ("postgresql://u@db/app", "postgresql+psycopg://u@db/app"),
    ("postgresql+psycopg2://u@db/app", "postgresql+psycopg://u@db/app"),
    ("postgresql+psycopg://u@db/app", "postgresql+psycopg://u@db/app"),
    ("mysql://root@127.0.0.1:3306/app", "mysql+pymysql://root@127.0.0.1:3306/app"),
    ("mariadb://root@db/app?charset=utf8mb4", "mysql+pymysql://root@db/app?charset=utf8mb4"),
    ("oracle://scott:tiger@db:1521/?service_name=FREEPDB1", "oracle+oracledb://scott:tiger@db:1521/?service_name=FREEPDB1"),
    ("sqlite:///./data/demo.db", "sqlite:///./data/demo.db"),
])
def test_every_spelling_becomes_the_driver_url(given: str, expected: str) -> None:
    assert normalize_database_url(given) == expected
    assert ConnectionSettings(url=given).url == expected
    settings = UnifiedSettings(_env_file=None, datasources={"hr": {"oltp_url": given}})
    assert settings.connection("oltp", "hr").sqlalchemy_url() == expected


def test_postgres_and_mysql_short_urls_reach_the_real_servers() -> None:
    """The URLs people copy from elsewhere connect (they gave raw driver tracebacks before)."""
    from text2sql_core.db import connection_factory
    from text2sql_testing import mariadb_url, postgres_url

    urls = [(postgres_url(), "postgresql+psycopg://", "postgres://"), (mariadb_url(), "mysql+pymysql://", "mysql://")]
    tried = 0
    for url, driver, short in urls:
        if url is None:
            continue
        conn = connection_factory(ConnectionSettings(url=url.replace(driver, short)))()
        try:
            cursor = conn.cursor()
            cursor.execute("SELECT 1")
            assert cursor.fetchall()[0][0] == 1
        finally:
            conn.close()
        tried += 1
    if not tried:
        pytest.skip("neither PostgreSQL (5432) nor MariaDB (3306) runs on 127.0.0.1")


@pytest.mark.parametrize("url", ["mongodb://u:Mongo-Secr3t@h/db", "localhost:5432/app", "jdbc:oracle:thin:@h:1521/x"])
def test_unknown_schemes_are_one_line_naming_the_variable(url: str) -> None:
    with pytest.raises(ConfigurationError) as raised:
        UnifiedSettings(_env_file=None, datasources={"hr": {"schema_url": url}})
    message = raised.value.message
    assert raised.value.code == "UNSUPPORTED_DATABASE_URL" and "\n" not in message
    assert "TEXT2SQL_DATASOURCES__<NAME>__SCHEMA_URL" in message and "postgresql://" in message
    assert "Mongo-Secr3t" not in message
    with pytest.raises(ConfigurationError, match="TEXT2SQL_ORACLE__OLTP__URL"):
        UnifiedSettings(_env_file=None, oracle={"oltp": {"url": url}})


def test_masking_covers_userinfo_and_secret_query_parameters() -> None:
    assert mask_url_secrets("postgresql://u:secret@h/db") == "postgresql://u:***@h/db"
    assert mask_url_secrets("see http://user:tok@llm/v1 and grpc://m:9/x") == "see http://user:***@llm/v1 and grpc://m:9/x"
    assert mask_url_secrets("oracle+oracledb://scott@?dsn=db&password=tiger") == "oracle+oracledb://scott@?dsn=db&password=***"
    assert mask_url_secrets("http://llm:8000/v1") == "http://llm:8000/v1"


def _settings_with_secrets() -> UnifiedSettings:
    return UnifiedSettings(
        _env_file=None,
        oracle={"oltp": {"url": "oracle+oracledb://app:Oracle-Secr3t@db:1521/?service_name=X"}},
        datasources={"sales": {"oltp_url": "postgres://reader:Pg-Secr3t@pg/sales",
                               "schema_url": "mysql://meta:My-Secr3t@my/sales"}},
        llm={"base_url": "http://svc:Llm-T0k3n@llm/v1"},
        embedding={"base_url": "https://tei:Emb-T0k3n@tei/"},
        milvus={"uri": "http://root:Mv-Secr3t@milvus:19530"},
        server={"task_store_url": "postgresql+asyncpg://t:Tasks-Secr3t@pg/tasks"},
    )


def test_repr_str_dump_and_logs_never_show_a_url_password(caplog: pytest.LogCaptureFixture) -> None:
    settings = _settings_with_secrets()
    caplog.set_level(logging.INFO)
    logging.getLogger("text2sql").info("settings %s %r", settings, settings.datasources)
    shown = [repr(settings), str(settings), str(settings.model_dump()), settings.model_dump_json(),
             json.dumps(settings.model_dump(), default=str), caplog.text, repr(settings.oracle.oltp)]
    for text in shown:
        leaked = [secret for secret in SECRETS if secret in text]
        assert not leaked, (leaked, text[:300])
    assert "reader:***@pg" in shown[0] and "svc:***@llm" in shown[1]


def test_connecting_code_gets_the_real_url_even_from_a_dump() -> None:
    settings = _settings_with_secrets()
    assert settings.connection("oltp", "sales").sqlalchemy_url() == "postgresql+psycopg://reader:Pg-Secr3t@pg/sales"
    assert settings.llm.base_url == "http://svc:Llm-T0k3n@llm/v1" and f"{settings.milvus.uri}".endswith("@milvus:19530")
    assert settings.oracle.oltp.oracle_credentials() == ("app", "Oracle-Secr3t")
    rebuilt = UnifiedSettings(_env_file=None, **settings.model_dump())
    assert rebuilt.datasources["sales"].schema_url == "mysql+pymysql://meta:My-Secr3t@my/sales"
    assert rebuilt.llm.base_url == settings.llm.base_url
