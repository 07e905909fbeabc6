"""The LangGraph `StateGraph`: question → retrieval → Phase 1 → (execute | Phase 2 with repair | no answer) → answer.

Every node that talks to something outside (LLM, Milvus, database) has a `RetryPolicy` for transient errors only
(connection, timeout, rate limit, 5xx). A validation failure is never retried: it goes to repair."""

from __future__ import annotations

from typing import Any

from langgraph.graph import END, START, StateGraph
from langgraph.types import RetryPolicy

from text2sql_agent.nodes import (
    make_answer_node,
    make_execute_node,
    make_no_answer_node,
    make_phase1_node,
    make_phase2_generate_node,
    make_phase2_schema_node,
    make_phase2_validate_node,
    make_question_node,
    make_retrieve_node,
    repair_exhausted_node,
)
from text2sql_agent.resources import AgentResources
from text2sql_agent.state import AgentState
from text2sql_core.llm import is_transient_error
from text2sql_core.settings import UnifiedSettings

__all__ = ["TRANSIENT_RETRY", "build_text2sql_graph"]

TRANSIENT_RETRY = RetryPolicy(max_attempts=3, initial_interval=0.2, backoff_factor=2.0, max_interval=5.0,
                              retry_on=is_transient_error)


def _run_or_answer(state: AgentState) -> str:
    """Valid SQL runs, unless the caller asked for SQL only."""
    return "execute" if state.get("execute", True) else "answer"


def _after_phase1(resources: AgentResources) -> Any:
    def route(state: AgentState) -> str:
        if state.get("phase") == "phase1":
            return _run_or_answer(state)
        if resources.llm is not None:
            return "phase2_schema"
        return "no_answer"

    return route


def _after_validation(resources: AgentResources) -> Any:
    def route(state: AgentState) -> str:
        if state.get("feedback") is None:
            return _run_or_answer(state)
        if state.get("attempts", 0) < resources.settings.agent.max_repair_attempts:
            return "phase2_generate"
        return "repair_exhausted"

    return route


def _after_execution(resources: AgentResources) -> Any:
    def route(state: AgentState) -> str:
        if state.get("error") is None:
            return "answer"
        if state.get("feedback") and state.get("attempts", 0) < resources.settings.agent.max_repair_attempts:
            return "phase2_generate"
        return END

    return route


def build_text2sql_graph(settings: UnifiedSettings, llm: Any | None = None, checkpointer: Any | None = None,
                         resources: AgentResources | None = None, **resource_options: Any) -> Any:
    """Compile the graph. `llm` (a chat model) enables Phase 2, follow-up rewriting and LLM summaries."""
    resources = resources or AgentResources(settings, llm=llm, **resource_options)
    graph = StateGraph(AgentState)
    graph.add_node("question", make_question_node(resources), retry_policy=TRANSIENT_RETRY)
    graph.add_node("retrieve", make_retrieve_node(resources), retry_policy=TRANSIENT_RETRY)
    graph.add_node("phase1", make_phase1_node(resources), retry_policy=TRANSIENT_RETRY)
    graph.add_node("phase2_schema", make_phase2_schema_node(resources), retry_policy=TRANSIENT_RETRY)
    graph.add_node("phase2_generate", make_phase2_generate_node(resources), retry_policy=TRANSIENT_RETRY)
    graph.add_node("phase2_validate", make_phase2_validate_node(resources), retry_policy=TRANSIENT_RETRY)
    graph.add_node("repair_exhausted", repair_exhausted_node)
    graph.add_node("execute", make_execute_node(resources), retry_policy=TRANSIENT_RETRY)
    graph.add_node("answer", make_answer_node(resources), retry_policy=TRANSIENT_RETRY)
    graph.add_node("no_answer", make_no_answer_node(resources))

    graph.add_edge(START, "question")
    graph.add_edge("question", "retrieve")
    graph.add_edge("retrieve", "phase1")
    graph.add_conditional_edges("phase1", _after_phase1(resources),
                                ["execute", "answer", "phase2_schema", "no_answer"])
    graph.add_edge("phase2_schema", "phase2_generate")
    graph.add_edge("phase2_generate", "phase2_validate")
    graph.add_conditional_edges("phase2_validate", _after_validation(resources),
                                ["execute", "answer", "phase2_generate", "repair_exhausted"])
    graph.add_conditional_edges("execute", _after_execution(resources), ["answer", "phase2_generate", END])
    graph.add_edge("answer", END)
    graph.add_edge("no_answer", END)
    graph.add_edge("repair_exhausted", END)
    return graph.compile(checkpointer=checkpointer)
