"""Scoping by datasource: one Milvus filter expression, applied inside every search and query (never a post-filter),
so a datasource's templates, tables and values never leak into another's answers."""

from __future__ import annotations

import json

__all__ = ["datasource_filter"]


def datasource_filter(datasource: str | None) -> str:
    return f"datasource == {json.dumps(datasource)}" if datasource else ""
