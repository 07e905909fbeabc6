"""Schema words across languages: which columns a question names, by name, Korean comment or synonym.

"직원 이름과 급여" shares no letter with `employees.name, salary`; the schema's data dictionary says `name` is
"직원 이름" (also 이름, 성명) and `salary` is "월 급여(원)" (also 급여, 월급, 연봉). `SchemaVocabulary` turns every
column's name, description and synonyms into phrases of content terms (the language layer's `content_terms`, so
"직원수" and "직원 수" read alike, particles never matter) and finds them in a question as whole term sequences —
"총무팀" never mentions a column described as "총". Table-level words (직원, employees) are not column mentions.
"""

from __future__ import annotations

import re
import threading
from collections import defaultdict
from dataclasses import dataclass, field

from text2sql_core.models import TableSchema
from text2sql_core.text.korean import analyse, is_content_tag
from text2sql_core.text.stopwords import is_stopword
from text2sql_core.text.tokens import content_terms

__all__ = ["ColumnMention", "SchemaVocabulary", "fold_term"]

# A description's head names the column; what follows says more ("월 급여(원)", "상태: 완료/취소").
_DESCRIPTION_HEAD = re.compile(r"[(\[{:;,/]| - ")
_IDENTIFIER_PART = re.compile(r"[_\W]+", re.UNICODE)
_MIN_PHRASE_CHARS = 2
_CACHE_SIZE = 16


def fold_term(term: str) -> str:
    """English plurals folded so "salaries" meets "salary" and "names" meets "name" (Korean has no plural here)."""
    if term.isascii() and len(term) > 3:
        if term.endswith("ies"):
            return term[:-3] + "y"
        if term.endswith("s") and not term.endswith("ss"):
            return term[:-1]
    return term


@dataclass(frozen=True)
class ColumnMention:
    """A column the question names: `text` is the question's own words for it, `span` their [start, end)."""

    table: str
    column: str
    text: str
    span: tuple[int, int]


@dataclass
class _Phrases:
    by_first: dict[str, list[tuple[tuple[str, ...], str, str]]] = field(default_factory=lambda: defaultdict(list))
    words: dict[tuple[str, str], set[str]] = field(default_factory=lambda: defaultdict(set))


def _phrase_terms(phrase: str) -> tuple[str, ...]:
    return tuple(fold_term(t) for t in content_terms(phrase.replace("_", " ")))


def _question_terms(question: str) -> list[tuple[str, int, int]]:
    """(folded term, start, end) of each content term of the question, in order, with its span in the question."""
    terms = []
    for morpheme in analyse(question):
        if not is_content_tag(morpheme.tag) or is_stopword(morpheme.form, morpheme.tag):
            continue
        for part in _IDENTIFIER_PART.split(morpheme.form.lower()):
            if part and not is_stopword(part):
                terms.append((fold_term(part), morpheme.start, morpheme.end))
    return terms


class SchemaVocabulary:
    """The words each column goes by, in every language the schema speaks, and where a question uses them."""

    def __init__(self, phrases: _Phrases):
        self._phrases = phrases

    @classmethod
    def from_tables(cls, tables: list[TableSchema]) -> SchemaVocabulary:
        key = _schema_key(tables)
        with _cache_lock:
            cached = _cache.get(key)
        if cached is not None:
            return cached
        vocabulary = cls(_build(tables))
        with _cache_lock:
            if len(_cache) >= _CACHE_SIZE:
                _cache.pop(next(iter(_cache)))
            _cache[key] = vocabulary
        return vocabulary

    def words_for(self, table: str, column: str) -> set[str]:
        """The phrases `table.column` goes by: its name, its description's head, its synonyms (as written)."""
        return set(self._phrases.words.get((table.lower(), column.lower()), set()))

    def columns_mentioned(self, question: str) -> list[ColumnMention]:
        """Every column a stretch of the question names; a longer phrase hides the shorter ones inside it ("부서
        이름" is dept_name, not also employees.name). One stretch may name columns of several tables."""
        terms = _question_terms(question)
        found: list[tuple[int, int, str, str]] = []
        for i, (term, _, _) in enumerate(terms):
            for phrase, table, column in self._phrases.by_first.get(term, ()):
                j = i + len(phrase)
                if j <= len(terms) and tuple(t for t, _, _ in terms[i:j]) == phrase:
                    found.append((i, j, table, column))
        kept = [m for m in found if not any(o[0] <= m[0] and m[1] <= o[1] and o[1] - o[0] > m[1] - m[0]
                                              for o in found)]
        mentions = {}
        for i, j, table, column in sorted(kept):
            start, end = terms[i][1], terms[j - 1][2]
            mentions[(table, column, start)] = ColumnMention(table, column, question[start:end], (start, end))
        return list(mentions.values())


def _table_words(table: TableSchema) -> list[tuple[str, ...]]:
    heads = [table.name, _head(table.description), *table.synonyms]
    return [terms for terms in map(_phrase_terms, heads) if terms]


def _head(description: str) -> str:
    return _DESCRIPTION_HEAD.split(description, maxsplit=1)[0].strip() if description else ""


def _build(tables: list[TableSchema]) -> _Phrases:
    phrases = _Phrases()
    for table in tables:
        table_words = _table_words(table)
        for column in table.columns:
            key = (table.name.lower(), column.name.lower())
            for written in (column.name, _head(column.description), *column.synonyms):
                terms = _phrase_terms(written)
                if not terms or len("".join(terms)) < _MIN_PHRASE_CHARS:
                    continue
                phrases.words[key].add(written)
                variants = {terms}
                # "직원 이름" on employees.name is also just "이름" in "직원 중 이름이 김으로 시작하는 사람".
                for prefix in table_words:
                    rest = terms[len(prefix):]
                    if terms[: len(prefix)] == prefix and len("".join(rest)) >= _MIN_PHRASE_CHARS:
                        variants.add(rest)
                for variant in variants:
                    phrases.by_first[variant[0]].append((variant, table.name, column.name))
    return phrases


def _schema_key(tables: list[TableSchema]) -> tuple:
    return tuple((t.name, t.description, tuple(t.synonyms),
                  tuple((c.name, c.description, tuple(c.synonyms)) for c in t.columns)) for t in tables)


# Vocabularies by schema content: a turn asks again for the same datasource's tables (the schema loader caches
# them), and building one analyses every column's words.
_cache: dict[tuple, SchemaVocabulary] = {}
_cache_lock = threading.Lock()
