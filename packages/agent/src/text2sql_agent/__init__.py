"""text2sql agent: the LangGraph graph (Phase 1 templates, Phase 2 LLM), the Python API, CLI and evaluation."""

from text2sql_agent.agent import Text2SQLAgent
from text2sql_agent.answer import Answer, Step, Suggestion
from text2sql_agent.contracts import Candidate, Phase1Decision, QueryResult
from text2sql_agent.graph import build_text2sql_graph
from text2sql_agent.resources import AgentResources

__all__ = [
    "AgentResources",
    "Answer",
    "Candidate",
    "Phase1Decision",
    "QueryResult",
    "Step",
    "Suggestion",
    "Text2SQLAgent",
    "build_text2sql_graph",
]
