"""/readyz: not ready while warming up; plain status to anyone, details only to an authenticated caller; never a
password from a URL, neither in the answer nor in the log."""

from __future__ import annotations

import logging
import uuid

import httpx
import pytest
from pydantic import SecretStr

from a2a_testing import BASE, KEYS, ready_response, served_settings
from text2sql_agent import Text2SQLAgent
from text2sql_agent.server.app import create_app
from text2sql_core.settings import DatasourceSettings, LLMSettings, ServerSettings, UnifiedSettings

DB_PASSWORD, LLM_TOKEN, STORE_PASSWORD = "Db-S3cret-pw", "Llm-T0ken-xyz", "Cp-S3cret-pw"


def client(app: object, address: str = "127.0.0.1") -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, client=(address, 41000))  # type: ignore[arg-type]
    return httpx.AsyncClient(transport=transport, base_url=BASE, timeout=60)


async def test_not_ready_while_warming_up_then_ready_with_the_warm_up_reported(demo: UnifiedSettings) -> None:
    settings = served_settings(demo)
    app = create_app(settings, Text2SQLAgent(settings, llm=None))
    async with client(app) as http:
        first = await http.get("/readyz", headers={"X-API-Key": KEYS[0]})
        assert first.status_code == 503 and first.json() == {"status": "not ready", "reason": "warming up"}
        ready = await ready_response(http, {"X-API-Key": KEYS[0]})
    assert ready.status_code == 200, ready.text
    warm = next(c for c in ready.json()["checks"] if c["name"] == "warm-up")
    assert warm["ok"] and app.warmup.state == "ready"
    assert {s["name"] for s in app.warmup.steps} == {"embeddings", "korean", "milvus", "values", "schema:default",
                                                  "graph"}


async def test_without_a_key_readyz_says_only_ready_or_not(demo: UnifiedSettings) -> None:
    settings = served_settings(demo)
    app = create_app(settings, Text2SQLAgent(settings, llm=None))
    async with client(app) as http:
        await ready_response(http)
        for headers in ({}, {"X-API-Key": "wrong-key"}):
            response = await http.get("/readyz", headers=headers)
            assert response.status_code == 200 and response.json() == {"status": "ready"}
            assert str(demo.data_dir) not in response.text and "milvus" not in response.text


async def test_without_configured_keys_only_this_machine_sees_details(demo: UnifiedSettings) -> None:
    settings = demo.model_copy(update={"server": ServerSettings()})
    app = create_app(settings, Text2SQLAgent(settings, llm=None))
    async with client(app, "127.0.0.1") as local, client(app, "10.9.8.7") as remote:
        assert "checks" in (await ready_response(local)).json()
        assert (await remote.get("/readyz")).json() == {"status": "ready"}


async def test_details_name_the_failing_dependency_but_no_password(demo: UnifiedSettings,
                                                                   caplog: pytest.LogCaptureFixture) -> None:
    """An unreachable PostgreSQL, conversation store and LLM, each configured with credentials in its URL."""
    datasource = DatasourceSettings(oltp_url=f"postgres://t2s_reader:{DB_PASSWORD}@127.0.0.1:1/sales")
    settings = served_settings(demo).model_copy(update={
        "datasources": {"sales": datasource},
        "llm": LLMSettings(base_url=f"http://svc:{LLM_TOKEN}@127.0.0.1:1/v1"),
        "agent": demo.agent.model_copy(update={
            "checkpoint_url": SecretStr(f"postgresql://cp:{STORE_PASSWORD}@127.0.0.1:1/conversations")})})
    caplog.set_level(logging.DEBUG)
    logging.getLogger("text2sql").info("serving with %s / %r", settings, settings)
    app = create_app(settings, Text2SQLAgent(settings, llm=None))
    async with client(app) as http:
        detailed = await ready_response(http, {"Authorization": f"Bearer {KEYS[1]}"})
        public = await http.get("/readyz")
        body = {"jsonrpc": "2.0", "id": 1, "method": "SendMessage", "params": {"message": {
            "role": "ROLE_USER", "messageId": uuid.uuid4().hex, "parts": [{"text": "지역별 매출"}, {"data": {
                "datasource": "sales"}}]}}}
        answer = await http.post("/a2a", json=body, headers={"X-API-Key": KEYS[0], "A2A-Version": "1.0"})
    assert detailed.status_code == 503 and public.status_code == 503
    assert public.json() == {"status": "not ready", "reason": "warm-up failed"}
    checks = {c["name"]: c for c in detailed.json()["checks"]}
    assert not checks["oltp:sales"]["ok"] and "t2s_reader" in checks["oltp:sales"]["error"]
    assert not checks["llm"]["ok"] and not checks["warm-up"]["ok"] and "schema:sales" in checks["warm-up"]["error"]
    assert checks["milvus"]["ok"] and checks["oltp:default"]["ok"]
    assert not checks["conversations"]["ok"] and checks["conversations"]["code"] == "STATE_STORE_UNAVAILABLE"
    everything = detailed.text + public.text + answer.text + "\n".join(r.getMessage() for r in caplog.records)
    everything += "\n".join(str(r.exc_info[1]) for r in caplog.records if r.exc_info)
    assert DB_PASSWORD not in everything and LLM_TOKEN not in everything and STORE_PASSWORD not in everything
    assert "127.0.0.1:1" in everything  # the records are there; only the secrets are not
