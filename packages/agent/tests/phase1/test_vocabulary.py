"""Schema words across languages: a Korean question names columns through the data dictionary, an English one
through the names; table words are not column mentions; a longer phrase hides the shorter ones inside it."""

from __future__ import annotations

import pytest

from text2sql_agent.phase1.vocabulary import ColumnMention, SchemaVocabulary
from text2sql_core.models import ColumnSchema, TableSchema
from text2sql_core.schema import create_schema_loader


@pytest.fixture(scope="module")
def demo_vocabulary(fast_demo) -> SchemaVocabulary:
    tables = create_schema_loader(fast_demo.settings, fast_demo.settings.default_datasource).load_tables()
    return SchemaVocabulary.from_tables(tables)


def _columns(vocabulary: SchemaVocabulary, question: str) -> set[tuple[str, str]]:
    return {(m.table, m.column) for m in vocabulary.columns_mentioned(question)}


def test_korean_question_names_columns_through_comments_and_synonyms(demo_vocabulary: SchemaVocabulary) -> None:
    assert _columns(demo_vocabulary, "직원 이름과 급여를 보여줘") == {("employees", "name"), ("employees", "salary")}
    assert ("employees", "salary") in _columns(demo_vocabulary, "연봉이 가장 높은 직원 5명")
    assert ("employees", "hire_date") in _columns(demo_vocabulary, "입사일이 2024년 이후인 사원")


def test_english_question_names_the_same_columns_by_their_names(demo_vocabulary: SchemaVocabulary) -> None:
    found = _columns(demo_vocabulary, "Show employee names and salaries")
    assert ("employees", "salary") in found and ("employees", "name") in found
    assert ("orders", "order_date") in _columns(demo_vocabulary, "orders by order date")


def test_mentions_carry_the_questions_own_words_and_span(demo_vocabulary: SchemaVocabulary) -> None:
    question = "부서 이름별 인원"
    mentions = demo_vocabulary.columns_mentioned(question)
    assert ColumnMention("departments", "dept_name", "부서 이름", (0, 5)) in mentions
    # "이름" inside "부서 이름" is the department's name, not also the employee's.
    assert ("employees", "name") not in {(m.table, m.column) for m in mentions}
    for mention in mentions:
        assert question[mention.span[0]:mention.span[1]] == mention.text


def test_table_words_and_lookalike_words_are_not_column_mentions(demo_vocabulary: SchemaVocabulary) -> None:
    assert _columns(demo_vocabulary, "직원 목록") == set()
    assert _columns(demo_vocabulary, "고객 전체") == set()
    tables = [TableSchema(name="t", columns=[ColumnSchema(name="total", description="총", synonyms=["점"])])]
    vocabulary = SchemaVocabulary.from_tables(tables)
    assert vocabulary.columns_mentioned("총무팀 점수를 알려줘") == []  # one-syllable words never stand alone


def test_words_for_lists_name_description_head_and_synonyms(demo_vocabulary: SchemaVocabulary) -> None:
    assert demo_vocabulary.words_for("employees", "salary") >= {"salary", "월 급여", "급여", "연봉"}
    assert demo_vocabulary.words_for("EMPLOYEES", "SALARY") == demo_vocabulary.words_for("employees", "salary")
    assert demo_vocabulary.words_for("employees", "nope") == set()


def test_the_same_schema_gives_the_same_vocabulary() -> None:
    tables = [TableSchema(name="emp", columns=[ColumnSchema(name="sal", description="급여")])]
    assert SchemaVocabulary.from_tables(tables) is SchemaVocabulary.from_tables([t.model_copy() for t in tables])
