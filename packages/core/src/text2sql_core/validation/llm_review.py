"""An LLM's verdict on whether a (valid) SQL query answers the question. Robust to malformed output."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import HumanMessage, SystemMessage

from text2sql_core.jsonout import extract_json_object

__all__ = ["LLMVerdict", "review_with_llm"]

log = logging.getLogger(__name__)

_SYSTEM = (
    "You review SQL written for a user's question. Answer with one JSON object only: "
    '{"valid": true|false, "confidence": 0.0-1.0, "explanation": "one sentence"}. '
    '"valid" means the SQL answers the question on the given schema.'
)


@dataclass
class LLMVerdict:
    valid: bool
    confidence: float
    explanation: str
    readable: bool = True


def _as_bool(value: object) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in {"true", "yes", "valid"}:
        return True
    if isinstance(value, str) and value.strip().lower() in {"false", "no", "invalid"}:
        return False
    return None


def _as_confidence(value: object, default: float) -> float:
    try:
        return min(1.0, max(0.0, float(value)))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default


def parse_verdict(text: str) -> LLMVerdict:
    data = extract_json_object(text) or {}
    valid = _as_bool(data.get("valid", data.get("is_valid")))
    if valid is None:
        return LLMVerdict(True, 0.5, "the LLM review could not be read; static checks only", readable=False)
    return LLMVerdict(valid, _as_confidence(data.get("confidence"), 0.8 if valid else 0.2),
                      str(data.get("explanation", "")).strip())


def review_with_llm(llm: BaseChatModel, sql: str, question: str, schema_text: str = "") -> LLMVerdict:
    prompt = f"Question: {question}\n\nSQL:\n{sql}\n"
    if schema_text:
        prompt += f"\nSchema:\n{schema_text}\n"
    try:
        reply = llm.invoke([SystemMessage(_SYSTEM), HumanMessage(prompt)])
    except Exception as err:  # a review that cannot run must not block a query the static checks passed
        log.warning("LLM review failed: %s", err)
        return LLMVerdict(True, 0.5, f"the LLM review failed ({type(err).__name__}); static checks only", False)
    return parse_verdict(str(reply.content))
