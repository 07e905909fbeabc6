"""What a query may not read or reach, by name: dangerous packages, credential tables and system catalogs.

Functions are default-deny (see `allowlist`); this module lists the *relations* no user query reads and the
Oracle package prefixes named in refusals. Names are matched against nodes of the parse tree (table names,
qualifiers), never against the raw text, so a column called `dba_notes` or a literal 'SYS.USER$' is not affected.
The schema connection's loaders read the dictionary views with their own SQL, not through the guard.
"""

from __future__ import annotations

__all__ = [
    "DENIED_PACKAGES",
    "DENIED_PACKAGE_PREFIXES",
    "DENIED_TABLES",
    "is_denied_package",
    "is_secret_table",
    "system_catalog_kind",
]

# Oracle packages and types that sleep, talk to the network or files, run dynamic SQL, or change state.
DENIED_PACKAGE_PREFIXES: tuple[str, ...] = ("DBMS_", "UTL_", "OWA_", "CTX_", "WWV_", "APEX_", "KUPP$", "KUPW$")
DENIED_PACKAGES: frozenset[str] = frozenset(
    {"HTP", "HTF", "OWA", "CTXSYS", "HTTPURITYPE", "XDBURITYPE", "DBURITYPE", "URIFACTORY", "ORDSYS", "LBACSYS",
     "XDB", "SYS_EVAL", "SYS_EXEC", "JAVA", "MDSYS"}
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

# Schemas (owners, databases) that belong to the engine, not to the application.
_SYSTEM_SCHEMAS: dict[str, frozenset[str]] = {
    "oracle": frozenset({"SYS", "SYSTEM", "SYSBACKUP", "SYSDG", "SYSKM", "AUDSYS", "XDB", "CTXSYS", "MDSYS",
                         "LBACSYS", "DVSYS", "OUTLN", "ORDSYS", "WMSYS", "GSMADMIN_INTERNAL", "PUBLIC"}),
    "postgres": frozenset({"PG_CATALOG", "INFORMATION_SCHEMA", "PG_TOAST"}),
    "mysql": frozenset({"MYSQL", "INFORMATION_SCHEMA", "PERFORMANCE_SCHEMA", "SYS"}),
    "sqlite": frozenset(),  # SQLite keeps its catalog in sqlite_* tables of every schema (prefixes below)
}
# Name prefixes reserved by the engine for its catalog. Oracle's ALL_/USER_ families are matched by suffix below,
# because applications do name tables USER_PROFILES or ALL_ORDERS.
_SYSTEM_PREFIXES: dict[str, tuple[str, ...]] = {
    "oracle": ("DBA_", "CDB_", "V$", "GV$", "V_$", "GV_$", "X$", "DBMS_", "AUD$", "FGA_"),
    "postgres": ("PG_",),
    "mysql": (),
    "sqlite": ("SQLITE_", "PRAGMA_"),
}
_ORACLE_DICTIONARY_SUFFIXES = frozenset(
    """
    TABLES TAB_COLUMNS TAB_COLS COL_COMMENTS TAB_COMMENTS OBJECTS SOURCE VIEWS SYNONYMS CONSTRAINTS CONS_COLUMNS
    INDEXES IND_COLUMNS TRIGGERS PROCEDURES ARGUMENTS DB_LINKS DIRECTORIES SEQUENCES TAB_PRIVS COL_PRIVS USERS
    ROLE_PRIVS SYS_PRIVS TAB_PRIVS_MADE TAB_PRIVS_RECD MVIEWS TYPES DEPENDENCIES SCHEDULER_JOBS JOBS CREDENTIALS
    PASSWORD_LIMITS RESOURCE_LIMITS TS_QUOTAS ERRORS SEGMENTS EXTENTS TABLESPACES POLICIES AUDIT_POLICIES
    LIBRARIES JAVA_CLASSES NETWORK_ACL_PRIVILEGES HOST_ACES STATEMENTS QUEUES TAB_PARTITIONS PART_TABLES
    """.split()
)
_ORACLE_DICTIONARY_NAMES = frozenset({"DICTIONARY", "DICT", "DICT_COLUMNS", "TAB", "COL", "CAT", "SESSION_PRIVS",
                                      "SESSION_ROLES", "ROLE_SYS_PRIVS", "ROLE_TAB_PRIVS", "ROLE_ROLE_PRIVS",
                                      "GLOBAL_NAME", "PRODUCT_COMPONENT_VERSION", "NLS_SESSION_PARAMETERS",
                                      "NLS_DATABASE_PARAMETERS", "NLS_INSTANCE_PARAMETERS"})
_SQLITE_NAMES = frozenset({"SQLITE_MASTER", "SQLITE_SCHEMA", "SQLITE_TEMP_MASTER", "SQLITE_TEMP_SCHEMA",
                           "SQLITE_SEQUENCE", "SQLITE_DBPAGE", "SQLITE_STMT", "DBSTAT"})


def is_denied_package(name: str) -> bool:
    upper = name.upper()
    return upper in DENIED_PACKAGES or upper.startswith(DENIED_PACKAGE_PREFIXES)


def is_secret_table(name: str, qualifier: str | None) -> bool:
    """SYS base tables (names ending in `$`) and the credential views above."""
    upper = name.upper()
    owner = (qualifier or "").upper()
    if upper in DENIED_TABLES or f"{owner}.{upper}" in DENIED_TABLES:
        return True
    return owner in {"SYS", "SYSTEM", "SYSBACKUP", "AUDSYS"} and "$" in upper


def system_catalog_kind(name: str, schema: str | None, dialect: str) -> str | None:
    """Why `schema.name` is part of the engine's catalog ("schema X", "prefix Y", "view Z"), or None if it is not."""
    upper, owner = name.upper(), (schema or "").upper()
    if owner and owner in _SYSTEM_SCHEMAS.get(dialect, frozenset()):
        return f"schema {owner}"
    if upper.startswith(_SYSTEM_PREFIXES.get(dialect, ())):
        return f"name {upper}"
    if dialect == "oracle":
        if upper in _ORACLE_DICTIONARY_NAMES or upper.endswith("$"):
            return f"view {upper}"
        for family in ("ALL_", "USER_"):
            if upper.startswith(family) and upper[len(family):] in _ORACLE_DICTIONARY_SUFFIXES:
                return f"view {upper}"
    if dialect == "sqlite" and upper in _SQLITE_NAMES:
        return f"table {upper}"
    if dialect == "mysql" and upper in {"INFORMATION_SCHEMA", "PERFORMANCE_SCHEMA"}:
        return f"schema {upper}"
    return None
