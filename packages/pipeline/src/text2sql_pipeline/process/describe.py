"""A description for a template without one: with an LLM, what the query answers; else built from the schema."""

from __future__ import annotations

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import HumanMessage, SystemMessage

from text2sql_core.errors import LLMError
from text2sql_core.models import TableSchema, TemplateParam

__all__ = ["describe_deterministic", "describe_with_llm"]

_SYSTEM = ("Write one short sentence in Korean, then the same in English, saying what question this SQL answers. "
           "Use the table and column comments. No SQL, no quotes.")


def _label(name: str, comment: str) -> str:
    return f"{comment}({name})" if comment and comment.lower() != name.lower() else name


def describe_deterministic(tables: list[str], columns: list[str], params: list[TemplateParam],
                           schema: dict[str, TableSchema]) -> str:
    """e.g. "직원(employees)의 이름(name), 급여(salary) 조회 — 조건: 부서(dept_id)"."""
    table_labels = []
    for name in tables:
        table = schema.get(name.lower())
        table_labels.append(_label(name, table.description if table else ""))
    column_labels = []
    for qualified in columns[:8]:
        table_name, _, column_name = qualified.rpartition(".")
        table = schema.get(table_name.lower()) if table_name else None
        column = table.column(column_name) if table else None
        column_labels.append(_label(column_name, column.description if column else ""))
    text = f"{', '.join(table_labels) or '?'}의 {', '.join(column_labels) or '전체'} 조회"
    filters = [p.column for p in params if p.column]
    if filters:
        text += f" — 조건: {', '.join(dict.fromkeys(filters))}"
    return text


def describe_with_llm(llm: BaseChatModel, sql: str, schema_text: str) -> str:
    """A one-line description written by the LLM. Raises `LLMError` (LLM_ERROR) when the call fails."""
    try:
        reply = llm.invoke([SystemMessage(_SYSTEM), HumanMessage(f"SQL:\n{sql}\n\nSchema:\n{schema_text}")])
    except Exception as err:  # any client's failure, said in the product's terms (callers fall back to a rule)
        raise LLMError(f"The LLM could not describe the template: {type(err).__name__}: {err}",
                       code="LLM_ERROR") from err
    return " ".join(str(reply.content).split())[:500]
