"""Question tokens with their character spans: words split from Korean particles and endings (kiwipiepy),
so "서울에" and "부산에" align as "서울"+"에" and "부산"+"에"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from text2sql_pipeline.index.tokenize import analyse_korean

__all__ = ["Token", "tokenize_question"]

_WORD = re.compile(r"'[^']*'|\"[^\"]*\"|\d+(?:[.,]\d+)*|[A-Za-z][A-Za-z0-9_.\-]*|[^\sA-Za-z0-9]+", re.UNICODE)
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def key(self) -> str:
        return self.text.lower().strip("'\"")


def _split_korean(text: str, offset: int) -> list[Token]:
    tokens = []
    for m in analyse_korean(text):
        start = offset + m.start
        # Kiwi restores the base form of verbs (변했 → 변하); keep the surface text for spans.
        tokens.append(Token(text[m.start : m.start + m.len], start, start + m.len))
    return tokens


@lru_cache(maxsize=2048)
def tokenize_question(question: str) -> tuple[Token, ...]:
    tokens: list[Token] = []
    for match in _WORD.finditer(question):
        text = match.group(0)
        if _HANGUL.search(text):
            tokens.extend(_split_korean(text, match.start()))
        elif text.strip() and not re.fullmatch(r"[?.!,;:]+", text):
            tokens.append(Token(text, match.start(), match.end()))
    return tuple(tokens)
