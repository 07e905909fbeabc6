"""The syntax guard: exactly one read-only query, decided on sqlglot's parse tree.

Anything that cannot be parsed is refused. The database session is read-only anyway (see `text2sql_core.db`),
so the guard is the first of two independent walls, not the only one.
"""

from __future__ import annotations

import logging

import sqlglot
from sqlglot import exp
from sqlglot.errors import ParseError, TokenError

from text2sql_core.errors import SQLValidationError
from text2sql_core.validation.denylist import is_denied_function, is_denied_package, is_secret_table
from text2sql_core.validation.dialects import guard_dialect

__all__ = ["parse_read_only", "render_checked", "validate_syntax"]

logging.getLogger("sqlglot").setLevel(logging.ERROR)

# Statement and clause nodes that write, lock, change session state or reach outside the database.
_FORBIDDEN_NODES: tuple[type[exp.Expression], ...] = tuple(
    cls
    for cls in (
        getattr(exp, name, None)
        for name in (
            "DML", "DDL", "Insert", "Update", "Delete", "Merge", "Copy", "Create", "Drop", "Alter", "AlterTable",
            "TruncateTable", "Command", "Transaction", "Commit", "Rollback", "Set", "Pragma", "Attach", "Detach",
            "Use", "Into", "Lock", "LoadData", "Grant", "Revoke", "Kill", "Analyze", "Refresh", "Cache",
            "Uncache", "Export", "Install", "Summarize", "Describe", "Show",
        )
    )
    if isinstance(cls, type)
)

_SEQUENCE_PSEUDOCOLUMNS = frozenset({"NEXTVAL", "CURRVAL"})


def _refuse(message: str, sql: str, reason: str) -> SQLValidationError:
    return SQLValidationError(message, sql=sql, reason=reason)


def _parse_statements(sql: str, dialect: str) -> list[exp.Expression]:
    try:
        parsed = sqlglot.parse(sql, read=guard_dialect(dialect))
    except (ParseError, TokenError) as err:
        first = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise _refuse(f"The SQL could not be parsed as {dialect} ({first}); only parseable queries run.",
                      sql, "unparseable") from err
    except Exception as err:  # sqlglot raises assorted errors on odd input; refusing is the safe answer
        raise _refuse(f"The SQL could not be parsed as {dialect}: {err}", sql, "unparseable") from err
    # sqlglot swallows one trailing semicolon; any other empty statement is a stray separator.
    statements = [s for s in parsed if s is not None]
    if len(statements) != 1 or len(parsed) != 1:
        raise _refuse(
            f"Exactly one statement may run; found {len(statements)} statement(s) and "
            f"{len(parsed) - len(statements)} empty one(s). Send one SELECT at a time.",
            sql,
            "multiple_statements",
        )
    return statements


def _check_root(tree: exp.Expression, sql: str) -> None:
    if not isinstance(tree, exp.Query):
        kind = tree.key.upper() if tree.key else type(tree).__name__
        raise _refuse(f"Only read-only queries (SELECT, WITH … SELECT, UNION …) may run; this parses as {kind}.",
                      sql, "not_a_query")


def _function_name(node: exp.Func) -> str:
    if isinstance(node, exp.Anonymous):
        return str(node.this)
    return node.sql_name()


def _dot_root_names(node: exp.Dot) -> list[str]:
    """The qualifiers of a dotted call like SYS.DBMS_LOCK.SLEEP(…): every identifier left of the call."""
    return [part.name for part in node.find_all(exp.Identifier) if part.name]


def _check_node(node: exp.Expression, sql: str) -> None:
    if isinstance(node, _FORBIDDEN_NODES):
        what = {"Into": "SELECT … INTO", "Lock": "SELECT … FOR UPDATE/SHARE (row locks)"}.get(
            type(node).__name__, type(node).__name__.upper()
        )
        raise _refuse(f"{what} is not allowed: only read-only queries may run.", sql, "forbidden_statement")
    if isinstance(node, exp.Identifier) and "@" in node.name:
        raise _refuse(f"Database links are not allowed ({node.name}).", sql, "database_link")
    if isinstance(node, exp.Func) and is_denied_function(_function_name(node)):
        raise _refuse(f"The function {_function_name(node)} is not allowed in a read-only query.",
                      sql, "denied_function")
    if isinstance(node, exp.Dot):
        for name in _dot_root_names(node):
            if is_denied_package(name):
                raise _refuse(f"The package {name} is not allowed in a read-only query.", sql, "denied_package")
    if isinstance(node, exp.Column):
        _check_column(node, sql)
    if isinstance(node, exp.Table):
        _check_table(node, sql)


def _check_column(node: exp.Column, sql: str) -> None:
    qualifiers = [p for p in (node.args.get("table"), node.args.get("db"), node.args.get("catalog")) if p]
    if qualifiers and node.name.upper() in _SEQUENCE_PSEUDOCOLUMNS:
        raise _refuse("Sequences (NEXTVAL/CURRVAL) change state and are not allowed.", sql, "sequence")
    for part in qualifiers:
        if isinstance(part, exp.Identifier) and is_denied_package(part.name):
            raise _refuse(f"The package {part.name} is not allowed in a read-only query.", sql, "denied_package")


def _check_table(node: exp.Table, sql: str) -> None:
    if is_secret_table(node.name, node.db or None):
        raise _refuse(f"The table {node.sql()} holds credentials and may not be read.", sql, "denied_table")
    if node.db and is_denied_package(node.db):
        raise _refuse(f"The package {node.db} is not allowed in a read-only query.", sql, "denied_package")


def parse_read_only(sql: str, dialect: str = "oracle") -> exp.Expression:
    """Parse `sql` and return its tree if it is exactly one read-only query; raise `SQLValidationError` if not."""
    if not sql or not sql.strip():
        raise _refuse("The SQL is empty.", sql or "", "empty")
    tree = _parse_statements(sql, dialect)[0]
    _check_root(tree, sql)
    for node in tree.walk():
        _check_node(node, sql)
    return tree


def validate_syntax(sql: str, dialect: str = "oracle") -> str:
    """The cleaned SQL (surrounding blanks and the one trailing semicolon removed) if it may run."""
    parse_read_only(sql, dialect)
    cleaned = sql.strip()
    if cleaned.endswith(";"):
        cleaned = cleaned[:-1].rstrip()
    return cleaned


def render_checked(sql: str, dialect: str = "oracle") -> str:
    """The SQL printed from the validated tree in the target dialect, binds kept as `:name`.

    What runs is what was checked: comments, hints and anything the parser skipped are not in the output.
    """
    tree = parse_read_only(sql, dialect)
    return tree.sql(dialect=guard_dialect(dialect), comments=False)
