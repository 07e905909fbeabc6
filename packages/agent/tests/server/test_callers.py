"""Callers kept apart: key B can neither see nor extend key A's task or conversation (official a2a-sdk client);
without keys, two addresses are two callers."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest
from a2a.client import A2ACardResolver
from a2a.helpers import get_data_parts, new_text_part
from a2a.types import (
    CancelTaskRequest,
    GetTaskRequest,
    ListTasksRequest,
    Message,
    Role,
    SendMessageRequest,
    SubscribeToTaskRequest,
    TaskState,
)
from a2a.utils.errors import A2AError, TaskNotFoundError

from a2a_testing import BASE, KEYS, a2a_client, served_settings
from scripted_llm import ScriptedChatModel, route_by_system
from text2sql_agent import Text2SQLAgent
from text2sql_agent.server.app import create_app
from text2sql_agent.server.callers import caller_thread_id
from text2sql_core.settings import ServerSettings, UnifiedSettings

REWRITE = "Rewrite the user's last question"
PHASE1_CHOICE = "You map a question to one of the given SQL templates"
SUMMARY = "Summarise the query result"


def message(text: str, context_id: str = "", task_id: str = "") -> SendMessageRequest:
    return SendMessageRequest(message=Message(role=Role.ROLE_USER, parts=[new_text_part(text)],
                                              message_id=uuid.uuid4().hex, context_id=context_id, task_id=task_id))


async def send(client: Any, request: SendMessageRequest) -> list[Any]:
    return [event async for event in client.send_message(request)]


async def created_task(client: Any, events: list[Any]) -> Any:
    """The task as stored once the stream ended (a stream ends with status updates, not the task)."""
    task_id = next(e.task.id if e.HasField("task") else e.status_update.task_id for e in events
                   if e.HasField("task") or e.HasField("status_update"))
    return await client.get_task(GetTaskRequest(id=task_id))


def question_step(events: list[Any]) -> dict[str, Any]:
    return next(get_data_parts(e.status_update.status.message.parts)[0]["step"] for e in events
                if e.HasField("status_update") and e.status_update.status.HasField("message"))


def test_thread_ids_are_per_caller_and_cannot_be_forged_with_the_context_id() -> None:
    assert caller_thread_id("key:aaa", "ctx") != caller_thread_id("key:bbb", "ctx")
    assert caller_thread_id("key:aaa", "ctx") == caller_thread_id("key:aaa", "ctx")
    # A context id with colons cannot reach into another caller's namespace.
    forged = caller_thread_id("key:bbb", caller_thread_id("key:aaa", "ctx").split(":", 2)[2])
    assert forged != caller_thread_id("key:aaa", "ctx")


async def test_key_b_cannot_see_cancel_subscribe_or_extend_key_a_task(demo: UnifiedSettings) -> None:
    rewrites: list[str] = []

    def rewrite(messages: list) -> str:
        rewrites.append(str(messages[-1].content))
        return "부서별 평균 급여를 알려줘"

    llm = ScriptedChatModel(respond=route_by_system({REWRITE: rewrite, PHASE1_CHOICE: '{"template_id": null}',
                                                     SUMMARY: "요약"}))
    settings = served_settings(demo, requests_per_minute=600)
    app = create_app(settings, Text2SQLAgent(settings, llm=llm))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE, timeout=60) as http:
        card = await A2ACardResolver(http, BASE).get_agent_card()
        alice, bob = (a2a_client(http, card, key, streaming=True) for key in KEYS)
        created = await created_task(alice, await send(alice, message("부서별 직원 수를 알려줘")))
        assert created.status.state == TaskState.TASK_STATE_COMPLETED

        with pytest.raises(TaskNotFoundError):
            await bob.get_task(GetTaskRequest(id=created.id))
        with pytest.raises(TaskNotFoundError):
            await bob.cancel_task(CancelTaskRequest(id=created.id))
        with pytest.raises(TaskNotFoundError):
            [event async for event in bob.subscribe(SubscribeToTaskRequest(id=created.id))]
        with pytest.raises(TaskNotFoundError):
            await send(bob, message("그럼 평균 급여는?", task_id=created.id))
        assert created.id not in {t.id for t in (await bob.list_tasks(ListTasksRequest())).tasks}
        assert created.id in {t.id for t in (await alice.list_tasks(ListTasksRequest())).tasks}
        # The owner still sees it; cancelling a finished task is refused for another reason than "not found".
        assert (await alice.get_task(GetTaskRequest(id=created.id))).id == created.id
        with pytest.raises(A2AError) as refused:
            await alice.cancel_task(CancelTaskRequest(id=created.id))
        assert not isinstance(refused.value, TaskNotFoundError)

        # Bob reusing Alice's context id starts his own conversation: nothing of hers is rewritten into his.
        events = await send(bob, message("그럼 최고 급여는?", context_id=created.context_id))
        assert rewrites == [] and question_step(events)["detail"].get("rewritten") is not True
        # Alice's follow-up in the same context does see her first question.
        events = await send(alice, message("그럼 평균 급여는?", context_id=created.context_id))
        assert len(rewrites) == 1 and "부서별 직원 수를 알려줘" in rewrites[0] and "최고 급여" not in rewrites[0]
        assert question_step(events)["detail"]["rewritten"] is True


async def test_without_keys_two_addresses_are_two_callers(demo: UnifiedSettings) -> None:
    settings = demo.model_copy(update={"server": ServerSettings(requests_per_minute=600)})
    app = create_app(settings, Text2SQLAgent(settings, llm=None))

    def client_at(address: str) -> httpx.AsyncClient:
        transport = httpx.ASGITransport(app=app, client=(address, 40000))
        return httpx.AsyncClient(transport=transport, base_url=BASE, timeout=60)

    async with client_at("127.0.0.1") as one, client_at("127.0.0.2") as two:
        card = await A2ACardResolver(one, BASE).get_agent_card()
        mine = a2a_client(one, card, None)
        created = await created_task(mine, await send(mine, message("부서별 직원 수를 알려줘")))
        assert created.status.state == TaskState.TASK_STATE_COMPLETED
        with pytest.raises(TaskNotFoundError):
            await a2a_client(two, card, None).get_task(GetTaskRequest(id=created.id))
