"""The A2A executor: a message becomes a task whose status updates are the graph's steps, and whose artifacts
are the SQL, the result and the summary. The A2A context id names the conversation within one caller: its thread id
is namespaced by the caller (see callers.py)."""

from __future__ import annotations

import logging
import time
from typing import Any

from a2a.helpers import new_data_part, new_task_from_user_message, new_text_part
from a2a.server.agent_execution import AgentExecutor, RequestContext
from a2a.server.events import EventQueue
from a2a.server.tasks import TaskUpdater
from a2a.types import Part, TaskState

from text2sql_agent.agent import Text2SQLAgent
from text2sql_agent.answer import Answer, Step
from text2sql_agent.nodes.common import has_hangul
from text2sql_agent.progress import describe_step
from text2sql_agent.server.callers import caller_of, caller_thread_id
from text2sql_agent.server.inputs import AskRequest, check_message, parse_request
from text2sql_core.errors import Text2SQLError

__all__ = ["Text2SQLExecutor"]

logger = logging.getLogger("text2sql.a2a")


def _log_fields(context: RequestContext) -> dict[str, Any]:
    """The request log's per-request record (see middleware), filled in as the task goes."""
    return context.call_context.state.setdefault("log", {})


def _failure(updater: TaskUpdater, code: str, message: str, extra: dict[str, Any] | None = None) -> Any:
    parts = [new_text_part(f"[{code}] {message}"), new_data_part({"code": code, "message": message, **(extra or {})})]
    return updater.failed(updater.new_agent_message(parts))


def _result_part(answer: Answer) -> Part:
    dumped = answer.model_dump(mode="json", include={"columns", "rows", "truncated"})
    return new_data_part(dumped | {"row_count": len(answer.rows)})


class Text2SQLExecutor(AgentExecutor):
    def __init__(self, agent: Text2SQLAgent):
        self.agent = agent

    async def execute(self, context: RequestContext, event_queue: EventQueue) -> None:
        task = context.current_task
        if task is None:
            task = new_task_from_user_message(check_message(context.message))
            await event_queue.enqueue_event(task)
        updater = TaskUpdater(event_queue, task.id, task.context_id)
        log = _log_fields(context)
        log |= {"task_id": task.id, "context_id": task.context_id}
        started = time.perf_counter()
        try:
            request = parse_request(context.message, self.agent.settings)
        except Text2SQLError as err:
            log |= {"outcome": "rejected", "code": err.code}
            await _failure(updater, err.code, err.message)
            return
        await updater.start_work()
        try:
            thread_id = caller_thread_id(caller_of(context.call_context), task.context_id)
            answer = await self._run(request, thread_id, updater)
        except Text2SQLError as err:
            log |= {"outcome": "failed", "code": err.code}
            await _failure(updater, err.code, err.message)
            return
        except Exception:
            # The trace goes to the server log, never to the caller.
            logger.exception("task %s failed", task.id)
            log |= {"outcome": "failed", "code": "INTERNAL_ERROR"}
            await _failure(updater, "INTERNAL_ERROR", "The server failed to answer; the error is in its log.")
            return
        finally:
            log["task_ms"] = round((time.perf_counter() - started) * 1000, 1)
        log |= {"phase": answer.phase, "outcome": "completed" if answer.ok and not answer.error else "failed"}
        await self._publish(answer, request, updater, log)

    async def _run(self, request: AskRequest, thread_id: str, updater: TaskUpdater) -> Answer:
        korean = has_hangul(request.question)
        answer: Answer | None = None
        async for item in self.agent.astream(request.question, datasource=request.datasource, thread_id=thread_id,
                                             execute=request.execute, max_rows=request.max_rows):
            if isinstance(item, Step):
                message = updater.new_agent_message([new_text_part(describe_step(item, korean)),
                                                     new_data_part({"step": item.model_dump(mode="json")})])
                await updater.update_status(TaskState.TASK_STATE_WORKING, message=message)
            else:
                answer = item
        if answer is None:  # the stream always ends with an Answer; this guards a broken graph
            raise Text2SQLError("The agent returned no answer.", code="INTERNAL_ERROR")
        return answer

    async def _publish(self, answer: Answer, request: AskRequest, updater: TaskUpdater, log: dict[str, Any]) -> None:
        meta = {"phase": answer.phase, "confidence": round(answer.confidence, 4), "template_id": answer.template_id,
                "datasource": answer.datasource}
        if answer.sql:
            await updater.add_artifact([new_text_part(answer.sql_inlined or answer.sql, media_type="application/sql")],
                                       name="sql", metadata=meta | answer.model_dump(mode="json", include={"params"}))
        if answer.error:
            log["code"] = answer.error.get("code")
            suggestions = [s.model_dump(mode="json") for s in answer.suggestions]
            await _failure(updater, answer.error.get("code", "ERROR"), answer.error.get("message", ""),
                           {"suggestions": suggestions} if suggestions else None)
            return
        if request.execute:
            await updater.add_artifact([_result_part(answer)], name="result", metadata=meta)
        if answer.summary:
            await updater.add_artifact([new_text_part(answer.summary)], name="summary")
        await updater.complete()

    async def cancel(self, context: RequestContext, event_queue: EventQueue) -> None:
        task = context.current_task
        if task is not None:
            await TaskUpdater(event_queue, task.id, task.context_id).cancel()
