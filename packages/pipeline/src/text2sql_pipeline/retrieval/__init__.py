"""The search side: hybrid template retrieval and table retrieval."""

from text2sql_pipeline.retrieval.hybrid import HybridRetrievalService, datasource_filter
from text2sql_pipeline.retrieval.tables import TableRetrievalService

__all__ = ["HybridRetrievalService", "TableRetrievalService", "datasource_filter"]
