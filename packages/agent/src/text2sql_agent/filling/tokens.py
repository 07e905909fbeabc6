"""Question tokens with their spans now live in the language layer (`text2sql_core.text.tokens`); this name stays
so code written against `text2sql_agent.filling.tokens` keeps working."""

from __future__ import annotations

from text2sql_core.text.tokens import Token, tokenize_question

__all__ = ["Token", "tokenize_question"]
