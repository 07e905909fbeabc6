"""The syntax guard: exactly one read-only query, decided on sqlglot's parse tree; what runs is printed from it.

Order of the checks: the raw text and its tokens (`prescan`: size, MySQL executable comments and hints, Oracle
links), the parse (one statement, a query), then every node of the tree (statements that write, functions off
the allow list, sequences, packages, credential tables, system catalogs). Anything that cannot be parsed is
refused. The database session is read-only anyway (see `text2sql_core.db`): the guard is the first of two walls.
"""

from __future__ import annotations

from sqlglot import exp
from sqlglot.dialects.dialect import Dialect
from sqlglot.errors import ParseError, TokenError
from sqlglot.tokens import Token, TokenType

from text2sql_core.dialects import normalize_dialect
from text2sql_core.validation.denylist import is_denied_package, is_secret_table, system_catalog_kind
from text2sql_core.validation.dialects import guard_dialect
from text2sql_core.validation.functions import check_function
from text2sql_core.validation.policy import GuardPolicy, current_policy
from text2sql_core.validation.prescan import prescan
from text2sql_core.validation.refusals import refuse

__all__ = ["parse_read_only", "render_checked", "validate_syntax"]


# Statement and clause nodes that write, lock, change session state or reach outside the database.
_FORBIDDEN_NODES: tuple[type[exp.Expression], ...] = tuple(
    cls
    for cls in (
        getattr(exp, name, None)
        for name in (
            "DML", "DDL", "Insert", "Update", "Delete", "Merge", "Copy", "Create", "Drop", "Alter", "AlterTable",
            "TruncateTable", "Command", "Transaction", "Commit", "Rollback", "Set", "Pragma", "Attach", "Detach",
            "Use", "Into", "Lock", "LoadData", "Grant", "Revoke", "Kill", "Analyze", "Refresh", "Cache",
            "Uncache", "Export", "Install", "Summarize", "Describe", "Show", "PropertyEQ", "SessionParameter",
        )
    )
    if isinstance(cls, type)
)

_SEQUENCE_PSEUDOCOLUMNS = frozenset({"NEXTVAL", "CURRVAL"})



def _parse_tokens(tokens: list[Token], sql: str, dialect: Dialect, name: str) -> exp.Expression:
    try:
        parsed = dialect.parser().parse(tokens, sql)
    except (ParseError, TokenError) as err:
        first = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise refuse(f"The SQL could not be parsed as {name} ({first}); only parseable queries run.",
                      sql, "unparseable") from err
    except Exception as err:  # sqlglot raises assorted errors (even RecursionError) on odd input: refuse
        raise refuse(f"The SQL could not be parsed as {name} ({type(err).__name__}); only parseable queries run.",
                      sql, "unparseable") from err
    # sqlglot swallows one trailing semicolon (a comment after it becomes a last `Semicolon` holding it); any
    # other empty statement is a stray separator.
    if len(parsed) == 2 and isinstance(parsed[1], exp.Semicolon):
        parsed = parsed[:1]
    statements = [s for s in parsed if s is not None]
    if not statements:
        raise refuse("The SQL holds no statement (only comments or separators).", sql, "empty")
    if len(statements) != 1 or len(parsed) != 1:
        raise refuse(
            f"Exactly one statement may run; found {len(statements)} statement(s) and "
            f"{len(parsed) - len(statements)} empty one(s). Send one SELECT at a time.",
            sql,
            "multiple_statements",
        )
    return statements[0]


def _check_root(tree: exp.Expression, sql: str) -> None:
    if not isinstance(tree, exp.Query):
        kind = tree.key.upper() if tree.key else type(tree).__name__
        raise refuse(f"Only read-only queries (SELECT, WITH … SELECT, UNION …) may run; this parses as {kind}.",
                      sql, "not_a_query")


