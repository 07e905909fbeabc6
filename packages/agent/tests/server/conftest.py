"""A2A fixtures: the served app over httpx's ASGI transport (no port), and its agent card."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from a2a.client import A2ACardResolver
from a2a.types import AgentCard

from a2a_testing import BASE, served_settings
from text2sql_agent import Text2SQLAgent
from text2sql_agent.server.app import create_app
from text2sql_core.settings import UnifiedSettings


@pytest.fixture(scope="module")
def served(demo: UnifiedSettings) -> tuple[UnifiedSettings, Any]:
    settings = served_settings(demo, requests_per_minute=600)
    return settings, create_app(settings, Text2SQLAgent(settings, llm=None))


@pytest.fixture
async def http(served: tuple[UnifiedSettings, Any]) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=served[1]), base_url=BASE, timeout=60) as client:
        yield client


@pytest.fixture
async def card(http: httpx.AsyncClient) -> AgentCard:
    return await A2ACardResolver(http, BASE).get_agent_card()


