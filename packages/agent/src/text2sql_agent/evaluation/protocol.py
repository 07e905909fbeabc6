"""The Spider template-reuse protocol: keys, groups, the library/held-out split, and correctness.

The template key of a question is its gold SQL parsed as MySQL (Spider writes strings in double quotes), every
literal replaced by a placeholder, printed in SQLite. Groups are numbered in order of first appearance; in a
group of two or more, the first question is the library example and the second is the query; groups whose
number % 5 == 4 are held out (nothing of them is indexed)."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

import sqlglot
from sqlglot import exp

__all__ = ["EvalQuery", "Split", "canonical", "split_questions", "template_key"]


def _sqlite_tree(sql: str, read: str) -> exp.Expression:
    # Two round trips reach sqlglot's fixed point (e.g. a JOIN without ON becomes a comma, then CROSS JOIN).
    text = sqlglot.parse_one(sql, read=read).sql(dialect="sqlite")
    return sqlglot.parse_one(sqlglot.parse_one(text, read="sqlite").sql(dialect="sqlite"), read="sqlite")


def template_key(sql: str, read: str = "mysql") -> str:
    tree = _sqlite_tree(sql, read).transform(
        lambda n: exp.Placeholder() if isinstance(n, exp.Literal | exp.Placeholder | exp.Parameter) else n)
    return tree.sql(dialect="sqlite", normalize=True)


def canonical(sql: str, read: str) -> str | None:
    try:
        return _sqlite_tree(sql, read).sql(dialect="sqlite", normalize=True)
    except Exception:
        return None


@dataclass
class EvalQuery:
    question: str
    db_id: str
    gold_sql: str
    key: str
    in_library: bool


@dataclass
class Split:
    library: list[dict]
    queries: list[EvalQuery]


def split_questions(questions: list[dict]) -> Split:
    groups: OrderedDict[tuple[str, str], list[dict]] = OrderedDict()
    for q in questions:
        groups.setdefault((q["db_id"], template_key(q["query"])), []).append(q)
    library, queries = [], []
    for number, ((db_id, key), members) in enumerate(groups.items()):
        held_out = number % 5 == 4
        if not held_out:
            library.append(members[0])
        if len(members) >= 2:
            second = members[1]
            queries.append(EvalQuery(second["question"], db_id, second["query"], key, not held_out))
    return Split(library, queries)
