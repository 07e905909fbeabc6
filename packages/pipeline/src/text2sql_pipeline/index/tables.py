"""The schema collection: one document per table (name, comment, columns with types and comments, keys),
for Phase 2 schema retrieval on large schemas."""

from __future__ import annotations

import json

from langchain_core.embeddings import Embeddings
from pymilvus import MilvusClient

from text2sql_core.models import TableSchema
from text2sql_pipeline.index.collection import BM25_TEXT, DENSE, CollectionSpec, MilvusCollection, fit_bytes
from text2sql_pipeline.index.templates import IndexCounts
from text2sql_pipeline.index.tokenize import bm25_text
from text2sql_pipeline.process.fingerprint import content_hash

__all__ = ["TableStore", "table_id"]


def table_id(datasource: str, table: str) -> str:
    return f"{datasource}:{table}"[:128]


def _search_text(table: TableSchema) -> str:
    synonyms = " ".join([*table.synonyms, *[s for c in table.columns for s in c.synonyms]])
    return f"{table.to_document()}\n{synonyms}".strip()


class TableStore:
    def __init__(self, client: MilvusClient, name: str, embeddings: Embeddings, dimension: int):
        spec = CollectionSpec(name=name, dimension=dimension,
                              varchar_fields=(("datasource", 256), ("table_name", 512), ("content_hash", 64),
                                              ("document", 65535)))
        self.collection = MilvusCollection(client, spec)
        self.embeddings = embeddings

    def index(self, datasource: str, tables: list[TableSchema]) -> IndexCounts:
        self.collection.ensure()
        docs = {table_id(datasource, t.name): (t, _search_text(t)) for t in tables}
        hashes = {i: content_hash(json.dumps(t.model_dump(mode="json"), sort_keys=True, ensure_ascii=False))
                  for i, (t, _) in docs.items()}
        stored = self.collection.fetch(docs, ["content_hash"])
        changed = [i for i in docs if stored.get(i, {}).get("content_hash") != hashes[i]]
        counts = IndexCounts(unchanged=len(docs) - len(changed))
        vectors = self.embeddings.embed_documents([docs[i][1] for i in changed]) if changed else []
        rows = [
            {"id": i, "datasource": datasource, "table_name": docs[i][0].name, "content_hash": hashes[i],
             "document": fit_bytes(docs[i][0].to_document(), 65535), "payload": docs[i][0].model_dump(mode="json"),
             BM25_TEXT: fit_bytes(bm25_text(docs[i][1]), 65535), DENSE: vector}
            for i, vector in zip(changed, vectors, strict=True)
        ]
        self.collection.upsert(rows)
        if rows:
            self.collection.flush()
        counts.indexed = len(rows)
        return counts
