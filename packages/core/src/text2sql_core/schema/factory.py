"""The schema loader for a datasource: the right loader for its database, the dictionary, a TTL cache."""

from __future__ import annotations

from text2sql_core.db.connect import connection_factory
from text2sql_core.schema.cache import CachedSchemaLoader
from text2sql_core.schema.dictionary import load_dictionary
from text2sql_core.schema.inspector import InspectorSchemaLoader
from text2sql_core.schema.oracle import OracleSchemaLoader
from text2sql_core.settings import UnifiedSettings

__all__ = ["create_schema_loader"]


def create_schema_loader(settings: UnifiedSettings, datasource: str | None = None) -> CachedSchemaLoader:
    conn = settings.connection("schema", datasource)
    if conn.dialect == "oracle":
        loader = OracleSchemaLoader(connection_factory(conn), owner=conn.oracle_owner())
    else:
        loader = InspectorSchemaLoader(url=conn.sqlalchemy_url())
    path = settings.dictionary_for(datasource)
    dictionary = load_dictionary(path) if path else None
    return CachedSchemaLoader(loader, settings.agent.schema_cache_ttl_seconds, dictionary)
