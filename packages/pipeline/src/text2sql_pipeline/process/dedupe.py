"""Templates with the same datasource and hash are one template: exec_count summed, texts kept."""

from __future__ import annotations

from text2sql_core.models import SQLTemplateInDB

__all__ = ["merge_into"]


def _union(first: list[str], second: list[str]) -> list[str]:
    return list(dict.fromkeys([*first, *second]))


def merge_into(kept: SQLTemplateInDB, duplicate: SQLTemplateInDB, sum_counts: bool = True) -> None:
    """Fold `duplicate` into `kept`. Across runs counts take the max, so re-running an input changes nothing."""
    extra_descriptions = [duplicate.description] if duplicate.description != kept.description else []
    kept.questions = _union(kept.questions, [*extra_descriptions, *duplicate.questions])
    kept.questions = [q for q in kept.questions if q and q != kept.description]
    kept.domain_tags = _union(kept.domain_tags, duplicate.domain_tags)
    kept.exec_count = kept.exec_count + duplicate.exec_count if sum_counts else max(kept.exec_count,
                                                                                    duplicate.exec_count)
