"""The templates collection: one row per template; re-indexing merges with what is stored and skips the unchanged."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass

from langchain_core.embeddings import Embeddings
from pymilvus import MilvusClient

from text2sql_core.models import SQLTemplateInDB
from text2sql_core.text.tokens import BM25_VERSION
from text2sql_pipeline.index.collection import (
    BM25_TEXT,
    DENSE,
    DENSE_MASKED,
    CollectionSpec,
    MilvusCollection,
    fit_bytes,
)
from text2sql_pipeline.index.masking import masked_search_text
from text2sql_pipeline.index.tokenize import bm25_text
from text2sql_pipeline.process.dedupe import merge_into
from text2sql_pipeline.process.fingerprint import content_hash

__all__ = ["IndexCounts", "TemplateStore", "template_bm25_text"]

Progress = Callable[[int], None]


def template_spec(name: str, dimension: int) -> CollectionSpec:
    return CollectionSpec(
        name=name, dimension=dimension,
        varchar_fields=(("datasource", 256), ("template_hash", 64), ("content_hash", 64), ("sql_text", 65535),
                        ("description", 8192)),
        json_fields=("params", "tables", "columns", "domain_tags", "payload"),
        int_fields=("exec_count",),
        masked_vector=True,
    )


def template_bm25_text(template: SQLTemplateInDB) -> str:
    return bm25_text(template.search_text())


def _fingerprint(template: SQLTemplateInDB) -> str:
    data = template.model_dump(mode="json", exclude={"embedding", "created_at", "updated_at"})
    # The stored row also holds BM25 text derived from the template: when its recipe changes (BM25_VERSION), rows
    # written by the old one must count as changed, so the next `index` rewrites them.
    data["bm25_version"] = BM25_VERSION
    return content_hash(json.dumps(data, sort_keys=True, ensure_ascii=False))


@dataclass
class IndexCounts:
    indexed: int = 0
    unchanged: int = 0
    embed_seconds: float = 0.0
    write_seconds: float = 0.0


class TemplateStore:
    def __init__(self, client: MilvusClient, name: str, embeddings: Embeddings, dimension: int):
        self.collection = MilvusCollection(client, template_spec(name, dimension))
        self.embeddings = embeddings

    def _row(self, template: SQLTemplateInDB, vector: list[float], masked: list[float]) -> dict:
        payload = template.model_dump(mode="json", exclude={"embedding"})
        return {
            "id": template.id, "datasource": template.datasource, "template_hash": template.template_hash,
            "content_hash": _fingerprint(template), "sql_text": fit_bytes(template.sql_text, 65535),
            "description": fit_bytes(template.description, 8192), "exec_count": template.exec_count,
            "params": payload["params"], "tables": template.tables, "columns": template.columns,
            "domain_tags": template.domain_tags, "payload": payload,
            BM25_TEXT: fit_bytes(template_bm25_text(template), 65535), DENSE: vector, DENSE_MASKED: masked,
        }

    def _merge_with_stored(self, templates: list[SQLTemplateInDB]) -> tuple[list[SQLTemplateInDB], int]:
        stored = self.collection.fetch([t.id for t in templates], ["content_hash", "payload"])
        changed, unchanged = [], 0
        for template in templates:
            old = stored.get(template.id)
            if old is not None:
                previous = SQLTemplateInDB.model_validate(old["payload"])
                merge_into(template, previous, sum_counts=False)
                template.created_at = previous.created_at
                if _fingerprint(template) == old["content_hash"]:
                    unchanged += 1
                    continue
            changed.append(template)
        return changed, unchanged

    def index(self, templates: list[SQLTemplateInDB], batch_size: int = 64,
              progress: Progress | None = None) -> IndexCounts:
        """Upsert new or changed templates (embedding only those); count the unchanged."""
        self.collection.ensure()
        changed, unchanged = self._merge_with_stored(templates)
        counts = IndexCounts(unchanged=unchanged)
        if progress and unchanged:
            progress(unchanged)
        for start in range(0, len(changed), batch_size):
            batch = changed[start : start + batch_size]
            began = time.perf_counter()
            vectors, masked = self._embed(batch)
            counts.embed_seconds += time.perf_counter() - began
            began = time.perf_counter()
            self.collection.upsert([self._row(t, v, m) for t, v, m in zip(batch, vectors, masked, strict=True)])
            counts.write_seconds += time.perf_counter() - began
            counts.indexed += len(batch)
            if progress:
                progress(len(batch))
        if counts.indexed:
            self.collection.flush()
        return counts

    def _embed(self, batch: list[SQLTemplateInDB]) -> tuple[list[list[float]], list[list[float]]]:
        """Vectors of the text as written and with its values masked (embedded once when they are the same)."""
        plain = [t.search_text() or t.sql_text for t in batch]
        masked = [masked_search_text(t) or t.sql_text for t in batch]
        distinct = list(dict.fromkeys(plain + masked))
        vectors = dict(zip(distinct, self.embeddings.embed_documents(distinct), strict=True))
        return [vectors[t] for t in plain], [vectors[t] for t in masked]

    def get(self, template_id: str) -> SQLTemplateInDB | None:
        row = self.collection.fetch([template_id], ["payload"]).get(template_id)
        return SQLTemplateInDB.model_validate(row["payload"]) if row else None
