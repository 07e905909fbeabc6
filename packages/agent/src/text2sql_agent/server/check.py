"""`text2sql serve --check`: build the app as `serve` would, warm it up and run the readiness checks once, print
each dependency ok or failed with its cause (masked: no secrets), and say whether it would be ready — without
listening on a port. For deploy scripts, containers' start checks and the `.env.example` test."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from text2sql_agent.server.health import readiness
from text2sql_agent.server.warmup import WarmUp
from text2sql_core.connection import mask_url_secrets
from text2sql_core.settings import UnifiedSettings

__all__ = ["format_check", "run_check"]


def format_check(check: dict[str, Any]) -> str:
    """One line per dependency: `ok      milvus            ./data/milvus.db (… 40 templates)  12 ms`."""
    if check["ok"]:
        what = check.get("detail") or ""
    else:
        what = (f"[{check['code']}] " if check.get("code") else "") + str(check.get("error") or "failed")
    line = f"{'ok' if check['ok'] else 'FAILED':<7} {check['name']:<17} {what}  {check.get('ms', 0):.0f} ms"
    return mask_url_secrets(line)


def run_check(settings: UnifiedSettings, warmup: WarmUp, echo: Callable[[str], Any]) -> bool:
    """Warm up, then probe every dependency; echo one line each and a verdict. True when it would be ready."""
    warm = warmup.run()
    ready, checks = asyncio.run(readiness(settings))
    for check in [warmup.summary(), *checks]:
        echo(format_check(check))
    verdict = warm and ready
    echo("ready / 준비됨" if verdict else "not ready / 준비되지 않음: fix the FAILED lines above")
    return verdict
