"""Warm-up: load what a question needs before /readyz says ready, so the first question after ready costs what
every other one does (the embedding model, Kiwi, the Milvus client and collection with its value lexicon, each
datasource's schema, and — without an LLM — one dry run of the graph, which warms sqlglot and the Phase 1 caches)."""

from __future__ import annotations

import asyncio
import logging
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from text2sql_agent.agent import Text2SQLAgent
from text2sql_core.connection import mask_url_secrets
from text2sql_core.errors import Text2SQLError
from text2sql_core.text import bm25_text

__all__ = ["WARM_UP_QUESTION", "WarmUp"]

logger = logging.getLogger("text2sql.serve")

WARM_UP_QUESTION = "부서별 직원 수를 알려줘"
# A failed warm-up is tried again on a later /readyz, but not more often than this (a dead Milvus is not hammered).
RETRY_AFTER_S = 10.0


def _warm_values(index: Any | None, datasource: str) -> int:
    """Read the value index once (its store, the compiled matcher) so the first question does not; none is fine."""
    return 0 if index is None else len(index.columns(datasource))


@dataclass
class WarmUp:
    agent: Text2SQLAgent
    state: Literal["pending", "warming", "ready", "failed"] = "pending"
    steps: list[dict[str, Any]] = field(default_factory=list)
    ms: float = 0.0
    _finished_at: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def _plan(self) -> list[tuple[str, Callable[[], object]]]:
        agent, resources = self.agent, self.agent.resources
        default = agent.settings.default_datasource
        plan: list[tuple[str, Callable[[], object]]] = [
            ("embeddings", lambda: resources.embeddings.embed_query(WARM_UP_QUESTION)),
            ("korean", lambda: bm25_text(WARM_UP_QUESTION)),
            ("milvus", lambda: resources.retrieval().search(WARM_UP_QUESTION, top_k=1, datasource=default)),
            ("values", lambda: _warm_values(resources.value_index(), default)),
        ]
        for datasource in agent.settings.datasource_names():
            plan.append((f"schema:{datasource}", lambda ds=datasource: resources.tables(ds)))
        if agent.llm is None:
            # Not with an LLM: a dry run would call it. Not executed (nothing runs on the database), but in a thread
            # of its own, as every A2A task is: that builds the checkpointed graph (~1 s the first time). The
            # one checkpoint it leaves goes with the checkpointer's retention.
            thread = f"warm-up:{uuid.uuid4().hex}"
            plan.append(("graph", lambda: agent.ask(WARM_UP_QUESTION, datasource=default, thread_id=thread,
                                                    execute=False)))
        return plan

    def _claim(self, retry_failed: bool) -> bool:
        """Become the one warm-up in progress, unless one runs, it is done, or it failed a moment ago."""
        with self._lock:
            stale = self.state == "failed" and (retry_failed or time.monotonic() - self._finished_at >= RETRY_AFTER_S)
            if self.state != "pending" and not stale:
                return False
            self.state = "warming"
            return True

    def run(self) -> bool:
        """Warm up now (blocking), for `serve --check`; True when every step loaded."""
        if self._claim(retry_failed=True):
            self._load()
        return self.state == "ready"

    def start(self) -> None:
        """Warm up in a worker thread (at start-up, and again on /readyz after a failure)."""
        if self._claim(retry_failed=False):
            asyncio.get_running_loop().run_in_executor(None, self._load)

    def _load(self) -> None:
        started = time.perf_counter()
        steps: list[dict[str, Any]] = []
        for name, load in self._plan():
            began = time.perf_counter()
            try:
                load()
                steps.append({"name": name, "ok": True})
            except Text2SQLError as err:
                steps.append({"name": name, "ok": False, "code": err.code, "error": mask_url_secrets(err.message)})
            except Exception as err:  # a step's own failure is reported by name, the trace goes to the log
                logger.exception("warm-up step %s failed", name)
                steps.append({"name": name, "ok": False, "error": mask_url_secrets(f"{type(err).__name__}: {err}")})
            steps[-1]["ms"] = round((time.perf_counter() - began) * 1000, 1)
        ok = all(step["ok"] for step in steps)
        with self._lock:
            self.steps, self.ms = steps, round((time.perf_counter() - started) * 1000, 1)
            self.state, self._finished_at = ("ready" if ok else "failed"), time.monotonic()
        logger.info("warm-up %s in %.0f ms: %s", self.state, self.ms,
                    ", ".join(f"{s['name']} {s['ms']:.0f} ms" + ("" if s["ok"] else " FAILED") for s in steps))

    def summary(self) -> dict[str, Any]:
        """What /readyz (to an authenticated caller) and `serve --check` show."""
        failed = [s for s in self.steps if not s["ok"]]
        outcome: dict[str, Any] = {"name": "warm-up", "ok": self.state == "ready", "ms": self.ms,
                                   "detail": ", ".join(f"{s['name']} {s['ms']:.0f} ms" for s in self.steps)}
        if failed:
            outcome["error"] = "; ".join(f"{s['name']}: {s['error']}" for s in failed)
            codes = [s["code"] for s in failed if "code" in s]
            if codes:
                outcome["code"] = codes[0]
        return outcome
