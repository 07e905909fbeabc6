"""One indexing run: ingest → process → index, with a summary. Used by the CLI, the demo and the evaluation.

Templates are written batch by batch, each counted when it is stored, so a run stopped by Ctrl-C still says what
it stored (`IndexInterrupted` carries the summary so far).
"""

from __future__ import annotations

import contextlib
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from text2sql_core.models import SQLTemplateInDB, TableSchema
from text2sql_core.settings import UnifiedSettings
from text2sql_pipeline.ingest import IngestItem, SkippedRow, expand_paths, read_template_file
from text2sql_pipeline.summary import IndexSummary

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings
    from langchain_core.language_models import BaseChatModel

    from text2sql_pipeline.index import TemplateStore

__all__ = ["IndexInterrupted", "index_rows", "index_template_files", "template_store"]

Progress = Callable[[int, int], None]  # (advance, total) while templates are written
ReadProgress = Callable[[int], None]  # rows read so far, while reading and processing


class IndexInterrupted(KeyboardInterrupt):
    """Ctrl-C during a run; `summary` says what was read and stored before it."""

    def __init__(self, summary: IndexSummary):
        super().__init__("indexing interrupted")
        self.summary = summary


def template_store(settings: UnifiedSettings, embeddings: Embeddings | None = None,
                   collection: str | None = None) -> TemplateStore:
    from text2sql_core.embeddings import create_embeddings
    from text2sql_pipeline.index import TemplateStore, connect_milvus

    client = connect_milvus(settings.milvus)
    return TemplateStore(client, collection or settings.milvus.templates_collection,
                         embeddings or create_embeddings(settings), settings.embedding.dimension)


def _counted(rows: Iterable[IngestItem | SkippedRow], summary: IndexSummary,
             on_read: ReadProgress | None) -> Iterator[IngestItem | SkippedRow]:
    for row in rows:
        summary.read += 1
        if on_read:
            on_read(summary.read)
        yield row


def index_rows(
    rows: Iterable[IngestItem | SkippedRow],
    store: TemplateStore,
    schemas: dict[str, list[TableSchema]] | None = None,
    llm: BaseChatModel | None = None,
    drop: bool = False,
    progress: Progress | None = None,
    batch_size: int = 64,
    on_read: ReadProgress | None = None,
) -> IndexSummary:
    """Raises `IndexInterrupted` (a KeyboardInterrupt) with the summary so far when interrupted."""
    from text2sql_pipeline.process import TemplateProcessor
    from text2sql_pipeline.schema_check import unknown_names

    started = time.perf_counter()
    summary = IndexSummary()
    try:
        processed = TemplateProcessor(schemas, llm).process(_counted(rows, summary, on_read))
    except KeyboardInterrupt:
        summary.interrupted, summary.seconds = "reading", time.perf_counter() - started
        raise IndexInterrupted(summary) from None
    summary.duplicates, summary.skipped = processed.duplicates, processed.skipped
    summary.templates = len(processed.templates)
    summary.warnings = unknown_names(processed.templates, schemas or {})
    try:
        with _ctrl_c_between_batches() as stop:
            _store_batches(processed.templates, store, summary, drop, progress, batch_size, stop)
    except KeyboardInterrupt:
        summary.interrupted = "indexing"
        raise IndexInterrupted(summary) from None
    finally:
        summary.seconds = time.perf_counter() - started
    return summary


@contextlib.contextmanager
def _ctrl_c_between_batches() -> Iterator[threading.Event]:
    """Ctrl-C while storing is taken between batches, never inside a Milvus call: a KeyboardInterrupt raised in
    the middle of a gRPC call leaves the call's state waiting in its destructor, and the process hangs instead of
    printing what was stored."""
    stop = threading.Event()
    if threading.current_thread() is not threading.main_thread():  # signal handlers live on the main thread only
        yield stop
        return
    previous = signal.signal(signal.SIGINT, lambda *_: stop.set())
    try:
        yield stop
    finally:
        signal.signal(signal.SIGINT, previous)


def _store_batches(templates: list[SQLTemplateInDB], store: TemplateStore, summary: IndexSummary, drop: bool,
                   progress: Progress | None, batch_size: int, stop: threading.Event) -> None:
    total = len(templates)
    if drop:
        store.collection.drop()

    def stored(n: int) -> None:  # the store calls it once a batch is written (or found unchanged)
        summary.stored += n
        if progress:
            progress(n, total)

    # one batch per call: indexed and unchanged are told apart per batch
    for start in range(0, total, batch_size):
        if stop.is_set():
            raise KeyboardInterrupt
        counts = store.index(templates[start : start + batch_size], batch_size=batch_size, progress=stored)
        summary.indexed += counts.indexed
        summary.unchanged += counts.unchanged
        summary.embed_seconds += counts.embed_seconds
    if stop.is_set():
        raise KeyboardInterrupt


def index_template_files(
    paths: Iterable[str | Path],
    store: TemplateStore,
    datasource: str,
    dialect: str,
    **kwargs: object,
) -> IndexSummary:
    defaults = {"datasource": datasource, "dialect": dialect}
    rows = (row for path in expand_paths(paths) for row in read_template_file(path, defaults))
    return index_rows(rows, store, **kwargs)  # type: ignore[arg-type]
