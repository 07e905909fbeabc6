"""Phase 2 prompts: the dialect stated, the relevant schema, the nearest templates as examples."""

from __future__ import annotations

__all__ = ["DIALECT_RULES", "phase2_messages"]

DIALECT_RULES = {
    "oracle": "Oracle SQL. Limit rows with FETCH FIRST n ROWS ONLY (or ROWNUM); never LIMIT. Dates: DATE "
              "'YYYY-MM-DD', TRUNC, ADD_MONTHS, SYSDATE. Strings compare with = and LIKE. No semicolon.",
    "postgres": "PostgreSQL. Limit rows with LIMIT n. Dates: DATE 'YYYY-MM-DD', date_trunc, now(), intervals.",
    "mysql": "MySQL/MariaDB. Limit rows with LIMIT n. Dates: DATE_FORMAT, CURDATE(), DATE_SUB.",
    "sqlite": "SQLite. Limit rows with LIMIT n. Dates are text: date('now'), strftime('%Y-%m', col).",
}


def phase2_messages(question: str, dialect: str, schema_text: str, examples: list[tuple[str, str]],
                    feedback: str | None = None, previous_sql: str | None = None) -> list[tuple[str, str]]:
    system = (
        "You write one read-only SQL query (SELECT or WITH … SELECT) that answers the user's question on the "
        f"schema below. Target: {DIALECT_RULES.get(dialect, dialect)} Use only tables and columns that exist. "
        "Never write INSERT, UPDATE, DELETE, DDL or anything that changes data; if the question asks for that, "
        "answer with a SELECT showing the rows concerned. Reply with the SQL in one ```sql code block."
    )
    shots = "\n\n".join(f"Question: {q}\n```sql\n{sql}\n```" for q, sql in examples)
    user = f"Schema:\n{schema_text}\n\n"
    if shots:
        user += f"Examples of trusted SQL on this database:\n{shots}\n\n"
    user += f"Question: {question}"
    if feedback:
        user += (f"\n\nYour previous SQL was refused:\n```sql\n{previous_sql or ''}\n```\nError: {feedback}\n"
                 "Write a corrected query.")
    return [("system", system), ("human", user)]
