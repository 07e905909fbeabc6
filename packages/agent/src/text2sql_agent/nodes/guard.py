"""The one error path. Every node runs inside `guarded`: whatever it raises becomes `failure` — an `ErrorInfo`
with a registered code — and the one conditional edge after every node (`route_failures`) sends the turn to the
error node, which records it. Nothing internal reaches a caller as text: an exception that is not a
`Text2SQLError` becomes `INTERNAL_ERROR` with a generic message; its traceback goes to the log only.

Transient errors are re-raised while the node's `RetryPolicy` has attempts left (LangGraph retries the node);
on the last attempt they fail the turn like any other error."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from langgraph.runtime import Runtime

from text2sql_agent.nodes.common import StepTimer, is_transient
from text2sql_agent.state import AgentState
from text2sql_core.errors import Text2SQLError
from text2sql_core.models import ErrorInfo

__all__ = ["ERROR_NODE", "error_node", "guarded", "route_failures"]

log = logging.getLogger(__name__)

ERROR_NODE = "error"
Node = Callable[[AgentState], dict[str, Any]]


def _attempt(runtime: Runtime | None) -> int:
    info = getattr(runtime, "execution_info", None)
    return int(getattr(info, "node_attempt", 1) or 1)


def guarded(name: str, step: str, node: Node, max_attempts: int = 1) -> Callable[..., dict[str, Any]]:
    """`node` whose exceptions become a failure of step `step`; transient ones are re-raised for the retry
    policy until attempt `max_attempts`."""

    def run(state: AgentState, runtime: Runtime) -> dict[str, Any]:
        try:
            return node(state)
        except Exception as err:
            if is_transient(err) and _attempt(runtime) < max_attempts:
                raise
            failure = ErrorInfo.from_exception(err, node=name)
            if isinstance(err, Text2SQLError):
                log.warning("node %s failed: %s %s", name, failure.code, err.message)
            else:  # the detail of an unexpected error belongs in the log, never in the answer
                log.exception("node %s failed unexpectedly", name)
            timer = StepTimer(step)
            timer.status, timer.detail = "failed", {"code": failure.code, "error": failure.message}
            return {"failure": failure, "steps": [timer.record()]}

    run.__name__ = f"{name}_guarded"
    return run


def route_failures(next_step: Callable[[AgentState], str] | str) -> Callable[[AgentState], str]:
    """The conditional edge after every node: a failure goes to the error node, anything else on its way."""

    def route(state: AgentState) -> str:
        if state.get("failure") is not None:
            return ERROR_NODE
        return next_step(state) if callable(next_step) else next_step

    return route


def error_node(state: AgentState) -> dict[str, Any]:
    """Record the failure as the turn's error; whatever result a later node would have made is not made."""
    failure = state["failure"]
    timer = StepTimer(ERROR_NODE)
    timer.status, timer.detail = "failed", {"code": failure.code, "node": failure.node, "reason": failure.message}
    return {"error": failure, "result": None, "steps": [timer.record()]}
