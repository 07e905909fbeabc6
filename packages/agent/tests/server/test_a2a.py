"""The A2A endpoint through the official a2a-sdk client, on the demo database."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from a2a.client import A2ACardResolver, A2AClientError
from a2a.helpers import get_artifact_text, get_data_parts, new_data_part, new_text_part
from a2a.types import AgentCard, GetTaskRequest, Message, Role, SendMessageRequest, StreamResponse, Task, TaskState
from sqlalchemy.engine import make_url

from a2a_testing import BASE, KEYS, a2a_client, ready_response, served_settings
from scripted_llm import ScriptedChatModel, route_by_system
from text2sql_agent import Text2SQLAgent
from text2sql_agent.server.app import create_app
from text2sql_core.settings import UnifiedSettings
from text2sql_testing import postgres_url

PHASE1_CHOICE = "You map a question to one of the given SQL templates"
REWRITE = "Rewrite the user's last question"
SUMMARY = "Summarise the query result"


def message(text: str, context_id: str | None = None, **options: Any) -> SendMessageRequest:
    parts = [new_text_part(text)] + ([new_data_part(options)] if options else [])
    return SendMessageRequest(message=Message(role=Role.ROLE_USER, parts=parts, message_id=uuid.uuid4().hex,
                                              context_id=context_id or ""))


async def final_task(client: Any, request: SendMessageRequest) -> tuple[Task, list[StreamResponse]]:
    """Send, read every event, then fetch the task as the server stored it (streams end with updates, not a task)."""
    events = [event async for event in client.send_message(request)]
    task_ids = {e.task.id for e in events if e.HasField("task")} | {
        e.status_update.task_id for e in events if e.HasField("status_update")}
    assert len(task_ids) == 1, events
    return await client.get_task(GetTaskRequest(id=task_ids.pop())), events


def artifact(task: Task, name: str) -> Any:
    return next(a for a in task.artifacts if a.name == name)


async def test_card_is_public_and_describes_skills_and_auth(card: AgentCard) -> None:
    assert card.name == "text2sql" and card.capabilities.streaming
    assert {s.id for s in card.skills} == {"text-to-sql", "sql-only"}
    for skill in card.skills:
        assert any(any("\uac00" <= ch <= "\ud7a3" for ch in e) for e in skill.examples)  # Korean
        assert any(e.isascii() for e in skill.examples)  # English
    assert {i.protocol_binding for i in card.supported_interfaces} == {"JSONRPC", "HTTP+JSON"}
    assert set(card.security_schemes) == {"bearer", "apiKey"}


async def test_question_on_the_demo_completes_with_sql_and_result(http: httpx.AsyncClient, card: AgentCard) -> None:
    task, _ = await final_task(a2a_client(http, card, KEYS[0]), message("부서별 직원 수를 알려줘"))
    assert task.status.state == TaskState.TASK_STATE_COMPLETED
    sql = get_artifact_text(artifact(task, "sql"))
    assert "GROUP BY" in sql.upper() and "dept" in sql.lower()
    result = get_data_parts(artifact(task, "result").parts)[0]
    assert result["columns"] and len(result["rows"]) == result["row_count"] > 0
    assert result["truncated"] is False
    assert get_artifact_text(artifact(task, "summary"))


async def test_sql_only_returns_sql_and_no_result(http: httpx.AsyncClient, card: AgentCard) -> None:
    task, _ = await final_task(a2a_client(http, card, KEYS[1]), message("부서별 직원 수를 알려줘", execute=False))
    assert task.status.state == TaskState.TASK_STATE_COMPLETED
    assert {a.name for a in task.artifacts} >= {"sql"} and "result" not in {a.name for a in task.artifacts}


async def test_streaming_shows_steps_then_completion(http: httpx.AsyncClient, card: AgentCard) -> None:
    client = a2a_client(http, card, KEYS[0], streaming=True)
    events = [e async for e in client.send_message(message("연봉이 제일 높은 직원 5명은?"))]
    updates = [e.status_update for e in events if e.HasField("status_update")]
    steps = [get_data_parts(u.status.message.parts)[0]["step"]["name"] for u in updates
             if u.status.state == TaskState.TASK_STATE_WORKING and u.status.HasField("message")]
    assert steps[:2] == ["question", "retrieval"] and "phase1" in steps and "execution" in steps
    assert updates[-1].status.state == TaskState.TASK_STATE_COMPLETED
    artifacts = {e.artifact_update.artifact.name for e in events if e.HasField("artifact_update")}
    assert artifacts == {"sql", "result", "summary"}


async def test_follow_up_in_the_same_context(served: tuple[UnifiedSettings, Any]) -> None:
    """The context id is the conversation: the follow-up is rewritten with the first question in view."""
    seen: list[str] = []

    def rewrite(messages: list) -> str:
        seen.append(str(messages[-1].content))
        return "부서별 평균 급여를 알려줘"

    llm = ScriptedChatModel(respond=route_by_system({REWRITE: rewrite, PHASE1_CHOICE: '{"template_id": null}',
                                                     SUMMARY: "요약"}))
    settings = served[0]
    app = create_app(settings, Text2SQLAgent(settings, llm=llm))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE, timeout=60) as http:
        card = await A2ACardResolver(http, BASE).get_agent_card()
        client = a2a_client(http, card, KEYS[0], streaming=True)
        first, _ = await final_task(client, message("부서별 직원 수를 알려줘"))
        second, events = await final_task(client, message("그럼 평균 급여는?", context_id=first.context_id))
    assert second.context_id == first.context_id and second.id != first.id
    assert second.status.state == TaskState.TASK_STATE_COMPLETED
    assert "부서별 직원 수를 알려줘" in seen[-1]
    question_step = next(get_data_parts(e.status_update.status.message.parts)[0]["step"] for e in events
                         if e.HasField("status_update") and e.status_update.status.HasField("message"))
    assert question_step["detail"] == {"question": "부서별 평균 급여를 알려줘", "rewritten": True}
    assert "AVG" in get_artifact_text(artifact(second, "sql")).upper()


async def test_unanswerable_question_fails_with_a_clear_message(http: httpx.AsyncClient, card: AgentCard) -> None:
    task, _ = await final_task(a2a_client(http, card, KEYS[0]), message("화성 탐사선의 평균 연료 소비량은?"))
    assert task.status.state == TaskState.TASK_STATE_FAILED
    failure = get_data_parts(task.status.message.parts)[0]
    assert failure["code"] and "LLM" in failure["message"]
    assert len(failure["suggestions"]) == 3


async def test_bad_options_fail_the_task_not_the_server(http: httpx.AsyncClient, card: AgentCard) -> None:
    task, _ = await final_task(a2a_client(http, card, KEYS[0]), message("부서별 직원 수", datasource="nope"))
    assert task.status.state == TaskState.TASK_STATE_FAILED
    assert get_data_parts(task.status.message.parts)[0]["code"] == "BAD_REQUEST"


@pytest.mark.parametrize("key", [None, "wrong-key"])
async def test_missing_or_wrong_key_is_401(http: httpx.AsyncClient, card: AgentCard, key: str | None) -> None:
    client = a2a_client(http, card, key)
    with pytest.raises(A2AClientError, match="401"):
        await final_task(client, message("부서별 직원 수를 알려줘"))


async def test_raw_json_rpc_with_api_key_header(http: httpx.AsyncClient) -> None:
    body = {"jsonrpc": "2.0", "id": 1, "method": "SendMessage", "params": {"message": {
        "role": "ROLE_USER", "messageId": uuid.uuid4().hex, "parts": [{"text": "Total sales by region"}]}}}
    response = await http.post("/a2a", json=body, headers={"X-API-Key": KEYS[1], "A2A-Version": "1.0"})
    assert response.status_code == 200
    task = response.json()["result"]["task"]
    assert task["status"]["state"] == "TASK_STATE_COMPLETED"
    assert {a["name"] for a in task["artifacts"]} == {"sql", "result", "summary"}


async def test_rest_binding_with_bearer(http: httpx.AsyncClient) -> None:
    body = {"message": {"role": "ROLE_USER", "messageId": uuid.uuid4().hex, "parts": [{"text": "부서별 직원 수를 알려줘"}]}}
    response = await http.post("/a2a/message:send", json=body,
                               headers={"Authorization": f"Bearer {KEYS[0]}", "A2A-Version": "1.0"})
    assert response.status_code == 200, response.text
    assert response.json()["task"]["status"]["state"] == "TASK_STATE_COMPLETED"


async def test_oversized_body_is_413_and_long_question_fails_cleanly(http: httpx.AsyncClient, card: AgentCard) -> None:
    response = await http.post("/a2a", content=b"x" * (70 * 1024), headers={"X-API-Key": KEYS[0]})
    assert response.status_code == 413 and response.json()["error"]["code"] == "REQUEST_TOO_LARGE"
    task, _ = await final_task(a2a_client(http, card, KEYS[0]), message("직원 " * 1500))
    assert task.status.state == TaskState.TASK_STATE_FAILED
    assert "limit" in get_data_parts(task.status.message.parts)[0]["message"]


async def test_health_endpoints(http: httpx.AsyncClient) -> None:
    assert (await http.get("/healthz")).json() == {"status": "ok"}
    ready = await ready_response(http, {"X-API-Key": KEYS[0]})
    checks = {c["name"]: c for c in ready.json()["checks"]}
    assert ready.status_code == 200, ready.text
    assert set(checks) == {"warm-up", "milvus", "conversations", "schema:default", "oltp:default"}
    assert all(c["ok"] for c in checks.values())
    assert "40 templates" in checks["milvus"]["detail"]


@pytest.fixture
def task_store_database() -> Iterator[str]:
    """A PostgreSQL database of this test's own (t2s_callers_<pid>), dropped afterwards."""
    server_url = postgres_url()
    if server_url is None:
        pytest.skip("PostgreSQL is not running on 127.0.0.1:5432")
    import psycopg

    name, user = f"t2s_callers_{os.getpid()}", make_url(server_url).username
    with psycopg.connect(host="127.0.0.1", user=user, dbname="postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {name}")
    yield f"postgresql+asyncpg://{user}@127.0.0.1:5432/{name}"
    with psycopg.connect(host="127.0.0.1", user=user, dbname="postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.mark.postgres
async def test_tasks_in_a_shared_postgres_store_are_seen_by_another_replica(demo: UnifiedSettings,
                                                                            task_store_database: str) -> None:
    """Two apps (replicas) on one task store: a task created through one is read through the other."""
    url = task_store_database
    settings = served_settings(demo, task_store_url=url)
    agent = Text2SQLAgent(settings, llm=None)
    first, second = create_app(settings, agent), create_app(settings, agent)
    headers = {"X-API-Key": KEYS[0], "A2A-Version": "1.0"}
    body = {"message": {"role": "ROLE_USER", "messageId": uuid.uuid4().hex, "parts": [{"text": "부서별 직원 수를 알려줘"}]}}
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=first), base_url=BASE) as one:
        created = (await one.post("/a2a/message:send", json=body, headers=headers)).json()["task"]
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=second), base_url=BASE) as other:
        fetched = await other.get(f"/a2a/tasks/{created['id']}", headers=headers)
        foreign = await other.get(f"/a2a/tasks/{created['id']}", headers={"X-API-Key": KEYS[1], "A2A-Version": "1.0"})
    assert foreign.status_code == 404, foreign.text  # the task is its creator's, on every replica
    assert fetched.status_code == 200, fetched.text
    assert fetched.json()["status"]["state"] == "TASK_STATE_COMPLETED"
    assert {a["name"] for a in fetched.json()["artifacts"]} == {"sql", "result", "summary"}
