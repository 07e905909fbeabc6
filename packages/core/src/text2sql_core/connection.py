"""One database connection's settings: a SQLAlchemy-style URL, or Oracle host/port/service or DSN. Also the URL
types every setting holding a URL uses: such a URL connects as written, but `repr`, `str(settings)` and
`model_dump()` show it with its password or token as `***`."""

from __future__ import annotations

import re
from typing import Annotated, Any
from urllib.parse import quote_plus

from pydantic import AfterValidator, BaseModel, BeforeValidator, PlainSerializer, SecretStr, SerializationInfo

from text2sql_core.dialects import dialect_from_url, normalize_database_url
from text2sql_core.errors import ConfigurationError

__all__ = ["ConnectionSettings", "DatabaseURL", "DatasourceOLTPURL", "DatasourceSchemaURL", "SecretURL",
           "database_url_type", "mask_url_secrets"]

# scheme://user:secret@ — the secret runs to the '@' (an unencoded '/' in a password is still masked).
_USERINFO = re.compile(r"(?P<head>\b[a-zA-Z][\w+.-]*://)(?P<user>[^:@/\s]*):(?P<secret>[^@\s]+)@")
_SECRET_PARAMS = re.compile(
    r"(?P<head>[?&;](?:password|passwd|pwd|token|api_key|apikey|access_token|secret)=)[^&#;\s]+", re.IGNORECASE)


def _make_url(url: str) -> Any:
    # sqlalchemy is imported here, not at the top: settings are read by every command, and sqlalchemy costs
    # more than a second to import for commands that never open a connection through it.
    from sqlalchemy.engine import make_url

    return make_url(url)


def mask_url_secrets(text: str) -> str:
    """`text` with the password or token of every URL in it replaced by `***` (`postgresql://u:***@h/db`)."""
    return _SECRET_PARAMS.sub(r"\g<head>***", _USERINFO.sub(r"\g<head>\g<user>:***@", text))


class _URLText(str):
    """A URL that connects as itself (str, f-strings, drivers) but whose repr is masked: a settings object's repr
    and str are built from its values' reprs."""

    __slots__ = ()

    def __repr__(self) -> str:
        return repr(mask_url_secrets(str(self)))


class _DumpedURL(str):
    """What `model_dump()` holds: the masked text only, carrying the real URL (as SecretStr carries its secret)
    so that settings rebuilt from a dump still connect."""

    real: str

    def __repr__(self) -> str:
        return repr(str(self))


def _dump(value: str, info: SerializationInfo) -> str:
    masked = mask_url_secrets(str(value))
    if info.mode_is_json() or masked == value:
        return masked
    dumped = _DumpedURL(masked)
    dumped.real = str(value)
    return dumped


def _undump(value: Any) -> Any:
    return value.real if isinstance(value, _DumpedURL) else value


def _database_url(value: Any, variable: str) -> Any:
    value = _undump(value)
    return normalize_database_url(value, variable) if isinstance(value, str) else value


def database_url_type(variable: str) -> Any:
    """A database URL setting: normalised to the driver URL (`postgres://` → `postgresql+psycopg://`), masked
    when shown; an unknown scheme is one line naming `variable`."""
    return Annotated[str, BeforeValidator(lambda value: _database_url(value, variable)), AfterValidator(_URLText),
                     PlainSerializer(_dump, when_used="always")]


# Any URL that may carry credentials (LLM or embeddings server, Milvus): shown masked, used as written.
SecretURL = Annotated[str, BeforeValidator(_undump), AfterValidator(_URLText),
                      PlainSerializer(_dump, when_used="always")]
DatabaseURL = database_url_type("TEXT2SQL_ORACLE__OLTP__URL / TEXT2SQL_ORACLE__SCHEMA__URL")
DatasourceSchemaURL = database_url_type("TEXT2SQL_DATASOURCES__<NAME>__SCHEMA_URL")
DatasourceOLTPURL = database_url_type("TEXT2SQL_DATASOURCES__<NAME>__OLTP_URL")


class ConnectionSettings(BaseModel):
    url: DatabaseURL | None = None
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
            parsed = _make_url(self.url)
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
            parsed = _make_url(self.url)
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
            return _make_url(self.url).render_as_string(hide_password=True)
        user, _ = self.oracle_credentials()
        return f"oracle://{user or '?'}@{self.oracle_dsn() if self.is_configured else '(not configured)'}"
