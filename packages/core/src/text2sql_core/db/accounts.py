"""What the OLTP account could do beyond reading: the part of the wall that only the account's grants can build.

The read-only transaction stops writes to tables, not everything a privileged account can reach from one SELECT:
a PostgreSQL superuser reads any server file (`pg_read_file`, `lo_import`) and reloads the configuration; a MariaDB
account with FILE writes server files (`SELECT … INTO OUTFILE`) and reads them (`LOAD_FILE`), and with SUPER
changes global variables (`SET GLOBAL`). These checks name such powers so the pool can warn the operator the
first time it connects; docs/security.md says how to set the account up instead.
"""

from __future__ import annotations

import logging
from typing import Any

__all__ = ["account_risks", "warn_about_account"]

_log = logging.getLogger(__name__)

_POSTGRES_CHECK = """
SELECT r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls,
       pg_has_role(current_user, 'pg_read_server_files', 'MEMBER'),
       pg_has_role(current_user, 'pg_write_server_files', 'MEMBER'),
       pg_has_role(current_user, 'pg_execute_server_program', 'MEMBER'),
       EXISTS (SELECT 1 FROM information_schema.table_privileges p WHERE p.grantee = current_user
               AND p.privilege_type IN ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE'))
FROM pg_roles r WHERE r.rolname = current_user
"""
_POSTGRES_NAMES = ("is a superuser", "may create roles", "may create databases", "bypasses row-level security",
                   "is in pg_read_server_files", "is in pg_write_server_files", "is in pg_execute_server_program",
                   "has INSERT/UPDATE/DELETE/TRUNCATE on some table")

# Global privileges that reach past the tables (files, other sessions, server settings, accounts).
_MYSQL_DANGEROUS = ("ALL PRIVILEGES", "FILE", "SUPER", "PROCESS", "SHUTDOWN", "RELOAD", "CREATE USER",
                    "GRANT OPTION", "INSERT", "UPDATE", "DELETE", "CREATE", "DROP", "ALTER", "EXECUTE",
                    "CREATE TEMPORARY TABLES", "LOCK TABLES", "BINLOG ADMIN", "CONNECTION ADMIN", "READ_ONLY ADMIN",
                    "SET USER", "SYSTEM_VARIABLES_ADMIN")
_ORACLE_CHECK = (
    "SELECT privilege FROM session_privs UNION ALL SELECT role FROM session_roles "
    "UNION ALL SELECT privilege || ' ON ' || owner || '.' || table_name FROM user_tab_privs_recd "
    "WHERE privilege IN ('INSERT', 'UPDATE', 'DELETE', 'ALTER', 'INDEX')"
)


def _postgres(cursor: Any) -> list[str]:
    cursor.execute(_POSTGRES_CHECK)
    row = cursor.fetchone() or ()
    return [f"the account {name}" for name, flag in zip(_POSTGRES_NAMES, row, strict=False) if flag]


def _mysql(cursor: Any) -> list[str]:
    cursor.execute("SHOW GRANTS FOR CURRENT_USER()")
    risks = []
    for (grant,) in cursor.fetchall():
        privileges = str(grant).upper().removeprefix("GRANT ").split(" ON ")[0]
        granted = {p.strip() for p in privileges.split(",")}
        found = sorted(p for p in granted if p in _MYSQL_DANGEROUS)
        if " WITH GRANT OPTION" in str(grant).upper():
            found.append("GRANT OPTION")
        if found:
            scope = str(grant).split(" ON ", 1)[1].split(" TO ")[0] if " ON " in str(grant) else "?"
            risks.append(f"the account holds {', '.join(found)} on {scope}")
    return risks


_ORACLE_ROLES = frozenset({"DBA", "SYSDBA", "SYSOPER", "EXP_FULL_DATABASE", "IMP_FULL_DATABASE", "RESOURCE",
                           "DATAPUMP_EXP_FULL_DATABASE", "DATAPUMP_IMP_FULL_DATABASE", "BECOME USER"})


def _oracle_wide(name: str) -> bool:
    # Oracle DDL commits implicitly and PL/SQL can COMMIT or run an autonomous transaction, so SET TRANSACTION
    # READ ONLY holds back none of: CREATE/ALTER/DROP beyond CREATE SESSION, "ANY" privileges, and object grants
    # to write (INSERT/UPDATE/DELETE ON owner.table, received directly).
    if name == "CREATE SESSION":
        return False
    first = name.split(" ")[0]
    return " ANY " in f" {name} " or first in {"CREATE", "ALTER", "DROP", "INSERT", "UPDATE", "DELETE", "INDEX"} \
        or name in _ORACLE_ROLES


def _oracle(cursor: Any) -> list[str]:
    cursor.execute(_ORACLE_CHECK)
    names = sorted({str(r[0]).upper() for r in cursor.fetchall()})
    return [f"the account holds {n}" for n in names if _oracle_wide(n)]


_CHECKS = {"postgres": _postgres, "mysql": _mysql, "oracle": _oracle}


def account_risks(dialect: str, conn: Any) -> list[str]:
    """What the account behind `conn` may do besides reading its tables (empty: least privilege). Leaves no
    transaction open. SQLite has no accounts: the file is opened read-only."""
    check = _CHECKS.get(dialect)
    if check is None:
        return []
    cursor = conn.cursor()
    try:
        return check(cursor)
    finally:
        cursor.close()
        conn.rollback()


def warn_about_account(dialect: str, conn: Any, target: str) -> None:
    """Log a warning naming each risk; a check that cannot run (e.g. no access to the views) is logged too."""
    try:
        risks = account_risks(dialect, conn)
    except Exception as err:
        _log.warning("Could not check the privileges of the OLTP account on %s (%s).", target, err)
        return
    if risks:
        _log.warning("The OLTP account on %s is not least-privilege: %s. The read-only session does not stop "
                     "all of this (see docs/security.md, database wall); give it SELECT on the needed tables only.",
                     target, "; ".join(risks))
