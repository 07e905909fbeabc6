"""SQL validation: the read-only guard (parse tree), schema references, and an optional LLM review."""

from text2sql_core.validation.catalog import SchemaCatalog
from text2sql_core.validation.guard import parse_read_only, render_checked, validate_syntax
from text2sql_core.validation.llm_review import LLMVerdict, review_with_llm
from text2sql_core.validation.policy import GuardPolicy, current_policy
from text2sql_core.validation.semantic import SemanticReport, check_references
from text2sql_core.validation.validator import SQLValidator

__all__ = [
    "GuardPolicy",
    "LLMVerdict",
    "SQLValidator",
    "SchemaCatalog",
    "SemanticReport",
    "check_references",
    "current_policy",
    "parse_read_only",
    "render_checked",
    "review_with_llm",
    "validate_syntax",
]
