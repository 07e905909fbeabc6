"""API keys for /a2a: a bearer token or an X-API-Key header, compared in constant time against every key."""

from __future__ import annotations

import hashlib
import hmac
import ipaddress

from pydantic import SecretStr

__all__ = ["ApiKeyAuthenticator", "is_loopback"]


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _presented_key(headers: dict[str, str]) -> str | None:
    authorization = headers.get("authorization", "")
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip()
    return headers.get("x-api-key") or None


class ApiKeyAuthenticator:
    """`identify` names the client by its key (a short digest, never the key), or returns None."""

    def __init__(self, keys: list[SecretStr]):
        self._keys = [k.get_secret_value().encode() for k in keys if k.get_secret_value()]

    @property
    def enabled(self) -> bool:
        return bool(self._keys)

    def identify(self, headers: dict[str, str]) -> str | None:
        presented = _presented_key(headers)
        if presented is None:
            return None
        candidate = presented.encode()
        # Every key is compared, match or not, so the time taken says nothing about which key came close.
        matched = [hmac.compare_digest(candidate, key) for key in self._keys]
        if not any(matched):
            return None
        return "key:" + hashlib.sha256(candidate).hexdigest()[:12]
