"""`Text2SQLAgent`: the Python API over the graph — ask, or stream the steps as they happen."""

from __future__ import annotations

import asyncio
import logging
import threading
import uuid
from collections.abc import AsyncIterator, Iterator
from typing import Any

from text2sql_agent.answer import Answer, Step
from text2sql_agent.graph import build_text2sql_graph
from text2sql_agent.resources import AgentResources
from text2sql_agent.state import turn_reset
from text2sql_core.llm import create_llm_with_retry
from text2sql_core.settings import UnifiedSettings
from text2sql_core.sqltext import inline_params

__all__ = ["Text2SQLAgent"]

log = logging.getLogger(__name__)

_DEFAULT_LLM = object()


class Text2SQLAgent:
    def __init__(self, settings: UnifiedSettings | None = None, llm: Any = _DEFAULT_LLM,
                 checkpointer: Any | None = None, nodes: dict[str, Any] | None = None, **resource_options: Any):
        """`resource_options` go to `AgentResources` (fakes of the search, schema and executor protocols);
        `nodes` replaces graph nodes by name (tests)."""
        self.settings = settings or UnifiedSettings()
        chosen_llm = create_llm_with_retry(self.settings) if llm is _DEFAULT_LLM else llm
        self.resources = AgentResources(self.settings, llm=chosen_llm, **resource_options)
        self._checkpointer = checkpointer
        self._nodes = nodes
        self._lock = threading.Lock()
        self._stateless = build_text2sql_graph(self.settings, resources=self.resources, nodes=nodes)
        self._stateful: Any | None = None

    @property
    def llm(self) -> Any | None:
        return self.resources.llm

    def _graph(self, thread_id: str | None) -> Any:
        if thread_id is None:
            return self._stateless
        with self._lock:
            if self._stateful is None:
                self._stateful = build_text2sql_graph(self.settings, resources=self.resources, nodes=self._nodes,
                                                      checkpointer=self._checkpointer or self._make_checkpointer())
            return self._stateful

    def _make_checkpointer(self) -> Any:
        # Imported here: PostgreSQL and SQLite savers load only when a conversation needs one.
        from text2sql_agent.checkpoints import make_checkpointer

        return make_checkpointer(self.settings)

    def _inputs(self, question: str, datasource: str | None, execute: bool, max_rows: int | None) -> dict[str, Any]:
        return turn_reset(question, datasource or self.settings.default_datasource, execute, max_rows)

    def stream(self, question: str, datasource: str | None = None, thread_id: str | None = None,
               execute: bool = True, max_rows: int | None = None) -> Iterator[Step | Answer]:
        """Yield each step as its node finishes, then the `Answer`."""
        inputs = self._inputs(question, datasource, execute, max_rows)
        config = {"configurable": {"thread_id": thread_id or uuid.uuid4().hex}}
        final: dict[str, Any] = {}
        for mode, chunk in self._graph(thread_id).stream(inputs, config, stream_mode=["updates", "values"]):
            if mode == "values":
                final = chunk
                continue
            for node_update in chunk.values():
                yield from (node_update or {}).get("steps") or []
        yield self._answer(final)

    async def astream(self, question: str, datasource: str | None = None, thread_id: str | None = None,
                      execute: bool = True, max_rows: int | None = None) -> AsyncIterator[Step | Answer]:
        """`stream` for async servers: the graph runs in a worker thread (its nodes block on databases and
        Milvus), and each step is handed to the event loop as it finishes."""
        loop = asyncio.get_running_loop()
        queue: asyncio.Queue[Any] = asyncio.Queue()
        done = object()

        def produce() -> None:
            try:
                for item in self.stream(question, datasource, thread_id, execute, max_rows):
                    loop.call_soon_threadsafe(queue.put_nowait, item)
            except BaseException as err:  # handed over and re-raised in the caller's task
                loop.call_soon_threadsafe(queue.put_nowait, err)
            finally:
                loop.call_soon_threadsafe(queue.put_nowait, done)

        # Not awaited: a cancelled caller stops listening at once; the thread ends with its query's timeout.
        loop.run_in_executor(None, produce)
        while (item := await queue.get()) is not done:
            if isinstance(item, BaseException):
                raise item
            yield item

    def ask(self, question: str, datasource: str | None = None, thread_id: str | None = None,
            execute: bool = True, max_rows: int | None = None) -> Answer:
        inputs = self._inputs(question, datasource, execute, max_rows)
        config = {"configurable": {"thread_id": thread_id or uuid.uuid4().hex}}
        state = self._graph(thread_id).invoke(inputs, config)
        return self._answer(state)

    def _answer(self, state: dict[str, Any]) -> Answer:
        result = state.get("result")
        sql, params = state.get("sql"), state.get("params") or {}
        decision = state.get("phase1")
        inlined = None
        if sql and state.get("phase"):
            try:
                inlined = inline_params(sql, params, self.resources.dialect(state["datasource"])) if params else sql
            except Exception:  # printing binds inline is a convenience; the bound SQL is the answer
                log.warning("could not inline the binds of %r", sql, exc_info=True)
                inlined = sql
        return Answer(
            question=state.get("question", ""), standalone_question=state.get("standalone_question", ""),
            datasource=state.get("datasource", ""), sql=sql if state.get("phase") else None, sql_inlined=inlined,
            params=params, phase=state.get("phase"), template_id=state.get("template_id"),
            confidence=state.get("confidence") or (decision.confidence if decision else 0.0),
            columns=result.columns if result else [], rows=result.rows if result else [],
            truncated=result.truncated if result else False, summary=state.get("summary", ""),
            steps=list(state.get("steps") or []), suggestions=list(state.get("suggestions") or []),
            error=state.get("error"), retrieved=decision.ranked if decision else [], phase1=decision,
        )
