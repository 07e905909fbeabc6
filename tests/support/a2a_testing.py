"""Helpers for A2A tests: API keys, a fixed-credential service and the official a2a-sdk client over a given
httpx client (ASGI transport or a real port)."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import httpx
from a2a.client import AuthInterceptor, ClientCallContext, ClientConfig, ClientFactory
from a2a.client.auth import CredentialService
from a2a.types import AgentCard

from text2sql_core.settings import ServerSettings, UnifiedSettings

KEYS = ["first-key-0123456789", "second-key-9876543210"]
BASE = "http://text2sql.test"


class FixedKey(CredentialService):
    def __init__(self, key: str):
        self.key = key

    async def get_credentials(self, security_scheme_name: str, context: ClientCallContext | None) -> str | None:
        return self.key if security_scheme_name == "bearer" else None


def served_settings(demo: UnifiedSettings, **server: Any) -> UnifiedSettings:
    return demo.model_copy(update={"server": ServerSettings(api_keys=KEYS, **server)})


def a2a_client(http: httpx.AsyncClient, card: AgentCard, key: str | None, streaming: bool = False) -> Any:
    factory = ClientFactory(ClientConfig(streaming=streaming, httpx_client=http,
                                         supported_protocol_bindings=["JSONRPC"]))
    interceptors = [AuthInterceptor(FixedKey(key))] if key else []
    return factory.create(card, interceptors=interceptors)


async def ready_response(http: httpx.AsyncClient, headers: dict[str, str] | None = None,
                         within_s: float = 180.0) -> httpx.Response:
    """/readyz once the warm-up has finished (it answers 503 "warming up" until then)."""
    deadline = time.monotonic() + within_s
    while True:
        response = await http.get("/readyz", headers=headers or {})
        if response.json().get("reason") != "warming up" or time.monotonic() > deadline:
            return response
        await asyncio.sleep(0.2)
