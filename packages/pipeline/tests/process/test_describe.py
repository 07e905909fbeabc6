"""An LLM description: the reply flattened to one line, or an LLMError (LLM_ERROR) naming the failure."""

from __future__ import annotations

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from text2sql_core.errors import LLMError
from text2sql_pipeline.process.describe import describe_with_llm


class _Down(FakeListChatModel):
    def _call(self, *args: object, **kwargs: object) -> str:
        raise ConnectionError("connection refused")


def test_reply_is_one_line() -> None:
    llm = FakeListChatModel(responses=["부서별\n  직원 수를   센다"])
    assert describe_with_llm(llm, "SELECT 1", "") == "부서별 직원 수를 센다"


def test_a_failed_call_is_an_llm_error() -> None:
    with pytest.raises(LLMError) as caught:
        describe_with_llm(_Down(responses=["unused"]), "SELECT 1", "")
    assert caught.value.code == "LLM_ERROR" and "connection refused" in caught.value.message
