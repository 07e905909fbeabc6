"""Structure cues: what a question's words say about the SQL that answers it (Korean and English).

"몇 명 / how many" wants COUNT, "부서별 / each department" wants GROUP BY, "가장 많은 / most" wants ORDER BY … DESC.
Comparing these cues with a candidate template's SQL tells apart templates whose descriptions read alike but whose
SQL does different things (counting singers vs counting singers per country).
"""

from __future__ import annotations

import re
from functools import lru_cache

from sqlglot import exp

from text2sql_core.sqltext import parse_one

__all__ = ["cue_agreement", "question_cues", "sql_features"]

_CUES: dict[str, re.Pattern[str]] = {
    name: re.compile(pattern, re.IGNORECASE)
    for name, pattern in {
        "count": r"\bhow many\b|\bnumber of\b|\bcount\b|몇|개수|건수|수를|수는|수가|인원|명수",
        "group": r"\beach\b|\bper\b|\bevery\b|\bby\b|별|마다|각 ",
        "desc": r"\bmost\b|\bhighest\b|\blargest\b|\bbiggest\b|\bdescending\b|\boldest\b|\bmax|\bgreatest\b|"
        r"\btop\b|가장|최대|높은|많은|큰|내림차순|상위",
        "asc": r"\bleast\b|\blowest\b|\bsmallest\b|\bascending\b|\byoungest\b|\bfewest\b|\bmin|가장|최소|낮은|"
        r"적은|작은|오름차순|하위",
        "avg": r"\baverage\b|\bmean\b|평균",
        "sum": r"\btotal\b|\bsum\b|합계|총",
        "distinct": r"\bdistinct\b|\bdifferent\b|\bunique\b|중복",
        "negation": r"\bnot\b|\bno\b|\bwithout\b|\bnever\b|n't\b|\bexcept\b|없는|않은|않는|제외|아닌",
        "both": r"\bboth\b|\band\b|모두|둘 다|동시에",
        # "6 or more" is a comparison, not a disjunction.
        "either": r"\bor\b(?!\s+(?:more|fewer|less|greater|higher|lower|above|below)\b)|\beither\b|또는|이거나|혹은",
        # A count compared with a number ("at least 4 students", "5명 이상") asks for HAVING COUNT(…).
        "having": r"\bat least\b|\bat most\b|\bmore than\b|\bfewer than\b|\bless than\b|\bor more\b|"
        r"\bor fewer\b|\bor less\b|\bover\b|\bunder\b|\babove\b|\bbelow\b|\bexceeds?\b|이상|이하|초과|미만|넘는|넘게",
        # Ordering asked for without a direction ("sorted by age", "이름순으로") fits either direction.
        "order": r"\border\b|\bsort|\bordered\b|\balphabetic|\branked\b|순으로|순서|정렬|순위|[가-힣]+순(?:\s|$)",
        "limit": r"\btop\b|\bfirst\b|\bmost\b|\bleast\b|\bhighest\b|\blowest\b|\w+est\b|\bmaximum\b|"
        r"\bminimum\b|가장|상위|하위|최고|최저|제일|\d+\s*(?:명|개|건|위|곳)",
    }.items()
}
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


@lru_cache(maxsize=4096)
def question_cues(question: str) -> frozenset[str]:
    return frozenset(name for name, pattern in _CUES.items() if pattern.search(question))


def cue_agreement(question: str, sql: str, dialect: str = "sqlite") -> float:
    """+1 per SQL feature the question asks for, −1 per feature it does not, −½ per demanding cue left unmet."""
    features, cues = sql_features(sql, dialect), question_cues(question)
    if "having" in features and "having" in cues:
        cues = cues | {"group"}  # "grades with at least 4 students" groups by grade without saying "each"
    if "order" in cues:
        cues = cues | {"asc", "desc"}
    score = sum(1.0 if feature in cues else -1.0 for feature in features)
    score -= 0.5 * len((cues & _DEMANDING) - features)
    return score
