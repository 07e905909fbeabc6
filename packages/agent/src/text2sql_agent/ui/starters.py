"""Starter questions for a datasource, from its indexed templates: Korean and English examples side by side."""

from __future__ import annotations

from text2sql_agent.agent import Text2SQLAgent
from text2sql_agent.nodes.common import has_hangul

__all__ = ["starter_questions"]

PROBES = ("부서별 직원 수", "매출 합계", "고객 목록", "top employees by salary", "total by region")


def starter_questions(agent: Text2SQLAgent, datasource: str, count: int = 4) -> list[str]:
    """Example questions of templates the retriever finds for a few broad probes; at least one Korean and one
    English when the index has both."""
    try:
        retrieval = agent.resources.retrieval()
        hits = [h for probe in PROBES for h in retrieval.search(probe, top_k=3, datasource=datasource)]
    except Exception:  # no index yet: the chat still works, just without starters
        return []
    questions = list(dict.fromkeys(q for h in hits for q in h.questions[:1] if q))
    korean = [q for q in questions if has_hangul(q)]
    english = [q for q in questions if not has_hangul(q)]
    chosen = korean[: count - 1] + english[:1] if english else korean[:count]
    return chosen + [q for q in questions if q not in chosen][: count - len(chosen)]
