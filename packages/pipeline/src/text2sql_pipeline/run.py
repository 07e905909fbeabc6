"""One indexing run: ingest → process → index, with a summary. Used by the CLI, the demo and the evaluation."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path

from langchain_core.embeddings import Embeddings
from langchain_core.language_models import BaseChatModel

from text2sql_core.embeddings import create_embeddings
from text2sql_core.models import TableSchema
from text2sql_core.settings import UnifiedSettings
from text2sql_pipeline.index import TemplateStore, connect_milvus
from text2sql_pipeline.ingest import IngestItem, SkippedRow, expand_paths, read_template_file
from text2sql_pipeline.process import TemplateProcessor
from text2sql_pipeline.summary import IndexSummary

__all__ = ["index_rows", "index_template_files", "template_store"]

Progress = Callable[[int, int], None]  # (advance, total)


def template_store(settings: UnifiedSettings, embeddings: Embeddings | None = None,
                   collection: str | None = None) -> TemplateStore:
    client = connect_milvus(settings.milvus)
    return TemplateStore(client, collection or settings.milvus.templates_collection,
                         embeddings or create_embeddings(settings), settings.embedding.dimension)


def index_rows(
    rows: Iterable[IngestItem | SkippedRow],
    store: TemplateStore,
    schemas: dict[str, list[TableSchema]] | None = None,
    llm: BaseChatModel | None = None,
    drop: bool = False,
    progress: Progress | None = None,
    batch_size: int = 64,
) -> IndexSummary:
    started = time.perf_counter()
    processed = TemplateProcessor(schemas, llm).process(rows)
    if drop:
        store.collection.drop()
    total = len(processed.templates)
    counts = store.index(processed.templates, batch_size=batch_size,
                         progress=(lambda n: progress(n, total)) if progress else None)
    return IndexSummary(read=processed.read, indexed=counts.indexed, unchanged=counts.unchanged,
                        duplicates=processed.duplicates, skipped=processed.skipped, templates=total,
                        seconds=time.perf_counter() - started, embed_seconds=counts.embed_seconds)


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
