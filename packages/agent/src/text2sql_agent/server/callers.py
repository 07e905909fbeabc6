"""Who is calling, and what belongs to them: every A2A request carries a caller (the API key's digest, or the
client's address when no keys are configured). The SDK's task stores keep tasks per `user_name`, so naming the
caller there keeps one caller's tasks out of another's `GetTask`, `CancelTask`, `SubscribeToTask` and follow-up
messages; the conversation (LangGraph thread) is namespaced by the same caller, so a `contextId` another caller
chose, guessed or saw cannot read or extend their history."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

from a2a.server.context import ServerCallContext
from starlette.authentication import BaseUser

__all__ = ["Caller", "caller_of", "caller_thread_id", "client_address"]


class Caller(BaseUser):
    """A Starlette user whose display name is the caller id; `authenticated` only when an API key matched."""

    def __init__(self, caller_id: str, authenticated: bool):
        self.caller_id, self._authenticated = caller_id, authenticated

    @property
    def is_authenticated(self) -> bool:
        return self._authenticated

    @property
    def display_name(self) -> str:
        return self.caller_id

    @property
    def identity(self) -> str:
        return self.caller_id


def client_address(scope: Mapping[str, Any], headers: Mapping[str, str], trust_forwarded_for: bool) -> str:
    """The client's address: the proxy's X-Forwarded-For only when told a proxy is in front (else anyone could
    claim any address)."""
    forwarded = headers.get("x-forwarded-for", "")
    if trust_forwarded_for and forwarded:
        return forwarded.split(",")[0].strip()
    client = scope.get("client")
    return client[0] if client else "unknown"


def caller_of(context: ServerCallContext | None) -> str:
    """The caller id of a request; a request without one (only possible outside the gate) is its own nobody."""
    name = context.user.user_name if context is not None else ""
    return name or "anonymous"


def caller_thread_id(caller: str, context_id: str) -> str:
    """The LangGraph thread of one caller's A2A context. The caller part is a fixed-length digest, so no choice
    of `contextId` (colons included) can make one caller's thread id equal another's."""
    digest = hashlib.sha256(caller.encode()).hexdigest()[:16]
    return f"a2a:{digest}:{context_id}"
