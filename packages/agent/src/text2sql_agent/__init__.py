"""text2sql agent: the LangGraph graph (Phase 1 templates, Phase 2 LLM), the Python API, CLI and evaluation.

Exports load lazily (PEP 562) so that importing a submodule (the CLI's, the server's) does not build the whole
graph stack first.
"""

from __future__ import annotations

from text2sql_core.lazy import lazy_exports

# Exported name → the module that defines it.
_EXPORTS = {
    "AgentResources": "text2sql_agent.resources",
    "Answer": "text2sql_agent.answer",
    "Candidate": "text2sql_agent.contracts",
    "Phase1Decision": "text2sql_agent.contracts",
    "QueryResult": "text2sql_agent.contracts",
    "Step": "text2sql_agent.answer",
    "Suggestion": "text2sql_agent.answer",
    "Text2SQLAgent": "text2sql_agent.agent",
    "build_text2sql_graph": "text2sql_agent.graph",
}

__all__ = sorted(_EXPORTS)


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
