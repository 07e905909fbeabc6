"""The ASGI gate in front of /a2a: size limit, API key, rate limit, then one log line per request.

Pure ASGI rather than Starlette's BaseHTTPMiddleware, so that streamed (SSE) answers pass through unbuffered.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from a2a.server.context import ServerCallContext
from a2a.server.routes import DefaultServerCallContextBuilder
from starlette.authentication import AuthCredentials
from starlette.requests import Request

from text2sql_agent.server.auth import ApiKeyAuthenticator
from text2sql_agent.server.callers import Caller, client_address
from text2sql_agent.server.card import A2A_PATH
from text2sql_agent.server.ratelimit import RateLimiter
from text2sql_core.settings import ServerSettings

__all__ = ["LOG_SCOPE_KEY", "A2AGate", "LoggingContextBuilder"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]], Awaitable[None]]

LOG_SCOPE_KEY = "text2sql.log"
logger = logging.getLogger("text2sql.access")


class LoggingContextBuilder(DefaultServerCallContextBuilder):
    """Hands the request's log record to the executor, which adds the task id, phase and outcome."""

    def build(self, request: Request) -> ServerCallContext:
        context = super().build(request)
        context.state["log"] = request.scope.setdefault(LOG_SCOPE_KEY, {})
        headers = context.state.get("headers") or {}
        for secret in ("authorization", "x-api-key", "cookie"):  # the SDK reads the others (A2A-Version)
            headers.pop(secret, None)
        return context


async def _reply(send: Callable[[Message], Awaitable[None]], status: int, code: str, message: str,
                 headers: dict[str, str] | None = None) -> None:
    body = json.dumps({"error": {"code": code, "message": message}}, ensure_ascii=False).encode()
    raw = [(b"content-type", b"application/json; charset=utf-8"), (b"content-length", str(len(body)).encode())]
    raw += [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})


class A2AGate:
    def __init__(self, app: ASGIApp, settings: ServerSettings, authenticator: ApiKeyAuthenticator,
                 limiter: RateLimiter, require_auth: bool):
        self.app, self.settings = app, settings
        self.authenticator, self.limiter, self.require_auth = authenticator, limiter, require_auth

    async def _read_body(self, receive: Callable[[], Awaitable[Message]],
                         headers: dict[str, str]) -> list[Message] | None:
        """The whole body (it is small by design), or None when it is over the limit."""
        limit = self.settings.max_request_bytes
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            return None
        messages, size = [], 0
        while True:
            message = await receive()
            messages.append(message)
            size += len(message.get("body", b""))
            if size > limit:
                return None
            if message["type"] != "http.request" or not message.get("more_body"):
                return messages

    async def __call__(self, scope: Scope, receive: Callable[[], Awaitable[Message]],
                       send: Callable[[Message], Awaitable[None]]) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        record: dict[str, Any] = scope.setdefault(LOG_SCOPE_KEY, {})
        identity = self.authenticator.identify(headers)
        client = identity or f"ip:{client_address(scope, headers, self.settings.trust_forwarded_for)}"
        record |= {"client": client, "method": scope.get("method"), "path": scope.get("path")}
        status = {"code": 500}

        async def send_logged(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
            await send(message)

        try:
            await self._handle(scope, receive, send_logged, headers, identity, client)
        finally:
            record |= {"status": status["code"], "ms": round((time.perf_counter() - started) * 1000, 1)}
            logger.info("a2a %s", json.dumps(record, ensure_ascii=False, default=str))

    async def _handle(self, scope: Scope, receive: Callable[[], Awaitable[Message]],
                      send: Callable[[Message], Awaitable[None]], headers: dict[str, str], identity: str | None,
                      client: str) -> None:
        body = await self._read_body(receive, headers)
        if body is None:
            await _reply(send, 413, "REQUEST_TOO_LARGE", f"The request body is over {self.settings.max_request_bytes} "
                                                         "bytes (TEXT2SQL_SERVER__MAX_REQUEST_BYTES).")
            return
        admission = self.limiter.acquire(client)
        if not admission.allowed:
            what = "requests per minute" if admission.reason == "rate" else "tasks at once"
            await _reply(send, 429, "RATE_LIMITED", f"Too many {what} from this client; retry after "
                                                    f"{admission.retry_after} s.",
                         {"Retry-After": str(admission.retry_after)})
            return
        try:
            if identity is None and self.require_auth:
                await _reply(send, 401, "UNAUTHENTICATED",
                             "Send an API key: 'Authorization: Bearer <key>' or 'X-API-Key: <key>'.",
                             {"WWW-Authenticate": 'Bearer realm="text2sql"'})
                return
            if not _is_utf8(body):
                await _not_utf8(scope, send)
                return
            # Every request names its caller (key digest, else address): the task store and the conversation
            # threads are kept per caller, so one caller never reads or extends another's.
            scope["user"] = Caller(client, authenticated=identity is not None)
            scope["auth"] = AuthCredentials(["authenticated"] if identity is not None else [])
            await self.app(scope, _replay(body, receive), send)
        finally:
            self.limiter.release(client)


def _is_utf8(body: list[Message]) -> bool:
    try:
        b"".join(m.get("body", b"") for m in body).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


async def _not_utf8(scope: Scope, send: Callable[[Message], Awaitable[None]]) -> None:
    """A body that is not UTF-8 cannot be JSON (RFC 8259): a parse error for JSON-RPC, 400 for HTTP+JSON — in
    each binding's own error shape — rather than the internal error the SDK would make of the decode failure."""
    reason = "The request body is not valid UTF-8: send JSON encoded as UTF-8. / 요청 본문이 UTF-8이 아닙니다."
    if scope.get("path") == A2A_PATH:
        body = json.dumps({"jsonrpc": "2.0", "id": None, "error": {"code": -32700, "message": reason}},
                          ensure_ascii=False).encode()
        status = 200  # as the SDK answers its own parse errors
    else:
        body = json.dumps({"error": {"code": 400, "status": "INVALID_ARGUMENT", "message": reason}},
                          ensure_ascii=False).encode()
        status = 400
    headers = [(b"content-type", b"application/json; charset=utf-8"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _replay(buffered: list[Message], receive: Callable[[], Awaitable[Message]]) -> Callable[[], Awaitable[Message]]:
    pending = list(buffered)

    async def replayed() -> Message:
        # After the body, the app waits on receive() to notice a client disconnect during a stream.
        return pending.pop(0) if pending else await receive()

    return replayed
