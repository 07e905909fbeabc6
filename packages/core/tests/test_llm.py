"""The LLM factory: none without a base URL; ChatOpenAI retried on transient errors only."""

from __future__ import annotations

import httpx
import openai
import pytest
from langchain_core.runnables import RunnableLambda

from text2sql_core.errors import SQLValidationError
from text2sql_core.llm import TRANSIENT_ERRORS, create_llm_with_retry, is_transient_error
from text2sql_core.settings import UnifiedSettings


def test_no_base_url_means_no_llm() -> None:
    assert create_llm_with_retry(UnifiedSettings(_env_file=None)) is None


def test_configured_llm_retries_transient_errors_only() -> None:
    settings = UnifiedSettings(_env_file=None, llm={"base_url": "http://127.0.0.1:9/v1", "max_retries": 4})
    llm = create_llm_with_retry(settings)
    assert llm.max_attempt_number == 4
    assert tuple(llm.retry_exception_types) == TRANSIENT_ERRORS
    assert llm.bound.max_retries == 0 and llm.bound.openai_api_base == "http://127.0.0.1:9/v1"


def test_transient_classification() -> None:
    request = httpx.Request("POST", "http://x")
    assert is_transient_error(openai.APIConnectionError(request=request))
    assert is_transient_error(openai.RateLimitError("slow down", response=httpx.Response(429, request=request),
                                                    body=None))
    assert is_transient_error(TimeoutError())
    assert not is_transient_error(SQLValidationError("bad", sql="x"))
    assert not is_transient_error(ValueError("bad json"))


def test_retry_policy_in_action() -> None:
    calls = []

    def flaky(_: str) -> str:
        calls.append(1)
        if len(calls) < 3:
            raise ConnectionError("reset")
        return "ok"

    runnable = RunnableLambda(flaky).with_retry(retry_if_exception_type=TRANSIENT_ERRORS, stop_after_attempt=3,
                                                wait_exponential_jitter=False)
    assert runnable.invoke("x") == "ok" and len(calls) == 3

    def invalid(_: str) -> str:
        calls.append(1)
        raise SQLValidationError("bad", sql="x")

    calls.clear()
    with pytest.raises(SQLValidationError):
        RunnableLambda(invalid).with_retry(retry_if_exception_type=TRANSIENT_ERRORS, stop_after_attempt=3).invoke("x")
    assert len(calls) == 1


def test_settings_and_llm_modules_do_not_import_openai_or_sqlalchemy() -> None:
    # Every command reads settings; without an LLM, `ask` must not pay seconds for openai and sqlalchemy.
    import subprocess
    import sys

    code = ("import sys, text2sql_core.settings, text2sql_core.llm as llm; "
            "print(sorted(m for m in ('openai', 'langchain_openai', 'sqlalchemy') if m in sys.modules)); "
            "print(len(llm.TRANSIENT_ERRORS) > 2)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.split("\n")[:2] == ["[]", "True"]
