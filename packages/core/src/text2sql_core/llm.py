"""The chat model: any OpenAI-compatible server, retried on transient errors only."""

from __future__ import annotations

from typing import Any

from langchain_core.runnables import Runnable

from text2sql_core.settings import UnifiedSettings

__all__ = ["TRANSIENT_ERRORS", "create_llm", "create_llm_with_retry", "is_transient_error"]


def _transient_error_types() -> tuple[type[BaseException], ...]:
    types: list[type[BaseException]] = [ConnectionError, TimeoutError]
    try:
        import openai

        types += [openai.APIConnectionError, openai.APITimeoutError, openai.RateLimitError,
                  openai.InternalServerError]
    except ImportError:  # pragma: no cover - openai comes with langchain-openai
        pass
    try:
        import httpx

        types += [httpx.TransportError]
    except ImportError:  # pragma: no cover
        pass
    return tuple(types)


TRANSIENT_ERRORS: tuple[type[BaseException], ...] = _transient_error_types()


def is_transient_error(err: BaseException) -> bool:
    """Connection, timeout, rate limit and 5xx: worth retrying. Validation failures never are."""
    if isinstance(err, TRANSIENT_ERRORS):
        return True
    status = getattr(err, "status_code", None) or getattr(getattr(err, "response", None), "status_code", None)
    return isinstance(status, int) and (status == 429 or status >= 500)


def create_llm(settings: UnifiedSettings) -> Any | None:
    """The bare ChatOpenAI (no retries of its own), or None when no LLM is configured."""
    if not settings.llm.enabled:
        return None
    from langchain_openai import ChatOpenAI

    llm = settings.llm
    return ChatOpenAI(
        base_url=llm.base_url,
        model=llm.model,
        api_key=llm.api_key.get_secret_value() if llm.api_key else "not-needed",
        temperature=llm.temperature,
        timeout=llm.timeout_seconds,
        max_retries=0,  # retries belong to with_retry below, which knows which errors are transient
    )


def create_llm_with_retry(settings: UnifiedSettings) -> Runnable | None:
    base = create_llm(settings)
    if base is None:
        return None
    return base.with_retry(
        retry_if_exception_type=TRANSIENT_ERRORS,
        wait_exponential_jitter=True,
        stop_after_attempt=max(1, settings.llm.max_retries),
    )
