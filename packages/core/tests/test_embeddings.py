"""The bundled multilingual-e5-small: 384-d, normalized, Korean paraphrases close; the OpenAI path's config."""

from __future__ import annotations

import numpy as np
import pytest

from text2sql_core.embeddings import LocalE5Embeddings, PrefixedEmbeddings, create_embeddings
from text2sql_core.errors import ConfigurationError
from text2sql_core.settings import UnifiedSettings


def test_local_model_ranks_a_korean_paraphrase_first() -> None:
    embeddings = create_embeddings(UnifiedSettings(_env_file=None))
    assert isinstance(embeddings, LocalE5Embeddings) and embeddings.dimension == 384
    docs = embeddings.embed_documents(["부서별 직원 수", "월별 매출 합계", "가장 비싼 상품 목록"])
    query = np.array(embeddings.embed_query("각 부서에 직원이 몇 명 있나요?"))
    scores = np.array(docs) @ query
    assert int(np.argmax(scores)) == 0
    assert abs(np.linalg.norm(query) - 1.0) < 1e-3


def test_openai_provider_needs_a_base_url() -> None:
    with pytest.raises(ConfigurationError, match="TEXT2SQL_EMBEDDING__BASE_URL"):
        create_embeddings(UnifiedSettings(_env_file=None, embedding={"provider": "openai"}))


def test_openai_provider_with_e5_model_gets_prefixes() -> None:
    settings = UnifiedSettings(_env_file=None, embedding={"provider": "openai", "base_url": "http://127.0.0.1:9/v1",
                                                           "model": "intfloat/multilingual-e5-large"})
    assert isinstance(create_embeddings(settings), PrefixedEmbeddings)
