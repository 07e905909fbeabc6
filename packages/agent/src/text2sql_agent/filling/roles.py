"""Which comparison each bind sits in (`col >= :p` → gte), read from the SQL when the template does not say."""

from __future__ import annotations

from sqlglot import exp

from text2sql_core.models import SQLTemplateInDB
from text2sql_core.sqltext import parse_one

__all__ = ["INEQUALITIES", "param_roles"]

INEQUALITIES = {"gt", "gte", "lt", "lte", "between_low", "between_high"}
_ROLES = {exp.GTE: "gte", exp.GT: "gt", exp.LT: "lt", exp.LTE: "lte", exp.EQ: "eq", exp.NEQ: "neq",
          exp.Like: "like", exp.ILike: "like", exp.In: "in", exp.Limit: "limit", exp.Fetch: "limit"}


def param_roles(template: SQLTemplateInDB) -> dict[str, str]:
    """name → role; the template's own `role` wins, the parse fills the rest (older indexes carry no roles)."""
    roles: dict[str, str] = {}
    try:
        tree = parse_one(template.normalized_text, template.dialect)
    except Exception:  # an unparsable template keeps only the roles it declares
        tree = None
    if tree is not None:
        for node in tree.find_all(exp.Placeholder):
            parent = node.parent
            if isinstance(parent, exp.Between):
                roles[node.name] = "between_low" if parent.args.get("low") is node else "between_high"
            elif parent is not None:
                roles[node.name] = next((r for kind, r in _ROLES.items() if isinstance(parent, kind)), "other")
    for param in template.params:
        if param.role:
            roles[param.name] = param.role
    return roles
