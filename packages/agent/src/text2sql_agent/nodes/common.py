"""What every node shares: timing a step, and errors as state."""

from __future__ import annotations

import time
from typing import Any

from text2sql_core.errors import Text2SQLError

__all__ = ["StepTimer", "error_dict", "has_hangul"]


def has_hangul(text: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in text)


def error_dict(err: Exception) -> dict[str, Any]:
    if isinstance(err, Text2SQLError):
        return err.to_dict()
    return {"code": "INTERNAL_ERROR", "message": f"{type(err).__name__}: {err}", "context": {}}


class StepTimer:
    def __init__(self, name: str):
        self.name = name
        self.status = "ok"
        self.detail: dict[str, Any] = {}
        self.started = time.perf_counter()

    def record(self) -> dict[str, Any]:
        return {"name": self.name, "status": self.status, "ms": round((time.perf_counter() - self.started) * 1000, 2),
                "detail": self.detail}
