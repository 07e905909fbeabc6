"""Which classes a checkpoint may rebuild: the ones the agent's state holds, and nothing else."""

from __future__ import annotations

import dataclasses
from enum import Enum
from typing import Any, get_args, get_type_hints

from langgraph.checkpoint.serde.jsonplus import JsonPlusSerializer
from pydantic import BaseModel

__all__ = ["state_serializer", "state_types"]


def state_types() -> set[type]:
    """Every class the agent's state can hold (pydantic models, dataclasses, enums), read from `AgentState`."""
    from text2sql_agent.state import AgentState

    found: set[type] = set()

    def visit(hint: Any) -> None:
        for arg in get_args(hint):
            visit(arg)
        if not isinstance(hint, type) or hint in found:
            return
        if issubclass(hint, BaseModel):
            found.add(hint)
            for field in hint.model_fields.values():
                visit(field.annotation)
        elif dataclasses.is_dataclass(hint):
            found.add(hint)
            for field in dataclasses.fields(hint):
                visit(field.type)
        elif issubclass(hint, Enum):
            found.add(hint)

    for hint in get_type_hints(AgentState, include_extras=True).values():
        visit(hint)
    return found


def state_serializer() -> JsonPlusSerializer:
    """LangGraph's serializer, told which classes a checkpoint may rebuild: the state's own and nothing else. By
    default it rebuilds any class a stored row names (and warns that this will stop): a row written into a shared
    database must not choose what code runs."""
    return JsonPlusSerializer(allowed_msgpack_modules=[(t.__module__, t.__name__) for t in state_types()])
