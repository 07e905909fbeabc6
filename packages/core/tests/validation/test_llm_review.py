"""The LLM review: a JSON verdict, read robustly whatever the model wraps around it."""

from __future__ import annotations

from langchain_core.language_models import FakeListChatModel

from text2sql_core.models import ColumnSchema, TableSchema
from text2sql_core.validation import SQLValidator
from text2sql_core.validation.llm_review import parse_verdict

SCHEMA = [TableSchema(name="emp", columns=[ColumnSchema(name="ename"), ColumnSchema(name="sal")])]


def test_parses_fenced_json_with_prose() -> None:
    verdict = parse_verdict('Sure!\n```json\n{"valid": false, "confidence": 0.9, "explanation": "wrong table"}\n```')
    assert (verdict.valid, verdict.confidence, verdict.explanation) == (False, 0.9, "wrong table")


def test_unreadable_output_falls_back_to_static_checks() -> None:
    verdict = parse_verdict("I think it is fine {not json")
    assert verdict.valid and not verdict.readable and verdict.confidence == 0.5


def test_string_booleans_and_out_of_range_confidence() -> None:
    verdict = parse_verdict('{"valid": "yes", "confidence": 7}')
    assert verdict.valid and verdict.confidence == 1.0


def test_validator_uses_the_llm_verdict() -> None:
    llm = FakeListChatModel(responses=['{"valid": false, "confidence": 0.8, "explanation": "asks for names"}'])
    validator = SQLValidator("oracle", schema=SCHEMA, llm=llm)
    ok, confidence, why = validator.validate_semantic("SELECT sal FROM emp", "직원 이름을 알려줘")
    assert (ok, confidence, why) == (False, 0.8, "asks for names")


def test_static_failure_skips_the_llm() -> None:
    llm = FakeListChatModel(responses=[])  # would raise if called
    validator = SQLValidator("oracle", schema=SCHEMA, llm=llm)
    ok, _, why = validator.validate_semantic("SELECT nope FROM emp", "q")
    assert not ok and "unknown column" in why
