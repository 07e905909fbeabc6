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
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.applications import Starlette

from text2sql_agent.agent import Text2SQLAgent
from text2sql_agent.server.auth import ApiKeyAuthenticator, is_loopback
from text2sql_agent.server.callers import client_address
from text2sql_agent.server.card import A2A_PATH, build_agent_card
from text2sql_agent.server.executor import Text2SQLExecutor
from text2sql_agent.server.gate import A2AGate, LoggingContextBuilder
from text2sql_agent.server.health import ReadinessCache, public_view
from text2sql_agent.server.ratelimit import RateLimiter
from text2sql_agent.server.warmup import WarmUp
from text2sql_core.settings import UnifiedSettings

__all__ = ["create_app", "create_task_store"]

ASGIApp = Callable[..., Awaitable[None]]


def _a2a_app(settings: UnifiedSettings, agent: Text2SQLAgent, task_store: TaskStore, card: AgentCard,
             authenticator: ApiKeyAuthenticator) -> ASGIApp:
    handler = DefaultRequestHandler(agent_executor=Text2SQLExecutor(agent), task_store=task_store, agent_card=card)
    builder = LoggingContextBuilder()
    routes = [*create_jsonrpc_routes(handler, rpc_url=A2A_PATH, context_builder=builder),
              *create_rest_routes(handler, context_builder=builder, path_prefix=A2A_PATH)]
    limiter = RateLimiter(settings.server.requests_per_minute, settings.server.max_concurrent_tasks)
    require_auth = authenticator.enabled and not settings.server.auth_disabled
    return A2AGate(Starlette(routes=routes), settings.server, authenticator, limiter, require_auth)


def _sees_details(request: Request, settings: UnifiedSettings, authenticator: ApiKeyAuthenticator) -> bool:
    """/readyz names hosts, users and errors: for a caller with an API key, or, when no keys are configured
    (a loopback-only server), for a caller on this machine."""
    headers = {k.lower(): v for k, v in request.headers.items()}
    if authenticator.enabled:
        return authenticator.identify(headers) is not None
    return is_loopback(client_address(request.scope, headers, settings.server.trust_forwarded_for))


def _site(settings: UnifiedSettings, lifespan: Any, card: AgentCard, warmup: WarmUp,
          authenticator: ApiKeyAuthenticator) -> FastAPI:
    site = FastAPI(title="text2sql", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan)
    for route in create_agent_card_routes(card):
        site.router.routes.append(route)
    checks = ReadinessCache(settings)

    @site.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @site.get("/readyz")
    async def readyz(request: Request) -> JSONResponse:
        warmup.start()  # at start-up it already runs; here it covers a server without lifespan, or a retry
        detailed = _sees_details(request, settings, authenticator)
        if warmup.state in ("pending", "warming"):
            return JSONResponse(public_view(False, "warming up"), status_code=503)
        ready, results = await checks.get()
        results = [warmup.summary(), *results]
        ready = ready and warmup.state == "ready"
        body = public_view(ready, None if ready or warmup.state == "ready" else "warm-up failed")
        if detailed:
            body["checks"] = results
        return JSONResponse(body, status_code=200 if ready else 503)

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

    def __init__(self, a2a: ASGIApp, site: FastAPI, warmup: WarmUp):
        self.a2a, self.site, self.warmup = a2a, site, warmup

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        path = scope.get("path", "")
        if scope["type"] == "http" and (path == A2A_PATH or path.startswith(A2A_PATH + "/")):
            await self.a2a(scope, receive, send)
        else:
            await self.site(scope, receive, send)


def create_app(settings: UnifiedSettings, agent: Text2SQLAgent | None = None, *, chat: bool = False,
               task_store: TaskStore | None = None, on_startup: Callable[[], Any] | None = None) -> _Dispatch:
    """`chat=True` mounts the Chainlit app (one per process: Chainlit keeps global state). The warm-up starts
    with the server (lifespan), or with the first /readyz where no lifespan runs; `app.warmup` is its state."""
    agent = agent or Text2SQLAgent(settings)
    warmup = WarmUp(agent)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if on_startup is not None:
            on_startup()
        warmup.start()
        yield

    card = build_agent_card(settings)
    authenticator = ApiKeyAuthenticator(settings.server.api_keys)
    site = _site(settings, lifespan, card, warmup, authenticator)
    if chat:
        from text2sql_agent.ui.mount import mount_chat

        mount_chat(site, settings, agent)
    a2a = _a2a_app(settings, agent, task_store or create_task_store(settings), card, authenticator)
    return _Dispatch(a2a, site, warmup)
