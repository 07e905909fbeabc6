"""The LangGraph `StateGraph`: question → retrieval → Phase 1 → (execute | Phase 2 with repair | no answer) → answer.

One error path: every node runs inside `guarded` (nodes/guard.py), and every edge out of a node is one
conditional edge (`route_failures`) that sends a failed node to the error node — so nothing runs after a failure
(a `phase2_schema` failure never reaches generation). Every node that talks to something outside (LLM, Milvus,
database) has a `RetryPolicy` for transient errors only (connection, timeout, rate limit, 5xx); a validation
failure is never retried: it goes to repair."""

from __future__ import annotations

from collections.abc import Callable
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
from text2sql_agent.nodes.common import is_transient
from text2sql_agent.nodes.guard import ERROR_NODE, error_node, guarded, route_failures
from text2sql_agent.resources import AgentResources
from text2sql_agent.state import AgentState
from text2sql_core.settings import UnifiedSettings

__all__ = ["NODE_STEPS", "TRANSIENT_RETRY", "build_text2sql_graph"]

TRANSIENT_RETRY = RetryPolicy(max_attempts=3, initial_interval=0.2, backoff_factor=2.0, max_interval=5.0,
                              retry_on=is_transient)

# Node name → the step name it records (what progress lines and `Answer.steps` show).
NODE_STEPS = {"question": "question", "retrieve": "retrieval", "phase1": "phase1", "phase2_schema": "phase2_schema",
              "phase2_generate": "phase2_generate", "phase2_validate": "validation", "execute": "execution",
              "answer": "answer", "no_answer": "no_answer", "repair_exhausted": "repair_exhausted"}
_OUTSIDE = {"question", "retrieve", "phase1", "phase2_schema", "phase2_generate", "phase2_validate", "execute",
            "answer"}


def _run_or_answer(state: AgentState) -> str:
    """Valid SQL runs, unless the caller asked for SQL only."""
    return "execute" if state.get("execute", True) else "answer"


def _after_phase1(resources: AgentResources) -> Callable[[AgentState], str]:
    def route(state: AgentState) -> str:
        if state.get("phase") == "phase1":
            return _run_or_answer(state)
        return "phase2_schema" if resources.llm is not None else "no_answer"

    return route


def _after_validation(resources: AgentResources) -> Callable[[AgentState], str]:
    def route(state: AgentState) -> str:
        if state.get("feedback") is None:
            return _run_or_answer(state)
        if state.get("attempts", 0) < resources.settings.agent.max_repair_attempts:
            return "phase2_generate"
        return "repair_exhausted"

    return route


def _after_execution(state: AgentState) -> str:
    """The execute node leaves feedback only for a rejected Phase 2 query with attempts left; else it raised."""
    return "phase2_generate" if state.get("feedback") else "answer"


def _nodes(resources: AgentResources) -> dict[str, Any]:
    return {"question": make_question_node(resources), "retrieve": make_retrieve_node(resources),
            "phase1": make_phase1_node(resources), "phase2_schema": make_phase2_schema_node(resources),
            "phase2_generate": make_phase2_generate_node(resources),
            "phase2_validate": make_phase2_validate_node(resources), "execute": make_execute_node(resources),
            "answer": make_answer_node(resources), "no_answer": make_no_answer_node(resources),
            "repair_exhausted": repair_exhausted_node}


def build_text2sql_graph(settings: UnifiedSettings, llm: Any | None = None, checkpointer: Any | None = None,
                         resources: AgentResources | None = None, nodes: dict[str, Any] | None = None,
                         **resource_options: Any) -> Any:
    """Compile the graph. `llm` (a chat model) enables Phase 2, follow-up rewriting and LLM summaries.
    `nodes` replaces node functions by name (tests make one fail to check the error path)."""
    resources = resources or AgentResources(settings, llm=llm, **resource_options)
    functions = _nodes(resources) | (nodes or {})
    graph = StateGraph(AgentState)
    for name, function in functions.items():
        outside = name in _OUTSIDE
        node = guarded(name, NODE_STEPS[name], function, TRANSIENT_RETRY.max_attempts if outside else 1)
        graph.add_node(name, node, retry_policy=TRANSIENT_RETRY if outside else None)
    graph.add_node(ERROR_NODE, error_node)

    def edge(source: str, route: Callable[[AgentState], str] | str, targets: list[str]) -> None:
        graph.add_conditional_edges(source, route_failures(route), [*targets, ERROR_NODE])

    graph.add_edge(START, "question")
    edge("question", "retrieve", ["retrieve"])
    edge("retrieve", "phase1", ["phase1"])
    edge("phase1", _after_phase1(resources), ["execute", "answer", "phase2_schema", "no_answer"])
    edge("phase2_schema", "phase2_generate", ["phase2_generate"])
    edge("phase2_generate", "phase2_validate", ["phase2_validate"])
    edge("phase2_validate", _after_validation(resources), ["execute", "answer", "phase2_generate",
                                                           "repair_exhausted"])
    edge("execute", _after_execution, ["answer", "phase2_generate"])
    for last in ("answer", "no_answer", "repair_exhausted"):
        edge(last, END, [END])
    graph.add_edge(ERROR_NODE, END)
    return graph.compile(checkpointer=checkpointer)
