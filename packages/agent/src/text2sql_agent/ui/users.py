"""Chat logins: `name:pbkdf2_sha256$iterations$salt$hash` entries (stdlib PBKDF2, no plain passwords stored)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from pathlib import Path

from text2sql_core.errors import ConfigurationError
from text2sql_core.settings import UnifiedSettings

__all__ = ["hash_password", "load_users", "user_entry", "verify_password"]

ITERATIONS = 310_000  # OWASP's figure for PBKDF2-HMAC-SHA256


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode()


def hash_password(password: str, iterations: int = ITERATIONS, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, iterations)
    return f"pbkdf2_sha256${iterations}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, encoded: str) -> bool:
    try:
        scheme, iterations, salt, digest = encoded.split("$")
        if scheme != "pbkdf2_sha256":
            return False
        actual = hashlib.pbkdf2_hmac("sha256", password.encode(), base64.b64decode(salt), int(iterations))
        return hmac.compare_digest(actual, base64.b64decode(digest))
    except (ValueError, TypeError):
        return False


def user_entry(name: str, password: str) -> str:
    if not name or ":" in name or "," in name:
        raise ConfigurationError("A user name must be non-empty, without ':' or ','.", code="BAD_USER")
    return f"{name}:{hash_password(password)}"


def _parse(entry: str, where: str) -> tuple[str, str]:
    name, sep, encoded = entry.strip().partition(":")
    if not sep or not name or not encoded.startswith("pbkdf2_sha256$"):
        raise ConfigurationError(f"Bad user entry in {where}: expected name:pbkdf2_sha256$... "
                                 "(make one with `text2sql users add NAME`).", code="BAD_USER")
    return name, encoded


def load_users(settings: UnifiedSettings) -> dict[str, str]:
    """name → encoded hash, from TEXT2SQL_UI__USERS and TEXT2SQL_UI__USERS_FILE."""
    users = dict(_parse(e.get_secret_value(), "TEXT2SQL_UI__USERS") for e in settings.ui.users
                 if e.get_secret_value().strip())
    path: Path | None = settings.ui.users_file
    if path is not None:
        if not path.exists():
            raise ConfigurationError(f"TEXT2SQL_UI__USERS_FILE {path} does not exist.", code="BAD_USER")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip() and not line.lstrip().startswith("#"):
                name, encoded = _parse(line, f"{path}:{number}")
                users[name] = encoded
    return users
