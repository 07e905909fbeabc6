"""`SQLValidator`: the syntax guard, the schema check and, with an LLM, a review against the question."""

from __future__ import annotations

from collections.abc import Iterable

from langchain_core.language_models import BaseChatModel
from sqlglot import exp

from text2sql_core.dialects import normalize_dialect
from text2sql_core.errors import SQLValidationError
from text2sql_core.models.schema import TableSchema
from text2sql_core.validation.catalog import SchemaCatalog
from text2sql_core.validation.guard import parse_read_only, validate_syntax
from text2sql_core.validation.llm_review import review_with_llm
from text2sql_core.validation.policy import GuardPolicy
from text2sql_core.validation.scopes import whole_row_reads
from text2sql_core.validation.semantic import SemanticReport, check_references

__all__ = ["SQLValidator"]


class SQLValidator:
    def __init__(
        self,
        dialect: str = "oracle",
        schema: Iterable[TableSchema] | None = None,
        llm: BaseChatModel | None = None,
        denied_tables: Iterable[str] = (),
        denied_columns: Iterable[str] = (),
        policy: GuardPolicy | None = None,
    ):
        self.dialect = normalize_dialect(dialect)
        self.tables = list(schema or [])
        self.catalog = SchemaCatalog(self.tables) if schema is not None else None
        self.llm = llm
        self.denied_tables = {t.lower() for t in denied_tables}
        self.denied_columns = {c.lower() for c in denied_columns}
        # None: the process's policy from TEXT2SQL_SECURITY__* (see `current_policy`).
        self.policy = policy

    def validate_syntax(self, sql: str) -> str:
        """The cleaned SQL if it is exactly one read-only query; raises `SQLValidationError` otherwise."""
        return validate_syntax(sql, self.dialect, policy=self.policy)

    def check_schema(self, sql: str) -> SemanticReport:
        tree = parse_read_only(sql, self.dialect, policy=self.policy)
        if self.catalog is None:
            return _denied_only(tree, self.denied_tables, self.denied_columns)
        return check_references(tree, self.catalog, self.denied_tables, self.denied_columns)

    def validate_semantic(
        self, sql: str, question: str = "", use_llm: bool = True, schema_text: str = ""
    ) -> tuple[bool, float, str]:
        """(is_valid, confidence, explanation). Unknown or denied tables/columns make it invalid."""
        try:
            report = self.check_schema(sql)
        except SQLValidationError as err:
            return False, 0.0, err.message
        if report.denied:
            return False, 0.0, "; ".join(report.denied)
        if report.problems:
            return False, 0.0, "; ".join(report.problems)
        if self.llm is None or not use_llm or not question:
            return True, 1.0, "all tables and columns exist" if self.catalog else "no schema loaded to check"
        verdict = review_with_llm(self.llm, sql, question, schema_text or self._schema_text(report))
        explanation = verdict.explanation or ("the LLM judged the SQL to answer the question"
                                              if verdict.valid else "the LLM judged the SQL off-question")
        return verdict.valid, verdict.confidence, explanation

    def _schema_text(self, report: SemanticReport) -> str:
        used = [t for t in self.tables if t.name.lower() in report.tables]
        return "\n\n".join(t.to_document() for t in used)


def _denied_only(tree: exp.Expression, denied_tables: set[str], denied_columns: set[str]) -> SemanticReport:
    """Without a schema we cannot check existence, but denied names are still refused, and so is anything that
    would read a whole row (`*`, `t.*`, a whole-row reference) of a table with a denied column."""
    report = SemanticReport()
    for table in tree.find_all(exp.Table):
        if table.name.lower() in denied_tables:
            report.denied.append(f"table {table.name} is not allowed")
    for column in tree.find_all(exp.Column):
        qualified = f"{column.table}.{column.name}".lower()
        if column.name.lower() in denied_columns or qualified in denied_columns:
            report.denied.append(f"column {column.name} is not allowed")
    guarded = {c.split(".")[0] for c in denied_columns if "." in c}
    any_table = any("." not in c for c in denied_columns)
    for table, how in whole_row_reads(tree):
        if any_table or table in guarded:
            report.denied.append(f"{how} may expose a denied column of {table}; name the columns instead")
    return report
