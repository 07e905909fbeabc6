"""Korean is split into morphemes for BM25; particles and endings dropped; identifiers split."""

from text2sql_pipeline.index import bm25_text


def test_korean_morphemes() -> None:
    assert bm25_text("부서별 직원 수를 알려줘").split()[:4] == ["부서", "별", "직원", "수"]
    assert "직원" in bm25_text("직원수를").split()
    assert "를" not in bm25_text("직원 수를 알려줘").split()


def test_latin_and_identifiers() -> None:
    assert bm25_text("Average SALARY by order_date") == "average salary order date"
    assert bm25_text("") == ""
