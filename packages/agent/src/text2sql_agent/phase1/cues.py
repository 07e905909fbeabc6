"""Structure cues: what a question's words say about the SQL that answers it (Korean and English).

"몇 명 / how many" wants COUNT, "부서별 / each department" wants GROUP BY, "가장 많은 / most" wants ORDER BY … DESC.
Comparing these cues with a candidate template's SQL tells apart templates whose descriptions read alike but whose
SQL does different things (counting singers vs counting singers per country). The question side is read on
morphemes and words (`cue_words`); the SQL side on sqlglot's tree.
"""

from __future__ import annotations

from functools import lru_cache

from sqlglot import exp

from text2sql_agent.phase1.cue_words import question_cues
from text2sql_core.sqltext import parse_one

__all__ = ["cue_agreement", "question_cues", "sql_features"]

# Cues that, when present in the question, should be reflected in the SQL (absent ones cost a little).
_DEMANDING = frozenset({"count", "avg", "sum", "negation", "group", "distinct"})


@lru_cache(maxsize=4096)
def sql_features(sql: str, dialect: str = "sqlite") -> frozenset[str]:
    try:
        tree = parse_one(sql, dialect)
    except Exception:
        return frozenset()
    found: set[str] = set()
    checks = {
        "count": exp.Count, "group": exp.Group, "avg": exp.Avg, "sum": exp.Sum, "distinct": exp.Distinct,
        "both": exp.Intersect, "either": exp.Union,
    }
    found |= {name for name, node in checks.items() if tree.find(node)}
    for ordered in tree.find_all(exp.Ordered):
        found.add("desc" if ordered.args.get("desc") else "asc")
    if tree.find(exp.Max):
        found.add("desc")
    if tree.find(exp.Min):
        found.add("asc")
    if tree.find(exp.Not) or tree.find(exp.Except) or tree.find(exp.NEQ):
        found.add("negation")
    if tree.find(exp.Or):
        found.add("either")
    if tree.find(exp.Limit) or tree.find(exp.Fetch):
        found.add("limit")
    having = tree.find(exp.Having)
    if having is not None:
        found.add("having")
        if having.find(exp.Count) and not _count_outside_having(tree):
            found.discard("count")  # the count is the comparison, which "having" already asks of the question
    return frozenset(found)


def _count_outside_having(tree: exp.Expression) -> bool:
    return any(node.find_ancestor(exp.Having) is None for node in tree.find_all(exp.Count))


def cue_agreement(question: str, sql: str, dialect: str = "sqlite") -> float:
    """+1 per SQL feature the question asks for, −1 per feature it does not, −½ per demanding cue left unmet."""
    features, cues = sql_features(sql, dialect), question_cues(question)
    if "having" in features and "having" in cues:
        cues = cues | {"group"}  # "grades with at least 4 students" groups by grade without saying "each"
    if "order" in cues and not cues & {"asc", "desc"}:
        cues = cues | {"asc", "desc"}  # "이름순으로" fits either direction; "나이 많은 순으로" only DESC
    score = sum(1.0 if feature in cues else -1.0 for feature in features)
    score -= 0.5 * len((cues & _DEMANDING) - features)
    return score
