"""Everything the nodes use, created once per agent and lazily — each behind a protocol of
`text2sql_core.protocols`, so tests hand in in-memory fakes and the agent never touches a Milvus client."""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Mapping
from functools import cached_property
from typing import Any

from langchain_core.embeddings import Embeddings

from text2sql_agent.phase1.confidence import Calibration
from text2sql_core.db import ReadOnlyExecutor
from text2sql_core.embeddings import create_embeddings
from text2sql_core.models import TableSchema
from text2sql_core.protocols import Executor, SchemaSource, TableSearch, TemplateSearch
from text2sql_core.schema import create_schema_loader
from text2sql_core.settings import UnifiedSettings
from text2sql_core.validation import SQLValidator
from text2sql_core.validation.policy import GuardPolicy
from text2sql_pipeline import open_table_search, open_template_search

__all__ = ["AgentResources"]

log = logging.getLogger(__name__)


class AgentResources:
    """`retrieval`, `table_search`, `schemas` and `executors` may be injected (tests pass fakes); whatever is not
    is opened from the settings on first use, so an unreachable backend fails a step, not the agent's creation."""

    def __init__(self, settings: UnifiedSettings, llm: Any | None = None, embeddings: Embeddings | None = None,
                 calibration: Calibration | None = None, retrieval: TemplateSearch | None = None,
                 table_search: TableSearch | None = None, schemas: Mapping[str, SchemaSource] | None = None,
                 executors: Mapping[str, Executor] | None = None, value_index: Any | None = None,
                 vocabularies: Mapping[str, Any] | None = None):
        self.settings = settings
        self.llm = llm
        self._embeddings = embeddings
        self.calibration = calibration or Calibration.load(settings.agent.calibration_path)
        self._retrieval = retrieval
        self._table_search = table_search
        self._lock = threading.Lock()
        self._schemas: dict[str, SchemaSource] = dict(schemas or {})
        self._executors: dict[str, Executor] = dict(executors or {})
        self._value_index = value_index
        self._value_index_tried = value_index is not None
        self._vocabularies: dict[str, Any] = dict(vocabularies or {})

    @cached_property
    def embeddings(self) -> Embeddings:
        return self._embeddings or create_embeddings(self.settings)

    def retrieval(self) -> TemplateSearch:
        with self._lock:
            if self._retrieval is None:
                self._retrieval = open_template_search(self.settings, self.embeddings)
            return self._retrieval

    def table_retrieval(self) -> TableSearch | None:
        """The schema collection's search, or None when there is none (looked up each time: it may be built
        while the agent runs)."""
        return self._table_search or open_table_search(self.settings, self.embeddings)

    def schema_loader(self, datasource: str) -> SchemaSource:
        with self._lock:
            if datasource not in self._schemas:
                self._schemas[datasource] = create_schema_loader(self.settings, datasource)
            return self._schemas[datasource]

    def tables(self, datasource: str) -> list[TableSchema]:
        return self.schema_loader(datasource).load_tables()

    def dialect(self, datasource: str) -> str:
        return self.settings.dialect_for(datasource)

    def validator(self, datasource: str, with_llm: bool = False) -> SQLValidator:
        security = self.settings.security
        return SQLValidator(self.dialect(datasource), schema=self.tables(datasource),
                            llm=self.llm if with_llm else None, denied_tables=security.denied_tables,
                            denied_columns=security.denied_columns,
                            policy=GuardPolicy.from_settings(security))

    def executor(self, datasource: str) -> Executor:
        with self._lock:
            if datasource not in self._executors:
                security = self.settings.security
                self._executors[datasource] = ReadOnlyExecutor(
                    self.settings.connection("oltp", datasource), max_rows=security.max_rows,
                    timeout_seconds=security.query_timeout_seconds,
                    guard_policy=GuardPolicy.from_settings(security))
            return self._executors[datasource]

    def value_index(self) -> Any | None:
        """The datasources' value index (`text2sql_pipeline.values`), or None when there is none: values then come
        from alignment with the example question alone (weaker evidence, scored lower)."""
        with self._lock:
            if not self._value_index_tried:
                self._value_index_tried = True
                self._value_index = _open_optional("text2sql_pipeline.values", "open_value_index", self.settings)
            return self._value_index

    def vocabulary(self, datasource: str) -> Any | None:
        """Question words → columns for `datasource` (`phase1.vocabulary.SchemaVocabulary`), or None."""
        if datasource not in self._vocabularies:
            vocabulary = None
            try:
                module = importlib.import_module("text2sql_agent.phase1.vocabulary")
                build = getattr(getattr(module, "SchemaVocabulary", None), "from_tables", None)
                vocabulary = build(self.tables(datasource)) if build else None
            except ImportError:
                vocabulary = None
            except Exception as err:  # no schema, no vocabulary: column accounting is skipped, not the answer
                log.warning("no schema vocabulary for %s: %s", datasource, err)
            self._vocabularies[datasource] = vocabulary
        return self._vocabularies[datasource]


def _open_optional(module_name: str, function: str, *args: Any) -> Any | None:
    try:
        opener = getattr(importlib.import_module(module_name), function, None)
    except ImportError:
        return None
    if opener is None:
        return None
    try:
        return opener(*args)
    except Exception as err:  # the value index is evidence, not a requirement: answer without it, say so in the log
        log.warning("value index unavailable (%s): %s", err.__class__.__name__, err)
        return None
