"""What a read-only query may not touch, by name: packages, functions and tables.

These names are matched against nodes of the parse tree (function names, qualifiers, table names), never
against the raw text, so a column called `sleep_hours` or a literal 'DBMS_LOCK' is not affected.
"""

from __future__ import annotations

__all__ = [
    "DENIED_FUNCTIONS",
    "DENIED_FUNCTION_PREFIXES",
    "DENIED_PACKAGES",
    "DENIED_PACKAGE_PREFIXES",
    "DENIED_TABLES",
    "is_denied_function",
    "is_denied_package",
    "is_secret_table",
]

# Oracle packages that sleep, talk to the network or files, run dynamic SQL, or change state.
DENIED_PACKAGE_PREFIXES: tuple[str, ...] = ("DBMS_", "UTL_", "OWA_", "CTX_", "WWV_", "APEX_")
DENIED_PACKAGES: frozenset[str] = frozenset(
    {"HTP", "HTF", "OWA", "CTXSYS", "HTTPURITYPE", "XDBURITYPE", "DBURITYPE", "ORDSYS", "LBACSYS", "XDB",
     "SYS_EVAL", "SYS_EXEC", "JAVA"}
)

# Exact function names (any dialect): sleeping, file and network access, dynamic SQL, sequences, locks,
# session settings, extensions.
DENIED_FUNCTIONS: frozenset[str] = frozenset(
    name.upper()
    for name in (
        # PostgreSQL
        "pg_sleep", "pg_sleep_for", "pg_sleep_until", "pg_stat_file", "set_config", "nextval", "setval",
        "currval", "lastval", "query_to_xml", "query_to_xml_and_xmlschema", "query_to_xmlschema",
        "cursor_to_xml", "cursor_to_xmlschema", "pg_notify", "txid_current", "pg_current_xact_id",
        "pg_export_snapshot", "pg_import_system_collations", "pg_log_backend_memory_contexts",
        # MySQL / MariaDB
        "sleep", "benchmark", "load_file", "get_lock", "release_lock", "release_all_locks", "is_free_lock",
        "master_pos_wait", "source_pos_wait", "sys_exec", "sys_eval", "sys_get", "sys_set",
        # SQLite
        "load_extension", "readfile", "writefile", "edit", "fts3_tokenizer", "zipfile", "sqlar_compress",
        "sqlar_uncompress", "lsdir", "fsdir",
        # Oracle (outside the package prefixes)
        "sys_eval", "sys_exec", "httpuritype", "xdburitype", "dburitype",
        # Anything that executes a string as code
        "exec", "execute", "eval",
    )
)

DENIED_FUNCTION_PREFIXES: tuple[str, ...] = tuple(
    p.upper()
    for p in (
        "pg_read", "pg_ls_", "pg_file_", "pg_terminate", "pg_cancel", "pg_reload", "pg_rotate", "pg_promote",
        "pg_switch", "pg_create", "pg_drop", "pg_replication", "pg_logical", "pg_advisory", "pg_try_advisory",
        "pg_backup", "pg_start_backup", "pg_stop_backup", "pg_wal_replay", "lo_", "dblink",
        "dbms_", "utl_", "owa_", "htp", "htf", "ctx_",
    )
)

# Tables and views that hold password hashes, link credentials or keys.
DENIED_TABLES: frozenset[str] = frozenset(
    name.upper()
    for name in (
        # Oracle
        "USER$", "LINK$", "ENC$", "DEFAULT_PWD$", "USER_HISTORY$", "CDB_LOCAL_ADMINAUTH$", "XS$VERIFIERS",
        "PROXY_INFO$", "DBA_USERS", "CDB_USERS", "DBA_USERS_WITH_DEFPWD", "CDB_USERS_WITH_DEFPWD",
        "DBA_DB_LINKS", "CDB_DB_LINKS", "ALL_DB_LINKS", "USER_DB_LINKS", "DBA_CREDENTIALS", "CDB_CREDENTIALS",
        "USER_CREDENTIALS", "ALL_CREDENTIALS",
        # PostgreSQL
        "PG_AUTHID", "PG_SHADOW", "PG_USER_MAPPING", "PG_USER_MAPPINGS", "PG_FILE_SETTINGS", "PG_HBA_FILE_RULES",
        "PG_IDENT_FILE_MAPPINGS", "PG_LARGEOBJECT", "PG_LARGEOBJECT_METADATA",
        # MySQL / MariaDB
        "MYSQL.USER", "MYSQL.GLOBAL_PRIV", "MYSQL.DB", "MYSQL.PROXIES_PRIV", "MYSQL.SERVERS",
    )
)


def is_denied_package(name: str) -> bool:
    upper = name.upper()
    return upper in DENIED_PACKAGES or upper.startswith(DENIED_PACKAGE_PREFIXES)


def is_denied_function(name: str) -> bool:
    upper = name.upper()
    return upper in DENIED_FUNCTIONS or upper.startswith(DENIED_FUNCTION_PREFIXES)


def is_secret_table(name: str, qualifier: str | None) -> bool:
    """SYS base tables (names ending in `$`) and the credential views above."""
    upper = name.upper()
    owner = (qualifier or "").upper()
    if upper in DENIED_TABLES or f"{owner}.{upper}" in DENIED_TABLES:
        return True
    return owner in {"SYS", "SYSTEM", "SYSBACKUP", "AUDSYS"} and "$" in upper
