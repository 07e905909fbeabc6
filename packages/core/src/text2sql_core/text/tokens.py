"""Words of a text, the same way everywhere: question tokens with spans (for filling) and content terms (for BM25
and overlap).

Two views of one analysis (`korean.analyse`):

- `tokenize_question` keeps every word with its character span and surface text, Korean split from its particles
  and endings, so "서울에" and "부산에" align as "서울"+"에" and "부산"+"에" when a template's values are replaced;
- `content_terms` / `bm25_text` keep only what carries meaning: content morphemes, lower-cased, identifiers split
  (order_date → order date), stopwords of both languages dropped. Milvus Lite's analyzer splits on spaces only,
  so the index and the question must both go through `bm25_text`: change it and the index must be rebuilt —
  bump `BM25_VERSION` so stored rows can tell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from text2sql_core.text.korean import analyse, has_hangul, is_content_tag
from text2sql_core.text.stopwords import is_stopword

__all__ = ["BM25_VERSION", "Token", "bm25_text", "content_terms", "tokenize_question"]

# Bumped whenever `bm25_text` would give other terms for the same input (2: Korean stopwords dropped).
BM25_VERSION = 2

# A Latin word may hold dots and hyphens (e-mail, U.S) but does not end in one: a sentence's full stop is not part
# of its last word ("in Seoul." → "Seoul").
_WORD = re.compile(
    r"'[^']*'|\"[^\"]*\"|\d+(?:[.,]\d+)*|[A-Za-z](?:[A-Za-z0-9_.\-]*[A-Za-z0-9_])?|[^\sA-Za-z0-9]+", re.UNICODE
)
_PUNCTUATION = re.compile(r"[?.!,;:]+")
_SPLIT_IDENTIFIER = re.compile(r"[_\W]+", re.UNICODE)


@dataclass(frozen=True)
class Token:
    """A word of a question as written (`text`), its span, and its part of speech when Kiwi gave one."""

    text: str
    start: int
    end: int
    tag: str = ""

    @property
    def key(self) -> str:
        return self.text.lower().strip("'\"")


def _split_korean(text: str, offset: int) -> list[Token]:
    # Kiwi restores base forms (변했 → 변하); the surface text is what spans and values need.
    return [Token(text[m.start : m.end], offset + m.start, offset + m.end, m.tag) for m in analyse(text)]


@lru_cache(maxsize=4096)
def tokenize_question(question: str) -> tuple[Token, ...]:
    """Every word of `question` with its span; quoted strings and numbers stay whole, Korean is split into
    morphemes, lone punctuation is dropped."""
    tokens: list[Token] = []
    for match in _WORD.finditer(question):
        text = match.group(0)
        if has_hangul(text):
            tokens.extend(_split_korean(text, match.start()))
        elif text.strip() and not _PUNCTUATION.fullmatch(text):
            tokens.append(Token(text, match.start(), match.end()))
    return tuple(tokens)


@lru_cache(maxsize=8192)
def content_terms(text: str) -> tuple[str, ...]:
    """The meaningful terms of `text` in order: content morphemes lower-cased, identifiers split, stopwords of
    both languages dropped."""
    terms: list[str] = []
    for morpheme in analyse(text):
        if not is_content_tag(morpheme.tag) or is_stopword(morpheme.form, morpheme.tag):
            continue
        for word in _SPLIT_IDENTIFIER.split(morpheme.form.lower()):
            if word and not is_stopword(word):
                terms.append(word)
    return tuple(terms)


@lru_cache(maxsize=4096)
def bm25_text(text: str) -> str:
    """Space-separated terms for Milvus's BM25 analyzer, identical at index and query time."""
    if not text or not text.strip():
        return ""
    return " ".join(content_terms(text))
