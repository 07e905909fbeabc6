"""What every node shares: timing a step, calling the LLM with typed failures, and which errors are transient.
(`has_hangul` is the language layer's, re-exported here for the nodes that pick a reply language.)"""

from __future__ import annotations

import time
from typing import Any

from text2sql_agent.answer import Step
from text2sql_core.errors import ErrorCode, LLMError
from text2sql_core.llm import is_transient_error
from text2sql_core.text.korean import has_hangul

__all__ = ["StepTimer", "call_llm", "has_hangul", "is_transient"]


def is_transient(err: BaseException) -> bool:
    """Transient itself, or a typed error raised from a transient one (e.g. `DATABASE_UNREACHABLE` from a
    dropped connection, `LLM_UNAVAILABLE` from a timeout): worth another attempt."""
    return is_transient_error(err) or (err.__cause__ is not None and is_transient_error(err.__cause__))


def call_llm(llm: Any, messages: Any, purpose: str) -> str:
    """The model's reply as text. A failure becomes `LLMError`: `LLM_UNAVAILABLE` when transient (the node's
    retry policy tries again, via `__cause__`), else `LLM_ERROR`. The exception's own text stays in the log."""
    try:
        reply = llm.invoke(messages)
    except Exception as err:
        transient = is_transient_error(err)
        code = ErrorCode.LLM_UNAVAILABLE if transient else ErrorCode.LLM_ERROR
        raise LLMError(f"The LLM call for {purpose} failed ({type(err).__name__}). {code.remedy} "
                       "/ LLM 호출이 실패했습니다. LLM 서버 로그와 TEXT2SQL_LLM__* 설정을 확인하세요.", code=code,
                       context={"purpose": purpose}) from err
    return str(getattr(reply, "content", reply))


class StepTimer:
    def __init__(self, name: str):
        self.name = name
        self.status: str = "ok"
        self.detail: dict[str, Any] = {}
        self.started = time.perf_counter()

    def record(self) -> Step:
        return Step(name=self.name, status=self.status, ms=round((time.perf_counter() - self.started) * 1000, 2),
                    detail=self.detail)
