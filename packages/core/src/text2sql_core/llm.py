"""The chat model: any OpenAI-compatible server, retried on transient errors only."""

from __future__ import annotations

import sys
from contextlib import suppress
from functools import cache
from importlib import import_module
from typing import TYPE_CHECKING, Any

from text2sql_core.settings import UnifiedSettings

if TYPE_CHECKING:
    from langchain_core.runnables import Runnable

__all__ = ["TRANSIENT_ERRORS", "create_llm", "create_llm_with_retry", "is_transient_error", "transient_errors"]

# Exceptions worth retrying, by module. openai and httpx are imported only when they are needed (an LLM is
# configured): importing them costs seconds on every `text2sql ask`, with or without an LLM.
_TRANSIENT_BY_MODULE = {
    "openai": ("APIConnectionError", "APITimeoutError", "RateLimitError", "InternalServerError"),
    "httpx": ("TransportError",),
}


def _types_from(modules: dict[str, Any]) -> tuple[type[BaseException], ...]:
    types: list[type[BaseException]] = [ConnectionError, TimeoutError]
    for module_name, names in _TRANSIENT_BY_MODULE.items():
        module = modules.get(module_name)
        if module is not None:
            types += [getattr(module, name) for name in names]
    return tuple(types)


@cache
def transient_errors() -> tuple[type[BaseException], ...]:
    """Every transient exception type, importing openai and httpx (for a retry policy around a real LLM)."""
    modules: dict[str, Any] = {}
    for module_name in _TRANSIENT_BY_MODULE:
        with suppress(ImportError):  # both come with langchain-openai
            modules[module_name] = import_module(module_name)
    return _types_from(modules)


TRANSIENT_ERRORS: tuple[type[BaseException], ...]  # provided by __getattr__ below, on first use


def __getattr__(name: str) -> Any:
    # TRANSIENT_ERRORS stays importable by name, but is built only when someone asks for it.
    if name == "TRANSIENT_ERRORS":
        return transient_errors()
    raise AttributeError(f"module 'text2sql_core.llm' has no attribute {name!r}")


def is_transient_error(err: BaseException) -> bool:
    """Connection, timeout, rate limit and 5xx: worth retrying. Validation failures never are."""
    # An openai/httpx exception exists only if its module was imported, so the loaded modules suffice: no import.
    if isinstance(err, _types_from(sys.modules)):  # type: ignore[arg-type]
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
        retry_if_exception_type=transient_errors(),
        wait_exponential_jitter=True,
        stop_after_attempt=max(1, settings.llm.max_retries),
    )
