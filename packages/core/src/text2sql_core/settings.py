"""All configuration: one `BaseSettings` with plain `BaseModel` sections (env prefix TEXT2SQL_, nested `__`).

Nested sections are BaseModels, not BaseSettings, so that one env prefix and one `.env` file drive everything
(pydantic-settings issue 279). Secrets are `SecretStr`; `repr` and logs show them masked.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from text2sql_core.connection import ConnectionSettings, DatasourceOLTPURL, DatasourceSchemaURL, SecretURL
from text2sql_core.errors import ConfigurationError

__all__ = [
    "AgentSettings",
    "ConnectionSettings",
    "DatasourceSettings",
    "EmbeddingSettings",
    "LLMSettings",
    "MilvusSettings",
    "OracleSettings",
    "SecuritySettings",
    "ServerSettings",
    "UISettings",
    "UnifiedSettings",
    "ValueIndexSettings",
    "get_settings",
]

CommaList = Annotated[list[str], NoDecode]
# Every file text2sql writes lives under TEXT2SQL_DATA_DIR unless its own variable says otherwise.
DEFAULT_DATA_DIR = Path("./data")


def _split_list(value: Any) -> Any:
    """Accept `A,B` as well as a JSON list in environment variables."""
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            import json

            return json.loads(text)
        return [item.strip() for item in text.split(",") if item.strip()]
    return value


class OracleSettings(BaseModel):
    """Two separate connections: `schema` reads the dictionary views, `oltp` runs the user's queries."""

    model_config = ConfigDict(populate_by_name=True)

    schema_: ConnectionSettings = Field(default_factory=ConnectionSettings, alias="schema")
    oltp: ConnectionSettings = Field(default_factory=ConnectionSettings)


class DatasourceSettings(BaseModel):
    """An extra named database (templates carry the datasource they run against)."""

    # Normalised to the driver URL (postgres:// → postgresql+psycopg://); repr and dumps mask the password.
    schema_url: DatasourceSchemaURL | None = None
    oltp_url: DatasourceOLTPURL | None = None
    dictionary_path: Path | None = None
    description: str = ""


class MilvusSettings(BaseModel):
    # Unset: DATA_DIR/milvus.db (UnifiedSettings fills it in); a Milvus Lite file path or a server URI.
    uri: SecretURL | None = None
    host: str | None = None
    port: int = 19530
    token: SecretStr | None = None
    db_name: str = "default"
    templates_collection: str = "text2sql_templates"
    schema_collection: str = "text2sql_schema"
    ranker: Literal["weighted", "rrf"] = "weighted"
    # Milvus maps cosine to (1 + cos) / 2, halving its spread, while BM25 goes through arctan: equal weights
    # would let BM25 dominate. Dense carries paraphrases; BM25 adds exact terms (names, values, Korean nouns).
    dense_weight: float = 0.7
    sparse_weight: float = 0.3
    rrf_k: int = 60
    timeout_seconds: float = 10.0

    @property
    def is_server(self) -> bool:
        return self.host is not None or (self.uri or "").startswith(("http://", "https://", "tcp://", "grpc://"))

    @property
    def connection_uri(self) -> str:
        if self.host:
            return f"http://{self.host}:{self.port}"
        return self.uri or (DEFAULT_DATA_DIR / "milvus.db").as_posix()


class LLMSettings(BaseModel):
    """No base_url means no LLM: Phase 1 still answers, Phase 2 says how to configure one."""

    base_url: SecretURL | None = None
    model: str = "gpt-4o-mini"
    api_key: SecretStr | None = None
    temperature: float = 0.0
    timeout_seconds: float = 60.0
    max_retries: int = 3

    @property
    def enabled(self) -> bool:
        return bool(self.base_url)


