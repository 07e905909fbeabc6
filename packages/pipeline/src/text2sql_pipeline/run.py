"""One indexing run: ingest → process → index, with a summary. Used by the CLI, the demo and the evaluation.

Templates are written batch by batch, each counted when it is stored, so a run stopped by Ctrl-C still says what
it stored (`IndexInterrupted` carries the summary so far).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from text2sql_core.models import TableSchema
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
    summary.templates = total = len(processed.templates)
    summary.warnings = unknown_names(processed.templates, schemas or {})
    try:
        if drop:
            store.collection.drop()
        def stored(n: int) -> None:  # the store calls it once a batch is written (or found unchanged)
            summary.stored += n
            if progress:
                progress(n, total)

        # one batch per call: indexed and unchanged are told apart per batch
        for start in range(0, total, batch_size):
            counts = store.index(processed.templates[start : start + batch_size], batch_size=batch_size,
                                 progress=stored)
            summary.indexed += counts.indexed
            summary.unchanged += counts.unchanged
            summary.embed_seconds += counts.embed_seconds
    except KeyboardInterrupt:
        summary.interrupted = "indexing"
        raise IndexInterrupted(summary) from None
    finally:
        summary.seconds = time.perf_counter() - started
    return summary


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
