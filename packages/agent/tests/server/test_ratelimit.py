"""Per-client limits: the token bucket and the concurrency cap, then a real burst through the served app."""

from __future__ import annotations

import asyncio
import uuid
from collections import Counter
from typing import Any

import httpx

from a2a_testing import BASE
from text2sql_agent import Text2SQLAgent
from text2sql_agent.server.app import create_app
from text2sql_agent.server.ratelimit import RateLimiter
from text2sql_core.settings import ServerSettings, UnifiedSettings


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_bucket_refills_at_the_configured_rate_and_says_when_to_retry() -> None:
    clock = Clock()
    limiter = RateLimiter(requests_per_minute=2, max_concurrent=10, clock=clock)
    assert limiter.acquire("a").allowed and limiter.acquire("a").allowed
    refused = limiter.acquire("a")
    assert not refused.allowed and refused.reason == "rate" and refused.retry_after == 30
    assert limiter.acquire("b").allowed  # clients are counted apart
    clock.now = 30.0
    assert limiter.acquire("a").allowed


def test_concurrency_cap_frees_a_slot_on_release() -> None:
    limiter = RateLimiter(requests_per_minute=100, max_concurrent=1, clock=Clock())
    assert limiter.acquire("a").allowed
    busy = limiter.acquire("a")
    assert not busy.allowed and busy.reason == "concurrency" and busy.retry_after == 1
    limiter.release("a")
    assert limiter.acquire("a").allowed


def _rpc(text: str) -> dict[str, Any]:
    return {"jsonrpc": "2.0", "id": uuid.uuid4().hex, "method": "SendMessage", "params": {"message": {
        "role": "ROLE_USER", "messageId": uuid.uuid4().hex, "parts": [{"text": text}]}}}


async def test_burst_over_the_limit_gets_429_and_the_rest_succeed(demo: UnifiedSettings) -> None:
    keys = [f"burst-key-{i}-abcdefgh" for i in range(3)]
    settings = demo.model_copy(update={"server": ServerSettings(api_keys=keys, requests_per_minute=4,
                                                                max_concurrent_tasks=2)})
    app = create_app(settings, Text2SQLAgent(settings, llm=None))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE, timeout=60) as http:
        async def one(key: str) -> httpx.Response:
            return await http.post("/a2a", json=_rpc("부서별 직원 수를 알려줘"),
                                   headers={"Authorization": f"Bearer {key}", "A2A-Version": "1.0"})

        responses = await asyncio.gather(*(one(key) for key in keys for _ in range(7)))
    by_key: dict[str, Counter[int]] = {}
    for index, response in enumerate(responses):
        by_key.setdefault(keys[index // 7], Counter())[response.status_code] += 1
    for counts in by_key.values():
        assert set(counts) <= {200, 429}, counts  # never a 5xx
        assert 1 <= counts[200] <= 4 and counts[429] >= 3
    for response in responses:
        if response.status_code == 429:
            assert int(response.headers["Retry-After"]) >= 1
            assert response.json()["error"]["code"] == "RATE_LIMITED"
        else:
            assert response.json()["result"]["task"]["status"]["state"] == "TASK_STATE_COMPLETED"