class EmbeddingSettings(BaseModel):
    provider: Literal["local", "openai"] = "local"
    model: str = "multilingual-e5-small"
    base_url: SecretURL | None = None
    api_key: SecretStr | None = None
    dimension: int = 384
    batch_size: int = 32
    # e5 models want "query: "/"passage: " prefixes; set False for servers whose model does not.
    e5_prefixes: bool = True


class SecuritySettings(BaseModel):
    max_rows: int = Field(1000, ge=1)
    query_timeout_seconds: float = Field(30.0, gt=0)
    denied_tables: CommaList = Field(default_factory=list)
    denied_columns: CommaList = Field(default_factory=list)
    # The guard refuses any function not on its per-dialect allow list: name the site's own safe UDFs here
    # (`MY_UDF` or qualified `HR.CALC_BONUS`, case-insensitive).
    allowed_functions: CommaList = Field(default_factory=list)
    # SQL longer than this is refused before it is parsed (parsing cost grows with the text).
    max_sql_chars: int = Field(20_000, ge=100)

    _split = field_validator("denied_tables", "denied_columns", "allowed_functions", mode="before")(_split_list)


class ValueIndexSettings(BaseModel):
    """The value index: distinct values of low-cardinality text/code columns, read from the OLTP database by
    `text2sql index-schema` (refreshed alone with `--values-only`), so Phase 1 binds 재무팀 or 부산 even when no
    template's example says so. Denied tables and columns are never read."""

    enabled: bool = True
    collection: str = "text2sql_values"
    # A column with more distinct values than this is not indexed (names, ids, free text).
    max_distinct: int = Field(500, ge=1)
    # Longer values are left out (nobody types them in a question).
    max_value_length: int = Field(80, ge=1)
    # Tables with more rows are read from a sample of this many rows (their columns then prove no value absent).
    sample_rows: int = Field(1_000_000, ge=1)
    # How long a process keeps a datasource's values in memory before reading them again.
    refresh_seconds: float = Field(60.0, ge=0)


class AgentSettings(BaseModel):
    top_k: int = 5
    max_repair_attempts: int = 3
    # Conversations (LangGraph checkpoints). Unset: DATA_DIR/checkpoints.sqlite, one process's own file.
    checkpoint_path: Path | None = None
    # postgresql://user:pw@host/db: one checkpointer shared by every replica behind a load balancer (wins over path).
    checkpoint_url: SecretStr | None = None
    # Retention: a thread untouched this long is deleted (0 = never), and only the newest threads are kept (0 = all);
    # each thread keeps only its latest checkpoint, so a one-shot task costs one checkpoint, not one per step.
    checkpoint_ttl_hours: float = Field(72.0, ge=0)
    checkpoint_max_threads: int = Field(1000, ge=0)
    # The sweep (TTL, cap) runs on a write at most this often; a thread's own older checkpoints go at every write.
    checkpoint_prune_interval_seconds: float = Field(60.0, ge=0)
    schema_cache_ttl_seconds: float = 600.0
    schema_token_budget: int = 3000
    # Phase 1 confidence weights; empty = the calibration shipped with text2sql (fitted on Spider dev).
    calibration_path: Path | None = None


class ServerSettings(BaseModel):
    """`text2sql serve`: the A2A endpoint's auth, limits and public address."""

    host: str = "127.0.0.1"
    port: int = Field(8000, ge=1, le=65535)
    # The address other agents reach (behind a proxy or in compose); the agent card advertises it.
    public_url: str | None = None
    api_keys: Annotated[list[SecretStr], NoDecode] = Field(default_factory=list)
    # Needed to listen on a non-loopback address without keys: an explicit choice, never a default.
    auth_disabled: bool = False
    requests_per_minute: int = Field(60, ge=1)
    max_concurrent_tasks: int = Field(4, ge=1)
    max_request_bytes: int = Field(64 * 1024, ge=1024)
    max_question_chars: int = Field(2000, ge=10)
    # Clients are told who they are by the proxy in front: trust X-Forwarded-For only when one exists.
    trust_forwarded_for: bool = False
    # Empty: tasks live in memory (one process). Replicas share one store: postgresql+asyncpg://... or sqlite+aiosqlite.
    task_store_url: SecretStr | None = None

    _split = field_validator("api_keys", mode="before")(_split_list)


