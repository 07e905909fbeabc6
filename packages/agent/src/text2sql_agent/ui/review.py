"""Approving a feedback candidate indexes it through the pipeline (the same normalization, dedupe and Milvus write
as `text2sql index`): a Phase 2 answer becomes a new template, a Phase 1 one adds its question to the template."""

from __future__ import annotations

from text2sql_agent.ui.feedback import Candidate, FeedbackStore
from text2sql_core.errors import Text2SQLError
from text2sql_core.models import SQLTemplateCreate
from text2sql_core.settings import UnifiedSettings
from text2sql_pipeline import IndexSummary, IngestItem, index_rows, template_store

__all__ = ["approve", "reject"]


def _item(candidate: Candidate) -> IngestItem:
    template = SQLTemplateCreate(sql_text=candidate.sql, description=candidate.question, questions=[candidate.question],
                                 datasource=candidate.datasource, dialect=candidate.dialect or "oracle")
    return IngestItem(template=template, source=f"feedback:{candidate.id}")


def approve(settings: UnifiedSettings, store: FeedbackStore, feedback_id: str) -> IndexSummary:
    candidate = store.get(feedback_id)
    if candidate is None:
        raise Text2SQLError(f"No pending candidate {feedback_id!r} (see `text2sql templates review`).",
                            code="UNKNOWN_CANDIDATE")
    summary = index_rows([_item(candidate)], template_store(settings))
    if summary.skipped:
        raise Text2SQLError(f"Candidate {feedback_id} was not indexed: {summary.skipped[0].reason}",
                            code="CANDIDATE_REJECTED_BY_PIPELINE")
    store.resolve(feedback_id, "approved")
    return summary


def reject(store: FeedbackStore, feedback_id: str) -> None:
    if not store.resolve(feedback_id, "rejected"):
        raise Text2SQLError(f"No pending candidate {feedback_id!r}.", code="UNKNOWN_CANDIDATE")
