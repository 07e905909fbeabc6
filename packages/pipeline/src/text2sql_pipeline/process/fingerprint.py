"""`template_hash`: equal for two SQLs that differ only in their literals, bind names, case or layout."""

from __future__ import annotations

import hashlib

from sqlglot import exp

__all__ = ["content_hash", "template_hash", "template_id"]


def template_hash(tree: exp.Expression, dialect: str) -> str:
    anonymous = tree.copy().transform(
        lambda n: exp.Placeholder() if isinstance(n, exp.Placeholder | exp.Literal) else n
    )
    key = anonymous.sql(dialect=dialect if dialect != "postgres" else "postgres", normalize=True)
    return hashlib.sha256(f"{dialect}\n{key}".encode()).hexdigest()[:32]


def template_id(datasource: str, hash_: str) -> str:
    return "t_" + hashlib.sha256(f"{datasource}\n{hash_}".encode()).hexdigest()[:20]


def content_hash(payload: str) -> str:
    return hashlib.sha256(payload.encode()).hexdigest()[:32]
