"""Retrieval: hybrid search of templates, scoped by datasource. When the search fails and an LLM is configured,
the failure is noted (`retrieval_error`) and Phase 2 answers; without an LLM nothing could answer, so it is raised."""

from __future__ import annotations

from typing import Any

from text2sql_agent.nodes.common import StepTimer
from text2sql_agent.resources import AgentResources
from text2sql_agent.state import AgentState
from text2sql_core.errors import VectorStoreError
from text2sql_core.models import ErrorInfo

__all__ = ["make_retrieve_node"]


def make_retrieve_node(resources: AgentResources) -> Any:
    top_k = resources.settings.agent.top_k

    def retrieve_node(state: AgentState) -> dict[str, Any]:
        timer = StepTimer("retrieval")
        try:
            # Milvus's fused score orders by a mix of scales; the reranker re-orders a wider pool by meaning and
            # structure (on Spider dev, the right template is among 20 fused hits for every in-library question).
            hits = resources.retrieval().search(state["standalone_question"], top_k * 4, state["datasource"])
        except VectorStoreError as err:
            if resources.llm is None:
                raise
            timer.status, timer.detail = "failed", {"code": str(err.code), "error": err.message}
            return {"candidates": [], "retrieval_error": ErrorInfo.from_exception(err, node="retrieve"),
                    "steps": [timer.record()]}
        timer.detail["templates"] = [
            {"id": h.id, "description": h.description, "score": round(h.dense_score or h.similarity_score, 4)}
            for h in hits[:top_k]
        ]
        return {"candidates": hits, "steps": [timer.record()]}

    return retrieve_node
