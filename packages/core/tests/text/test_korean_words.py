"""Words of a question, one way for every reader: tokens with spans, content terms, stopwords of both languages,
quoted strings and numbers, value masking."""

from __future__ import annotations

from text2sql_core.text.masking import MASK, mask_question, mask_values
from text2sql_core.text.stopwords import is_stopword
from text2sql_core.text.tokens import bm25_text, content_terms, tokenize_question
from text2sql_core.text.values import NUMBER, find_quoted, quoted_values


def test_tokens_keep_surface_text_spans_and_tags() -> None:
    question = "서울에 사는 고객 5명"
    tokens = tokenize_question(question)
    assert [t.text for t in tokens[:2]] == ["서울", "에"]
    assert all(question[t.start:t.end] == t.text for t in tokens)
    assert tokens[0].tag.startswith("NN") and tokens[1].tag.startswith("J")
    english = tokenize_question("Show 'Acme Corp' orders, please.")
    assert [t.key for t in english] == ["show", "acme corp", "orders", "please"]


def test_asking_words_are_stopwords_in_both_languages_but_meaning_stays() -> None:
    for polite in ("부서별 직원 수를 알려줘", "부서별 직원 수를 알려주세요", "부서별 직원 수 보여줘", "부서별 직원 수는 뭐야?"):
        assert bm25_text(polite) == "부서 별 직원 수", polite
    assert bm25_text("Show me the number of employees in each department") == "number employees each department"
    assert "목록" in content_terms("직원 목록을 보여줘")  # a list asked for is meaning, not politeness
    assert is_stopword("Show") and is_stopword("알리", "VV") and is_stopword("주", "VX")
    assert not is_stopword("목록", "NNG") and not is_stopword("수", "NNG") and not is_stopword("salary")


def test_bm25_text_splits_identifiers_and_drops_grammar() -> None:
    assert bm25_text("Average SALARY by order_date") == "average salary order date"
    assert "를" not in bm25_text("직원 수를 알려줘").split()
    assert bm25_text("") == "" and bm25_text("  ") == ""


def test_quoted_strings_and_numbers_have_one_definition() -> None:
    text = "고객 '홍길동' 과 “Acme” 주문 중 -1,200.5 원 이상"
    assert quoted_values(text) == ["홍길동", "Acme"]
    first = find_quoted(text)[0]
    assert text[first.start:first.end] == "'홍길동'"
    assert [m.group(0) for m in NUMBER.finditer(text)] == ["-1,200.5"]
    assert [m.group(0) for m in NUMBER.finditer("v2 A5 3.14 2024")] == ["3.14", "2024"]


def test_masking_hides_values_by_their_look_and_by_name() -> None:
    assert mask_question("Flights of United Airlines after 2024-03-01") == f"Flights of {MASK} after {MASK}"
    assert mask_question("'서울' 고객 3명") == f"{MASK} 고객 {MASK}명"
    assert mask_question("Which ICN flights?") == f"Which {MASK} flights?"
    # A Korean value is masked with its particle left on ("부산에" → "X에"); a Latin one never inside a word.
    assert mask_values("부산에 사는 고객", ["부산"]) == f"{MASK}에 사는 고객"
    assert mask_values("the cat in the catalog", ["Cat"]) == f"the {MASK} in the catalog"
    assert mask_values("no values", []) == "no values"
