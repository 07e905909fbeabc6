"""`template_hash`: equal for two SQLs that differ only in their slot values, bind names, case or layout.

Business rules (`status <> '취소'`) are part of what a template means, so they are part of its hash: a revenue
query excluding cancelled orders and one excluding returns are two templates. A template without rules hashes as
it always did (its id does not change)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from sqlglot import exp

__all__ = ["content_hash", "template_hash", "template_id"]


def template_hash(tree: exp.Expression, dialect: str, rules: Iterable[str] = ()) -> str:
    anonymous = tree.copy().transform(
        lambda n: exp.Placeholder() if isinstance(n, exp.Placeholder | exp.Literal) else n
    )
    key = anonymous.sql(dialect=dialect if dialect != "postgres" else "postgres", normalize=True)
    kept = sorted(set(rules))
    if kept:
        key = "\n".join([key, "rules:", *kept])
    return hashlib.sha256(f"{dialect}\n{key}".encode()).hexdigest()[:32]


def template_id(datasource: str, hash_: str) -> str:
    return "t_" + hashlib.sha256(f"{datasource}\n{hash_}".encode()).hexdigest()[:20]


def content_hash(payload: str) -> str:
    return hashlib.sha256(payload.encode()).hexdigest()[:32]