class UISettings(BaseModel):
    """The Chainlit chat mounted at /chat."""

    enabled: bool = True
    # `name:pbkdf2_sha256$...` entries (see `text2sql users hash`), or a file with one entry per line.
    users: Annotated[list[SecretStr], NoDecode] = Field(default_factory=list)
    users_file: Path | None = None
    auth_disabled: bool = False
    # Thumbs up/down and template candidates. Unset: on TEXT2SQL_AGENT__CHECKPOINT_URL's database when that is set
    # (replicas share one review queue), else the SQLite file DATA_DIR/feedback.sqlite.
    feedback_path: Path | None = None
    feedback_url: SecretStr | None = None

    _split = field_validator("users", mode="before")(_split_list)


class UnifiedSettings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="TEXT2SQL_",
        env_nested_delimiter="__",
        env_file=".env",
        env_file_encoding="utf-8",
        # `cp .env.example .env` leaves `NAME=` lines: empty means unset (an empty path would read as the current
        # folder, an empty URL as a broken one), for every variable.
        env_ignore_empty=True,
        extra="ignore",
        populate_by_name=True,
    )

    data_dir: Path = DEFAULT_DATA_DIR
    # The bundled sample database, only when asked for (`text2sql demo`, `serve --demo`): never a silent fallback.
    demo: bool = False
    default_datasource: str = "default"
    dictionary_path: Path | None = None
    oracle: OracleSettings = Field(default_factory=OracleSettings)
    datasources: dict[str, DatasourceSettings] = Field(default_factory=dict)
    milvus: MilvusSettings = Field(default_factory=MilvusSettings)
    llm: LLMSettings = Field(default_factory=LLMSettings)
    embedding: EmbeddingSettings = Field(default_factory=EmbeddingSettings)
    security: SecuritySettings = Field(default_factory=SecuritySettings)
    values: ValueIndexSettings = Field(default_factory=ValueIndexSettings)
    agent: AgentSettings = Field(default_factory=AgentSettings)
    server: ServerSettings = Field(default_factory=ServerSettings)
    ui: UISettings = Field(default_factory=UISettings)
    phase1_confidence_threshold: float = Field(0.75, ge=0.0, le=1.0)
    log_level: str = "INFO"

    @field_validator("data_dir", mode="after")
    @classmethod
    def _expand_home(cls, value: Path) -> Path:
        return value.expanduser()  # `~/text2sql-data` in .env means the home folder, not a folder named '~'

    @model_validator(mode="after")
    def _files_under_data_dir(self) -> UnifiedSettings:
        """Files whose own variable is unset go under data_dir (set when the settings are built: a later
        `model_copy(update={"data_dir": ...})` does not move them)."""
        if not self.milvus.uri:
            self.milvus = self.milvus.model_copy(update={"uri": (self.data_dir / "milvus.db").as_posix()})
        if self.agent.checkpoint_path is None:
            self.agent = self.agent.model_copy(update={"checkpoint_path": self.data_dir / "checkpoints.sqlite"})
        if self.ui.feedback_path is None:
            self.ui = self.ui.model_copy(update={"feedback_path": self.data_dir / "feedback.sqlite"})
        return self

    @property
    def chat_root(self) -> Path:
        """Chainlit's working folder (.chainlit/, .files/)."""
        return self.data_dir / "chat"

    @property
    def demo_database_path(self) -> Path:
        return self.data_dir / "demo.db"

    @property
    def demo_database_url(self) -> str:
        return f"sqlite:///{self.demo_database_path.as_posix()}"

    def datasource_names(self) -> list[str]:
        return [self.default_datasource, *[n for n in self.datasources if n != self.default_datasource]]

    def connection(self, kind: Literal["schema", "oltp"], datasource: str | None = None) -> ConnectionSettings:
        """The effective connection of one kind for a datasource; the demo SQLite file only with `demo` on."""
        name = datasource or self.default_datasource
        if name in self.datasources:
            extra = self.datasources[name]
            url = extra.schema_url if kind == "schema" else extra.oltp_url
            url = url or extra.oltp_url or extra.schema_url
            if not url:
                raise ConfigurationError(
                    f"Datasource {name!r} has no database URL. Set TEXT2SQL_DATASOURCES__{name.upper()}__OLTP_URL.",
                    code="DATASOURCE_NOT_CONFIGURED",
                )
            return ConnectionSettings(url=url)
        if name != self.default_datasource:
            raise ConfigurationError(
                f"Unknown datasource {name!r}. Configured: {', '.join(self.datasource_names())}.",
                code="UNKNOWN_DATASOURCE",
            )
        conn = self.oracle.schema_ if kind == "schema" else self.oracle.oltp
        other = self.oracle.oltp if kind == "schema" else self.oracle.schema_
        if conn.is_configured:
            return conn
        if other.is_configured and other.dialect != "oracle":
            return other  # one URL serves both roles for non-Oracle databases
        if other.is_configured:
            which = "SCHEMA" if kind == "schema" else "OLTP"
            raise ConfigurationError(
                f"The Oracle {kind} connection is not configured. Set TEXT2SQL_ORACLE__{which}__DSN (or HOST, "
                f"PORT, SERVICE_NAME), TEXT2SQL_ORACLE__{which}__USERNAME and TEXT2SQL_ORACLE__{which}__PASSWORD.",
                code="CONNECTION_NOT_CONFIGURED",
            )
        if self.demo:
            return ConnectionSettings(url=self.demo_database_url)
        raise ConfigurationError(
            "No database is configured. Set TEXT2SQL_ORACLE__OLTP__URL and TEXT2SQL_ORACLE__SCHEMA__URL (or their "
            "DSN or HOST/SERVICE_NAME, USERNAME and PASSWORD), or TEXT2SQL_DATASOURCES__NAME__OLTP_URL with "
            "TEXT2SQL_DEFAULT_DATASOURCE=NAME; for the sample database run `text2sql demo` or `text2sql serve --demo` "
            "(or set TEXT2SQL_DEMO=true). / 데이터베이스가 설정되지 않았습니다. TEXT2SQL_ORACLE__OLTP__URL 과 "
            "TEXT2SQL_ORACLE__SCHEMA__URL 을 설정하세요. 샘플 DB는 `text2sql demo` 또는 TEXT2SQL_DEMO=true 로 씁니다.",
            code="DATABASE_NOT_CONFIGURED",
            context={"datasource": name, "kind": kind},
        )

    def dialect_for(self, datasource: str | None = None) -> str:
        """The SQL dialect of a datasource; an unconfigured name (a label used only for indexing so far) gets
        the default datasource's; with no database configured at all, "oracle"."""
        name = datasource or self.default_datasource
        if name != self.default_datasource and name not in self.datasources:
            name = self.default_datasource
        try:
            return self.connection("oltp", name).dialect
        except ConfigurationError as err:
            # Indexing template files needs no database: with none configured (or only Oracle's other role),
            # the SQL is Oracle's, this product's default. A named datasource without a URL is still an error.
            if err.code in ("DATABASE_NOT_CONFIGURED", "CONNECTION_NOT_CONFIGURED"):
                return "oracle"
            raise

    def dictionary_for(self, datasource: str | None = None) -> Path | None:
        name = datasource or self.default_datasource
        if name in self.datasources:
            return self.datasources[name].dictionary_path
        return self.dictionary_path


def get_settings(**overrides: Any) -> UnifiedSettings:
    return UnifiedSettings(**overrides)
