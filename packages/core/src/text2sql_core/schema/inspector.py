"""SQLite, PostgreSQL and MySQL/MariaDB schemas through SQLAlchemy's inspector (set-based `get_multi_*`)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import create_engine, inspect
from sqlalchemy.engine import Engine

from text2sql_core.errors import SchemaError
from text2sql_core.models.schema import ColumnSchema, ForeignKey, TableSchema
from text2sql_core.schema.base import related_tables

__all__ = ["InspectorSchemaLoader"]


class InspectorSchemaLoader:
    def __init__(self, url: str | None = None, engine: Engine | None = None, schema: str | None = None):
        if engine is None and url is None:
            raise SchemaError("InspectorSchemaLoader needs a database URL or an engine.", code="SCHEMA_CONFIG")
        self._engine = engine or create_engine(url, pool_pre_ping=True)  # type: ignore[arg-type]
        self.schema = schema

    def load_tables(self) -> list[TableSchema]:
        try:
            inspector = inspect(self._engine)
            columns = inspector.get_multi_columns(schema=self.schema)
            pks = inspector.get_multi_pk_constraint(schema=self.schema)
            fks = inspector.get_multi_foreign_keys(schema=self.schema)
            comments = _table_comments(inspector, self.schema)
        except Exception as err:
            raise SchemaError(
                f"Cannot read the schema of {self._engine.url.render_as_string(hide_password=True)}: {err}. "
                "Check the database URL and that the account may read the catalog.",
                code="SCHEMA_READ_FAILED",
            ) from err
        tables = [
            _table(key[1], cols, pks.get(key) or {}, fks.get(key) or [], comments.get(key[1]))
            for key, cols in sorted(columns.items(), key=lambda item: item[0][1])
        ]
        return tables

    def load_table(self, name: str) -> TableSchema | None:
        return next((t for t in self.load_tables() if t.name.lower() == name.lower()), None)

    def get_related_tables(self, name: str) -> list[TableSchema]:
        return related_tables(self.load_tables(), name)


def _table_comments(inspector: Any, schema: str | None) -> dict[str, str]:
    try:
        raw = inspector.get_multi_table_comment(schema=schema)
    except NotImplementedError:  # SQLite keeps no comments
        return {}
    return {key[1]: (value or {}).get("text") or "" for key, value in raw.items()}


def _table(name: str, cols: list[dict], pk: dict, fks: list[dict], comment: str | None) -> TableSchema:
    pk_cols = list(pk.get("constrained_columns") or [])
    return TableSchema(
        name=name,
        description=comment or "",
        columns=[
            ColumnSchema(name=c["name"], data_type=str(c["type"]), nullable=bool(c.get("nullable", True)),
                         description=c.get("comment") or "", is_primary_key=c["name"] in pk_cols)
            for c in cols
        ],
        primary_key=pk_cols,
        foreign_keys=[
            ForeignKey(columns=fk["constrained_columns"], referred_table=fk["referred_table"],
                       referred_columns=fk["referred_columns"], referred_schema=fk.get("referred_schema"))
            for fk in fks
        ],
    )
