"""The value collection (`text2sql_values`): every datasource's indexed columns, where every replica sees them.

One row per column (a long column is split into parts, each under Milvus's JSON size limit), keyed by datasource,
table and column; the values, synonyms and `complete` flag are the row's JSON payload. Nothing is searched by
vector: the collection helper wants a dense field, so each row carries a constant two-number vector."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from pymilvus import MilvusClient

from text2sql_core.models import ColumnValues
from text2sql_pipeline.index.collection import BM25_TEXT, DENSE, CollectionSpec, MilvusCollection, fit_bytes
from text2sql_pipeline.retrieval.scope import datasource_filter

__all__ = ["DEFAULT_COLLECTION", "ValueStore"]

DEFAULT_COLLECTION = "text2sql_values"
_DIMENSION = 2
_VECTOR = [1.0, 0.0]
# Milvus caps a JSON field at 64 KiB; a part holds at most this many bytes of values.
_PART_BYTES = 40_000
# Milvus caps one query's limit at 16384 rows: more parts than this for one datasource are not read back.
_MAX_ROWS = 16384


def _row_id(datasource: str, table: str, column: str, part: int) -> str:
    name = f"{datasource}:{table}.{column}#{part}"
    if len(name.encode("utf-8")) <= 128:
        return name
    return f"{datasource[:40]}:{hashlib.sha1(name.encode('utf-8')).hexdigest()}#{part}"


def _parts(values: list[str]) -> list[list[str]]:
    parts: list[list[str]] = [[]]
    size = 0
    for value in values:
        length = len(json.dumps(value, ensure_ascii=False).encode("utf-8")) + 1
        if parts[-1] and size + length > _PART_BYTES:
            parts.append([])
            size = 0
        parts[-1].append(value)
        size += length
    return parts


class ValueStore:
    def __init__(self, client: MilvusClient, name: str = DEFAULT_COLLECTION):
        spec = CollectionSpec(name=name, dimension=_DIMENSION,
                              varchar_fields=(("datasource", 256), ("table_name", 512), ("column_name", 512)))
        self.collection = MilvusCollection(client, spec)

    def _rows(self, datasource: str, column: ColumnValues) -> list[dict[str, Any]]:
        rows = []
        for number, values in enumerate(_parts(column.values)):
            payload = {"table": column.table, "column": column.column, "values": values, "complete": column.complete,
                       "part": number, "synonyms": column.synonyms if number == 0 else {}}
            rows.append({"id": _row_id(datasource, column.table, column.column, number), "datasource": datasource,
                         "table_name": fit_bytes(column.table, 512), "column_name": fit_bytes(column.column, 512),
                         "payload": payload, BM25_TEXT: fit_bytes(f"{column.table} {column.column}", 4096),
                         DENSE: _VECTOR})
        return rows

    def _stored_ids(self, datasource: str) -> set[str]:
        rows = self.collection._call("query", self.collection.client.query, self.collection.name,
                                     filter=datasource_filter(datasource), output_fields=["id"], limit=_MAX_ROWS)
        return {row["id"] for row in rows}

    def replace(self, datasource: str, columns: list[ColumnValues]) -> int:
        """Make the datasource's stored columns exactly `columns` (a refresh): upsert them, delete the rest.
        Returns the number of values stored."""
        self.collection.ensure()
        rows = [row for column in columns for row in self._rows(datasource, column)]
        stale = self._stored_ids(datasource) - {row["id"] for row in rows}
        for start in range(0, len(rows), 200):
            self.collection.upsert(rows[start : start + 200])
        self.collection.delete(sorted(stale))
        self.collection.flush()
        return sum(len(c.values) for c in columns)

    def load(self, datasource: str) -> list[ColumnValues]:
        """The datasource's columns as stored (parts joined); empty when nothing was indexed."""
        if not self.collection.exists():
            return []
        self.collection.load()
        rows = self.collection._call("query", self.collection.client.query, self.collection.name,
                                     filter=datasource_filter(datasource), output_fields=["payload"], limit=_MAX_ROWS)
        columns: dict[tuple[str, str], ColumnValues] = {}
        for row in sorted(rows, key=lambda r: int((r.get("payload") or {}).get("part", 0))):
            payload = dict(row.get("payload") or {})
            where = (str(payload.get("table", "")), str(payload.get("column", "")))
            column = columns.setdefault(where, ColumnValues(datasource=datasource, table=where[0], column=where[1],
                                                            complete=bool(payload.get("complete", True))))
            column.values.extend(str(v) for v in payload.get("values") or [])
            for value, synonyms in (payload.get("synonyms") or {}).items():
                column.synonyms.setdefault(str(value), []).extend(str(s) for s in synonyms)
        return list(columns.values())
