"""The one ASGI app of `text2sql serve`: the A2A endpoint under /a2a (JSON-RPC and HTTP+JSON), the public agent
card, health checks and, when enabled, the Chainlit chat at /chat."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

from a2a.server.request_handlers import DefaultRequestHandler
from a2a.server.routes import create_agent_card_routes, create_jsonrpc_routes, create_rest_routes
from a2a.server.tasks import InMemoryTaskStore, TaskStore
from a2a.types import AgentCard
from fastapi import FastAPI
from fastapi.responses import JSONResponse
from starlette.applications import Starlette

from text2sql_agent.agent import Text2SQLAgent
from text2sql_agent.server.auth import ApiKeyAuthenticator
from text2sql_agent.server.card import A2A_PATH, build_agent_card
from text2sql_agent.server.executor import Text2SQLExecutor
from text2sql_agent.server.gate import A2AGate, LoggingContextBuilder
from text2sql_agent.server.health import readiness
from text2sql_agent.server.ratelimit import RateLimiter
from text2sql_core.settings import UnifiedSettings

__all__ = ["create_app", "create_task_store"]

ASGIApp = Callable[..., Awaitable[None]]


def _a2a_app(settings: UnifiedSettings, agent: Text2SQLAgent, task_store: TaskStore, card: AgentCard) -> ASGIApp:
    handler = DefaultRequestHandler(agent_executor=Text2SQLExecutor(agent), task_store=task_store, agent_card=card)
    builder = LoggingContextBuilder()
    routes = [*create_jsonrpc_routes(handler, rpc_url=A2A_PATH, context_builder=builder),
              *create_rest_routes(handler, context_builder=builder, path_prefix=A2A_PATH)]
    authenticator = ApiKeyAuthenticator(settings.server.api_keys)
    limiter = RateLimiter(settings.server.requests_per_minute, settings.server.max_concurrent_tasks)
    require_auth = authenticator.enabled and not settings.server.auth_disabled
    return A2AGate(Starlette(routes=routes), settings.server, authenticator, limiter, require_auth)


def _site(settings: UnifiedSettings, lifespan: Any, card: AgentCard) -> FastAPI:
    site = FastAPI(title="text2sql", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan)
    for route in create_agent_card_routes(card):
        site.router.routes.append(route)

    @site.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @site.get("/readyz")
    async def readyz() -> JSONResponse:
        ready, checks = await readiness(settings)
        return JSONResponse({"status": "ready" if ready else "not ready", "checks": checks},
                            status_code=200 if ready else 503)

    return site


def create_task_store(settings: UnifiedSettings) -> TaskStore:
    """In memory by default; with a URL, the SDK's SQL store, so replicas behind a load balancer share tasks."""
    url = settings.server.task_store_url
    if url is None or not url.get_secret_value():
        return InMemoryTaskStore()
    from a2a.server.tasks import DatabaseTaskStore
    from sqlalchemy.ext.asyncio import create_async_engine

    return DatabaseTaskStore(create_async_engine(url.get_secret_value(), pool_pre_ping=True), create_table=True)


class _Dispatch:
    """/a2a and /a2a/... go to the gated A2A app, the rest to the site. (A Starlette Mount would answer a POST to
    the bare /a2a with a redirect, which JSON-RPC clients do not follow.)"""

    def __init__(self, a2a: ASGIApp, site: FastAPI):
        self.a2a, self.site = a2a, site

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        path = scope.get("path", "")
        if scope["type"] == "http" and (path == A2A_PATH or path.startswith(A2A_PATH + "/")):
            await self.a2a(scope, receive, send)
        else:
            await self.site(scope, receive, send)


def create_app(settings: UnifiedSettings, agent: Text2SQLAgent | None = None, *, chat: bool = False,
               task_store: TaskStore | None = None, on_startup: Callable[[], Any] | None = None) -> _Dispatch:
    """`chat=True` mounts the Chainlit app (one per process: Chainlit keeps global state)."""
    agent = agent or Text2SQLAgent(settings)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if on_startup is not None:
            on_startup()
        yield

    card = build_agent_card(settings)
    site = _site(settings, lifespan, card)
    if chat:
        from text2sql_agent.ui.mount import mount_chat

        mount_chat(site, settings, agent)
    return _Dispatch(_a2a_app(settings, agent, task_store or create_task_store(settings), card), site)
