"""Identifier overlap across languages: with the schema's vocabulary, "직원 이름과 급여" names the template's
columns as "employee names and salaries" does; without it only English names count."""

from __future__ import annotations

from text2sql_agent.phase1.rerank import identifier_overlap, rerank
from text2sql_agent.phase1.vocabulary import SchemaVocabulary
from text2sql_core.models import ColumnSchema, SQLTemplateSearch, TableSchema

EMPLOYEES = TableSchema(name="employees", description="직원", synonyms=["직원", "사원"], columns=[
    ColumnSchema(name="name", description="직원 이름", synonyms=["이름", "성명"]),
    ColumnSchema(name="salary", description="월 급여(원)", synonyms=["급여", "연봉"]),
    ColumnSchema(name="hire_date", description="입사일"),
    ColumnSchema(name="city", description="거주 도시"),
])


def template(sql: str, question: str, cosine: float, tid: str) -> SQLTemplateSearch:
    return SQLTemplateSearch(id=tid, sql_text=sql, normalized_text=sql, template_hash=tid, dialect="sqlite",
                             tables=["employees"], description=question, example_question=question,
                             dense_score=cosine)


def mentioned(vocabulary: SchemaVocabulary, question: str) -> frozenset[tuple[str, str]]:
    return frozenset((m.table.lower(), m.column.lower()) for m in vocabulary.columns_mentioned(question))


def test_korean_question_gets_the_overlap_its_english_twin_gets() -> None:
    vocabulary = SchemaVocabulary.from_tables([EMPLOYEES])
    names = template("SELECT name, salary FROM employees", "list of staff", 0.9, "a")
    korean, english = "직원 이름과 급여", "employee names and salaries"
    assert identifier_overlap(korean, names) == 0.0  # no vocabulary: Hangul never meets an English name
    assert identifier_overlap(korean, names, mentioned(vocabulary, korean)) == 1.0
    assert identifier_overlap(english, names, mentioned(vocabulary, english)) == 1.0


def test_the_vocabulary_breaks_a_near_tie_toward_the_columns_asked_for() -> None:
    vocabulary = SchemaVocabulary.from_tables([EMPLOYEES])
    by_city = template("SELECT name, city FROM employees", "직원 목록", 0.901, "city")
    by_salary = template("SELECT name, salary FROM employees", "직원 목록", 0.900, "salary")
    question = "직원 이름과 연봉을 보여줘"
    assert rerank(question, [by_city, by_salary])[0].template is by_city  # cosine alone
    assert rerank(question, [by_city, by_salary], vocabulary)[0].template is by_salary


def test_a_column_of_another_table_does_not_count() -> None:
    vocabulary = SchemaVocabulary.from_tables([EMPLOYEES])
    other = SQLTemplateSearch(id="o", sql_text="SELECT salary FROM payroll", normalized_text="SELECT salary FROM payroll",
                              template_hash="o", dialect="sqlite", tables=["payroll"], dense_score=0.9)
    assert identifier_overlap("연봉", other, mentioned(vocabulary, "연봉")) == 0.0