def _check_node(node: exp.Expression, sql: str, dialect: str, policy: GuardPolicy) -> None:
    if isinstance(node, _FORBIDDEN_NODES):
        what = {
            "Into": "SELECT … INTO",
            "Lock": "SELECT … FOR UPDATE/SHARE (row locks)",
            "PropertyEQ": "An assignment (:=)",
            "SessionParameter": "A session variable (@@name)",
        }.get(type(node).__name__, type(node).__name__.upper())
        raise refuse(f"{what} is not allowed: only read-only queries may run.", sql, "forbidden_statement")
    if isinstance(node, exp.Identifier) and "@" in node.name and not node.quoted:
        raise refuse(f"Database links are not allowed ({node.name}).", sql, "database_link")
    if isinstance(node, exp.Func):
        refusal = check_function(node, dialect, policy)
        if refusal is not None:
            raise refuse(refusal.message, sql, refusal.reason)
    elif isinstance(node, exp.Column):
        _check_column(node, sql)
    elif isinstance(node, exp.Table):
        _check_table(node, sql, dialect)


def _check_column(node: exp.Column, sql: str) -> None:
    qualifiers = [p for p in (node.args.get("table"), node.args.get("db"), node.args.get("catalog")) if p]
    if qualifiers and node.name.upper() in _SEQUENCE_PSEUDOCOLUMNS:
        raise refuse("Sequences (NEXTVAL/CURRVAL) change state and are not allowed.", sql, "sequence")
    for part in qualifiers:
        if isinstance(part, exp.Identifier) and is_denied_package(part.name):
            raise refuse(f"The package {part.name} is not allowed in a read-only query.", sql, "denied_package")


def _check_table(node: exp.Table, sql: str, dialect: str) -> None:
    if not isinstance(node.this, exp.Identifier):
        return  # a table-valued function: its call is checked as a function
    if is_secret_table(node.name, node.db or None):
        raise refuse(f"The table {node.sql()} holds credentials or engine internals and may not be read.",
                      sql, "denied_table")
    if node.db and is_denied_package(node.db):
        raise refuse(f"The package {node.db} is not allowed in a read-only query.", sql, "denied_package")
    kind = system_catalog_kind(node.name, node.db or None, dialect)
    if kind is not None:
        raise refuse(
            f"The system catalog ({kind}) may not be read by a query; ask about the application's tables.",
            sql,
            "system_catalog",
        )


def _checked_tree(sql: str, dialect: str, policy: GuardPolicy | None) -> tuple[exp.Expression, list[Token]]:
    if not sql or not sql.strip():
        raise refuse("The SQL is empty.", sql or "", "empty")
    name = normalize_dialect(dialect)
    glot = guard_dialect(name)
    policy = policy or current_policy()
    tokens = prescan(sql, name, glot, policy)
    tree = _parse_tokens(tokens, sql, glot, name)
    _check_root(tree, sql)
    # Hints are optimizer directives, not calls: their contents are not checked as functions (Oracle only;
    # the other dialects refuse hints in `prescan`).
    for node in tree.walk(prune=lambda n: isinstance(n, exp.Hint)):
        if not isinstance(node, exp.Hint):
            _check_node(node, sql, name, policy)
    return tree, tokens


def parse_read_only(sql: str, dialect: str = "oracle", *, policy: GuardPolicy | None = None) -> exp.Expression:
    """Parse `sql` and return its tree if it is exactly one read-only query; raise `SQLValidationError` if not."""
    return _checked_tree(sql, dialect, policy)[0]


def validate_syntax(sql: str, dialect: str = "oracle", *, policy: GuardPolicy | None = None) -> str:
    """The cleaned SQL (surrounding blanks and the one trailing semicolon, with any comment after it, removed)."""
    _, tokens = _checked_tree(sql, dialect, policy)
    last = tokens[-1]
    if last.token_type == TokenType.SEMICOLON:
        return sql[: last.start].strip()
    return sql.strip()


def render_checked(sql: str, dialect: str = "oracle", *, policy: GuardPolicy | None = None) -> str:
    """The SQL printed from the validated tree in the target dialect, binds kept as `:name`.

    What runs is what was checked: comments and anything the parser skipped are not in the output. Oracle hints
    are kept (printed from the tree): they steer the optimizer and cannot change the session or its limits.
    """
    tree = parse_read_only(sql, dialect, policy=policy)
    return tree.sql(dialect=guard_dialect(dialect), comments=False)
