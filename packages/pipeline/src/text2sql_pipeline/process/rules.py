"""Business rules: literals that state a rule of the query, not a value of the question, and so stay fixed.

A literal is a rule when
- it sits in a negative condition: `<>`/`!=`, `NOT IN (…)`, `NOT LIKE`, `IS NOT`, `NOT (…)` — "revenue" means
  "not cancelled" whatever period or region is asked; or
- the description or example question names it next to an exclusion word ("취소 제외", "반품 빼고",
  "excluding cancelled", "except 'X'").

A rule stays a literal in the SQL and is recorded, as a readable SQL condition, in `template.rules`; two queries
whose rules differ are different templates (the rules are part of the template hash).
"""

from __future__ import annotations

import re
from typing import Any

from sqlglot import exp

__all__ = ["is_negated", "named_as_rule"]

# Exclusion words; Korean ones follow the value ("취소 제외"), English ones precede it ("excluding cancelled").
# Plain negation ("서울이 아닌", "not from Russia") is not enough: that is how a person asks for a value to leave out,
# and a new question may leave out another one.
_KOREAN_AFTER = ("제외", "빼고", "뺀", "말고")
_ENGLISH_BEFORE = ("excluding", "exclude", "excludes", "except", "without", "other than")
# Generic nouns that may stand between a value and its exclusion word ("취소된 주문 제외", "excluding the cancelled").
_FILLER = frozenset({"주문", "주문건", "건", "건수", "상태", "거래", "내역", "데이터", "항목", "것",
                     "the", "all", "any", "orders", "order", "status", "rows", "records", "ones"})
_CLAUSE_END = re.compile(r"[,.;:()\[\]/|\n]")
_WINDOW = 12  # characters between the value and its exclusion word: "취소된 주문 제외" fits, a new clause does not


def is_negated(node: exp.Expression) -> exp.Expression | None:
    """The negative condition `node` belongs to (the `<>` itself, or the enclosing NOT), or None."""
    # sqlglot writes `a NOT LIKE b` (and in some versions NOT IN / NOT BETWEEN) as the node with `negate=True`.
    if isinstance(node, exp.NEQ | exp.NullSafeNEQ) or node.args.get("negate"):
        return node
    parent = node.parent
    while isinstance(parent, exp.Paren):
        parent = parent.parent
    if isinstance(parent, exp.Not):
        return parent
    return None


def _only_filler(words: list[str]) -> bool:
    return all(word in _FILLER for word in words)


def named_as_rule(value: Any, texts: list[str]) -> bool:
    """`value` appears in one of `texts` next to an exclusion word: in the same clause, with at most generic nouns
    between them ("취소된 주문 제외" yes; "서울 취소·반품 제외" excludes 취소·반품, not 서울)."""
    needle = str(value).strip("%").lower()
    if not needle:
        return False
    for text in texts:
        lowered = text.lower()
        for match in re.finditer(re.escape(needle), lowered):
            after = _CLAUSE_END.split(lowered[match.end(): match.end() + _WINDOW])[0]
            before = _CLAUSE_END.split(lowered[max(0, match.start() - _WINDOW - 8): match.start()])[-1]
            for word in _KOREAN_AFTER:
                if word in after:
                    # The rest of the value's own word ("된", "·반품") may come first; then generic nouns only.
                    between = after[: after.index(word)].split(" ")[1:]
                    if _only_filler([w for w in between if w]):
                        return True
            for word in _ENGLISH_BEFORE:
                found = re.search(rf"\b{word}\b(.*)$", before)
                if found and _only_filler(found.group(1).split()):
                    return True
    return False
