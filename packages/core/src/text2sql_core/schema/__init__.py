"""Schema loading: Oracle's dictionary views, SQLAlchemy's inspector, a YAML data dictionary, a TTL cache."""

from text2sql_core.schema.base import SchemaLoader, related_tables
from text2sql_core.schema.cache import CachedSchemaLoader
from text2sql_core.schema.dictionary import apply_dictionary, load_dictionary
from text2sql_core.schema.factory import create_schema_loader
from text2sql_core.schema.inspector import InspectorSchemaLoader
from text2sql_core.schema.oracle import OracleSchemaLoader
from text2sql_core.schema.spider import create_sqlite_database, load_spider_schemas, spider_db_to_tables

__all__ = [
    "CachedSchemaLoader",
    "InspectorSchemaLoader",
    "OracleSchemaLoader",
    "SchemaLoader",
    "apply_dictionary",
    "create_schema_loader",
    "create_sqlite_database",
    "load_dictionary",
    "load_spider_schemas",
    "related_tables",
    "spider_db_to_tables",
]
