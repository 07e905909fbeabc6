"""One database connection's settings: a SQLAlchemy-style URL, or Oracle host/port/service or DSN."""

from __future__ import annotations

from urllib.parse import quote_plus

from pydantic import BaseModel, SecretStr
from sqlalchemy.engine import make_url

from text2sql_core.dialects import dialect_from_url
from text2sql_core.errors import ConfigurationError

__all__ = ["ConnectionSettings"]


class ConnectionSettings(BaseModel):
    url: str | None = None
    host: str | None = None
    port: int = 1521
    service_name: str | None = None
    username: str | None = None
    password: SecretStr | None = None
    dsn: str | None = None
    # Oracle: the schema owner whose tables are described (defaults to the username).
    owner: str | None = None
    pool_min: int = 1
    pool_max: int = 4

    @property
    def is_configured(self) -> bool:
        return bool(self.url or self.dsn or self.host)

    @property
    def dialect(self) -> str:
        if self.url:
            return dialect_from_url(self.url)
        return "oracle"

    def oracle_dsn(self) -> str:
        if self.dsn:
            return self.dsn
        if self.url:
            parsed = make_url(self.url)
            service = parsed.query.get("service_name") or parsed.database or ""
            return f"{parsed.host}:{parsed.port or 1521}/{service}"
        if not (self.host and self.service_name):
            raise ConfigurationError(
                "An Oracle connection needs a DSN or both HOST and SERVICE_NAME "
                "(e.g. TEXT2SQL_ORACLE__OLTP__HOST=db, TEXT2SQL_ORACLE__OLTP__SERVICE_NAME=FREEPDB1).",
                code="CONNECTION_NOT_CONFIGURED",
            )
        return f"{self.host}:{self.port}/{self.service_name}"

    def oracle_credentials(self) -> tuple[str | None, str | None]:
        if self.url:
            parsed = make_url(self.url)
            return parsed.username, parsed.password
        return self.username, self.password.get_secret_value() if self.password else None

    def oracle_owner(self) -> str:
        user, _ = self.oracle_credentials()
        owner = self.owner or user
        if not owner:
            raise ConfigurationError(
                "Cannot tell whose tables to load: set TEXT2SQL_ORACLE__SCHEMA__OWNER.", code="SCHEMA_OWNER_MISSING"
            )
        return owner.upper()

    def sqlalchemy_url(self) -> str:
        """The URL with the password inside: for drivers only, never for logs (use `display`)."""
        if self.url:
            return self.url
        user, password = self.oracle_credentials()
        auth = f"{quote_plus(user or '')}:{quote_plus(password or '')}@" if user else ""
        if self.dsn and "/" not in self.dsn:
            return f"oracle+oracledb://{auth}?dsn={quote_plus(self.dsn)}"
        return f"oracle+oracledb://{auth}{self.oracle_dsn()}"

    def display(self) -> str:
        """A safe description of the target: no password."""
        if self.url:
            return make_url(self.url).render_as_string(hide_password=True)
        user, _ = self.oracle_credentials()
        return f"oracle://{user or '?'}@{self.oracle_dsn() if self.is_configured else '(not configured)'}"
