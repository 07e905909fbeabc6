"""Everything the nodes use, created once per agent and lazily: retrieval, schema, validators, executors."""

from __future__ import annotations

import threading
from functools import cached_property
from typing import Any

from langchain_core.embeddings import Embeddings

from text2sql_agent.phase1.confidence import Calibration
from text2sql_core.db import ReadOnlyExecutor
from text2sql_core.embeddings import create_embeddings
from text2sql_core.errors import Text2SQLError
from text2sql_core.models import TableSchema
from text2sql_core.schema import CachedSchemaLoader, create_schema_loader
from text2sql_core.settings import UnifiedSettings
from text2sql_core.validation import SQLValidator
from text2sql_pipeline import HybridRetrievalService, TableRetrievalService, connect_milvus

__all__ = ["AgentResources"]


class AgentResources:
    def __init__(self, settings: UnifiedSettings, llm: Any | None = None, embeddings: Embeddings | None = None,
                 calibration: Calibration | None = None, retrieval: HybridRetrievalService | None = None):
        self.settings = settings
        self.llm = llm
        self._embeddings = embeddings
        self.calibration = calibration or Calibration.load(settings.agent.calibration_path)
        self._retrieval = retrieval
        self._lock = threading.Lock()
        self._loaders: dict[str, CachedSchemaLoader] = {}
        self._executors: dict[str, ReadOnlyExecutor] = {}

    @cached_property
    def embeddings(self) -> Embeddings:
        return self._embeddings or create_embeddings(self.settings)

    def retrieval(self) -> HybridRetrievalService:
        """Connects on first use, so an unreachable Milvus fails the retrieval step, not the agent's creation."""
        with self._lock:
            if self._retrieval is None:
                client = connect_milvus(self.settings.milvus)
                self._retrieval = HybridRetrievalService(client, self.settings.milvus.templates_collection,
                                                         self.embeddings, self.settings.milvus)
            return self._retrieval

    def table_retrieval(self) -> TableRetrievalService | None:
        try:
            client = connect_milvus(self.settings.milvus)
        except Text2SQLError:
            return None
        service = TableRetrievalService(client, self.settings.milvus.schema_collection, self.embeddings)
        return service if service.available() else None

    def schema_loader(self, datasource: str) -> CachedSchemaLoader:
        with self._lock:
            if datasource not in self._loaders:
                self._loaders[datasource] = create_schema_loader(self.settings, datasource)
            return self._loaders[datasource]

    def tables(self, datasource: str) -> list[TableSchema]:
        return self.schema_loader(datasource).load_tables()

    def dialect(self, datasource: str) -> str:
        return self.settings.dialect_for(datasource)

    def validator(self, datasource: str, with_llm: bool = False) -> SQLValidator:
        security = self.settings.security
        return SQLValidator(self.dialect(datasource), schema=self.tables(datasource),
                            llm=self.llm if with_llm else None, denied_tables=security.denied_tables,
                            denied_columns=security.denied_columns)

    def executor(self, datasource: str) -> ReadOnlyExecutor:
        with self._lock:
            if datasource not in self._executors:
                security = self.settings.security
                self._executors[datasource] = ReadOnlyExecutor(
                    self.settings.connection("oltp", datasource), max_rows=security.max_rows,
                    timeout_seconds=security.query_timeout_seconds)
            return self._executors[datasource]
