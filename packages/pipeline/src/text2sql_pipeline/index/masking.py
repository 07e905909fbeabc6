"""Values are not meaning: mask them before matching a question to templates.

A template's example question says "flights of United Airlines"; a new question asks about "JetBlue Airways".
Left in, the names pull the search toward whichever template happened to mention the same name. The template
side masks the example values of its parameters; the question side masks what looks like a value: numbers,
quoted strings, codes in capitals and capitalised names inside a sentence."""

from __future__ import annotations

import re

from text2sql_core.models import SQLTemplateInDB

__all__ = ["MASK", "mask_question", "masked_search_text"]

MASK = "X"
_QUOTED = re.compile(r"'[^']+'|\"[^\"]+\"|‘[^’]+’|“[^”]+”")
_NUMBER = re.compile(r"(?<![A-Za-z0-9_])\d+(?:[.,:/-]\d+)*(?![A-Za-z0-9_])")
_CODE = re.compile(r"\b[A-Z][A-Z0-9]{1,}\b")
# A run of capitalised words not at the start of the text or of a sentence.
_NAME = re.compile(r"(?<=[a-z0-9,] )(?:[A-Z][\w&.'-]*)(?: (?:of |de |the )?[A-Z][\w&.'-]*)*")


def mask_question(question: str) -> str:
    text = _QUOTED.sub(MASK, question)
    text = _NUMBER.sub(MASK, text)
    text = _CODE.sub(MASK, text)
    text = _NAME.sub(MASK, text)
    return re.sub(rf"(?:{MASK}\s*)+(?={MASK})", "", text)


def _mask_values(text: str, values: list[str]) -> str:
    for value in sorted(values, key=len, reverse=True):
        if value:
            text = re.sub(rf"(?<![\w]){re.escape(value)}(?![\w])", MASK, text, flags=re.IGNORECASE)
    return text


def masked_search_text(template: SQLTemplateInDB) -> str:
    """The text to embed and to feed BM25: description and example questions, values masked the same way a
    question is."""
    values = [str(p.example).strip("%") for p in template.params if p.from_question and p.example is not None]
    return mask_question(_mask_values(template.search_text(), values))
