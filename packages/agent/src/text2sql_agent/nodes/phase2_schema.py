"""Phase 2 schema context: the relevant tables (from the schema collection, or by schema linking), their
foreign-key neighbours, within a token budget."""

from __future__ import annotations

import re
from typing import Any

from text2sql_agent.nodes.common import StepTimer
from text2sql_agent.resources import AgentResources
from text2sql_agent.state import AgentState
from text2sql_core.models import TableSchema

__all__ = ["link_tables", "make_phase2_schema_node"]

_WORD = re.compile(r"[\w가-힣]+")


def _approx_tokens(text: str) -> int:
    return max(1, len(text) // 3)  # Korean and identifiers run ~3 characters a token


def _link_score(question: str, table: TableSchema) -> float:
    words = {w.lower().rstrip("s") for w in _WORD.findall(question)}
    names = [table.name, table.description, *table.synonyms]
    for column in table.columns:
        names += [column.name, column.description, *column.synonyms]
    terms = {t.lower().rstrip("s") for n in names if n for t in _WORD.findall(n.replace("_", " "))}
    korean_hits = sum(1 for n in names if n and len(n) > 1 and n in question)
    return len(words & terms) + 2 * korean_hits


def link_tables(question: str, tables: list[TableSchema], limit: int = 6) -> list[TableSchema]:
    scored = sorted(tables, key=lambda t: _link_score(question, t), reverse=True)
    return [t for t in scored[:limit] if _link_score(question, t) > 0] or scored[:limit]


def _with_neighbours(chosen: list[TableSchema], tables: list[TableSchema]) -> list[TableSchema]:
    by_name = {t.name.lower(): t for t in tables}
    result = list(chosen)
    for table in chosen:
        neighbours = [by_name.get(fk.referred_table.lower()) for fk in table.foreign_keys]
        neighbours += [t for t in tables if any(fk.referred_table.lower() == table.name.lower()
                                                for fk in t.foreign_keys)]
        result += [n for n in neighbours if n is not None and n not in result]
    return result


def make_phase2_schema_node(resources: AgentResources) -> Any:
    budget = resources.settings.agent.schema_token_budget

    def phase2_schema_node(state: AgentState) -> dict[str, Any]:
        timer = StepTimer("phase2_schema")
        question, datasource = state["standalone_question"], state["datasource"]
        tables = resources.tables(datasource)  # a SchemaError fails the node: nothing to generate against
        service = resources.table_retrieval() if len(tables) > 12 else None
        if service is not None:
            chosen = [hit.table for hit in service.search(question, datasource, 6)]
            timer.detail["source"] = "schema collection"
        else:
            chosen = link_tables(question, tables) if len(tables) > 12 else tables
            timer.detail["source"] = "schema linking" if len(tables) > 12 else "whole schema"
        parts, names, used = [], [], 0
        for table in _with_neighbours(chosen, tables):
            document = table.to_document()
            if parts and used + _approx_tokens(document) > budget:
                break
            parts.append(document)
            names.append(table.name)
            used += _approx_tokens(document)
        timer.detail["tables"] = names
        return {"schema_text": "\n\n".join(parts), "schema_tables": names, "steps": [timer.record()]}

    return phase2_schema_node
