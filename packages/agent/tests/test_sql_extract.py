"""SQL out of a model's answer: fences, prose and stray Korean text removed."""

import pytest

from text2sql_agent.sql_extract import extract_sql


@pytest.mark.parametrize(
    ("reply", "sql"),
    [
        ("```sql\nSELECT 1 FROM dual;\n```", "SELECT 1 FROM dual"),
        ("다음 쿼리를 사용하세요:\n```sql\nSELECT name\nFROM emp\n```\n설명: 이름을 조회합니다.", "SELECT name\nFROM emp"),
        ("Here you go: SELECT a FROM t WHERE b = 1;\nThis returns a.", "SELECT a FROM t WHERE b = 1"),
        ("SELECT a FROM t\n이 쿼리는 a를 보여줍니다.", "SELECT a FROM t"),
        ("```\nWITH x AS (SELECT 1 AS n) SELECT n FROM x\n```", "WITH x AS (SELECT 1 AS n) SELECT n FROM x"),
        ("```python\nprint(1)\n```\n```sql\nSELECT 2\n```", "SELECT 2"),
        ("죄송하지만 답할 수 없습니다.", ""),
    ],
)
def test_extract(reply: str, sql: str) -> None:
    assert extract_sql(reply) == sql
