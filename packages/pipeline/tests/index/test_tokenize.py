"""The BM25 field's text is the language layer's: Korean split into morphemes, particles, endings and asking words
dropped, identifiers split — the same function at index time and at question time."""

from text2sql_core.models import SQLTemplateInDB, TemplateParam
from text2sql_core.text import tokens as core_tokens
from text2sql_pipeline.index import bm25_text
from text2sql_pipeline.index.masking import masked_search_text


def test_korean_morphemes() -> None:
    assert bm25_text("부서별 직원 수를 알려줘").split() == ["부서", "별", "직원", "수"]
    assert "직원" in bm25_text("직원수를").split()
    assert "를" not in bm25_text("직원 수를 알려줘").split()


def test_latin_and_identifiers() -> None:
    assert bm25_text("Average SALARY by order_date") == "average salary order date"
    assert bm25_text("") == ""


def test_the_pipeline_and_the_agent_share_one_tokeniser() -> None:
    assert bm25_text is core_tokens.bm25_text


def test_a_templates_korean_example_value_is_masked_before_its_particle() -> None:
    template = SQLTemplateInDB(
        id="t1", template_hash="h", normalized_text="SELECT name FROM customers WHERE city = :city",
        sql_text="SELECT name FROM customers WHERE city = '부산'", description="",
        questions=["부산에 사는 고객 이름"], params=[TemplateParam(name="city", example="부산", type="string")])
    assert masked_search_text(template) == "X에 사는 고객 이름"
