"""/healthz (the process is up) and /readyz (every dependency, each reported by name). What a check says is
meant for operators: every text is passed through `mask_url_secrets`, so no password or token inside a URL is
ever shown, and the app shows the checks only to an authenticated caller (see `public_view`)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

import httpx

from text2sql_agent.checkpoints import ping_conversation_store
from text2sql_core.connection import ConnectionSettings, mask_url_secrets
from text2sql_core.db import connection_factory
from text2sql_core.db.errors import unreachable_error
from text2sql_core.errors import Text2SQLError
from text2sql_core.settings import UnifiedSettings
from text2sql_pipeline import template_index_status

__all__ = ["ReadinessCache", "public_view", "readiness"]

CHECK_TIMEOUT_S = 5.0
# /readyz is public: probes run at most this often, however often it is asked.
CACHE_S = 2.0


def _ping_database(settings: ConnectionSettings) -> str:
    try:
        conn = connection_factory(settings)()
    except Exception as err:
        raise unreachable_error(settings, err) from err
    try:
        cursor = conn.cursor()
        cursor.execute("SELECT 1 FROM DUAL" if settings.dialect == "oracle" else "SELECT 1")
        cursor.fetchall()
    finally:
        conn.close()
    return settings.display()


def _ping_llm(settings: UnifiedSettings) -> str:
    llm = settings.llm
    headers = {"Authorization": f"Bearer {llm.api_key.get_secret_value()}"} if llm.api_key else {}
    url = f"{llm.base_url.rstrip('/')}/models"
    response = httpx.get(url, headers=headers, timeout=CHECK_TIMEOUT_S)
    if response.status_code >= 400:
        raise Text2SQLError(f"The LLM server at {mask_url_secrets(url)} answered {response.status_code} to GET "
                            "/models; check TEXT2SQL_LLM__BASE_URL and TEXT2SQL_LLM__API_KEY.", code="LLM_UNAVAILABLE")
    return f"{mask_url_secrets(llm.base_url or '')} ({llm.model})"


async def _check(name: str, probe: Callable[[], str]) -> dict[str, Any]:
    started = time.perf_counter()
    try:
        detail = await asyncio.wait_for(asyncio.to_thread(probe), CHECK_TIMEOUT_S)
        outcome: dict[str, Any] = {"name": name, "ok": True, "detail": detail}
    except TimeoutError:
        outcome = {"name": name, "ok": False, "error": f"no answer within {CHECK_TIMEOUT_S:.0f} s"}
    except Text2SQLError as err:
        outcome = {"name": name, "ok": False, "error": err.message, "code": err.code}
    except Exception as err:  # a probe's own failure is still a named, readable answer
        outcome = {"name": name, "ok": False, "error": f"{type(err).__name__}: {err}"}
    outcome["ms"] = round((time.perf_counter() - started) * 1000, 1)
    # Driver and HTTP errors may quote the URL they were given: nothing leaves here with its secret.
    return {k: mask_url_secrets(v) if isinstance(v, str) else v for k, v in outcome.items()}


def _probes(settings: UnifiedSettings) -> list[tuple[str, Callable[[], str]]]:
    probes: list[tuple[str, Callable[[], str]]] = [("milvus", lambda: template_index_status(settings)),
                                                   ("conversations", lambda: ping_conversation_store(settings))]
    for datasource in settings.datasource_names():
        for kind in ("schema", "oltp"):
            def probe(ds: str = datasource, k: str = kind) -> str:
                return _ping_database(settings.connection(k, ds))  # type: ignore[arg-type]
            probes.append((f"{kind}:{datasource}", probe))
    if settings.llm.enabled:
        probes.append(("llm", lambda: _ping_llm(settings)))
    return probes


async def readiness(settings: UnifiedSettings) -> tuple[bool, list[dict[str, Any]]]:
    checks = await asyncio.gather(*(_check(name, probe) for name, probe in _probes(settings)))
    return all(c["ok"] for c in checks), list(checks)


def public_view(ready: bool, reason: str | None = None) -> dict[str, Any]:
    """What anyone may see: ready or not, and, while warming up, that it is."""
    body: dict[str, Any] = {"status": "ready" if ready else "not ready"}
    if reason:
        body["reason"] = reason
    return body


class ReadinessCache:
    """The last readiness answer, reused for CACHE_S seconds; concurrent askers share one run of the probes."""

    def __init__(self, settings: UnifiedSettings):
        self.settings = settings
        self._at = -CACHE_S
        self._answer: tuple[bool, list[dict[str, Any]]] = (False, [])
        self._lock = asyncio.Lock()

    async def get(self) -> tuple[bool, list[dict[str, Any]]]:
        async with self._lock:
            if time.monotonic() - self._at >= CACHE_S:
                self._answer, self._at = await readiness(self.settings), time.monotonic()
            return self._answer
